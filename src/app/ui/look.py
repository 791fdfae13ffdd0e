"""The look of the form pages and the status line, set in code rather than by a style sheet.

A Qt style sheet puts every widget under it through `QStyleSheetStyle`: each one is matched
against the rules and polished when created, and again when a property the rules read changes
(a field's problem state, at a keystroke); the sheet's machinery also costs several MiB at
start-up. What the pages need is a few colours, two fonts and two frames, so they are set here
directly: text colours through the palette, frames painted by their widgets.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

#: The interface's font, the first of these installed (Windows; macOS; the Linux desktops, UOS
#: and Kylin among them): named, so that Chinese is drawn in a Simplified Chinese face whatever
#: the system's locale (under another one, the fallback Qt asks fontconfig for is the Japanese
#: face of the same font, with Japanese glyph forms), and without that fallback search at
#: start-up (22 M instructions, and a second face of the font loaded).
UI_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
    "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
)  # fmt: skip

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


_installed: frozenset[str] | None = None


def installed_families() -> frozenset[str]:
    """The font families Qt knows here (read once); none before there is an application, which
    has the font database."""
    global _installed
    if _installed is None:
        if QGuiApplication.instance() is None:
            return frozenset()
        _installed = frozenset(QFontDatabase.families())
    return _installed


def installed_first(families: tuple[str, ...]) -> list[str]:
    """`families` with the installed ones first, in their order: Qt takes the first family it
    finds, and one it does not know costs a fontconfig search (milliseconds) first."""
    installed = installed_families()
    return [f for f in families if f in installed] + [f for f in families if f not in installed]


def chinese_ui_font(font: QFont) -> QFont:
    """`font` (the platform's interface font) drawn in the installed Chinese interface family,
    the platform's own family after it; `font` itself where none of `UI_FAMILIES` is here."""
    installed = installed_families()
    families = [f for f in UI_FAMILIES if f in installed]
    if not families:
        return QFont(font)
    chinese = QFont(font)
    chinese.setFamilies([*families, font.family()])
    return chinese


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
