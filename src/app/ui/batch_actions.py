"""文件 > 批量生成: a report per row of a spreadsheet, in the template of the open report.

Installed by the main window beside 从表格填入. The writer picks the table, the format and the
folder; the rows are checked first (`app.core.batch.plan_batch`, as ``fanwen batch`` does) and
the writer sees how many reports will be written and which rows are incomplete, and chooses to
write the complete ones or all; a progress dialog follows the writing. The files are moved into
the folder only when all were made: a failure leaves the folder as it was.
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
    from app.core.batch import BatchPlan, BatchResult

#: How many incomplete rows the question lists before “… and N more”.
SHOWN_ROWS = 10


class BatchActions(MenuFeature):
    """The File menu's 批量生成 of one main window."""

    action_name = "batch-reports"
    before = "open"

    def run(self) -> object:
        return self.make_batch()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "BatchActions" context."""
        return QCoreApplication.translate("BatchActions", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.action.setText(self.tr("&Batch: a report per row…"))
        self.action.setStatusTip(
            self.tr("One report of this template for each row of a spreadsheet")
        )

    # ------------------------------------------------------------------ questions (tests replace)

    def choose_rows(self) -> Path | None:
        """The spreadsheet of rows."""
        return self.dialogs.open_file(
            self.tr("Batch: the spreadsheet of rows"),
            default_folder(self.adapter.session.path),
            [_("Spreadsheets (*.xlsx *.csv)")],
        )

    def choose_format(self) -> str | None:
        """The format of the reports."""
        from PySide6.QtWidgets import QInputDialog

        from app.core.export import FORMATS

        names = list(FORMATS)
        name, ok = QInputDialog.getItem(
            self.window,
            self.tr("Batch"),
            self.tr("Format of the reports:"),
            names,
            names.index("docx") if "docx" in names else 0,
            False,
        )
        return name if ok and name else None

    def choose_folder(self, start: Path) -> Path | None:
        """The folder the reports go into."""
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(
            self.window, self.tr("Batch: the folder for the reports"), str(start)
        )
        return Path(name) if name else None

    def confirm(self, plan: BatchPlan) -> bool | None:
        """How many reports will be written and which rows are incomplete: True to write all
        rows, False to leave the incomplete ones out, None to cancel."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Batch"))
        box.setText(self.summary(plan))
        complete = box.addButton(
            self.tr("Write the complete reports"), QMessageBox.ButtonRole.AcceptRole
        )
        everything = None
        if any(row.problems for row in plan.rows):
            everything = box.addButton(self.tr("Write all"), QMessageBox.ButtonRole.YesRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(complete)
        box.exec()
        clicked = box.clickedButton()
        if clicked is complete:
            return False
        if everything is not None and clicked is everything:
            return True
        return None

    # ------------------------------------------------------------------ the flow

    def summary(self, plan: BatchPlan) -> str:
        """What the batch would write, one line each."""
        bad = [row for row in plan.rows if row.problems]
        lines = [
            self.tr(
                "{count} rows: {complete} complete, {incomplete} incomplete or invalid."
            ).format(count=len(plan.rows), complete=len(plan.rows) - len(bad), incomplete=len(bad))
        ]
        for row in bad[:SHOWN_ROWS]:
            lines.append(f"  {row.stem}: {row.problems[0]}")
        if len(bad) > SHOWN_ROWS:
            lines.append("  " + _("… and {count} more", count=len(bad) - SHOWN_ROWS))
        if plan.unmatched:
            lines.append(
                self.tr("Columns matching no field (not used): {names}").format(
                    names="、".join(plan.unmatched)
                )
            )
        return "\n".join(lines)

    def make_batch(self) -> BatchResult | None:
        """Ask, check, write; the result, or None when cancelled or refused (with why)."""
        # Qt's enums and these classes load when first used, not on the first window's path
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication, QProgressDialog

        from app.core.batch import read_batch, run_batch

        session = self.adapter.session
        rows = self.choose_rows()
        if rows is None:
            return None
        try:
            plan = read_batch(rows, session.template)
        except FanwenError as exc:
            self.dialogs.error(self.tr("Cannot make the reports"), str(exc))
            return None
        force = self.confirm(plan)
        if force is None:
            return None
        fmt = self.choose_format()
        if fmt is None:
            return None
        folder = self.choose_folder(rows.parent)
        if folder is None:
            return None
        progress = QProgressDialog(
            self.tr("Writing the reports…"), "", 0, len(plan.rows), self.window
        )
        progress.setObjectName("batch-progress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def advance(done: int, total: int) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            QApplication.processEvents()

        try:
            result = run_batch(plan, session.template, fmt, folder, force, progress=advance)
        except FanwenError as exc:
            self.dialogs.error(self.tr("Cannot make the reports"), str(exc))
            return None
        finally:
            progress.close()
        message = self.tr("{count} reports written to {folder}.").format(
            count=len(result.written), folder=folder
        )
        if result.skipped:
            message += "\n" + self.tr("{count} incomplete rows left out.").format(
                count=len(result.skipped)
            )
        self.dialogs.information(self.tr("Batch"), message)
        return result
