"""Tables in a template body: the cell syntax, the rows in the document model, the steps."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.body import LAYOUT_SPACE, split_output
from app.core.document import Merge, Role
from app.core.errors import TemplateError
from app.core.loader import load_template
from app.core.report import ReportModel
from app.core.table import Table, blocks, escape_cell, row_text, split_cells
from samples import write_table_template


@pytest.fixture
def tables_template(tmp_path: Path):
    return load_template(write_table_template(tmp_path / "tables"))


def _cells(model: ReportModel) -> list[list[str]]:
    return [
        ["".join(run.text for run in cell) for cell in paragraph.cells()]
        for paragraph in model.document.paragraphs
        if paragraph.role is Role.ROW
    ]


def test_a_table_block_becomes_rows_of_cells_with_their_fields(tables_template):
    model = ReportModel(tables_template)
    assert _cells(model) == [
        ["指标", "单位", "本月", "累计", "同比增长%"],
        ["地区生产总值", "亿元", "XX", "XX", "增长XX"],
        ["固定资产投资", "万元", "XX", "—", "—"],
        ["注：A|B为测算口径", "", "", "", ""],
        ["类别", "项目"],
        ["产业项目", "XX产业园"],
        ["", "智能制造基地"],
    ]
    rows = [p for p in model.document.paragraphs if p.role is Role.ROW]
    assert [row.row.header for row in rows if row.row] == [
        True,
        False,
        False,
        False,
        True,
        False,
        False,
    ]
    assert [row.section for row in rows] == ["a"] * 4 + ["b"] * 3
    tables = [b for b in blocks(model.document.paragraphs) if isinstance(b, Table)]
    assert [len(t.rows) for t in tables] == [4, 3]
    note = tables[0].grid()[3]
    assert [(cell.text, cell.colspan) for cell in note] == [("注：A|B为测算口径", 5)]
    category = tables[1].grid()[1][0]
    assert (category.text, category.rowspan) == ("产业项目", 2)


def test_a_value_typed_in_a_cell_rebuilds_only_its_row(tables_template):
    model = ReportModel(tables_template)
    update = model.set_value("gdp_rate", "-2.5")
    assert not update.structural
    row = model.document.paragraphs[update.paragraphs[0]]
    assert len(update.paragraphs) == 1 and row.role is Role.ROW
    assert ["".join(r.text for r in cell) for cell in row.cells()][-1] == "下降2.5"
    assert model.set_value("gdp_month", "125.6").paragraphs == update.paragraphs


def test_the_fields_of_a_table_are_in_its_section(tables_template):
    from app.core.steps import build_steps

    model = ReportModel(tables_template)
    steps = {step.id: step for step in build_steps(tables_template, model.document)}
    assert {"gdp_month", "gdp_total", "gdp_rate", "invest_month"} <= set(steps["a"].keys)
    assert "project" in steps["b"].keys


def test_logic_in_a_cell_re_renders_its_row_and_keeps_the_table(tmp_path: Path):
    folder = write_table_template(tmp_path / "t")
    body = (folder / "body.txt.j2").read_text(encoding="utf-8")
    body = body.replace(
        '@row 固定资产投资 | 万元 | {{ field("invest_month") }} | — | —',
        '@row 固定资产投资 | 万元 | {{ field("invest_month") }} | '
        '{% if filled("gdp_month") %}已报{% else %}—{% endif %} | —',
    )
    (folder / "body.txt.j2").write_text(body, encoding="utf-8")
    model = ReportModel(load_template(folder))
    update = model.set_value("gdp_month", "3")
    assert not update.structural
    assert _cells(model)[2] == ["固定资产投资", "万元", "XX", "已报", "—"]
    tables = [b for b in blocks(model.document.paragraphs) if isinstance(b, Table)]
    assert [len(t.rows) for t in tables] == [4, 3]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["@row a | b"], "@table"),
        (["@table", "@row a | b"], "@endtable"),
        (["@table", "@table", "@endtable"], "@table"),
        (["@endtable"], "@endtable"),
        (["@table", "正文", "@endtable"], "@header"),
        (["@table", "@section a 一、", "@endtable"], "@header"),
    ],
)
def test_a_misplaced_table_line_is_a_template_error_naming_the_file(lines, message):
    with pytest.raises(TemplateError, match=r"body\.txt\.j2") as error:
        split_output(lines, [], "body.txt.j2")
    assert message in str(error.value)


def test_two_tables_in_a_row_stay_two_tables():
    specs, _lines = split_output(
        ["@table", "@row a | b", "@endtable", "@table", "@row c | d", "@endtable"], [], "b"
    )
    assert [spec.row.starts for spec in specs if spec.row] == [True, True]


def test_ragged_rows_and_merge_marks_with_nothing_to_continue_are_empty_cells():
    specs, _lines = split_output(
        ["@table", "@row < | a", "@row ^ | b | c | d", "@row e", "@endtable"], [], "b"
    )
    from app.core.document import Paragraph, TextRun

    rows = tuple(
        Paragraph(s.id, s.role, s.section, tuple(TextRun(str(p)) for p in s.pieces), s.row)
        for s in specs
    )
    grid = Table(rows, 0).grid()
    assert [[(c.column, c.text, c.rowspan, c.colspan) for c in row] for row in grid] == [
        [(0, "", 2, 1), (1, "a", 1, 1), (2, "", 1, 1), (3, "", 1, 1)],
        [(1, "b", 1, 1), (2, "c", 1, 1), (3, "d", 1, 1)],
        [(0, "e", 1, 1), (1, "", 1, 1), (2, "", 1, 1), (3, "", 1, 1)],
    ]


# ------------------------------------------------------------------------- the cell syntax

cell_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\ue000\ue001\n\r"),
    max_size=12,
).map(lambda t: t.strip(LAYOUT_SPACE))


@given(st.lists(cell_text, min_size=1, max_size=6))
def test_cells_written_escaped_are_read_back_exactly(cells: list[str]) -> None:
    read = split_cells(row_text([escape_cell(c) for c in cells]), LAYOUT_SPACE)
    assert read == [([c], Merge.NONE) for c in cells]


@given(st.lists(st.tuples(cell_text, st.sampled_from(list(Merge))), min_size=1, max_size=6))
def test_merge_marks_and_wording_round_trip(cells: list[tuple[str, Merge]]) -> None:
    text = row_text([escape_cell(c) for c, _m in cells], [m for _c, m in cells])
    read = split_cells(text, LAYOUT_SPACE)
    assert read == [([], m) if m is not Merge.NONE else ([c], m) for c, m in cells]


@given(st.lists(cell_text, min_size=1, max_size=4))
def test_a_row_written_into_a_body_renders_its_cells_verbatim(cells: list[str]) -> None:
    """Through the whole body path: the importer's writer, Jinja, the parser."""
    from app.core.import_tables import body_lines, cell_source
    from app.core.render import compile_body

    lines = list(body_lines([(False, [(cell_source([c]), Merge.NONE) for c in cells])]))
    output = compile_body("\n".join(lines), "b").render({})
    specs, _lines = split_output(output.split("\n"), [], "b")
    assert len(specs) == 1 and specs[0].row is not None
    assert ["".join(map(str, cell)) for cell in specs[0].row.split(specs[0].pieces)] == cells


