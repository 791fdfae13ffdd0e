"""The import review of runs that are probably not blanks (镇X委, X光, xx@email.com).

Shown by 从范文新建模板 before the field editor when the importer found such runs
(`ImportPlan.suspects`): one row per run with the words around it and why it is probably not a
blank, and for each the writer's choice: 原文照留 (the default: the run stays text, verbatim) or
是空白（做成字段）. `chosen()` gives the runs to make fields, for `ImportPlan.with_blanks`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.importer import Suspect

#: The two choices of a row, in the order of its list.
KEEP, BLANK = 0, 1


class SuspectsDialog(QDialog):
    """Choose, for each run that is probably not a blank, whether it is one after all."""

    def __init__(self, suspects: list[Suspect], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import-suspects")
        self.suspects = suspects
        self.setWindowTitle(self.tr("Not blanks?"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These look like blanks but probably are not. They stay as they are written "
                "unless you choose “A blank (make it a field)”."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(suspects), 3, self)
        self.table.setObjectName("suspect-table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("In the text"), self.tr("Why"), self.tr("Your choice")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(self.tr("Runs that are probably not blanks"))
        self.choices: list[QComboBox] = []
        for row, suspect in enumerate(suspects):
            self.table.setItem(row, 0, QTableWidgetItem(suspect.context))
            self.table.setItem(row, 1, QTableWidgetItem(suspect.reason))
            choice = QComboBox(self.table)
            choice.addItem(self.tr("Keep as written"))
            choice.addItem(self.tr("A blank (make it a field)"))
            choice.setCurrentIndex(BLANK if suspect.as_blank else KEEP)
            choice.setAccessibleName(self.tr("Choice for “{text}”").format(text=suspect.text))
            self.table.setCellWidget(row, 2, choice)
            self.choices.append(choice)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def chosen(self) -> set[tuple[int, int]]:
        """The runs the writer says are blanks (their `Suspect.where`)."""
        return {
            suspect.where
            for suspect, choice in zip(self.suspects, self.choices, strict=True)
            if choice.currentIndex() == BLANK
        }
