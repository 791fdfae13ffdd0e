"""The window's shortcuts come before a text field's own keys, wherever the focus is.

On Linux desktops (X11's key scheme) a focused QLineEdit claims Ctrl+E as "end of line", and
it claims Undo and Redo for its own history: the window's action never fires and the keystroke
lands in the field. A field asked first whether it wants a key (`QEvent.ShortcutOverride`) says
no when the key is the shortcut of one of its window's actions, so Ctrl+E exports, Ctrl+Z takes
back the last change of the report, Ctrl+Y does it again, from any field.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

# Qt's values (Qt::Key_F1 to Key_F35; Control, Alt and Meta; Keypad), as ints: this module is
# loaded with the first window, which must not build the `Qt` namespace's enums (see
# app.ui.qt_properties).
_FUNCTION_KEYS = range(0x01000030, 0x01000052 + 1)
_MODIFIERS = 0x04000000 | 0x08000000 | 0x10000000
_KEYPAD = 0x20000000


def is_window_shortcut(widget: QWidget, event: QKeyEvent) -> bool:
    """Whether the key pressed is the shortcut of an action of `widget`'s window."""
    modifiers = event.modifiers().value
    if not modifiers & _MODIFIERS and event.key() not in _FUNCTION_KEYS:
        return False  # typing: the common case, decided without looking at any action
    from PySide6.QtGui import QKeySequence  # made at the first shortcut, not at start-up

    pressed = QKeySequence(event.key() | (modifiers & ~_KEYPAD))
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
