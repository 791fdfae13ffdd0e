"""Tables on the PDF's 公文 pages: each row laid out on the page's line grid and painted with
its borders.

A row is a block of whole lines for `layout.paginate` (never broken across pages): as many lines
as its tallest cell needs at the line pitch of the body, which is also the line spacing of the
DOCX's table cells, so the PDF and the DOCX break their pages alike. Cells are 4号 仿宋 (the
header rows 黑体), centred, the columns sharing the 156 mm text width as in the DOCX
(`app.core.table.Table.column_widths`); a merged cell is one box over its columns or rows. The
header rows are not repeated at the top of a following page (the DOCX repeats them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from app.core.document import FieldRun, Paragraph, RunState
from app.core.table import Table, blocks

#: Space between a cell's border and its text, in points (Word's default cell margin).
CELL_PADDING_PT = 2.85
#: Border width in points (the DOCX's single 0.5 pt line).
BORDER_PT = 0.5


@dataclass
class CellBox:
    """One drawn cell: its text laid out, where it stands in the row, how many rows it spans."""

    text: QTextLayout
    x: float
    width: float
    rowspan: int
    highlights: list[tuple[int, int, QColor]]
    #: Lines of the rows it spans (filled in once every row is laid out).
    height_lines: int = 1


@dataclass
class RowBox:
    """A table row laid out: its cells and how many lines of the page it takes."""

    cells: list[CellBox] = field(default_factory=list)
    lines: int = 1


def lay_out_tables(
    paragraphs: Sequence[Paragraph],
    device: QPaintDevice,
    width: float,
    padding: float,
    font: Callable[[bool], QFont],
    highlight: dict[RunState, QColor],
) -> dict[int, RowBox]:
    """Every table row of the document (by paragraph index) laid out in `width` layout units;
    `font(header)` gives the cells' font."""
    rows: dict[int, RowBox] = {}
    for block in blocks(paragraphs):
        if isinstance(block, Table):
            rows.update(_lay_out_table(block, device, width, padding, font, highlight))
    return rows


def _lay_out_table(
    table: Table,
    device: QPaintDevice,
    width: float,
    padding: float,
    font: Callable[[bool], QFont],
    highlight: dict[RunState, QColor],
) -> dict[int, RowBox]:
    grid = table.grid()
    widths = table.column_widths(width, grid)
    starts = [sum(widths[:column]) for column in range(len(widths))]
    header_rows = table.header_rows()
    boxes: list[RowBox] = []
    spanning: list[tuple[int, CellBox, int]] = []  # (first row, cell, lines it needs)
    for row_index, row in enumerate(grid):
        box = RowBox()
        for cell in row:
            cell_width = sum(widths[cell.column : cell.column + cell.colspan])
            text = _cell_layout(
                cell.text, font(row_index < header_rows), device, max(1.0, cell_width - 2 * padding)
            )
            found = _highlights(cell.runs, highlight)
            cell_box = CellBox(text, starts[cell.column], cell_width, cell.rowspan, found)
            box.cells.append(cell_box)
            lines = max(1, text.lineCount())
            if cell.rowspan == 1:
                box.lines = max(box.lines, lines)
            else:
                spanning.append((row_index, cell_box, lines))
        boxes.append(box)
    for first, cell_box, lines in spanning:  # a tall merged cell makes its last row taller
        last = min(len(boxes), first + cell_box.rowspan) - 1
        have = sum(box.lines for box in boxes[first : last + 1])
        boxes[last].lines += max(0, lines - have)
    for first, cell_box, _lines in spanning:
        last = min(len(boxes), first + cell_box.rowspan)
        cell_box.height_lines = sum(box.lines for box in boxes[first:last])
    for box in boxes:
        for cell_box in box.cells:
            if cell_box.rowspan == 1:
                cell_box.height_lines = box.lines
    return {table.first + index: box for index, box in enumerate(boxes)}


def _cell_layout(text: str, font: QFont, device: QPaintDevice, width: float) -> QTextLayout:
    text_layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    text_layout.setTextOption(option)
    text_layout.setCacheEnabled(True)
    text_layout.beginLayout()
    while True:
        line = text_layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
    text_layout.endLayout()
    return text_layout


def _highlights(
    runs: Sequence[object], highlight: dict[RunState, QColor]
) -> list[tuple[int, int, QColor]]:
    found = []
    position = 0
    for run in runs:
        text = getattr(run, "text", "")
        if isinstance(run, FieldRun) and run.state in highlight and text:
            found.append((position, position + len(text), highlight[run.state]))
        position += len(text)
    return found


def paint_row(
    painter: QPainter,
    origin: QPointF,
    row: RowBox,
    top: float,
    pitch: float,
    padding: float,
    bottom: float,
) -> None:
    """Paint a row whose top is `top` (relative to the text block's corner at `origin`): each
    cell's box, clipped at `bottom` (the text block's foot), and its text centred in it."""
    pen = QPen(QColor("black"))
    pen.setWidthF(pitch * BORDER_PT / 28.95)
    for cell in row.cells:
        height = min(cell.height_lines * pitch, bottom - top)
        rect = QRectF(origin.x() + cell.x, origin.y() + top, cell.width, height)
        painter.save()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()
        lines = cell.text.lineCount()
        shift = max(0, cell.height_lines - lines) * pitch / 2  # centred in a merged cell
        for number in range(lines):
            line = cell.text.lineAt(number)
            # as the body's lines: the glyph box on the line's foot, raised a little so that
            # the smaller table text sits in the middle of its line as Word and LibreOffice set it
            y = top + shift + (number + 1) * pitch - (line.ascent() + line.descent()) - pitch / 6
            if y + line.height() > bottom:
                break
            line.setPosition(QPointF(cell.x + padding, y))
            _paint_highlights(painter, origin, cell, line)
            for run in cell.text.glyphRuns(line.textStart(), line.textLength()):
                painter.drawGlyphRun(origin, run)


def _paint_highlights(painter: QPainter, origin: QPointF, cell: CellBox, line: QTextLine) -> None:
    start, end = line.textStart(), line.textStart() + line.textLength()
    for first, last, colour in cell.highlights:
        first, last = max(first, start), min(last, end)
        if first >= last:
            continue
        left, right = line.cursorToX(first)[0], line.cursorToX(last)[0]
        painter.fillRect(
            QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height()), colour
        )
