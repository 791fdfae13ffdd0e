"""The windows of 帮助 > 快捷键 and 帮助 > 使用说明 (app.ui.help_menu). Loaded when first opened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    return buttons


class ShortcutsDialog(QDialog):
    """Every shortcut of the window: what it does and its keys."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts-table")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for number, (does, keys) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(does))
            self.table.setItem(number, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        layout.addWidget(_closing_buttons(self))
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 34, em * 30)

    def rows(self) -> list[tuple[str, str]]:
        """What the table shows."""
        table = self.table
        return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


class GuideDialog(QDialog):
    """The user guide, from the app's own files."""

    def __init__(self, html: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide-dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("User guide"))
        layout = QVBoxLayout(self)
        self.text = QTextBrowser(self)
        self.text.setObjectName("guide-text")
        self.text.setOpenLinks(False)
        self.text.setHtml(html)
        layout.addWidget(self.text, 1)
        layout.addWidget(_closing_buttons(self))
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 44, em * 36)
