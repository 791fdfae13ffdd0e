"""Undo and redo across all fields: one `QUndoCommand` per run of typing in one field.

Consecutive keystrokes in the same field, without leaving it, merge into one command, so one
Undo takes back what was typed there; undoing puts the old text back, returns the focus to the
field and updates the preview like any change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

#: `QUndoCommand.id()` of value changes: commands with the same id may merge.
SET_VALUE_ID = 1


class SetValueCommand(QUndoCommand):
    """A field's value changed from `old` to `new` by typing (in one typing session)."""

    def __init__(self, window: MainWindow, key: str, old: str, new: str, session: int) -> None:
        super().__init__()
        self.window = window
        self.key = key
        self.old = old
        self.new = new
        self.session = session
        self._typed = True  # the first redo() comes from the push: the input already shows it
        label = window.model.template.field(key).label
        self.setText(
            QCoreApplication.translate("SetValueCommand", "typing in “{label}”").format(label=label)
        )

    def id(self) -> int:
        return SET_VALUE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetValueCommand):
            return False
        if other.key != self.key or other.session != self.session:
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        if self._typed:
            self._typed = False
            self.window.apply_value(self.key, self.new, from_input=True)
        else:
            self.window.apply_value(self.key, self.new, from_input=False)
            self.window.focus_field(self.key)

    def undo(self) -> None:
        self.window.apply_value(self.key, self.old, from_input=False)
        self.window.focus_field(self.key)
