"""Tables of an imported Word 范文: read in document order, labelled, written as body rows.

`read_blocks` walks the Word body as it is laid out (paragraphs and tables in order) and gives
each table cell as a source "paragraph" of its own (so the placeholders of a cell are found and
guessed like those of a paragraph) with a `TableCell` saying where it stands. A cell's
paragraphs are joined by a space (a cell is one line of a body row). Merged cells keep their
span: ``w:gridSpan`` becomes cells that continue to the left, a ``w:vMerge`` continuation a cell
that continues upwards. A table inside a cell is flattened into that cell's text, with a note
naming the table; a table with no cell at all is left out with a note (one of empty cells is
kept: a form to fill in by hand has its shape). Nothing here can take more than one
pass over the document: a 10,000-row table is read in a second or two.

`label_cells` names each field of a cell from its row header and column header (固定资产投资
本月) and takes its unit from the column header (本月（万元）, 同比增长%) or from the row's 单位
column. `body_lines` writes the table rows of the template body (`app.core.table` syntax).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from app.core.body import FieldCall
from app.core.body_write import escape_literal, field_tag
from app.core.document import Merge
from app.core.i18n import _
from app.core.kinds import FieldKind, exportable_text
from app.core.table import escape_cell, row_text

if TYPE_CHECKING:
    from app.core.placeholders import Guess, Placeholder
    from app.core.template_edit import FieldDraft

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: At most this many rows of words at a table's top are taken as its header rows.
MAX_HEADER_ROWS = 3
#: Column headers that name the row's unit.
UNIT_HEADERS = frozenset({"单位", "计量单位", "单 位"})
#: How the header of a column of words (not figures) ends.
TEXT_HEADERS = (
    "名称", "名", "人", "单位", "地点", "地址", "内容", "情况", "措施", "备注", "类别", "类型",
    "时间", "日期", "电话", "说明", "问题", "责任", "负责", "姓名", "职务", "区域", "项目",
)  # fmt: skip
_UNIT_IN_HEADER = re.compile(r"[（(]\s*([^（()）]{1,6}?)\s*[)）]\s*$|(%|％)\s*$")
_HEADER_SPACE = re.compile(r"[\s\u3000]+")


class TableCell(NamedTuple):
    """Where a source paragraph stands when it is a table cell."""

    table: int  # 1-based, in document order
    row: int
    column: int
    header: bool
    merge: Merge = Merge.NONE


class Block(NamedTuple):
    """A source paragraph: its text and style, and its cell when it is one."""

    text: str
    style: str
    cell: TableCell | None = None


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def read_blocks(
    document: Any, name: str, split: Callable[[str], list[str]]
) -> tuple[list[Block], list[str]]:
    """The paragraphs and table cells of a python-docx document in order, and notes for the
    writer (tables flattened or left out). `split` cuts a paragraph's text into lines."""
    from docx.text.paragraph import Paragraph

    blocks: list[Block] = []
    warnings: list[str] = []
    tables = 0
    for child in document.element.body.iterchildren():
        if child.tag == _w("p"):
            paragraph = Paragraph(child, document)
            try:
                style = paragraph.style.name if paragraph.style is not None else ""
            except (KeyError, ValueError):
                style = ""
            for line in split(exportable_text(paragraph.text)):
                blocks.append(Block(line, style or ""))
        elif child.tag == _w("tbl"):
            tables += 1
            cells, notes = _read_table(child, tables, name)
            blocks.extend(cells)
            warnings.extend(notes)
    return blocks, warnings


