"""Computed fields: read from the schema, and their values computed from the report's.

A computed field's value is never typed: `compute` makes it from the checked values of the
fields its formula reads (and from the previous period's values for ``prev("key")``). When it
cannot be computed, the place stays empty and a note says why: the fields it waits for (their
own marks ask for them), a previous period it has not got (a warning: the first report of a
series has none), or what went wrong (a division by zero, a result out of the field's bounds),
which is an error at the field like an invalid value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from app.core.formula import ROUNDINGS, FormulaError, computation_order, parse_formula
from app.core.i18n import _
from app.core.kinds import CheckedValue, FieldKind
from app.core.profile import ROLES
from app.core.template import Field

#: Schema settings of a field this module reads (the loader accepts them).
FIELD_SETTINGS = ("formula", "decimals", "rounding", "period", "role")
#: The parts of a report's period a field may stand for (``period = "month"``), with the kind
#: it must have (`app.core.periods` advances them in the next period's report).
PERIOD_KINDS = {"year": FieldKind.YEAR, "quarter": FieldKind.INTEGER, "month": FieldKind.MONTH}


class Result(NamedTuple):
    """A computed value (its `checked.error` set when it cannot be computed) and, when it is
    empty, why."""

    checked: CheckedValue
    note: str = ""
    #: The problem is a warning, not an error (no previous period yet: the first report).
    warning: bool = False


def attach_formulas(
    fields: Sequence[Field],
    items: Sequence[Mapping[str, Any]],
    fail: Callable[[str, str], None],
) -> list[Field]:
    """The fields with the formulas and periods their schema entries declare, checked;
    `fail(where, message)` reports a problem (and raises)."""
    numeric = {f.key for f in fields if f.kind.is_number}
    result = []
    periods: set[str] = set()
    for index, (field, item) in enumerate(zip(fields, items, strict=True)):
        where = f"fields[{index}]"
        role = item.get("role", "")
        if role:
            if not isinstance(role, str) or role not in ROLES or "formula" in item:
                fail(f"{where}.role", _("unknown role (known: {known}).", known=", ".join(ROLES)))
            if field.kind is not FieldKind.TEXT:
                fail(f"{where}.role", _("a field with a role must be text."))
            field = field._replace(role=role)
        period = item.get("period", "")
        if period:
            if not isinstance(period, str) or period not in PERIOD_KINDS or "formula" in item:
                fail(f"{where}.period", _("must be “year”, “quarter” or “month”."))
            if field.kind is not PERIOD_KINDS[period]:
                fail(
                    f"{where}.period",
                    _(
                        "a {period} field must be of kind {kind}.",
                        period=period,
                        kind=PERIOD_KINDS[period].value,
                    ),
                )
            if period in periods:
                fail(f"{where}.period", _("“{value}” is used twice.", value=period))
            periods.add(period)
            field = field._replace(period=period)
        if "formula" not in item:
            for name in ("decimals", "rounding"):
                if name in item:
                    fail(f"{where}.{name}", _("only a computed field (with a formula) has it."))
            result.append(field)
            continue
        source = item["formula"]
        if not isinstance(source, str):
            fail(f"{where}.formula", _("must be text in quotes."))
        if not field.kind.is_number:
            fail(f"{where}.formula", _("a computed field must be a number, not text."))
        whole = not field.kind.allows_fraction
        decimals = item.get("decimals", 0 if whole else 2)
        if type(decimals) is not int:
            fail(f"{where}.decimals", _("must be a whole number."))
        if whole and decimals != 0:
            fail(f"{where}.decimals", _("a whole-number field has no decimals."))
        rounding = item.get("rounding", "half_up")
        if not isinstance(rounding, str) or rounding not in ROUNDINGS:
            fail(
                f"{where}.rounding",
                _(
                    "unknown rounding “{value}” (known: {known}).",
                    value=rounding,
                    known=", ".join(ROUNDINGS),
                ),
            )
        try:
            formula = parse_formula(source, numeric, decimals, rounding)
        except FormulaError as exc:
            fail(f"{where}.formula", str(exc))
            raise AssertionError from None  # pragma: no cover
        required = item.get("required", False)  # its inputs are asked for, not the result
        result.append(field._replace(formula=formula, required=required))
    formulas = {f.key: f.formula for f in result if f.formula is not None}
    try:
        computation_order(formulas)
    except FormulaError as exc:
        fail("fields", str(exc))
    return result


def compute(
    field: Field,
    checked: Mapping[str, CheckedValue],
    previous: Mapping[str, Decimal],
    fields: Mapping[str, Field],
) -> Result:
    """The value of one computed field from the others' checked values."""
    formula = field.formula
    assert formula is not None
    waiting: list[str] = []
    invalid: list[str] = []
    numbers: dict[str, Decimal] = {}
    for key in formula.inputs:
        value = checked.get(key)
        if value is None or value.empty:
            waiting.append(fields[key].label)
        elif not value.valid or value.number is None:
            invalid.append(fields[key].label)
        else:
            numbers[key] = value.number
    if invalid:
        return Result(
            CheckedValue(""), _("Waiting for a valid “{labels}”.", labels="、".join(invalid))
        )
    if waiting:
        return Result(CheckedValue(""), _("Waiting for “{labels}”.", labels="、".join(waiting)))
    missing = [fields[key].label for key in formula.previous if key not in previous]
    if missing:
        message = _(
            "No value of “{labels}” from the previous period (a report made with 新建下一期 "
            "has it).",
            labels="、".join(missing),
        )
        return Result(CheckedValue("", error=message), message, warning=True)
    try:
        number = formula.compute(numbers, previous)
    except ZeroDivisionError:  # decimal's DivisionByZero is one too
        zero = [fields[k].label for k in formula.inputs if numbers[k] == 0]
        zero += [fields[k].label for k in formula.previous if previous[k] == 0]
        message = _(
            "Cannot be computed: it divides by zero (“{labels}” is 0).", labels="、".join(zero)
        )
        return Result(CheckedValue("", error=message), message)
    except InvalidOperation:
        message = _("Cannot be computed: the result is not a number of a usable size.")
        return Result(CheckedValue("", error=message), message)
    text = format(number, "f")
    if field.kind is FieldKind.YEAR or field.kind is FieldKind.MONTH or field.kind is FieldKind.DAY:
        bounds = field.check(text)  # a month that is not 1 to 12 is still wrong
        return Result(bounds)
    if (field.minimum is not None and number < field.minimum) or (
        field.maximum is not None and number > field.maximum
    ):
        # only bounds the template declares: a computed growth may be negative
        return Result(field.check(text))
    return Result(CheckedValue(text, number))


def formula_words(field: Field, fields: Mapping[str, Field]) -> str:
    """A computed field's formula as the form shows it: "= 已整改 ÷ 查摆 × 100"."""
    assert field.formula is not None
    labels = {key: fields[key].label for key in (*field.formula.inputs, *field.formula.previous)}
    return field.formula.words(labels, _("previous period's "))


def schema_settings(field: Field) -> dict[str, object]:
    """The schema settings of this module a field has, as `template.toml` writes them (what the
    template editor keeps through an edit)."""
    settings: dict[str, object] = {}
    if field.formula is not None:
        settings["formula"] = field.formula.source
        settings["decimals"] = field.formula.decimals
        if field.formula.rounding != "half_up":
            settings["rounding"] = field.formula.rounding
    if field.period:
        settings["period"] = field.period
    if field.role:
        settings["role"] = field.role
    return settings
