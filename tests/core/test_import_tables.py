"""Importing a Word 范文 whose facts sit in tables: every placeholder kept, labelled from its
headers; hostile tables (huge, merged, nested, empty, ragged) never hang or crash."""

from __future__ import annotations

import io
import time
from pathlib import Path

import docx
from docx.oxml import parse_xml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.document import Role
from app.core.export.docx import render_docx
from app.core.importer import plan_import
from app.core.kinds import FieldKind
from app.core.library import find_template
from app.core.placeholders import find_placeholders
from app.core.report import ReportModel
from app.core.table import Table, blocks

ECONOMY = Path(__file__).resolve().parents[1] / "data" / "tables" / "economy_tables.docx"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _word_tables(data: bytes) -> list[list[list[str]]]:
    """Each table's rows of cell texts, as Word shows them (a merged cell in each grid cell)."""
    word = docx.Document(io.BytesIO(data))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in word.tables]


def test_every_placeholder_of_the_tables_becomes_a_field():
    plan = plan_import(ECONOMY)
    word = docx.Document(str(ECONOMY))
    in_cells = sum(
        len(find_placeholders(cell.text))
        for table in word.tables
        for row in table.rows
        for cell in {id(c._tc): c for c in row.cells}.values()
    )
    assert in_cells == 24  # 5 rows of 3 figures, 3 rows of a name and 2 figures
    cells = plan.source.cells
    assert sum(1 for place in plan.places if cells[place.paragraph] is not None) == in_cells
    assert plan.warnings == []


def test_cell_fields_are_labelled_from_their_headers_with_the_unit():
    plan = plan_import(ECONOMY)
    fields = {f.label: f for f in plan.fields}
    invest = fields["固定资产投资 本月"]
    assert (invest.kind, invest.unit, invest.section) == (FieldKind.DECIMAL, "万元", "s1")
    assert fields["地区生产总值 累计"].unit == "亿元"
    rate = fields["其中：工业投资 同比增长"]
    assert (rate.kind, rate.unit) == (FieldKind.PERCENT, "%")
    assert fields["产业项目 计划投资"].unit == "万元"
    assert fields["民生项目 项目名称"].kind is FieldKind.TEXT  # XX学校改扩建: a name
    assert len(fields) == len(plan.fields)  # no two fields share a label


def test_an_imported_table_comes_out_as_the_source_table(fanwen_home):
    folder = plan_import(ECONOMY).save()
    template = find_template(folder.name)
    body = template.body
    assert "@row 注：地区生产总值为季度数据，增速按可比价格计算。 | < | < | < | <" in body
    assert "@row ^ | " in body
    empty = ReportModel(template)
    assert _word_tables(render_docx(empty.document)) == _word_tables(ECONOMY.read_bytes())
    filled = ReportModel(template)
    key = next(f.key for f in template.fields if f.label == "固定资产投资 累计")
    filled.set_value(key, "45210")
    tables = _word_tables(render_docx(filled.document))
    assert tables[0][2] == ["固定资产投资", "万元", "XX", "45210", "X.X"]
    rows = [p for p in filled.document.paragraphs if p.role is Role.ROW]
    assert {p.section for p in rows} == {"s1", "s2"}


# ------------------------------------------------------------------------- hostile tables


def _docx(tmp_path: Path, name: str, tables_xml: list[str], text: str = "XX县报告") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    body = document.element.body
    for xml in tables_xml:
        body.insert(len(body) - 1, parse_xml(xml))  # before the section properties
    document.add_paragraph("全县共XX个乡镇。")
    path = tmp_path / name
    document.save(str(path))
    return path