def _read_table(tbl: Any, number: int, name: str) -> tuple[list[Block], list[str]]:
    rows: list[list[tuple[str, Merge]]] = []
    header_rows = 0
    nested = False
    for tr in tbl.iterchildren(_w("tr")):
        row: list[tuple[str, Merge]] = []
        for tc in tr.iterchildren(_w("tc")):
            text, inner = _cell_text(tc)
            nested = nested or inner
            properties = tc.find(_w("tcPr"))
            span, continued = 1, False
            if properties is not None:
                grid_span = properties.find(_w("gridSpan"))
                if grid_span is not None:
                    span = _span(grid_span.get(_w("val")))
                v_merge = properties.find(_w("vMerge"))
                continued = v_merge is not None and v_merge.get(_w("val"), "continue") != "restart"
            merge = Merge.UP if continued and not text else Merge.NONE
            row.append((text, merge))
            row.extend([("", Merge.LEFT)] * (span - 1))
        if not row:
            continue
        properties = tr.find(_w("trPr"))
        if properties is not None and properties.find(_w("tblHeader")) is not None:
            header_rows = len(rows) + 1 if header_rows == len(rows) else header_rows
        rows.append(row)
    notes = []
    if not rows:  # a table of empty cells is kept: a form to fill in by hand has its shape
        notes.append(
            _("{file}: table {number} is empty; it was left out.", file=name, number=number)
        )
        return [], notes
    if nested:
        notes.append(
            _(
                "{file}: table {number} has a table inside a cell; its text was put in that "
                "cell, without its own rows.",
                file=name,
                number=number,
            )
        )
    if header_rows == 0:  # the rows of words above the first row with a blank: the headers
        blanks = [any(_has_blank(t) for t, _m in row) for row in rows[: MAX_HEADER_ROWS + 1]]
        header_rows = blanks.index(True) if True in blanks else min(1, len(rows) - 1)
    blocks = [
        Block(text, "", TableCell(number, r, c, r < header_rows, merge))
        for r, row in enumerate(rows)
        for c, (text, merge) in enumerate(row)
    ]
    return blocks, notes


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 64))
    except ValueError:
        return 1


def _cell_text(tc: Any) -> tuple[str, bool]:
    """The text of a cell, its paragraphs (and those of any table inside it) joined by two
    spaces; and whether a table was inside it. Two: one space between two X runs reads as one
    space-padded blank (X X), and a new line, a tab or a paragraph keeps blanks apart."""
    parts = []
    nested = False
    for element in tc.iter(_w("p"), _w("tbl")):
        if element.tag == _w("tbl"):
            nested = True
            continue
        text = "".join(  # a tab or a line break inside a cell separates like a paragraph
            (t.text or "") if t.tag == _w("t") else _BREAK
            for t in element.iter(_w("t"), _w("tab"), _w("br"))
        )
        text = exportable_text(text).replace("\n", _BREAK).strip(" \t\u3000\r")
        if text:
            parts.append(text)
    return _BREAK.join(parts), nested


#: What stands for a tab, a line break or a new paragraph inside a cell.
_BREAK = "  "


def _has_blank(text: str) -> bool:
    from app.core.placeholders import find_placeholders

    return bool(find_placeholders(text))


# ------------------------------------------------------------------------- labels


def _header_words(text: str) -> tuple[str, str]:
    """A header's words without its unit, and the unit (本月（万元） -> 本月, 万元)."""
    text = _HEADER_SPACE.sub("", text)
    match = _UNIT_IN_HEADER.search(text)
    if match is None:
        return text, ""
    unit = match.group(1) or "%"
    return text[: match.start()] or text, "%" if unit in ("%", "％") else unit


class CellContext(NamedTuple):
    """What names the blanks of a cell: its row header, its column header, the unit."""

    row_words: str
    column_words: str
    unit: str

    @property
    def label(self) -> str:
        """固定资产投资 本月."""
        return " ".join(w for w in (self.row_words, self.column_words) if w)


