"""Table rows in the live preview: one block per row, its cells at tab stops.

The preview keeps one QTextDocument block per paragraph of the document (its incremental
updates, highlights and clicks all count on it), so a table row, which is one paragraph, is one
block: its cells one after the other with a tab between them, each table's tab stops set where
its columns start (the widest cell of each column, East Asian characters two columns wide, as in
the txt export). A value or placeholder in a cell is a run like any other: it has its look, its
link to its field, and changes alone. The exports draw real tables (`app.core.export`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QTextBlockFormat, QTextOption

from app.core.document import Document, Paragraph, Role, TextRun
from app.core.table import Table, blocks, display_width

#: Between two columns, in characters of the body font.
COLUMN_GAP_CHARS = 1.5
CELL_SEPARATOR = TextRun("\t")


def shown_paragraph(paragraph: Paragraph) -> Paragraph:
    """A paragraph as the preview draws it: a table row's cells joined by tabs."""
    if paragraph.role is not Role.ROW or paragraph.row is None:
        return paragraph
    runs = []
    for number, cell in enumerate(paragraph.cells()):
        if number:
            runs.append(CELL_SEPARATOR)
        runs.extend(run for run in cell if run.text)
    return paragraph._replace(runs=tuple(runs))


def shown_paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph of the document as the preview draws it."""
    return [shown_paragraph(paragraph) for paragraph in document.paragraphs]


def row_formats(
    document: Document, block_format: Callable[[], QTextBlockFormat], char_px: float
) -> dict[int, QTextBlockFormat]:
    """For each table row (by paragraph index): the rows' block format (asked for only when
    there is a table) with its table's tab stops (`char_px`: the width of one Chinese
    character of the row's font)."""
    formats: dict[int, QTextBlockFormat] = {}
    for block in blocks(document.paragraphs):
        if not isinstance(block, Table):
            continue
        widths = [0] * block.columns
        for row in block.grid():
            for cell in row:
                if cell.colspan == 1:
                    widths[cell.column] = max(widths[cell.column], display_width(cell.text))
        tabs = []
        position = 0.0
        for width in widths[:-1]:
            position += (width / 2 + COLUMN_GAP_CHARS) * char_px
            tabs.append(QTextOption.Tab(position, QTextOption.TabType.LeftTab))
        row_format = QTextBlockFormat(block_format())
        row_format.setTabPositions(tabs)
        for index in range(block.first, block.first + len(block.rows)):
            formats[index] = row_format
    return formats
