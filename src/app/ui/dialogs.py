"""Every question and message the app puts to the writer, in one replaceable place.

The main window never calls a static dialog function directly: it asks its `Dialogs`. Tests
replace these methods (modal dialogs cannot be answered in a headless run), and the texts stay
together for translation.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _


class ExportChoice(Enum):
    """What the writer chose in the dialog listing a report's problems before export."""

    GO_TO = "go_to"
    EXPORT_ANYWAY = "export_anyway"
    CANCEL = "cancel"


class SaveChoice(Enum):
    """The answer to "save the changes?": 保存 / 不保存 / 取消."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class AfterExport(Enum):
    """What to do once a file is exported."""

    OPEN_FILE = "open_file"
    OPEN_FOLDER = "open_folder"
    NOTHING = "nothing"


@dataclass(frozen=True)
class ProblemLine:
    """One line of the problem list: the field to go to and what is wrong."""

    key: str
    text: str


class ProblemsDialog(QDialog):
    """Lists the empty and invalid fields before an export: go to one, or export anyway."""

    def __init__(self, lines: list[ProblemLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export: the report is not complete"))
        self.choice = ExportChoice.CANCEL
        self.key: str | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "These fields are empty or have a problem. Empty places are exported as the "
                "model text's placeholders (XX)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Problems"))
        for line in lines:
            item = QListWidgetItem(line.text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, line.key)
        if lines:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self._go_to())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        self.go_button = QPushButton(_("&Go to field"), self)
        self.export_button = QPushButton(self.tr("&Export anyway"), self)
        buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.go_button.clicked.connect(self._go_to)
        self.export_button.clicked.connect(self._export)
        buttons.rejected.connect(self.reject)
        self.go_button.setDefault(True)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("中") * 40, self.sizeHint().height())

    def _go_to(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.choice = ExportChoice.GO_TO
        self.key = item.data(Qt.ItemDataRole.UserRole)
        self.accept()

    def _export(self) -> None:
        self.choice = ExportChoice.EXPORT_ANYWAY
        self.accept()


class Dialogs:
    """The dialogs of one main window."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "Dialogs" context (what lupdate records for `self.tr` here)."""
        return QCoreApplication.translate("Dialogs", text)

    def export_problems(self, lines: list[ProblemLine]) -> tuple[ExportChoice, str | None]:
        """Ask what to do about an incomplete report: go to a field, export anyway, or cancel."""
        dialog = ProblemsDialog(lines, self.parent)
        dialog.exec()
        return dialog.choice, dialog.key

    def save_file(
        self, title: str, start: Path, filters: list[str], selected: str
    ) -> tuple[Path | None, str]:
        """The system's save dialog; returns the path (None when cancelled) and the filter."""
        name, chosen = QFileDialog.getSaveFileName(
            self.parent, title, str(start), ";;".join(filters), selected
        )
        return (Path(name) if name else None), chosen

    def open_file(self, title: str, start: Path, filters: list[str]) -> Path | None:
        """The system's open dialog; None when cancelled."""
        name, _chosen = QFileDialog.getOpenFileName(
            self.parent, title, str(start), ";;".join(filters)
        )
        return Path(name) if name else None

    def exported(self, path: Path) -> AfterExport:
        """Say the export is done; offer to open the file or its folder."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Exported"))
        box.setText(self.tr("The report was exported to:\n{path}").format(path=path))
        open_file = box.addButton(self.tr("Open the &file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open the f&older"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_file)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_file:
            return AfterExport.OPEN_FILE
        if clicked is open_folder:
            return AfterExport.OPEN_FOLDER
        return AfterExport.NOTHING

    def ask_save_changes(self, name: str) -> SaveChoice:
        """Unsaved changes before closing or replacing the draft: save, don't save, cancel."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("Save the changes to “{name}”?").format(name=name))
        box.setInformativeText(self.tr("Your changes will be lost if you don't save them."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return SaveChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return SaveChoice.DISCARD
        return SaveChoice.CANCEL

    def ask_recover(self, description: str) -> bool:
        """Offer an autosaved draft back; True to recover it, False to set it aside."""
        box = QMessageBox(self.parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Recover a draft"))
        box.setText(description)
        box.setInformativeText(
            self.tr(
                "If you do not recover it now, it is kept aside: File > Recover unsaved reports "
                "brings it back."
            )
        )
        recover = box.addButton(_("&Recover"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(recover)
        box.exec()
        return box.clickedButton() is recover

    def crashed(self, message: str) -> None:
        """Tell the writer that something went wrong and what was kept."""
        QMessageBox.critical(self.parent, self.tr("Something went wrong"), message)

    def error(self, title: str, message: str) -> None:
        """Show an error the writer must know about."""
        QMessageBox.critical(self.parent, title, message)

    def information(self, title: str, message: str) -> None:
        """Show a piece of information."""
        QMessageBox.information(self.parent, title, message)