def test_the_form_shows_a_cell_field_with_its_row(tables_template):
    from app.core.steps import build_steps, field_context

    model = ReportModel(tables_template)
    steps = {step.id: step for step in build_steps(tables_template, model.document)}
    group = steps["a"].groups[0]
    assert group.title == "地区生产总值　亿元　XX　XX　增长XX"
    row = model.document.paragraphs[group.paragraph or 0]
    assert field_context(row, ["gdp_rate"]) == "地区生产总值　增长【 】"
    assert field_context(row, ["gdp_total"]) == "地区生产总值　【 】"


def test_a_kept_structure_keeps_its_tables_and_a_damaged_row_is_not_used(tables_template):
    import json

    from app.core import render, structure_cache

    render.forget_structures()  # rendered by an earlier test, kept in another home
    key = structure_cache.content_key(tables_template)
    structure = render.render_structure(tables_template, {})
    kept = structure_cache.cache_file(key)
    loaded = structure_cache.load(kept, tables_template, key)
    assert loaded == structure and any(spec.row for spec in loaded.paragraphs)
    data = json.loads(kept.read_text(encoding="utf-8"))
    row = next(item for item in data["paragraphs"] if len(item) > 4)
    row[4][0][0][0] = 99  # a cell longer than the row
    kept.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert structure_cache.load(kept, tables_template, key) is None
    row[4] = "not a row"
    kept.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert structure_cache.load(kept, tables_template, key) is None


def test_a_cell_spans_rows_and_columns_only_when_its_whole_width_is_marked():
    from app.core.document import Paragraph, TextRun

    def grid(lines: list[str]) -> list[list[tuple[int, str, int, int]]]:
        specs, _lines = split_output(["@table", *lines, "@endtable"], [], "b")
        rows = tuple(
            Paragraph(s.id, s.role, s.section, tuple(TextRun(str(p)) for p in s.pieces), s.row)
            for s in specs
        )
        return [
            [(c.column, c.text, c.rowspan, c.colspan) for c in r] for r in Table(rows, 0).grid()
        ]

    assert grid(["@row A | < | b", "@row ^ | < | c", "@row ^ | ^ | d"]) == [
        [(0, "A", 3, 2), (2, "b", 1, 1)],
        [(2, "c", 1, 1)],
        [(2, "d", 1, 1)],
    ]
    # a row that marks only part of the cell's width does not extend it
    assert grid(["@row A | < | b", "@row ^ | x | c"]) == [
        [(0, "A", 1, 2), (2, "b", 1, 1)],
        [(0, "", 1, 1), (1, "x", 1, 1), (2, "c", 1, 1)],
    ]
