"""Formulas of computed fields: parsing, checking, ordering, evaluation and their words."""

from __future__ import annotations

import ast
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.formula import (
    FormulaError,
    computation_order,
    dependents,
    parse_formula,
)


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in English (the source strings)."""
    from app.core import i18n

    i18n.set_language("en")


KNOWN = {"found", "rectified", "revenue", "last"}
LABELS = {"found": "查摆", "rectified": "已整改", "revenue": "收入", "last": "去年同期"}


def test_a_percentage_is_computed_and_rounded_half_up():
    formula = parse_formula("rectified / found * 100", KNOWN, decimals=1)
    assert formula.inputs == ("rectified", "found")
    numbers = {"rectified": Decimal(2), "found": Decimal(3)}
    assert formula.compute(numbers, {}) == Decimal("66.7")
    assert (
        str(
            parse_formula("rectified / found", KNOWN, decimals=2).compute(
                {"rectified": Decimal(1), "found": Decimal(8)}, {}
            )
        )
        == "0.13"
    )  # 0.125: 四舍五入, not banker's rounding


def test_prev_reads_the_previous_period():
    formula = parse_formula('(revenue - prev("revenue")) / prev("revenue") * 100', KNOWN, 1)
    assert formula.inputs == ("revenue",)
    assert formula.previous == ("revenue",)
    assert formula.compute({"revenue": Decimal(110)}, {"revenue": Decimal(100)}) == Decimal("10.0")
    assert formula.compute({"revenue": Decimal(90)}, {"revenue": Decimal(100)}) == Decimal("-10.0")


def test_division_by_zero_raises():
    formula = parse_formula("rectified / found * 100", KNOWN, 1)
    with pytest.raises(ZeroDivisionError):
        formula.compute({"rectified": Decimal(0), "found": Decimal(0)}, {})
    with pytest.raises(ZeroDivisionError):
        formula.compute({"rectified": Decimal(3), "found": Decimal(0)}, {})


def test_no_negative_zero():
    formula = parse_formula("rectified - found", KNOWN, 1)
    assert str(formula.compute({"rectified": Decimal("-0.01"), "found": Decimal(0)}, {})) == "0.0"


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("rectified <= found", "cannot compare"),
        ("rectified and found", "cannot compare"),
        ("unknown + 1", "“unknown”"),
        ('prev("unknown")', "“unknown”"),
        ("open('x')", "not allowed"),
        ("found ** 2", "not allowed"),
        ("found.real", "not allowed"),
        ("'text'", "only numbers"),
        ("1 + 2", "names no field"),
        ("found +", "not a valid formula"),
        ("prev(found, 2)", "prev()"),
        ("prev(1)", "prev()"),
    ],
)
def test_bad_formulas_are_refused_with_a_reason(source, fragment):
    with pytest.raises(FormulaError, match=fragment):
        parse_formula(source, KNOWN)


def test_bad_rounding_and_decimals_are_refused():
    with pytest.raises(FormulaError, match="rounding"):
        parse_formula("found", KNOWN, rounding="bankers")
    with pytest.raises(FormulaError):
        parse_formula("found", KNOWN, decimals=11)


def test_words_read_like_the_form_shows_them():
    formula = parse_formula("rectified / found * 100", KNOWN)
    assert formula.words(LABELS, "上期") == "= 已整改 ÷ 查摆 × 100"
    growth = parse_formula('(revenue - prev("revenue")) / prev("revenue") * 100', KNOWN)
    assert growth.words(LABELS, "上期") == "= (收入 − 上期收入) ÷ 上期收入 × 100"
    assert parse_formula("found - (rectified - last)", KNOWN).words(LABELS, "") == (
        "= 查摆 − (已整改 − 去年同期)"
    )
    assert parse_formula("-found", KNOWN).words(LABELS, "") == "= −查摆"


def test_order_and_dependents_follow_the_formulas():
    rate = parse_formula("rectified / found", KNOWN | {"rate", "double"})
    double = parse_formula("rate * 2", KNOWN | {"rate", "double"})
    formulas = {"double": double, "rate": rate}
    order = computation_order(formulas)
    assert order == ("rate", "double")
    after = dependents(formulas, order)
    assert after["found"] == ("rate", "double")
    assert after["rate"] == ("double",)
    assert "last" not in after


def test_a_formula_using_itself_or_a_cycle_is_refused():
    known = KNOWN | {"a", "b", "c"}
    with pytest.raises(FormulaError, match="“a” uses itself"):
        computation_order({"a": parse_formula("a + 1", known)})
    cycle = {
        "a": parse_formula("b + 1", known),
        "b": parse_formula("c + 1", known),
        "c": parse_formula("a + found", known),
    }
    with pytest.raises(FormulaError, match="a → b → c → a"):
        computation_order(cycle)
    # the previous period's own value is not a cycle
    assert computation_order({"a": parse_formula('prev("a") + found', known)}) == ("a",)


# ------------------------------------------------------------------ Hypothesis

NAMES = ("found", "rectified", "revenue", "last")


def expressions(depth: int = 3) -> st.SearchStrategy[str]:
    leaves = st.one_of(
        st.sampled_from(NAMES),
        st.integers(min_value=0, max_value=999).map(str),
    )
    return st.recursive(
        leaves,
        lambda inner: st.tuples(inner, st.sampled_from("+-*/"), inner).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        max_leaves=2**depth,
    )


def exact(node: ast.AST, values: dict[str, Fraction]) -> Fraction:
    if isinstance(node, ast.Name):
        return values[node.id]
    if isinstance(node, ast.Constant):
        return Fraction(node.value)
    assert isinstance(node, ast.BinOp)
    left, right = exact(node.left, values), exact(node.right, values)
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Sub):
        return left - right
    if isinstance(node.op, ast.Mult):
        return left * right
    return left / right  # ZeroDivisionError like the formula


@given(
    expressions(),
    st.lists(st.integers(min_value=-5000, max_value=5000), min_size=4, max_size=4),
    st.integers(min_value=0, max_value=3),
)
def test_formulas_compute_the_exact_value_rounded_half_up(source, numbers, decimals):
    if not any(name in source for name in NAMES):
        source = f"({source} + found)"
    formula = parse_formula(source, KNOWN, decimals=decimals)
    values = {name: Decimal(n) / 4 for name, n in zip(NAMES, numbers, strict=True)}
    fractions = {name: Fraction(n, 4) for name, n in zip(NAMES, numbers, strict=True)}
    try:
        expected = exact(ast.parse(source, mode="eval").body, fractions)
    except ZeroDivisionError:
        with pytest.raises(ZeroDivisionError):
            formula.compute(values, {})
        return
    if abs(expected) > 10**15:
        return  # beyond what a report's figures are
    as_decimal = Decimal(expected.numerator) / Decimal(expected.denominator)
    want = as_decimal.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    got = formula.compute(values, {})
    assert got == want
    assert got.as_tuple().exponent == -decimals


def test_a_result_exactly_halfway_rounds_half_up_even_through_a_division():
    """found ÷ (1 ÷ 85) with found = -1176.25 is -99981.25 exactly; to one decimal it reads
    -99981.3 (Decimal's 28 digits made 1 ÷ 85 a hair short and the figure -99981.2)."""
    formula = parse_formula("(found / (1 / 85))", KNOWN, decimals=1)
    assert formula.compute({"found": Decimal("-1176.25")}, {}) == Decimal("-99981.3")
    assert formula.compute({"found": Decimal("1176.25")}, {}) == Decimal("99981.3")
