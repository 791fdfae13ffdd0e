"""The window's actions for a report's numbers, made in one place for the main window:
新建下一期 (`period_actions`), 从表格填入 (`spreadsheet_fill`), 批量生成 (`batch_actions`) in the
File menu, 单位信息 (`profile_actions`) and, on Linux, the 公文 fonts' substitutes
(`font_rule_actions`) in the Settings menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from app.core import font_rule
from app.ui.batch_actions import BatchActions
from app.ui.draft_files import DraftFiles
from app.ui.font_rule_actions import FontRuleActions
from app.ui.period_actions import PeriodActions
from app.ui.profile_actions import ProfileActions
from app.ui.session_adapter import SessionAdapter
from app.ui.spreadsheet_fill import SpreadsheetFill
from app.ui.window_actions import WindowActions

if TYPE_CHECKING:
    from app.ui.dialogs import Dialogs


class NumberActions(QObject):
    """新建下一期, 从表格填入, 批量生成, 单位信息 and 公文字体替代 of one main window."""

    def __init__(
        self,
        window: QMainWindow,
        adapter: SessionAdapter,
        files: DraftFiles,
        actions: WindowActions,
        dialogs: Callable[[], Dialogs],
    ) -> None:
        super().__init__(window)
        menu = actions.file_menu
        self.period = PeriodActions(window, adapter, files, menu)
        self.fill = SpreadsheetFill(window, adapter, files, menu)
        self.batch = BatchActions(window, adapter, files, menu)
        self.profile = ProfileActions(window, actions.settings_menu, dialogs)
        self.fonts = (
            FontRuleActions(window, actions.settings_menu, dialogs)
            if font_rule.supported()
            else None
        )
