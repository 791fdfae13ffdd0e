"""The look of the form pages and the status line, set in code rather than by a style sheet.

A Qt style sheet puts every widget under it through `QStyleSheetStyle`: each one is matched
against the rules and polished when created, and again when a property the rules read changes
(a field's problem state, at a keystroke); the sheet's machinery also costs several MiB at
start-up. What the pages need is a few colours, two fonts and two frames, so they are set here
directly: text colours through the palette, frames painted by their widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

#: Text colours by role and level.
CONTEXT = QColor("#5f6368")
HINT = QColor("#7a7f85")
GROUP_TITLE = QColor("#1f3a5f")
LEVEL_TEXT = {"error": QColor("#b71c1c"), "warning": QColor("#8a5a00"), "ok": QColor("#2e7d32")}
#: A field's frame and background by its problem level.
PROBLEM_BORDER = {"error": QColor("#c62828"), "warning": QColor("#e0a100")}
PROBLEM_BASE = {"error": QColor("#fff6f6")}
STEP_TITLE_POINTS = 15.0
HINT_POINTS = 9.0


def set_text_color(widget: QWidget, color: QColor | None) -> None:
    """Draw a widget's text in `color` (None: the colour it inherits). Only the text roles
    are set: the rest of the palette still follows the application's."""
    palette = QPalette()  # no role set: what is not set here is inherited
    if color is not None:
        palette.setColor(QPalette.ColorRole.WindowText, color)
        palette.setColor(QPalette.ColorRole.Text, color)
    widget.setPalette(palette)


def set_font(widget: QWidget, points: float | None = None, bold: bool = False) -> None:
    """A widget's font: its own at another size, or bold."""
    font = QFont(widget.font())
    if points is not None:
        font.setPointSizeF(points)
    if bold:
        font.setWeight(QFont.Weight.DemiBold)
    widget.setFont(font)


def paint_group_frame(widget: QWidget) -> None:
    """The frame of a group of fields: the base colour, a thin border, rounded corners."""
    palette = widget.palette()
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
    painter.setBrush(palette.color(QPalette.ColorRole.Base))
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
    painter.end()


def paint_problem_frame(widget: QWidget, level: str) -> None:
    """A field's frame for its problem level ("error", "warning"), over the input's own."""
    color = PROBLEM_BORDER.get(level)
    if color is None:
        return
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(color, 2))
    painter.drawRoundedRect(QRectF(widget.rect()).adjusted(1, 1, -1, -1), 3, 3)
    painter.end()
