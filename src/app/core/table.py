"""Tables: the cell syntax of a body's table rows, and a document's rows as tables.

In a body (see `app.core.render`), a table is a block::

    @table
    @header 指标 | 单位 | 本月 | 累计
    @row 地区生产总值 | 亿元 | {{ field("gdp_month") }} | {{ field("gdp_total") }}
    @endtable

one line per row, ``@header`` for a header row. Cells are separated by ``|``; spaces around a
cell are layout. In a row, ``\\|`` is a ``|`` of the wording and ``\\\\`` a backslash; a cell that
is only ``<`` continues the cell to its left (a merged cell spanning columns), one that is only
``^`` the cell above (spanning rows; ``^ | <`` under a cell two columns wide continues it
down); ``\\<`` and ``\\^`` are those characters as wording. The
cells are cut after the body is rendered (`split_cells`, called by `app.core.body`), so a ``|``
inside a Jinja tag is Jinja's, and a value a writer types is never read as a separator.

Each row is one paragraph of role `Role.ROW` (its `RowShape` says where its cells end): rows
belong to a section like any paragraph, change alone when a value changes, and a table of 10,000
rows costs a keystroke what a paragraph does. The outputs gather consecutive rows into a `Table`
(`blocks`) whose `grid` gives every cell its column, span and runs.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from app.core.document import CellShape, Merge, Paragraph, Role, Run
from app.core.errors import TemplateError
from app.core.i18n import _

SEPARATOR = "|"
#: The most one cell's text counts when column widths are shared out (`Table.column_widths`).
WIDEST_WEIGHT = 16
ESCAPE = "\\"
_MERGES = {"<": Merge.LEFT, "^": Merge.UP}


# ------------------------------------------------------------------------- the cell syntax


def escape_cell(text: str) -> str:
    """A cell's wording as a body row writes it (what `split_cells` reads back as `text`)."""
    escaped = text.replace(ESCAPE, ESCAPE * 2).replace(SEPARATOR, ESCAPE + SEPARATOR)
    return ESCAPE + escaped if escaped in _MERGES else escaped


def row_text(cells: Sequence[str], merges: Sequence[Merge] = ()) -> str:
    """The cells of a row, already written as body text (escaped), joined with separators; a
    merged cell (`merges`) is written as its mark."""
    marks = {merge: mark for mark, merge in _MERGES.items()}
    parts = []
    for index, cell in enumerate(cells):
        merge = merges[index] if index < len(merges) else Merge.NONE
        parts.append(marks[merge] if merge is not Merge.NONE else cell)
    return " | ".join(parts)


def split_cells(text: str, layout_space: str) -> list[tuple[list[str], Merge]]:
    """A rendered row cut into cells: each cell's pieces of wording (escapes read; a private
    place marker passes through untouched) and whether it continues a neighbour. `layout_space`
    is stripped around each cell."""
    cells: list[tuple[list[str], Merge]] = []
    current: list[str] = []
    raw: list[str] = []  # the cell as written, to recognise a merge mark
    index = 0
    while True:
        if index >= len(text) or text[index] == SEPARATOR:
            cells.append(_cell("".join(current), "".join(raw), layout_space))
            if index >= len(text):
                return cells
            current, raw = [], []
            index += 1
            continue
        char = text[index]
        if char == ESCAPE and index + 1 < len(text) and text[index + 1] in "|\\<^":
            current.append(text[index + 1])
            raw.append(text[index : index + 2])
            index += 2
            continue
        current.append(char)
        raw.append(char)
        index += 1


def _cell(text: str, raw: str, layout_space: str) -> tuple[list[str], Merge]:
    merge = _MERGES.get(raw.strip(layout_space), Merge.NONE)
    if merge is not Merge.NONE:
        return [], merge
    return [text.strip(layout_space)], Merge.NONE


#: The body directives of a table (`app.core.body` reads them).
TABLE_DIRECTIVES = frozenset({"table", "endtable", "header", "row"})


def table_state(kind: str, in_table: bool, opened: bool, body_name: str) -> tuple[bool, bool]:
    """After a body line of directive `kind` ("" for none; `app.core.body.split_output`):
    whether a table is open, and whether its next row is its first. Raises TemplateError for a
    line that cannot stand there."""
    if kind == "table":
        if in_table:
            raise TemplateError(_("{file}: a table cannot hold another “@table”.", file=body_name))
        return True, True
    if kind == "endtable":
        if not in_table:
            raise TemplateError(_("{file}: “@endtable” without “@table”.", file=body_name))
        return False, False
    if kind in ("header", "row"):
        if not in_table:
            raise TemplateError(
                _("{file}: a table row stands outside “@table” … “@endtable”.", file=body_name)
            )
        return True, opened
    raise TemplateError(
        _(
            "{file}: only “@header” and “@row” lines may stand between “@table” and “@endtable”.",
            file=body_name,
        )
    )


# ------------------------------------------------------------------------- tables of a document


class GridCell(NamedTuple):
    """A cell as the outputs draw it: where it starts, how far it spans, what it holds."""

    row: int
    column: int
    runs: tuple[Run, ...]
    rowspan: int = 1
    colspan: int = 1

    @property
    def text(self) -> str:
        """The cell's text."""
        return "".join(run.text for run in self.runs)


