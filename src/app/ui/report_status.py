"""The status bar's counts: 已填 N/M and the number of problems (red while there are any)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from app.core.report import ReportModel
from app.ui import look


class ReportStatus:
    """Two permanent labels of a status bar, following the model's incremental counts."""

    def __init__(self, bar: QStatusBar) -> None:
        self.filled = QLabel(bar)
        self.filled.setObjectName("status-filled")
        self.problems = QLabel(bar)
        self.problems.setObjectName("status-problems")
        bar.addPermanentWidget(self.filled)
        bar.addPermanentWidget(self.problems)

    def show_counts(self, model: ReportModel) -> None:
        """The counts as they stand (a label is set only when its text changes)."""
        filled, total, problems = model.counts()
        filled_text = QCoreApplication.translate("MainWindow", "Filled {filled}/{total}").format(
            filled=filled, total=total
        )
        if self.filled.text() != filled_text:
            self.filled.setText(filled_text)
        problems_text = QCoreApplication.translate("MainWindow", "Problems: {count}").format(
            count=problems
        )
        if self.problems.text() != problems_text:
            self.problems.setText(problems_text)
        flag = "true" if problems else "false"
        if self.problems.property("problems") != flag:
            self.problems.setProperty("problems", flag)
            look.set_text_color(self.problems, look.LEVEL_TEXT["error"] if problems else None)
