"""Tables in the exports: what a writer checks in Word, a browser and a text editor."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from app.core.export.docx import render_docx
from app.core.export.html import render_html
from app.core.export.text import document_lines
from app.core.loader import load_template
from app.core.report import ReportModel
from app.core.table import display_width
from samples import write_table_template

VALUES = {"gdp_month": "125.6", "gdp_total": "356.2", "gdp_rate": "-2.5", "project": "滨河"}


@pytest.fixture
def model(tmp_path: Path) -> ReportModel:
    model = ReportModel(load_template(write_table_template(tmp_path / "tables")))
    for key, value in VALUES.items():
        model.set_value(key, value)
    return model


def test_docx_has_real_tables_with_the_values_in_their_cells(model: ReportModel) -> None:
    word = docx.Document(io.BytesIO(render_docx(model.document)))
    assert len(word.tables) == 2
    first = word.tables[0]
    texts = [[cell.text for cell in row.cells] for row in first.rows]
    assert texts[0] == ["指标", "单位", "本月", "累计", "同比增长%"]
    assert texts[1] == ["地区生产总值", "亿元", "125.6", "356.2", "下降2.5"]
    assert texts[2] == ["固定资产投资", "万元", "XX", "—", "—"]
    assert texts[3] == ["注：A|B为测算口径"] * 5  # one cell merged across the row
    second = [[cell.text for cell in row.cells] for row in word.tables[1].rows]
    assert second == [["类别", "项目"], ["产业项目", "滨河产业园"], ["产业项目", "智能制造基地"]]
    # the paragraphs around the tables stay where they were
    body = [p.text for p in word.paragraphs]
    assert body.index("全县经济运行平稳，主要指标如下表。") < body.index("以上数据为初步统计。")


def test_docx_tables_are_in_the_gongwen_style(model: ReportModel) -> None:
    from docx.shared import Mm, Pt

    word = docx.Document(io.BytesIO(render_docx(model.document)))
    table = word.tables[0]
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    widths = [int(col.get(f"{ns}w")) for col in table._tbl.tblGrid.iterchildren(f"{ns}gridCol")]
    assert abs(sum(widths) - Mm(156).twips) <= 5  # the text width, no more
    borders = table._tbl.tblPr.find(f"{ns}tblBorders")
    assert {b.get(f"{ns}val") for b in borders} == {"single"} and len(borders) == 6
    header = table.rows[0]
    assert header._tr.trPr.find(f"{ns}tblHeader") is not None  # repeated on each page
    cell_paragraph = table.rows[1].cells[2].paragraphs[0]
    assert cell_paragraph.style.font.size == Pt(14)  # 4号
    assert cell_paragraph.style.paragraph_format.alignment == 1  # centred
    fonts = {r._r.rPr.rFonts.get(f"{ns}eastAsia") for r in header.cells[0].paragraphs[0].runs}
    assert fonts == {"黑体"}
    fonts = {r._r.rPr.rFonts.get(f"{ns}eastAsia") for r in cell_paragraph.runs}
    assert fonts == {"仿宋"}


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, str, dict[str, str | None]]]] = []
        self._cell: tuple[str, dict[str, str | None]] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._text = (tag, dict(attrs)), ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append((self._cell[0], self._text, self._cell[1]))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._text += data


def test_html_has_tables_with_header_cells_and_spans(model: ReportModel) -> None:
    parser = _Cells()
    parser.feed(render_html(model.document))
    assert [tag for tag, _t, _a in parser.rows[0]] == ["th"] * 5
    assert [text for _tag, text, _a in parser.rows[1]] == [
        "地区生产总值", "亿元", "125.6", "356.2", "下降2.5"
    ]  # fmt: skip
    note = parser.rows[3]
    assert [(text, attrs.get("colspan")) for _tag, text, attrs in note] == [
        ("注：A|B为测算口径", "5")
    ]
    category = parser.rows[5][0]
    assert (category[1], category[2].get("rowspan")) == ("产业项目", "2")
    assert len(parser.rows[6]) == 1  # the merged cell is not repeated


def test_html_escapes_a_value_in_a_cell(model: ReportModel) -> None:
    model.set_value("project", "<b>滨河&</b>")
    html = render_html(model.document)
    assert 'data-field="project">&lt;b&gt;滨河&amp;&lt;/b&gt;</span>产业园</td>' in html


def test_txt_columns_line_up_counting_chinese_characters_as_two(model: ReportModel) -> None:
    lines = document_lines(model.document)
    table = lines[lines.index("　　全县经济运行平稳，主要指标如下表。") + 1 :][:4]
    assert table[0].startswith("指标") and table[1].startswith("地区生产总值")
    for column, word in (("单位", "亿元"), ("本月", "125.6"), ("累计", "356.2")):
        header_at = display_width(table[0][: table[0].index(column)])
        assert display_width(table[1][: table[1].index(word)]) == header_at
    assert display_width(table[2][: table[2].index("万元")]) == display_width(
        table[0][: table[0].index("单位")]
    )
    assert table[3] == "注：A|B为测算口径"
    projects = lines[-3:]
    assert projects[2].startswith(" ") and projects[2].strip() == "智能制造基地"
    assert display_width(projects[1][: projects[1].index("滨河")]) == display_width(
        projects[2][: projects[2].index("智能")]
    )