def cell_contexts(
    cells: Sequence[TableCell | None], texts: Sequence[str], found: Sequence[Sequence[Placeholder]]
) -> dict[int, CellContext]:
    """For each body cell holding a blank (by its index among the source paragraphs): its row
    header (the first cell of words to its left, a cell merged downwards read from above), its
    column header and its unit (from the column header, else from the row's 单位 column)."""
    at: dict[tuple[int, int, int], int] = {}
    headers: dict[tuple[int, int], tuple[str, str]] = {}  # (table, column) -> words, unit
    unit_columns: dict[int, int] = {}
    for index, cell in enumerate(cells):
        if cell is None:
            continue
        at[(cell.table, cell.row, cell.column)] = index
        if not cell.header:
            continue
        words, unit = _header_words(texts[index])
        if cell.merge is Merge.LEFT:  # a merged header names each of its columns
            words, unit = headers.get((cell.table, cell.column - 1), (words, unit))
        if words in UNIT_HEADERS:
            unit_columns[cell.table] = cell.column
        upper, upper_unit = headers.get((cell.table, cell.column), ("", ""))
        if cell.merge is Merge.NONE and upper and words != upper:
            words = upper + words  # a lower header row refines: 本月 over 增速 is 本月增速
        headers[(cell.table, cell.column)] = (words or upper, unit or upper_unit)

    def origin(table: int, row: int, column: int) -> int | None:
        index = at.get((table, row, column))
        while index is not None and row > 0 and _merge(cells[index]) is Merge.UP:
            row -= 1
            index = at.get((table, row, column))
        return index

    contexts = {}
    for index, cell in enumerate(cells):
        if cell is None or cell.header or not found[index]:
            continue
        row_words = ""
        for column in range(cell.column):
            left = origin(cell.table, cell.row, column)
            if left is not None and texts[left] and not found[left]:
                row_words = _HEADER_SPACE.sub("", texts[left])
                break
        column_words, unit = headers.get((cell.table, cell.column), ("", ""))
        if not unit and cell.table in unit_columns:
            source = at.get((cell.table, cell.row, unit_columns[cell.table]))
            if source is not None and not found[source] and len(texts[source]) <= 6:
                unit = texts[source]
        contexts[index] = CellContext(row_words, column_words, unit)
    return contexts


def _merge(cell: TableCell | None) -> Merge:
    return Merge.NONE if cell is None else cell.merge


def number_guesses(
    contexts: dict[int, CellContext],
    texts: Sequence[str],
    found: Sequence[Sequence[Placeholder]],
    guesses: list[list[Guess]],
) -> None:
    """A cell that is only a blank holds a number when its header or row gives a unit, or when
    its column is a column of figures (a header that names no name, place or text: 本月, 累计,
    数值; not 项目名称, 负责人, 备注): its guess says so (in place), so the field is a number."""
    from app.core.placeholders import Guess

    for index, context in contexts.items():
        places = found[index]
        if len(places) != 1 or places[0].text != texts[index].strip():
            continue
        figures = context.column_words and not context.column_words.endswith(TEXT_HEADERS)
        if not context.unit and not (figures and context.row_words):
            continue
        kind = FieldKind.PERCENT if context.unit == "%" else FieldKind.DECIMAL
        guesses[index][0] = Guess(kind, context.unit)


def label_cells(
    contexts: dict[int, CellContext],
    key_at: dict[tuple[int, int], str],
    fields: Sequence[FieldDraft],
) -> None:
    """Give each field whose first place is a table cell a label from its row and column
    headers (in place)."""
    first_place: dict[str, int] = {}
    for (p_index, _start), key in sorted(key_at.items()):
        first_place.setdefault(key, p_index)
    labels = Counter(f.label for f in fields)
    for draft in fields:
        context = contexts.get(first_place.get(draft.key, -1))
        if context is None or not context.label:
            continue
        labels[draft.label] -= 1
        labels[context.label] += 1
        count = labels[context.label]
        draft.label = context.label if count == 1 else f"{context.label}（{count}）"


# ------------------------------------------------------------------------- the body


def cell_source(pieces: Sequence[str | FieldCall]) -> str:
    """A cell's wording and places as body text: wording escaped for a row and for Jinja."""
    return "".join(
        escape_literal(escape_cell(p))
        if isinstance(p, str)
        else field_tag(p.key, p.placeholder, p.magnitude)
        for p in pieces
    )


def body_lines(rows: Sequence[tuple[bool, Sequence[tuple[str, Merge]]]]) -> Iterator[str]:
    """One table's lines of a body: ``@table``, a ``@header``/``@row`` line per row (each cell
    already written by `cell_source`), ``@endtable``."""
    yield "@table"
    for header, cells in rows:
        text = row_text([source for source, _merge in cells], [merge for _s, merge in cells])
        yield ("@header " if header else "@row ") + text
    yield "@endtable"
