"""Rules between fields and the report model's incremental updates."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.report import ProblemKind, ReportModel
from app.core.rules import RuleSyntaxError, parse_expression


def rule_ids(model: ReportModel) -> set[str]:
    return {p.rule_id for p in model.rule_problems()}


def test_complete_values_have_no_problem(sixin, complete_values):
    model = ReportModel(sixin, complete_values)
    assert model.problems() == []
    assert model.counts() == (47, 47, 0)


def test_rectified_cannot_exceed_found(sixin, complete_values):
    model = ReportModel(sixin, complete_values)
    model.set_value("problems_rectified", "50")
    problems = model.rule_problems("problems_found")
    assert [p.rule_id for p in problems] == ["rectified_within_found"]
    assert problems[0].blocking
    assert problems[0].message == "已整改到位的问题数（50）不能多于查摆出的问题数（46）。"
    # shown on both fields
    assert model.rule_problems("problems_rectified")[0].rule_id == "rectified_within_found"
    model.set_value("problems_found", "60")
    assert "rectified_within_found" not in rule_ids(model)


def test_categories_cannot_exceed_items(sixin, complete_values):
    model = ReportModel(sixin, {**complete_values, "opinion_categories": "30"})
    assert "categories_within_items" in rule_ids(model)


@pytest.mark.parametrize(
    ("year", "month", "day", "ok"),
    [
        ("2026", "2", "29", False),
        ("2024", "2", "29", True),
        ("2026", "4", "31", False),
        ("2026", "12", "31", True),
        ("", "2", "29", True),  # no year: 29 February may exist
    ],
)
def test_inspection_date_must_exist(sixin, year, month, day, ok, complete_values):
    values = {
        **complete_values,
        "report_year": year,
        "inspection_month": month,
        "inspection_day": day,
    }
    if not year:
        del values["report_year"]
    model = ReportModel(sixin, values)
    assert ("inspection_date_exists" not in rule_ids(model)) == ok


def test_month_13_is_reported_at_the_field(sixin, complete_values):
    model = ReportModel(sixin, {**complete_values, "report_month": "13"})
    problems = model.problems()
    assert [(p.kind, p.keys) for p in problems] == [(ProblemKind.INVALID, ("report_month",))]
    assert problems[0].message == "月份应在 1 到 12 之间。"


def test_warning_does_not_block(sixin, complete_values):
    model = ReportModel(sixin, {**complete_values, "problems_rectified": "10"})
    problems = model.problems()
    assert [p.rule_id for p in problems] == ["most_problems_rectified"]
    assert not problems[0].blocking
    assert model.blocking_problems() == []


def test_satisfaction_rate_is_0_to_100(sixin, complete_values):
    model = ReportModel(sixin, {**complete_values, "satisfaction_rate": "101"})
    assert model.field_error("satisfaction_rate") == "应在 0 到 100 之间。"


def test_growth_may_be_negative_but_not_below_minus_100(sixin, complete_values):
    model = ReportModel(sixin, {**complete_values, "revenue_growth": "-12"})
    assert model.field_error("revenue_growth") is None
    model.set_value("revenue_growth", "-130")
    assert model.field_error("revenue_growth") is not None


def test_set_value_replaces_only_the_paragraphs_of_that_field(sixin):
    model = ReportModel(sixin)
    before = list(model.document.paragraphs)
    update = model.set_value("meetings", "36")
    assert not update.structural
    assert len(update.paragraphs) == 1
    index = update.paragraphs[0]
    after = model.document.paragraphs
    assert "培训会等36余次" in after[index].text
    assert [p for i, p in enumerate(after) if i != index] == [
        p for i, p in enumerate(before) if i != index
    ]
    # the unit name fills three paragraphs
    assert len(model.set_value("unit_name", "某局").paragraphs) == 3


def test_changing_the_sign_re_renders_the_wording(sixin, complete_values):
    model = ReportModel(sixin, complete_values)
    last = len(model.document.paragraphs) - 1
    update = model.set_value("revenue_growth", "-2")
    # the wording changes in that one paragraph only: no full re-render
    assert update.paragraphs == (last,) and not update.structural
    assert "同比下降2%" in model.document.paragraphs[-1].text
    update = model.set_value("revenue_growth", "-3")
    assert not update.structural  # still negative: only the value changes
    assert "同比下降3%" in model.document.paragraphs[-1].text


def test_counts_follow_the_values(sixin):
    model = ReportModel(sixin)
    assert model.counts() == (0, 47, 47)
    model.set_value("unit_name", "某局")
    model.set_value("report_month", "13")
    assert model.counts() == (2, 47, 46)


def test_unknown_values_are_kept(sixin):
    model = ReportModel(sixin, {"unit_name": "某局", "old_field": "旧值"})
    assert model.unknown_values() == {"old_field": "旧值"}
    assert model.value("old_field") == "旧值"


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os')",
        "a in b",
        "a is b",
        "a % 2 == 0",
        "a.b <= 1",
        "a <= 'x'",
        "a",
        "[a] == [b]",
        "a <= unknown",
        "a <=",
    ],
)
def test_rule_expressions_are_restricted(source):
    with pytest.raises(RuleSyntaxError):
        parse_expression(source, {"a", "b"})


def test_rule_expression_arithmetic():
    from decimal import Decimal

    from app.core.rules import Rule, Severity

    tree, keys = parse_expression("a * 2 >= b and not a > 100", {"a", "b"})
    assert keys == ("a", "b")
    rule = Rule("r", Severity.WARNING, "m", keys, expression=tree)
    assert rule.holds({"a": Decimal(5), "b": Decimal(10)})
    assert not rule.holds({"a": Decimal(4), "b": Decimal(10)})


def test_line_by_line_rendering_equals_rendering_the_whole_body(sixin, complete_values):
    """The fast path (plain lines parsed without Jinja) gives what Jinja gives for the body."""
    from app.core.render import render_structure

    values = {**complete_values, "revenue_growth": "-1"}
    model = ReportModel(sixin, values)
    # a trailing whitespace-control tag forces the whole-body path
    whole = dataclasses.replace(sixin, body=sixin.body + "{#- end -#}\n{%- if false %}{% endif %}")
    assert render_structure(whole, model.checked).by_line is False
    assert render_structure(whole, model.checked).paragraphs == model.structure.paragraphs


def test_a_line_switched_off_by_logic_re_renders_everything(tmp_path):
    from app.core.loader import load_template

    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "template.toml").write_text(
        '[template]\nid = "t"\ntitle = "T"\n[[sections]]\nid = "a"\nlabel = "A"\n'
        '[[fields]]\nkey = "n"\nlabel = "N"\nkind = "integer"\nsection = "a"\n',
        encoding="utf-8",
    )
    (folder / "body.txt.j2").write_text(
        '@title T\n共{{ field("n") }}个。\n{% if filled("n") %}已填写。{% endif %}\n末段。\n',
        encoding="utf-8",
    )
    model = ReportModel(load_template(folder))
    assert [p.text for p in model.document.paragraphs] == ["T", "共XX个。", "末段。"]
    update = model.set_value("n", "3")
    assert update.structural
    assert [p.text for p in model.document.paragraphs] == ["T", "共3个。", "已填写。", "末段。"]
    assert model.set_value("n", "4").structural is False


def _brute_counts(model: ReportModel) -> tuple[int, int, int]:
    fields = model.template.fields
    filled = sum(1 for f in fields if model.is_filled(f.key))
    bad = sum(
        1
        for f in fields
        if (f.required and not model.is_filled(f.key)) or model.field_error(f.key) is not None
    )
    return filled, len(fields), bad + len(model.rule_problems())


def test_incremental_counts_and_paragraphs_match_a_full_render(sixin):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    keys = [f.key for f in sixin.fields]
    edits = st.lists(
        st.tuples(st.sampled_from(keys), st.sampled_from(["", "1", "-2", "13", "x", "50", "4.5"])),
        max_size=40,
    )

    @settings(max_examples=60, deadline=None)
    @given(edits)
    def check(sequence):
        model = ReportModel(sixin)
        for key, raw in sequence:
            model.set_value(key, raw)
        assert model.counts() == _brute_counts(model)
        fresh = ReportModel(sixin, model.values)
        assert model.document.paragraphs == fresh.document.paragraphs

    check()


def test_a_template_body_is_rendered_once_for_its_check_and_a_new_report(
    tmp_path, monkeypatch, complete_values
):
    """Loading renders the body without values to check it; a new (empty) report starts from
    that same structure instead of rendering again; values render anew."""
    import shutil

    from app.core import render
    from app.core.loader import load_template
    from app.core.paths import builtin_templates_dir

    runs = []
    real = render._Renderer

    class CountingRenderer(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            runs.append(args[1])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(render, "_Renderer", CountingRenderer)
    folder = tmp_path / "sixin"
    shutil.copytree(builtin_templates_dir() / "sixin", folder)
    body = folder / "body.txt.j2"  # a body no earlier test rendered (a structure is per content)
    body.write_text(body.read_text(encoding="utf-8") + f"{{# {tmp_path.name} #}}\n", "utf-8")
    template = load_template(folder)
    assert len(runs) == 1
    blank = ReportModel(template)
    assert len(runs) == 1
    assert blank.structure is render.render_structure(template, {})
    filled = ReportModel(template, complete_values)
    assert len(runs) == 2
    assert filled.document.paragraphs != blank.document.paragraphs


def _states(model: ReportModel, key: str) -> set[str]:
    from app.core.document import FieldRun

    return {
        run.state.value
        for index in model.paragraphs_of(key)
        for run in model.document.paragraphs[index].runs
        if isinstance(run, FieldRun) and run.key == key
    }


def test_the_values_of_a_broken_error_rule_are_marked_invalid_in_the_document(
    sixin, complete_values
):
    """5类2条: both values are shown as wrong (as the form shows the rule at both fields), and
    the change that breaks or heals the rule redraws the other field's paragraph too."""
    model = ReportModel(sixin, dict(complete_values))
    model.set_value("opinion_items", "2")
    update = model.set_value("opinion_categories", "5")
    assert _states(model, "opinion_categories") == {"invalid"}
    assert _states(model, "opinion_items") == {"invalid"}
    assert set(model.paragraphs_of("opinion_items")) <= set(update.paragraphs)
    update = model.set_value("opinion_items", "9")  # healed from the other side
    assert _states(model, "opinion_categories") == {"filled"}
    assert _states(model, "opinion_items") == {"filled"}
    assert set(model.paragraphs_of("opinion_categories")) <= set(update.paragraphs)
    # the incremental document equals a fresh one
    assert model.document == ReportModel(sixin, dict(model.values)).document


