"""The list of 恢复未保存的报告: every kept autosave, newest first, with its time, its report and
its first words; the one chosen is restored (see app.ui.recovery). Loaded when first opened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.kept_autosaves import KeptAutosave
from app.core.paths import autosave_dir


class RecoveryDialog(QDialog):
    """Choose an autosaved draft to restore."""

    def __init__(self, kept: list[KeptAutosave], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery-dialog")
        self.kept = kept
        self.setWindowTitle(self.tr("Recover unsaved reports"))
        layout = QVBoxLayout(self)
        intro = QLabel(self)
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if kept:
            intro.setText(
                self.tr(
                    "Drafts Fanwen saved automatically and that were never saved as a file, "
                    "newest first (kept in {folder}). Choose one to open it; the report open "
                    "now is closed first."
                ).format(folder=autosave_dir())
            )
        else:
            intro.setText(self.tr("There are no unsaved reports to recover."))
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("recovery-list")
        self.list.setAccessibleName(self.tr("Unsaved reports"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for number, item in enumerate(kept):
            row = QListWidgetItem(self.describe(item), self.list)
            row.setData(Qt.ItemDataRole.UserRole, number)
            row.setToolTip(str(item.entry.path))
            if item.template is None:
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsEnabled)
        layout.addWidget(self.list, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.open_button = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        self.open_button.setText(_("&Recover"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.list.currentRowChanged.connect(lambda _row: self._update_button())
        for row in range(self.list.count()):
            if self.list.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentRow(row)
                break
        self._update_button()
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 44, em * 26)

    def describe(self, item: KeptAutosave) -> str:
        """Two lines: when, which report, and whether it was set aside; its first words."""
        entry = item.entry
        when = entry.saved_at
        stamp = when.strftime("%Y-%m-%d %H:%M") if when is not None else entry.saved
        name = entry.original.name if entry.original is not None else _("Untitled")
        if item.template is None:
            title = self.tr("template “{id}” is not installed").format(id=entry.draft.template)
        else:
            title = item.template.title
        first = self.tr("{time} · {name} · {title} · {filled} fields filled").format(
            time=stamp, name=name, title=title, filled=item.filled
        )
        if item.declined:
            first += self.tr(" (not recovered at a start)")
        return f"{first}\n{item.first_words}"

    def _update_button(self) -> None:
        self.open_button.setEnabled(self.chosen() is not None)

    def chosen(self) -> KeptAutosave | None:
        """The autosave selected, or None."""
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return self.kept[int(item.data(Qt.ItemDataRole.UserRole))]
