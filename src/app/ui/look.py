"""The look of the form pages and the status line, set in code rather than by a style sheet.

A Qt style sheet puts every widget under it through `QStyleSheetStyle`: each one is matched
against the rules and polished when created, and again when a property the rules read changes
(a field's problem state, at a keystroke); the sheet's machinery also costs several MiB at
start-up. What the pages need is a few colours, two fonts and two frames, so they are set here
directly: text colours through the palette, frames painted by their widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QWidget

#: Text colours by role and level.
CONTEXT = QColor("#5f6368")
HINT = QColor("#7a7f85")
GROUP_TITLE = QColor("#1f3a5f")
LEVEL_TEXT = {"error": QColor("#b71c1c"), "warning": QColor("#8a5a00"), "ok": QColor("#2e7d32")}
#: A field's frame and background by its problem level.
PROBLEM_BORDER = {"error": QColor("#c62828"), "warning": QColor("#e0a100")}
PROBLEM_BASE = {"error": QColor("#fff6f6")}
#: Headings stand out by size and colour, not weight: a bold CJK heading makes Qt load the
#: font's bold face, a second font file of about 20 MB (3 MiB more memory at start-up).
STEP_TITLE_POINTS = 16.0
GROUP_TITLE_POINTS = 11.0
HINT_POINTS = 9.0


def set_text_color(widget: QWidget, color: QColor | None) -> None:
    """Draw a widget's text in `color` (None: the colour it inherits). Only the text roles
    are set: the rest of the palette still follows the application's."""
    palette = QPalette()  # no role set: what is not set here is inherited
    if color is not None:
        palette.setColor(QPalette.ColorRole.WindowText, color)
        palette.setColor(QPalette.ColorRole.Text, color)
    widget.setPalette(palette)


def set_font(widget: QWidget, points: float) -> None:
    """A widget's font: its own at another size."""
    font = QFont(widget.font())
    font.setPointSizeF(points)
    widget.setFont(font)


def paint_group_frame(widget: QWidget) -> None:
    """The frame of a group of fields: the base colour, a thin border, rounded corners."""
    palette = widget.palette()
    _paint_frame(widget, 0.5, 6, palette.color(QPalette.ColorRole.Mid), 1, palette.base())


def paint_problem_frame(widget: QWidget, level: str) -> None:
    """A field's frame for its problem level ("error", "warning"), over the input's own."""
    color = PROBLEM_BORDER.get(level)
    if color is not None:
        _paint_frame(widget, 1, 3, color, 2)


def _paint_frame(
    widget: QWidget,
    inset: float,
    radius: float,
    color: QColor,
    width: float,
    fill: QBrush | None = None,
) -> None:
    # Paths and a pen given to strokePath: `QPainter.setPen` and `setBrush` are overloaded on
    # Qt's enums, and PySide would build the `Qt` namespace for them (see app.ui.qt_properties).
    path = QPainterPath()
    path.addRoundedRect(
        QRectF(widget.rect()).adjusted(inset, inset, -inset, -inset), radius, radius
    )
    pen = QPen()
    pen.setColor(color)
    pen.setWidthF(width)
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if fill is not None:
        painter.fillPath(path, fill)
    painter.strokePath(path, pen)
    painter.end()
