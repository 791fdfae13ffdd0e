"""Computed fields in templates, the report model and the session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.core.errors import TemplateError
from app.core.loader import load_template
from app.core.report import ProblemKind, ReportModel
from app.core.rules import Severity
from app.core.session import ReportSession
from conftest import REPO

MONTHLY = REPO / "templates" / "monthly"


@pytest.fixture(scope="module")
def monthly():
    return load_template(MONTHLY)


def paragraph_with(model: ReportModel, needle: str) -> str:
    for paragraph in model.document.paragraphs:
        text = paragraph.text
        if needle in text:
            return text
    raise AssertionError(needle)


def test_the_monthly_template_declares_its_computed_fields(monthly):
    assert monthly.computed_order == ("revenue_yoy", "revenue_mom", "rectify_rate", "found_change")
    assert monthly.computed_after["found"] == ("rectify_rate", "found_change")
    rate = monthly.field("rectify_rate")
    assert rate.formula is not None and rate.formula.decimals == 1
    assert not rate.required


def test_a_computed_value_follows_its_inputs(monthly):
    model = ReportModel(monthly, {"found": "8", "rectified": "6"})
    assert model.value("rectify_rate") == "75.0"
    assert "整改率75.0%" in paragraph_with(model, "整改率")
    update = model.set_value("rectified", "7")
    assert model.value("rectify_rate") == "87.5"
    assert "rectify_rate" in update.affected
    # only the paragraph holding the fields is redrawn
    assert update.paragraphs == model.paragraphs_of("rectified")
    assert "整改率87.5%" in paragraph_with(model, "整改率")


def test_a_computed_value_is_not_typed_or_saved(monthly):
    model = ReportModel(monthly, {"found": "8", "rectified": "6", "rectify_rate": "1"})
    assert model.value("rectify_rate") == "75.0"
    assert not model.set_value("rectify_rate", "99").changed
    assert model.value("rectify_rate") == "75.0"
    session = ReportSession(monthly, values={"found": "8", "rectified": "6"})
    assert "rectify_rate" not in session.current_draft().values


def test_an_empty_input_leaves_the_place_empty_and_says_why(monthly):
    model = ReportModel(monthly, {"found": "8"})
    assert model.value("rectify_rate") == ""
    assert model.computed_notes["rectify_rate"] == "等待填写“已整改问题数”。"
    assert "整改率XX%" in paragraph_with(model, "整改率")
    # the input is asked for; the computed field adds no problem of its own
    assert [p.keys for p in model.problems() if "rectify_rate" in p.keys] == []
    model.set_value("rectified", "abc")
    assert model.computed_notes["rectify_rate"] == "等待“已整改问题数”填写正确。"
    model.set_value("rectified", "4")
    assert model.computed_notes["rectify_rate"] == ""


def test_a_division_by_zero_is_an_error_at_the_field(monthly):
    model = ReportModel(monthly, {"found": "0", "rectified": "0"})
    assert model.value("rectify_rate") == ""
    problem = model.value_problem("rectify_rate")
    assert problem is not None and problem.kind is ProblemKind.INVALID and problem.blocking
    assert "查摆问题数" in problem.message and "0" in problem.message
    assert model.has_problem("rectify_rate")
    model.set_value("found", "5")
    assert model.value_problem("rectify_rate") is None
    assert not model.has_problem("rectify_rate")


def test_sign_words_follow_computed_values(monthly):
    model = ReportModel(monthly, {"revenue": "1100", "revenue_last_year": "1000"})
    assert "同比增长10.0%" in paragraph_with(model, "同比")
    model.set_value("revenue", "900")
    assert "同比下降10.0%" in paragraph_with(model, "同比")


def test_prev_values_and_their_absence(monthly):
    first = ReportModel(monthly, {"revenue": "1100"})
    problem = first.value_problem("revenue_mom")
    assert problem is not None and problem.severity is Severity.WARNING
    assert "上一期" in first.computed_notes["revenue_mom"]
    second = ReportModel(monthly, {"revenue": "1210"}, previous={"revenue": "1100"})
    assert second.value("revenue_mom") == "10.0"
    assert "环比增长10.0%" in paragraph_with(second, "环比")
    assert second.value_problem("revenue_mom") is None


def test_the_session_hands_the_computed_values_to_the_inputs(monthly):
    session = ReportSession(monthly, values={"found": "8"})
    change = session.set_value("rectified", "2", typing=1)
    assert change.values == {"rectified": "2", "rectify_rate": "25.0"}
    change = session.undo()
    assert change is not None and change.values["rectify_rate"] == ""


SCHEMA_TAIL = """
[[fields]]
key = "extra"
label = "附加"
kind = "{kind}"
section = "problems"
placeholder = "XX"
formula = "{formula}"
{more}
"""


def template_with(tmp_path: Path, formula: str, kind: str = "integer", more: str = "") -> Path:
    folder = tmp_path / "monthly"
    shutil.copytree(MONTHLY, folder)
    schema = folder / "template.toml"
    extra = SCHEMA_TAIL.format(kind=kind, formula=formula, more=more)
    schema.write_text(
        schema.read_text(encoding="utf-8").replace("[[rules]]", extra + "\n[[rules]]"),
        encoding="utf-8",
    )
    body = folder / "body.txt.j2"
    body.write_text(
        body.read_text(encoding="utf-8") + '附加{{ field("extra") }}。\n', encoding="utf-8"
    )
    return folder


@pytest.mark.parametrize(
    ("formula", "kind", "more", "fragment"),
    [
        ("found + nothing", "integer", "", "fields[14].formula: 未知的数字类字段“nothing”"),
        ("extra + 1", "integer", "", "“extra”"),
        ("found", "text", "", "fields[14].formula"),
        ("found", "integer", "decimals = 2", "fields[14].decimals"),
        ("found", "decimal", 'rounding = "odd"', "fields[14].rounding"),
        ("found", "decimal", "decimals = '2'", "fields[14].decimals"),
        ("found > 1", "integer", "", "fields[14].formula"),
    ],
)
def test_bad_formulas_name_the_file_and_the_field(tmp_path, formula, kind, more, fragment):
    folder = template_with(tmp_path, formula, kind, more)
    with pytest.raises(TemplateError) as error:
        load_template(folder)
    message = str(error.value)
    assert "template.toml" in message
    assert fragment in message


def test_formulas_that_use_each_other_are_refused(tmp_path):
    folder = template_with(tmp_path, "rectify_rate + 1")
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8").replace(
        'formula = "rectified / found * 100"', 'formula = "rectified / extra * 100"'
    )
    schema.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError, match="rectify_rate → extra → rectify_rate"):
        load_template(folder)


def test_decimals_only_with_a_formula(tmp_path):
    folder = template_with(tmp_path, "found")
    schema = folder / "template.toml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace(
            'key = "next_focus"', 'key = "next_focus"\ndecimals = 1'
        ),
        encoding="utf-8",
    )
    with pytest.raises(TemplateError, match="decimals"):
        load_template(folder)


def test_set_values_is_one_step_of_the_history(monthly):
    session = ReportSession(monthly, values={"found": "4"})
    change = session.set_values({"found": "8", "rectified": "6", "unit_name": "某局"})
    assert change.values["rectify_rate"] == "75.0"
    assert session.model.value("rectify_rate") == "75.0"
    assert session.undo_text() == "填入 3 个数值"
    assert session.modified
    undone = session.undo()
    assert undone is not None and undone.values == {
        "found": "4",
        "rectified": "",
        "rectify_rate": "",
        "found_change": "",
        "unit_name": "",
    }
    assert session.model.values == {"found": "4"}
    assert not session.can_undo() and not session.modified
    session.redo()
    assert session.model.value("unit_name") == "某局"
    assert not session.set_values({"found": "8"}).update.changed  # nothing new: no step


def test_the_template_editor_keeps_formulas_periods_and_roles(monthly):
    from app.core.template_edit import TemplateEditor

    editor = TemplateEditor.from_template(monthly)
    editor.set_label("found", "查摆数")
    editor.merge(["revenue_last_year", "revenue"])  # formulas read the merged field instead
    edited = editor.to_template()
    rate = edited.field("rectify_rate")
    assert rate.formula is not None
    assert rate.formula.source == "rectified / found * 100"
    assert rate.formula.decimals == 1
    growth = edited.field("revenue_mom").formula
    assert growth is not None
    assert (
        growth.source
        == '(revenue_last_year - prev("revenue_last_year")) / prev("revenue_last_year") * 100'
    )
    assert edited.field("report_month").period == "month"
    assert edited.field("unit_name").role == "unit_name"
    assert not rate.required
    assert 'formula = "rectified / found * 100"' in editor.schema_toml()


def test_a_formula_is_set_in_the_template_editor_and_the_saved_template_computes_it():
    """The field editor's formula (issue 18: settable in the field editor): checked like the
    schema's, kept in the saved template, computed in a report; a bad one changes nothing."""
    import pytest

    from app.core.errors import TemplateError
    from app.core.library import find_template
    from app.core.report import ReportModel
    from app.core.template_edit import TemplateEditor

    editor = TemplateEditor.from_template(find_template("sixin"))
    editor.set_formula("problems_rectified", "problems_found - 1")
    template = editor.to_template()
    assert template.field("problems_rectified").formula is not None
    model = ReportModel(template, {"problems_found": "46"})
    assert model.value("problems_rectified") == "45"
    for bad in ("nosuch + 1", "unit_name * 2", "problems_rectified + 1", "import os"):
        with pytest.raises(TemplateError, match="已整改到位问题数"):
            editor.set_formula("problems_rectified", bad)
        assert editor.field("problems_rectified").settings["formula"] == "problems_found - 1"
    # a cycle through another formula is refused where it closes
    editor.set_formula("problem_measures", "problems_rectified + 1")
    with pytest.raises(TemplateError):
        editor.set_formula("problems_found", "problem_measures * 2")
    assert "formula" not in editor.field("problems_found").settings
    with pytest.raises(TemplateError, match="单位名称"):
        editor.set_formula("unit_name", "meetings + 1")
    editor.set_formula("problems_rectified", "")  # an ordinary field again
    assert editor.to_template().field("problems_rectified").formula is None
    editor.template_id = "sixin-computed"
    from app.core.loader import load_template
    from app.core.template import Origin

    saved = load_template(editor.save(), Origin.USER)
    assert saved.field("problem_measures").formula is not None
    assert saved.field("problems_rectified").formula is None
