"""文件 > 新建下一期: the next period's report made from the one open.

Installed by the main window beside the template actions. The new report is
`app.core.periods.next_draft` of the report as the writer sees it (asked first whether to save
unsaved changes): the period advanced, text carried, numbers empty with this period's kept as
上期, and the file it came from recorded. It opens unsaved: Save asks for its name.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import FanwenError
from app.core.periods import next_draft
from app.ui.menu_feature import MenuFeature


class PeriodActions(MenuFeature):
    """The File menu's 新建下一期 of one main window."""

    action_name = "new-next-period"
    before = "open"  # after 新建空白报告

    def run(self) -> object:
        return self.new_next_period()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "PeriodActions" context."""
        return QCoreApplication.translate("PeriodActions", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.action.setText(self.tr("New &next period's report"))
        self.action.setStatusTip(
            self.tr(
                "A new report from this one: the month or quarter advanced, text kept, numbers "
                "to fill with last period's shown beside them"
            )
        )

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
