"""Checking raw values per field kind."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.kinds import FieldKind, check_value, magnitude_text


@pytest.mark.parametrize(
    ("kind", "raw", "text", "number"),
    [
        (FieldKind.INTEGER, "12", "12", Decimal(12)),
        (FieldKind.INTEGER, " １２ ", "12", Decimal(12)),  # full-width digits from an IME
        (FieldKind.INTEGER, "1,200", "1,200", Decimal(1200)),
        (FieldKind.DECIMAL, "4.50", "4.50", Decimal("4.50")),
        (FieldKind.DECIMAL, "４．５", "4.5", Decimal("4.5")),
        (FieldKind.PERCENT, "99.6%", "99.6", Decimal("99.6")),
        (FieldKind.PERCENT, "98％", "98", Decimal(98)),
        (FieldKind.YEAR, "2026", "2026", Decimal(2026)),
        (FieldKind.MONTH, "12", "12", Decimal(12)),
        (FieldKind.DAY, "31", "31", Decimal(31)),
        (FieldKind.INTEGER, "+5", "5", Decimal(5)),
    ],
)
def test_valid_values_are_normalised(kind, raw, text, number):
    checked = check_value(kind, raw)
    assert checked.error is None
    assert checked.text == text
    assert checked.number == number


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        (FieldKind.INTEGER, "abc", "“abc”不是整数。"),
        (FieldKind.INTEGER, "3.5", "请填写整数，不带小数。"),
        (FieldKind.INTEGER, "-1", "不能是负数。"),
        (FieldKind.MONTH, "13", "月份应在 1 到 12 之间。"),
        (FieldKind.MONTH, "0", "月份应在 1 到 12 之间。"),
        (FieldKind.DAY, "32", "日应在 1 到 31 之间。"),
        (FieldKind.YEAR, "26", "请用四位数字填写年份，如 2026。"),
        (FieldKind.DECIMAL, "1.2.3", "“1.2.3”不是数字。"),
        (FieldKind.TEXT, "第一\n第二", "请填写在一行内，不要换行。"),
    ],
)
def test_invalid_values_say_what_is_wrong(kind, raw, message):
    checked = check_value(kind, raw)
    assert checked.error == message
    assert checked.text  # the value is kept, not dropped


def test_bounds_from_the_schema():
    assert (
        check_value(FieldKind.PERCENT, "100.5", maximum=Decimal(100)).error
        == "应在 0 到 100 之间。"
    )
    assert check_value(FieldKind.DECIMAL, "9", maximum=Decimal(5), minimum=None).error == (
        "应在 0 到 5 之间。"
    )
    assert check_value(FieldKind.PERCENT, "-3.5", minimum=Decimal(-100)).error is None
    low = check_value(FieldKind.PERCENT, "-120", minimum=Decimal(-100))
    assert low.error == "不能小于 -100。"


def test_empty_is_empty_not_an_error():
    for kind in FieldKind:
        checked = check_value(kind, "   ")
        assert checked.empty and checked.valid


def test_magnitude_drops_the_sign():
    assert magnitude_text("-3.5") == "3.5"
    assert magnitude_text("6.8") == "6.8"


@given(st.text())
def test_text_fields_keep_any_single_line_text(value):
    checked = check_value(FieldKind.TEXT, value)
    assert checked.text == value.strip()


@given(st.integers(min_value=0, max_value=10**30))
def test_any_non_negative_integer_is_accepted(number):
    checked = check_value(FieldKind.INTEGER, str(number))
    assert checked.valid and checked.number == number


@given(st.text(max_size=30))
def test_number_checks_never_raise(raw):
    for kind in FieldKind:
        check_value(kind, raw)
