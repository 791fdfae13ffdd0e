"""文件 > 新建下一期: the next period's report made from the one open.

Installed by the main window beside the template actions. The new report is
`app.core.periods.next_draft` of the report as the writer sees it (asked first whether to save
unsaved changes): the period advanced, text carried, numbers empty with this period's kept as
上期, and the file it came from recorded. It opens unsaved: Save asks for its name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.errors import FanwenError
from app.core.periods import next_draft
from app.ui.draft_files import DraftFiles
from app.ui.session_adapter import SessionAdapter
from app.ui.window_actions import insert_before

if TYPE_CHECKING:
    from app.ui.dialogs import Dialogs


class PeriodActions(QObject):
    """The File menu's 新建下一期 of one main window."""

    def __init__(
        self, window: QMainWindow, adapter: SessionAdapter, files: DraftFiles, menu: QMenu
    ) -> None:
        super().__init__(window)
        self.window = window
        self.adapter = adapter
        self.files = files
        self.next_action = QAction(window)
        self.next_action.setObjectName("new-next-period")
        self.next_action.triggered.connect(lambda: self.new_next_period())
        insert_before(window, menu, self.next_action, "open")  # after 新建空白报告
        window.installEventFilter(self)
        self.retranslate()

    @property
    def dialogs(self) -> Dialogs:
        return self.files.dialogs

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "PeriodActions" context."""
        return QCoreApplication.translate("PeriodActions", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.next_action.setText(self.tr("New &next period's report"))
        self.next_action.setStatusTip(
            self.tr(
                "A new report from this one: the month or quarter advanced, text kept, numbers "
                "to fill with last period's shown beside them"
            )
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def new_next_period(self) -> bool:
        """Replace the open report with the next period's (after asking about unsaved
        changes); False when the writer cancelled or it could not be made."""
        if not self.files.maybe_save():
            return False
        session = self.adapter.session
        source = session.path
        try:
            draft = next_draft(session.template, session.current_draft(), source)
        except FanwenError as exc:
            self.dialogs.error(self.tr("Cannot make the next period's report"), str(exc))
            return False
        return self.files.load(session.template, draft, None, unsaved=True)