class Table(NamedTuple):
    """Consecutive table rows of a document, as one table."""

    rows: tuple[Paragraph, ...]
    #: The index, in the document's paragraphs, of the first row.
    first: int

    @property
    def columns(self) -> int:
        """How many columns the widest row has (shorter rows are filled with empty cells)."""
        return max((len(row.row.cells) for row in self.rows if row.row), default=0)

    def header_rows(self) -> int:
        """How many rows at the top are header rows."""
        count = 0
        for row in self.rows:
            if row.row is None or not row.row.header:
                break
            count += 1
        return count

    def grid(self) -> list[list[GridCell]]:
        """Each row's cells that are drawn (a merged cell once, with its span; the cells it
        covers are left out), in column order. A cell may span rows and columns (``^`` under
        its first column, ``<`` or ``^`` under the others). A merge mark with nothing to
        continue (``<`` at a row's start, ``^`` in the first row) is an empty cell; spans never
        cross each other."""
        columns = self.columns
        result: list[list[GridCell]] = []
        origin: dict[tuple[int, int], tuple[int, int]] = {}  # covered cell -> (row, column)
        for row_index, paragraph in enumerate(self.rows):
            cells = paragraph.cells()
            shapes = paragraph.row.cells if paragraph.row else ()
            drawn: list[GridCell] = []
            for column in range(columns):
                runs: tuple[Run, ...] = cells[column] if column < len(cells) else ()
                merge = shapes[column].merge if column < len(shapes) else Merge.NONE
                target = None
                if merge is Merge.LEFT and column > 0:
                    target = origin.get((row_index, column - 1), (row_index, column - 1))
                elif merge is Merge.UP and row_index > 0:
                    target = origin.get((row_index - 1, column), (row_index - 1, column))
                if target is not None and self._extend(
                    result, drawn, target, row_index, column, shapes
                ):
                    origin[(row_index, column)] = target
                    continue
                drawn.append(GridCell(row_index, column, runs))
            result.append(drawn)
        return result

    def column_widths(self, total: float, grid: list[list[GridCell]] | None = None) -> list[float]:
        """Widths of the columns that fill `total`: shared in proportion to each column's
        widest one-column cell (counted in `display_width`, capped so that one long cell does
        not squeeze the others, at least two columns)."""
        weights = [2] * self.columns
        for row in grid if grid is not None else self.grid():
            for cell in row:
                if cell.colspan == 1:
                    width = min(WIDEST_WEIGHT, display_width(cell.text))
                    weights[cell.column] = max(weights[cell.column], width)
        whole = sum(weights) or 1
        return [total * weight / whole for weight in weights]

    @staticmethod
    def _extend(
        result: list[list[GridCell]],
        drawn: list[GridCell],
        target: tuple[int, int],
        row: int,
        column: int,
        shapes: Sequence[CellShape],
    ) -> bool:
        """Grow the cell at `target` over (`row`, `column`) when it stays a rectangle: across
        a column when it is one row high, down a row when this row marks all its columns."""
        cells = drawn if target[0] == row else result[target[0]]
        for index, cell in enumerate(cells):
            if cell.column != target[1]:
                continue
            last_row = cell.row + cell.rowspan - 1
            if cell.row <= row <= last_row and cell.column <= column < cell.column + cell.colspan:
                return True  # a cell spanning rows and columns covers this place already
            if target[0] == row:  # a column span: the cell must be one row high
                if cell.rowspan != 1 or cell.column + cell.colspan != column:
                    return False
                cells[index] = cell._replace(colspan=cell.colspan + 1)
                return True
            # a row span: a cell ending on the row above, every column of it marked here
            marks = shapes[column + 1 : column + cell.colspan]
            if last_row + 1 != row or column != cell.column or len(marks) != cell.colspan - 1:
                return False
            if any(mark.merge is Merge.NONE for mark in marks):
                return False
            cells[index] = cell._replace(rowspan=cell.rowspan + 1)
            return True
        return False


def blocks(paragraphs: Sequence[Paragraph]) -> Iterator[Paragraph | Table]:
    """The paragraphs in order, with each run of consecutive table rows gathered into a
    `Table` (a row that `starts` a table begins a new one)."""
    rows: list[Paragraph] = []
    first = 0
    for index, paragraph in enumerate(paragraphs):
        if paragraph.role is Role.ROW and paragraph.row is not None:
            if rows and paragraph.row.starts:
                yield Table(tuple(rows), first)
                rows = []
            if not rows:
                first = index
            rows.append(paragraph)
            continue
        if rows:
            yield Table(tuple(rows), first)
            rows = []
        yield paragraph
    if rows:
        yield Table(tuple(rows), first)


def display_width(text: str) -> int:
    """Columns `text` takes in a fixed-width font: East Asian wide and full-width characters
    count two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def cell_shapes(sizes: Sequence[int], merges: Sequence[Merge]) -> tuple[CellShape, ...]:
    """Cell shapes from each cell's size and merge."""
    return tuple(CellShape(size, merge) for size, merge in zip(sizes, merges, strict=True))
