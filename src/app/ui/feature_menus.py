"""The window's feature menus, made once the first window has painted (or when first used).

新建/导入/编辑模板 (`template_actions`), the numbers (`number_actions`: 新建下一期, 从表格填入,
批量生成, 单位信息), 段落与措辞 (`wording_editor`), 恢复未保存的报告 (`recovery`) and
帮助 (`help_menu`) are not needed to show the report: building them, and importing their
modules, waits until the window has painted (`MainWindow._after_first_paint`), which keeps
start-up within its budget (docs/performance.md). A test or a caller that reaches one of them
earlier builds them all at that moment, in the same order, so the menus always read the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QMainWindow

from app.ui.draft_files import DraftFiles
from app.ui.help_menu import HelpActions
from app.ui.number_actions import NumberActions
from app.ui.preview import Preview
from app.ui.recovery import WindowAutosave
from app.ui.template_actions import TemplateActions
from app.ui.window_actions import WindowActions
from app.ui.wording_editor import WordingActions

if TYPE_CHECKING:
    from app.ui.dialogs import Dialogs


class FeatureMenus(QObject):
    """The feature menus of one main window."""

    def __init__(
        self,
        window: QMainWindow,
        actions: WindowActions,
        files: DraftFiles,
        autosave: WindowAutosave,
        preview: Preview,
        preview_rendered: SignalInstance,
        dialogs: Callable[[], Dialogs],
    ) -> None:
        super().__init__(window)
        actions.complete()  # the shortcuts, the language choice, the icons: before the rest
        adapter = files.adapter
        self.templates = TemplateActions(window, adapter, files, actions.file_menu)
        self.numbers = NumberActions(window, adapter, files, actions, dialogs)
        self.wording = WordingActions(window, adapter, actions.edit_menu, preview, dialogs)
        preview_rendered.connect(self.wording.report_stale)
        self.wording.report_stale()  # the report shown before the menus were made
        autosave.install_menu(window, actions.file_menu, files, dialogs)
        self.help = HelpActions(window, actions.help_menu)
