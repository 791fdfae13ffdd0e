"""The next period's report from the last: what a draft keeps of the one it came from.

A draft made with 新建下一期 (`fanwen next`) holds, besides its own values, the previous
period's under ``"previous"`` (the draft's top-level entries this version knows nothing of are
kept by `app.core.draft`, so older versions of Fanwen keep it too)::

    "previous": {"from": "2026年1月.fanwen", "values": {"found": "12", ...}}

Formulas read them with ``prev("key")``; the form shows them beside the field as 上期.

`next_draft` makes that draft: the fields that say the period (``period = "month"`` and the like
in the schema) advance, text is carried, numbers start empty.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.core.draft import Draft
from app.core.kinds import FieldKind
from app.core.report import ReportModel
from app.core.template import Template

#: The draft's top-level entry holding the previous period.
PREVIOUS = "previous"


def previous_values(extra: Mapping[str, Any]) -> dict[str, str]:
    """The previous period's values a draft holds (its `extra` entries); {} when none."""
    entry = extra.get(PREVIOUS)
    values = entry.get("values") if isinstance(entry, dict) else None
    if not isinstance(values, dict):
        return {}
    return {k: v for k, v in values.items() if isinstance(k, str) and isinstance(v, str)}


def period_fields(template: Template) -> dict[str, str]:
    """The fields that say which period a report is of: part ("year", "quarter", "month") ->
    key. Declared with ``period = ...`` in the schema; a template that declares none has its
    year and month fields named ``report_year`` / ``report_month`` taken (the built-in ones)."""
    declared = {f.period: f.key for f in template.fields if f.period}
    if declared:
        return declared
    found = {}
    for part, kind in (("year", FieldKind.YEAR), ("month", FieldKind.MONTH)):
        key = f"report_{part}"
        field = template.fields_by_key.get(key)
        if field is not None and field.kind is kind:
            found[part] = key
    return found


def advance(year: int | None, part: str, number: int) -> tuple[int | None, int]:
    """The next period after (`year`, `number` of `part`): month 9 -> 10, month 12 -> 1 of the
    next year, quarter 4 -> 1 of the next year. `part` is "month" or "quarter"."""
    last = 12 if part == "month" else 4
    if number >= last:
        return (year + 1 if year is not None else None), 1
    return year, number + 1


def next_values(template: Template, model: ReportModel) -> dict[str, str]:
    """This period's values in the next period's report: the period advanced, text carried,
    numbers left empty (the previous values are kept beside them, see `next_draft`)."""
    parts = period_fields(template)
    numbers = {part: _whole(model, key) for part, key in parts.items()}
    values: dict[str, str] = {}
    for field in template.fields:
        if field.formula is None and field.kind is FieldKind.TEXT:
            raw = model.value(field.key)
            if raw:
                values[field.key] = raw
    step = "month" if "month" in parts else "quarter" if "quarter" in parts else None
    year = numbers.get("year")
    if step is not None and numbers.get(step) is not None:
        number = numbers[step]
        assert number is not None
        year, number = advance(year, step, number)
        values[parts[step]] = str(number)
        if step == "month" and "quarter" in parts:
            values[parts["quarter"]] = str((number - 1) // 3 + 1)
    elif step is None and year is not None:
        year += 1  # a yearly report
    if "year" in parts and year is not None:
        values[parts["year"]] = str(year)
    return values


def next_draft(template: Template, draft: Draft, source: Path | None) -> Draft:
    """The next period's draft made from `draft` (read from `source`; None for a report not
    saved yet): see `next_values`; it keeps every value of this period (computed ones too) as
    its previous period's, and the name of the draft it came from."""
    model = ReportModel(template, draft.values, draft.wording, previous_values(draft.extra))
    previous = {
        key: checked.text
        for key, checked in model.checked.items()
        if not checked.empty and checked.valid and key in template.fields_by_key
    }
    extra = {k: v for k, v in draft.extra.items() if k != PREVIOUS}
    extra[PREVIOUS] = {"values": previous}
    if source is not None:
        extra[PREVIOUS] = {"from": str(source), "values": previous}
    return Draft(
        template=template.id,
        values=next_values(template, model),
        template_version=template.version,
        extra=extra,
        wording=dict(draft.wording),
    )


def derived_from(extra: Mapping[str, Any]) -> str | None:
    """The file a draft was made from with 新建下一期, or None."""
    entry = extra.get(PREVIOUS)
    source = entry.get("from") if isinstance(entry, dict) else None
    return source if isinstance(source, str) else None


def _whole(model: ReportModel, key: str) -> int | None:
    checked = model.checked.get(key)
    if checked is None or checked.empty or not checked.valid or checked.number is None:
        return None
    return int(checked.number)
