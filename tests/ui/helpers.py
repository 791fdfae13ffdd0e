"""Helpers for driving the real window like a writer does."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLineEdit


def type_into(qtbot, edit: QLineEdit, text: str) -> None:
    """Type `text` at the end of the input, as keystrokes (ASCII) or an input method (Chinese).

    `qtbot.keyClicks` aborts the process on non-ASCII text with PySide6 6.12, so anything else
    is committed the way a Chinese input method commits it.
    """
    edit.setFocus()
    edit.end(False)
    _type_over(qtbot, edit, text)


def replace_text(qtbot, edit: QLineEdit, text: str) -> None:
    """Select everything in the input and type `text` over it."""
    edit.setFocus()
    edit.selectAll()
    if text:
        _type_over(qtbot, edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def _type_over(qtbot, edit: QLineEdit, text: str) -> None:
    """Keystrokes for ASCII, an input method's commit for anything else (see `type_into`)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QCoreApplication.sendEvent(edit, event)


def fill(window, qtbot, values: dict[str, str]) -> None:
    """Fill fields through their inputs, going to each field as the writer would."""
    for key, value in values.items():
        window.focus_field(key)
        replace_text(qtbot, window.forms.input_for(key), value)


def edit_menu_texts(window) -> tuple[str, str]:
    """The Undo and Redo entries of the Edit menu as the writer reads them, once it opens (what
    Qt tells the menu then: a real popup warns on the offscreen platform)."""
    window.actions.edit_menu.aboutToShow.emit()
    return window.actions.undo.text(), window.actions.redo.text()
