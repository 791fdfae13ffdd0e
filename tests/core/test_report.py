"""ReportModel's incremental bookkeeping gives what a model built afresh gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.report import ReportModel
from app.core.template import Template

_KEYS = (
    "problems_found",
    "problems_rectified",
    "opinion_categories",
    "opinion_items",
    "revenue_growth",
    "unit_name",
    "inspection_month",
    "inspection_day",
    "report_year",
)
_RAW = st.sampled_from(["", "1", "3", "12", "-3.5", "5", "2", "31", "2026", "x", "0"])
_PARAGRAPHS = ("s1.2", "s1.3", "s4.2", "preamble.1")
_step = st.one_of(
    st.tuples(st.just("value"), st.sampled_from(_KEYS), _RAW),
    st.tuples(st.sampled_from(["off", "restore"]), st.sampled_from(_PARAGRAPHS), st.just("")),
)


@given(st.lists(_step, min_size=1, max_size=25))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_change_leaves_what_a_fresh_model_has(sixin: Template, steps: list) -> None:
    model = ReportModel(sixin)
    for action, target, raw in steps:
        if action == "value":
            model.set_value(target, raw)
        elif action == "off":
            model.switch_off(target)
        else:
            model.restore(target)
        fresh = ReportModel(sixin, model.values, model.wording)
        active = [f for f in sixin.fields if model.is_active(f.key)]
        filled = sum(model.is_filled(f.key) for f in active)
        assert model.counts() == (filled, len(active), len(model.problems()))
        for section in sixin.sections:
            mine = [f for f in active if f.section == section.id]
            flagged = [f for f in mine if model.value_problem(f.key) or model.rule_problems(f.key)]
            assert model.section_counts(section.id) == (
                sum(model.is_filled(f.key) for f in mine),
                len(mine),
                len(flagged),
            )
            assert all(model.has_problem(f.key) for f in flagged)
        assert model.counts() == fresh.counts()
        assert model.problems() == fresh.problems()
        assert model.document == fresh.document
        for section in sixin.sections:
            assert model.section_counts(section.id) == fresh.section_counts(section.id)
        for field in sixin.fields:
            assert model.has_problem(field.key) == fresh.has_problem(field.key)
            assert model.field_problems(field) == fresh.field_problems(field)


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