def _tc(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def _tbl(rows: list[list[str]]) -> str:
    return f"<w:tbl {W}>" + "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows) + "</w:tbl>"


def test_a_huge_table_imports_and_exports_in_reasonable_time(tmp_path, fanwen_home):
    rows = 10_000
    row = "<w:tr>" + _tc("第N镇") + _tc("XX") + _tc("X.X") + "</w:tr>"
    header = "<w:tr>" + _tc("乡镇") + _tc("人口（人）") + _tc("增长%") + "</w:tr>"
    path = _docx(tmp_path, "big.docx", [f"<w:tbl {W}>{header}{row * rows}</w:tbl>"])
    start = time.perf_counter()
    plan = plan_import(path)
    imported = time.perf_counter() - start
    assert len(plan.fields) == 2 * rows + 2
    model = ReportModel(find_template(plan.save().name))
    assert sum(1 for p in model.document.paragraphs if p.role is Role.ROW) == rows + 1
    start = time.perf_counter()
    data = render_docx(model.document)
    exported = time.perf_counter() - start
    assert len(docx.Document(io.BytesIO(data)).tables[0].rows) == rows + 1
    # generous bounds for a shared CI machine: seconds, not the minutes a quadratic step costs
    assert imported < 60 and exported < 120, (imported, exported)


def test_merged_cells_keep_their_text_and_span(tmp_path, fanwen_home):
    span = '<w:gridSpan w:val="2"/>'
    table = _tbl(
        [
            [_tc("类别"), _tc("指标"), _tc("本月")],
            [_tc("工业", '<w:vMerge w:val="restart"/>'), _tc("产值"), _tc("XX")],
            [_tc("", "<w:vMerge/>"), _tc("税收"), _tc("XX")],
            [_tc("合计", span), _tc("XX")],
        ]
    )
    plan = plan_import(_docx(tmp_path, "merged.docx", [table]))
    body = plan.editor.body
    assert "@row ^ | 税收 |" in body and "@row 合计 | < |" in body
    model = ReportModel(find_template(plan.save().name))
    tables = _word_tables(render_docx(model.document))
    assert tables == [
        [
            ["类别", "指标", "本月"],
            ["工业", "产值", "XX"],
            ["工业", "税收", "XX"],
            ["合计", "合计", "XX"],
        ]
    ]


def test_two_header_rows_name_a_column_together(tmp_path):
    span, restart = '<w:gridSpan w:val="2"/>', '<w:vMerge w:val="restart"/>'
    table = _tbl(
        [
            [_tc("指标", restart), _tc("本月", span), _tc("累计", span)],
            [_tc("", "<w:vMerge/>"), _tc("绝对值"), _tc("增速%"), _tc("绝对值"), _tc("增速%")],
            [_tc("税收收入"), _tc("XX"), _tc("X.X"), _tc("XX"), _tc("X.X")],
        ]
    )
    plan = plan_import(_docx(tmp_path, "two.docx", [table]))
    labels = [f.label for f in plan.fields if f.section == "general" and "税收" in f.label]
    assert labels == [
        "税收收入 本月绝对值",
        "税收收入 本月增速",
        "税收收入 累计绝对值",
        "税收收入 累计增速",
    ]
    assert "@header 指标 | 本月 | < | 累计 | <" in plan.editor.body
    assert "@header ^ | 绝对值 | 增速% | 绝对值 | 增速%" in plan.editor.body


def test_a_cell_merged_across_rows_and_columns_stays_one_cell(tmp_path):
    both = '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'
    table = _tbl(
        [
            [_tc("项目", both), _tc("本月")],
            [_tc("", '<w:gridSpan w:val="2"/><w:vMerge/>'), _tc("万元")],
            [_tc("工业"), _tc("产值"), _tc("XX")],
        ]
    )
    plan = plan_import(_docx(tmp_path, "both.docx", [table]))
    assert plan.warnings == []
    assert "@header ^ | < | 万元" in plan.editor.body
    model = ReportModel(plan.template())
    assert _word_tables(render_docx(model.document)) == [
        [["项目", "项目", "本月"], ["项目", "项目", "万元"], ["工业", "产值", "XX"]]
    ]
    tables = [b for b in blocks(model.document.paragraphs) if isinstance(b, Table)]
    corner = tables[0].grid()[0][0]
    assert (corner.text, corner.rowspan, corner.colspan) == ("项目", 2, 2)


def test_a_nested_table_is_flattened_with_a_note_naming_the_table(tmp_path):
    inner = _tbl([[_tc("内表XX")]])
    cell = f"<w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p>{inner.replace(W, '')}<w:p/></w:tc>"
    outer = _tbl([[_tc("甲"), _tc("乙")], [cell, _tc("XX")]])
    plan = plan_import(_docx(tmp_path, "nested.docx", [outer]))
    assert len(plan.warnings) == 1 and "nested.docx" in plan.warnings[0]
    assert "1" in plan.warnings[0]  # which table
    assert "@row 外  内表{{" in plan.editor.body  # the inner text stays, with its placeholder


def test_empty_and_ragged_tables(tmp_path, fanwen_home):
    empty = f"<w:tbl {W}></w:tbl>"
    blank = _tbl([[_tc(""), _tc("")]])
    ragged = _tbl([[_tc("a"), _tc("b"), _tc("c")], [_tc("XX")], [_tc("d"), _tc("e")]])
    plan = plan_import(_docx(tmp_path, "ragged.docx", [empty, blank, ragged]))
    assert len(plan.warnings) == 1 and "ragged.docx" in plan.warnings[0]  # table 1: no cell
    model = ReportModel(find_template(plan.save().name))
    tables = _word_tables(render_docx(model.document))
    assert tables == [[["", ""]], [["a", "b", "c"], ["XX", "", ""], ["d", "e", ""]]]


def test_a_tab_or_line_break_in_a_cell_keeps_two_blanks_apart(tmp_path):
    cell = (
        "<w:tc><w:p><w:r><w:t>XX</w:t><w:tab/><w:t>XX</w:t><w:br/><w:t>XX</w:t></w:r></w:p></w:tc>"
    )
    plan = plan_import(_docx(tmp_path, "tab.docx", [_tbl([[_tc("甲"), cell]])]))
    cells = plan.source.cells
    in_cell = [place.text for place in plan.places if cells[place.paragraph] is not None]
    assert in_cell == ["XX", "XX", "XX"]


def test_a_vertical_merge_continuation_with_text_keeps_the_text(tmp_path):
    table = _tbl([[_tc("甲", '<w:vMerge w:val="restart"/>')], [_tc("XX", "<w:vMerge/>")]])
    plan = plan_import(_docx(tmp_path, "odd.docx", [table]))
    assert plan.places and "@row {{" in plan.editor.body


def test_the_cli_imports_a_table_docx_and_says_nothing_about_it(tmp_path, fanwen_home):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "app", "template", "import", str(ECONOMY), "--id", "economy"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "economy\n" and "表格" not in result.stderr
    fields = subprocess.run(
        [sys.executable, "-m", "app", "fields", "--template", "economy"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "固定资产投资 本月" in fields.stdout


def test_nothing_in_a_table_cell_reaches_jinja(tmp_path, fanwen_home):
    table = _tbl([[_tc("{{ 7*7 }} | \\ &lt;"), _tc("XX")]])
    plan = plan_import(_docx(tmp_path, "jinja.docx", [table]))
    model = ReportModel(find_template(plan.save().name))
    assert _word_tables(render_docx(model.document)) == [[["{{ 7*7 }} | \\ <", "XX"]]]


def test_a_very_wide_table_and_a_huge_cell_export_at_once(tmp_path):
    from app.core.export.text import document_lines

    wide = _tbl([[_tc("H")] * 2000, [_tc("XX")] * 2000, [_tc("长" * 20000 + "XX")]])
    plan = plan_import(_docx(tmp_path, "wide.docx", [wide]))
    model = ReportModel(plan.template())
    start = time.perf_counter()
    lines = document_lines(model.document)
    render_docx(model.document)
    assert time.perf_counter() - start < 30
    header = next(line for line in lines if line.startswith("H"))
    assert header.split() == ["H"] * 2000


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.lists(
            st.text(st.sampled_from("|\\<^{}%#XX中文<>&"), max_size=6), min_size=2, max_size=3
        ),
        min_size=1,
        max_size=3,
    )
)
def test_any_table_comes_back_cell_for_cell(tmp_path_factory, rows: list[list[str]]) -> None:
    """Whatever a cell holds (separators, escapes, merge marks, Jinja braces, markup), the
    template made from it writes the same table."""
    folder = tmp_path_factory.mktemp("round")
    document = docx.Document()
    document.add_paragraph("XX县")
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = folder / "round.docx"
    document.save(str(path))
    plan = plan_import(path, template_id="round")
    model = ReportModel(plan.template())
    assert _word_tables(render_docx(model.document)) == _word_tables(path.read_bytes())
