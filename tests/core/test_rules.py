"""Rules between fields and the report model's incremental updates."""

from __future__ import annotations

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
