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
