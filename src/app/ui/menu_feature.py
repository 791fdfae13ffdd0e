"""A feature of one main window reached through one action of a menu (新建下一期, 从表格填入,
批量生成): it keeps the window, the session adapter and the files, puts its action into the menu
before another, and sets its texts again when the language changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.ui.draft_files import DraftFiles
from app.ui.session_adapter import SessionAdapter
from app.ui.window_actions import insert_before

if TYPE_CHECKING:
    from app.ui.dialogs import Dialogs


class MenuFeature(QObject):
    """Subclasses name their action and the action it goes before, set the action's texts in
    `retranslate` and do their work in `run`."""

    #: The action's object name.
    action_name = ""
    #: The object name of the menu's action it is put before.
    before = ""

    def __init__(
        self, window: QMainWindow, adapter: SessionAdapter, files: DraftFiles, menu: QMenu
    ) -> None:
        super().__init__(window)
        self.window = window
        self.adapter = adapter
        self.files = files
        self.action = QAction(window)
        self.action.setObjectName(self.action_name)
        self.action.triggered.connect(lambda: self.run())
        insert_before(window, menu, self.action, self.before)
        window.installEventFilter(self)
        self.retranslate()

    @property
    def dialogs(self) -> Dialogs:
        return self.files.dialogs

    def run(self) -> object:
        """What the action does."""
        raise NotImplementedError

    def retranslate(self) -> None:
        """The action's texts in the current language."""
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)
