"""The window's shortcuts come before a text field's own keys, wherever the focus is.

On Linux desktops (X11's key scheme) a focused QLineEdit claims Ctrl+E as "end of line", and
it claims Undo and Redo for its own history: the window's action never fires and the keystroke
lands in the field. A field asked first whether it wants a key (`QEvent.ShortcutOverride`) says
no when the key is the shortcut of one of its window's actions, so Ctrl+E exports, Ctrl+Z takes
back the last change of the report, Ctrl+Y does it again, from any field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

#: Keys that can be a window shortcut without a modifier.
_FUNCTION_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F35.value + 1)
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def is_window_shortcut(widget: QWidget, event: QKeyEvent) -> bool:
    """Whether the key pressed is the shortcut of an action of `widget`'s window."""
    if not event.modifiers() & _MODIFIERS and event.key() not in _FUNCTION_KEYS:
        return False  # typing: the common case, decided without looking at any action
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    pressed = QKeySequence(event.key() | modifiers.value)
    # (QWidget.actions itself: the main window names its WindowActions `actions`.)
    return any(pressed in action.shortcuts() for action in QWidget.actions(widget.window()))


def let_window_shortcut_through(widget: QWidget, event: QEvent) -> bool:
    """For a widget's `event()`: True (the event is handled, left unaccepted, so the shortcut
    fires) when `event` is the override request of a window shortcut."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and is_window_shortcut(widget, event)
    ):
        event.ignore()
        return True
    return False


class WindowShortcutsFirst(QObject):
    """An event filter giving a text input's window shortcuts precedence over its own keys."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QWidget):
            return let_window_shortcut_through(watched, event)
        return False
