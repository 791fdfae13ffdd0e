"""Qt enum values the first window needs, set without PySide's Python enum classes.

PySide6 turns the C++ enums of a type into Python `enum` classes the first time Python touches
the type, all of the type's enums at once. The `Qt` namespace holds 94 of them (`Key` alone has
471 members): the first `Qt.AlignmentFlag.AlignRight` builds them all, which costs more than
building the form it aligns (the figures are in docs/performance.md). The modules the first
window is built from therefore never name `Qt` at import time or before the first paint:

- enum *properties* are set through Qt's property system by their names, as a Designer form
  does: `set_properties(label, alignment="AlignRight|AlignVCenter")`;
- arguments Qt declares as `int` (item data roles, text flags) are passed as the ints below,
  whose values are Qt's ABI (tests/ui/test_qt_properties.py checks each against `Qt`);
- overloads matter too: PySide tries a call's overloads in turn, and checking an argument
  against an overload that takes a `Qt` enum builds the namespace. `QSplitter(parent=...)`
  skips the `Qt.Orientation` one; a brush of a colour comes from `solid_brush`.

Code that runs later (dialogs, keystrokes, menus) uses `Qt` as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QBrush, QColor, QPalette

#: Qt::ItemDataRole values (`Qt.ItemDataRole.DecorationRole` and so on).
DECORATION_ROLE = 1
ACCESSIBLE_TEXT_ROLE = 11
USER_ROLE = 0x0100

#: Qt::TextFlag value, for QFontMetrics.boundingRect.
TEXT_WORD_WRAP = 0x1000


def set_properties(target: QObject, **values: str | int | bool) -> None:
    """Set Qt properties of `target` by name; an enum or flags value by its key names ("AlignRight|
    AlignVCenter"), which Qt converts. A name or value Qt does not take raises ValueError (a
    silent no-op would leave the widget as it was)."""
    for name, value in values.items():
        if not target.setProperty(name, value):
            raise ValueError(f"{type(target).__name__}.{name} cannot be set to {value!r}")


def solid_brush(color: QColor) -> QBrush:
    """A solid brush of `color`. `QBrush(color)` and `QBrush.setColor` are overloaded on
    `Qt.GlobalColor` and `Qt.BrushStyle` (see above); a palette makes the same brush."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, color)
    return palette.window()
