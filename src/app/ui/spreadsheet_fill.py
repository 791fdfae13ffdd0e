"""文件 > 从表格填入: a report's numbers from a spreadsheet (.xlsx or .csv).

Installed by the main window beside 新建下一期. The table is read and matched to the fields by
`app.core.spreadsheet` (the same as ``fanwen fill``); the writer sees what will change, and what
in the table matched no field, before anything is applied; applied, it is one step of the
history (`ReportSession.set_values`), so one Undo takes it all back. A table that cannot be used
is named with the reason and nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.core.errors import FanwenError
from app.core.i18n import _
from app.ui.draft_files import default_folder
from app.ui.menu_feature import MenuFeature

if TYPE_CHECKING:
    from app.core.spreadsheet import FillPlan
    from app.core.template import Template

#: How many lines of changes the confirmation lists before “… and N more”.
SHOWN_LINES = 25


class SpreadsheetFill(MenuFeature):
    """The File menu's 从表格填入 of one main window."""

    action_name = "fill-from-spreadsheet"
    before = "open"

    def run(self) -> object:
        return self.fill_from_spreadsheet()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "SpreadsheetFill" context."""
        return QCoreApplication.translate("SpreadsheetFill", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.action.setText(self.tr("&Fill from a spreadsheet…"))
        self.action.setStatusTip(
            self.tr("Fill this report's numbers from an .xlsx or .csv table of figures")
        )

    def fill_from_spreadsheet(self, path: Path | None = None) -> bool:
        """Ask for a table (unless given), show what it would change and apply it when the
        writer agrees; True when values were filled."""
        from app.core.spreadsheet import read_fill  # csv, zipfile: when first used

        session = self.adapter.session
        if path is None:
            path = self.dialogs.open_file(
                self.tr("Fill from a spreadsheet"),
                default_folder(session.path),
                [_("Spreadsheets (*.xlsx *.csv)"), self.tr("All files (*)")],
            )
            if path is None:
                return False
        try:
            plan = read_fill(path, session.template, session.model.values)
        except FanwenError as exc:
            self.dialogs.error(self.tr("Cannot fill from the spreadsheet"), str(exc))
            return False
        if not plan.values:
            self.dialogs.information(
                self.tr("Fill from a spreadsheet"), self.summary(plan, session.template)
            )
            return False
        if not self.confirm(plan, session.template):
            return False
        self.adapter.perform(lambda s: s.set_values(plan.values))
        return True

    def summary(self, plan: FillPlan, template: Template) -> str:
        """What filling would change and what was left out, one line each."""
        values = self.adapter.session.model.values
        lines = []
        if plan.values:
            lines.append(self.tr("{count} values will be filled:").format(count=len(plan.values)))
            for key, text in list(plan.values.items())[:SHOWN_LINES]:
                old = values.get(key, "") or "—"
                lines.append(f"  {template.field(key).label}：{old} → {text}")
            if len(plan.values) > SHOWN_LINES:
                lines.append("  " + _("… and {count} more", count=len(plan.values) - SHOWN_LINES))
        else:
            lines.append(self.tr("The spreadsheet changes no value of this report."))
        if plan.unmatched:
            names = "、".join(f"{e.name}（{e.where}）" for e in plan.unmatched)
            lines.append(self.tr("Not filled, no field matches: {names}").format(names=names))
        if plan.computed:
            names = "、".join(template.field(m.key).label for m in plan.computed)
            lines.append(self.tr("Not filled, computed by a formula: {names}").format(names=names))
        return "\n".join(lines)

    def confirm(self, plan: FillPlan, template: Template) -> bool:
        """Show what will change; True to apply it (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox  # loaded when first used

        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Fill from a spreadsheet"))
        box.setText(self.summary(plan, template))
        box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        return box.exec() == QMessageBox.StandardButton.Ok