def test_a_broken_warning_rule_leaves_the_values_as_they_are(sixin, complete_values):
    model = ReportModel(sixin, dict(complete_values))
    model.set_value("problems_found", "10")
    model.set_value("problems_rectified", "2")  # "大部分" not true: a warning only
    assert [p.rule_id for p in model.problems() if p.rule_id] == ["most_problems_rectified"]
    assert _states(model, "problems_rectified") == {"filled"}


def test_a_broken_rule_opened_from_a_draft_is_marked_at_once(sixin, complete_values):
    values = dict(complete_values, opinion_categories="5", opinion_items="3")
    model = ReportModel(sixin, values)
    assert _states(model, "opinion_categories") == {"invalid"}
    assert _states(model, "opinion_items") == {"invalid"}


def test_breaking_a_rule_redraws_the_other_fields_paragraphs(sixin, complete_values):
    """9月31日 does not exist: the year (in another paragraph) is part of the date rule, so its
    paragraph comes with the day's change, and goes back when the day is fixed."""
    model = ReportModel(sixin, dict(complete_values, inspection_month="9"))
    year_paragraphs = set(model.paragraphs_of("report_year"))
    assert year_paragraphs.isdisjoint(model.paragraphs_of("inspection_day"))
    update = model.set_value("inspection_day", "31")
    assert year_paragraphs <= set(update.paragraphs)
    assert _states(model, "report_year") == {"invalid"}
    update = model.set_value("inspection_day", "30")
    assert year_paragraphs <= set(update.paragraphs)
    assert _states(model, "report_year") == {"filled"}
    assert model.document == ReportModel(sixin, dict(model.values)).document
