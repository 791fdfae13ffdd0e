"""Tables in the Word export: real Word tables in the 公文 way.

仿宋 4号 (`layout.TABLE_SIZE_PT`) at the body's exact line pitch (a row takes whole lines, as in
the PDF, `app.printing.table_pages`), every border
a single 0.5 pt line, the header rows in 黑体 and repeated at the top of each page, every cell
centred, rows never split across pages, the table exactly the 156 mm text width with its columns
shared out by their content (`app.core.table.Table.column_widths`). Merged cells are Word's own:
``w:gridSpan`` across columns, ``w:vMerge`` down rows.

Rows are made as XML (python-docx's ``Table.cell`` walks the whole table at each call, which
would make a 10,000-row table take minutes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from app.core.document import Role, Run
from app.core.export import layout
from app.core.table import Table

if TYPE_CHECKING:
    from docx.document import Document as WordDocument

STYLE_ID, STYLE_NAME = "FanwenTable", "公文表格"
#: Border line width in eighths of a point (Word's unit for borders): 0.5 pt.
BORDER_EIGHTHS = 4
#: Space left and right of a cell's text, in twips (0.1 cm, Word's default).
CELL_MARGIN_TWIPS = 57

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: Writes runs into a python-docx paragraph in a font (the Word export's own run writer).
AddRuns = Callable[[Any, Sequence[Run], str], None]


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(f"w:{tag}", attrs={_w(k): v for k, v in attributes.items()})


def add_table_style(word: WordDocument, font: str) -> None:
    """The paragraph style of table cells: 4号, centred, no indent, at the body's exact line
    pitch (so that a row takes whole lines of the page, as in the PDF)."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    style = word.styles.add_style(STYLE_NAME, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = STYLE_ID
    style.base_style = word.styles["Normal"]
    style.font.size = Pt(layout.TABLE_SIZE_PT)
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(layout.LINE_PITCH_PT)
    fmt.first_line_indent = Pt(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    ppr = style.element.get_or_add_pPr()
    ind = ppr.find(_w("ind"))
    if ind is None:
        ind = _element("ind")
        ppr.append(ind)
    ind.set(_w("firstLineChars"), "0")
    ind.set(_w("firstLine"), "0")
    rpr = style.element.get_or_add_rPr()
    spacing = rpr.find(_w("spacing"))
    if spacing is not None:
        spacing.set(_w("val"), "0")
    rfonts = rpr.find(_w("rFonts"))
    if rfonts is None:
        rfonts = _element("rFonts")
        rpr.insert(0, rfonts)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(_w(slot), font)


def add_table(word: WordDocument, table: Table, add_runs: AddRuns, fonts: dict[Role, str]) -> None:
    """Append `table` to the document as a Word table."""
    from docx.shared import Mm
    from docx.text.paragraph import Paragraph

    grid = table.grid()
    columns = max(1, table.columns)
    widths = table.column_widths(layout.TEXT_WIDTH_MM, grid) or [layout.TEXT_WIDTH_MM]
    word_table = word.add_table(rows=0, cols=columns)
    tbl = word_table._tbl
    _table_properties(tbl)
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths, strict=True):
        grid_col.w = Mm(width)
    header_rows = table.header_rows()
    #: The first column of a cell spanning rows -> (rows it still covers, its columns).
    below: dict[int, tuple[int, int]] = {}
    for row_index, row in enumerate(grid):
        tr = tbl.add_tr()
        trpr = tr.get_or_add_trPr()
        trpr.append(_element("cantSplit"))
        if row_index < header_rows:
            trpr.append(_element("tblHeader"))
        starts = {cell.column: cell for cell in row}
        column = 0
        while column < columns:
            cell = starts.get(column)
            tc = tr.add_tc()
            tcpr = tc.get_or_add_tcPr()
            span = 1
            if cell is None:  # covered by a cell above: one continuation as wide as it
                left, width = below.get(column, (0, 1))
                if left > 0:
                    below[column] = (left - 1, width)
                    span = width
                    tcpr.append(_element("vMerge"))
            else:
                span = cell.colspan
                if cell.rowspan > 1:
                    tcpr.append(_element("vMerge", val="restart"))
                    below[column] = (cell.rowspan - 1, span)
            if span > 1:
                tcpr.append(_element("gridSpan", val=str(span)))
            tc.width = Mm(sum(widths[column : column + span]))
            tcpr.append(_element("vAlign", val="center"))
            _order_tcpr(tcpr)
            p = tc.p_lst[0]
            p.get_or_add_pPr().style = STYLE_ID  # (python-docx's style setter searches the
            # styles at each call: minutes for a long table)
            paragraph = Paragraph(p, word_table)
            if cell is not None:
                font = fonts[Role.HEADING] if row_index < header_rows else fonts[Role.ROW]
                add_runs(paragraph, cell.runs, font)
            column += span


def _table_properties(tbl: Any) -> None:
    """Full text width, fixed layout, single borders, Word's cell margins."""
    tblpr = tbl.tblPr
    for child in list(tblpr):
        if child.tag in (_w("tblStyle"), _w("tblW"), _w("tblLook")):
            tblpr.remove(child)
    tblpr.append(
        _element("tblW", w=str(round(layout.mm_to_pt(layout.TEXT_WIDTH_MM) * 20)), type="dxa")
    )
    tblpr.append(_element("jc", val="center"))
    borders = _element("tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(
            _element(side, val="single", sz=str(BORDER_EIGHTHS), space="0", color="000000")
        )
    tblpr.append(borders)
    tblpr.append(_element("tblLayout", type="fixed"))
    margins = _element("tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(side, w=str(CELL_MARGIN_TWIPS), type="dxa"))
    tblpr.append(margins)


_TCPR_ORDER = ("tcW", "gridSpan", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "vAlign")


def _order_tcpr(tcpr: Any) -> None:
    """`w:tcPr` children in schema order (Word refuses them out of order)."""
    rank = {_w(name): index for index, name in enumerate(_TCPR_ORDER)}
    children = sorted(tcpr, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        tcpr.remove(child)
        tcpr.append(child)
