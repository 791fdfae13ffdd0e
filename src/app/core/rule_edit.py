"""Rules between fields as a writer makes them in the field editor: in words, checked, and as
the ``[[rules]]`` entries of a template.toml that the loader reads.

A rule the editor makes is a `RuleChoice`: field A, a relation (不能多于 / 不能少于 / 必须等于,
or 是存在的日期 for a month and a day with an optional year) and field B or a fixed number. It
is written as the ordinary entry (``check = "a <= b"``, ``date = { month = …, day = … }``) and
read back from one (`read_choice`). A rule written by hand as a longer expression
(``a * 2 >= b``) is still said in words (`describe`) and can have its message changed or be
deleted. Only fields of comparable kinds can be put in one rule (`comparable`), never a text
field, never a field with itself.

A rule's message names values as ``{key}`` in the template; the writer sees and types them as
``{label}`` (`message_for_writer`, `message_from_writer`). `rule_status` says whether a rule
holds for the open report's values, so the editor shows its effect before anything is saved.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

from app.core.i18n import _
from app.core.kinds import FieldKind, check_value
from app.core.rules import (
    DateSpec,
    Rule,
    RuleSyntaxError,
    Severity,
    message_problem,
    parse_expression,
)


class RuleEditError(ValueError):
    """A rule that cannot be made as asked; the message says why, in the writer's words."""


class FieldLike(Protocol):
    """What the rules need of a field (`template.Field` and `template_edit.FieldDraft` are)."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def kind(self) -> FieldKind: ...
    @property
    def section(self) -> str: ...
    @property
    def minimum(self) -> Decimal | None: ...
    @property
    def maximum(self) -> Decimal | None: ...


class SectionLike(Protocol):
    """What the rules need of a section: its id and the label the writer knows it by."""

    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...


class Relation(StrEnum):
    """The relations the editor offers (the comparison's operator, or "date")."""

    AT_MOST = "<="
    AT_LEAST = ">="
    EQUAL = "=="
    DATE = "date"


def relation_words(relation: Relation) -> str:
    """The relation as the writer reads it."""
    return {
        Relation.AT_MOST: _("must not be more than"),
        Relation.AT_LEAST: _("must not be less than"),
        Relation.EQUAL: _("must equal"),
        Relation.DATE: _("must be a date that exists"),
    }[relation]


@dataclass(frozen=True)
class RuleChoice:
    """A rule as the editor's form holds it.

    For a comparison, `first` is field A and either `second` (field B) or `number`; for a date,
    `first` is the month, `second` the day and `year` the year (or None: any year, so 29
    February is allowed).
    """

    relation: Relation
    first: str
    second: str | None = None
    number: Decimal | None = None
    year: str | None = None

    @property
    def keys(self) -> tuple[str, ...]:
        """The fields the rule reads, in the order the template names them."""
        if self.relation is Relation.DATE:
            return tuple(k for k in (self.year, self.first, self.second) if k)
        return (self.first, self.second) if self.second else (self.first,)


# ------------------------------------------------------------------------- kinds


#: Kinds whose values can be compared: amounts with amounts, a percentage with a percentage,
#: a year with a year... (a count of people is never "not more than" a month).
_FAMILY = {
    FieldKind.INTEGER: "amount",
    FieldKind.DECIMAL: "amount",
    FieldKind.PERCENT: "percent",
    FieldKind.YEAR: "year",
    FieldKind.MONTH: "month",
    FieldKind.DAY: "day",
}


def comparable(first: FieldKind, second: FieldKind) -> bool:
    """Whether values of these kinds can be compared in a rule."""
    family = _FAMILY.get(first)
    return family is not None and family == _FAMILY.get(second)


def second_choices(fields: Sequence[FieldLike], first: str) -> list[str]:
    """The fields field A can be compared with: comparable kinds, A itself left out."""
    kinds = {f.key: f.kind for f in fields}
    if first not in kinds or not kinds[first].is_number:
        return []
    return [f.key for f in fields if f.key != first and comparable(kinds[first], f.kind)]


def relations_for(fields: Sequence[FieldLike], first: str) -> list[Relation]:
    """The relations field A can have: none for text, the date for a month (with a day)."""
    kinds = {f.key: f.kind for f in fields}
    kind = kinds.get(first)
    if kind is None or not kind.is_number:
        return []
    relations = [Relation.AT_MOST, Relation.AT_LEAST, Relation.EQUAL]
    if kind is FieldKind.MONTH and FieldKind.DAY in kinds.values():
        relations.append(Relation.DATE)
    return relations


def date_choices(fields: Sequence[FieldLike], kind: FieldKind) -> list[str]:
    """The fields that can be the year, the month or the day of a date."""
    return [f.key for f in fields if f.kind is kind]


def field_names(
    fields: Sequence[FieldLike], sections: Sequence[SectionLike] = ()
) -> dict[str, str]:
    """Each field's name as the rules show it: its label, with its section's label (or its key)
    where two fields have the same label."""
    section_labels = {s.id: s.label for s in sections}
    labels = {f.key: f.label for f in fields}
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    names = {}
    for item in fields:
        name = item.label
        if counts[name] > 1:
            name = f"{item.label}（{section_labels.get(item.section, item.key)}）"
        names[item.key] = name
    seen: dict[str, int] = {}
    for name in names.values():
        seen[name] = seen.get(name, 0) + 1
    return {
        key: f"{labels[key]}（{key}）" if seen[name] > 1 else name for key, name in names.items()
    }


# ------------------------------------------------------------------------- checking


def check_choice(choice: RuleChoice, fields: Sequence[FieldLike]) -> None:
    """Raise `RuleEditError` when the choice cannot be a rule of these fields."""
    by_key = {f.key: f for f in fields}
    for key in choice.keys:
        if key not in by_key:
            raise RuleEditError(_("The rule names a field that does not exist: “{key}”.", key=key))
        if not by_key[key].kind.is_number:
            raise RuleEditError(
                _("“{label}” is text: only numbers can be compared.", label=by_key[key].label)
            )
    if len(set(choice.keys)) != len(choice.keys):
        raise RuleEditError(_("A rule compares two different fields."))
    first = by_key[choice.first]
    if choice.relation is Relation.DATE:
        if choice.second is None or choice.number is not None:
            raise RuleEditError(_("A date needs a month and a day."))
        return
    if (choice.second is None) == (choice.number is None):
        raise RuleEditError(_("Compare with another field or with a number."))
    if choice.second is not None and not comparable(first.kind, by_key[choice.second].kind):
        raise RuleEditError(
            _(
                "“{first}” and “{second}” are different kinds of numbers and cannot be compared.",
                first=first.label,
                second=by_key[choice.second].label,
            )
        )
    if choice.year is not None:
        raise RuleEditError(_("Only a date has a year."))
    if choice.number is not None:
        parse_number(number_text(choice.number), first)


#: A fixed number is written into the rule's expression, where it is read as a Python number:
#: up to 15 significant digits it reads back as exactly the number typed.
MAX_NUMBER_DIGITS = 15


def parse_number(text: str, first: FieldLike) -> Decimal:
    """The fixed number a writer typed to compare field A with, checked as a value of A
    (so a month is 1 to 12); `RuleEditError` when it is not one."""
    checked = check_value(first.kind, text, first.minimum, first.maximum)
    if checked.empty:
        raise RuleEditError(_("Enter the number to compare with."))
    if checked.error is not None or checked.number is None:
        raise RuleEditError(checked.error or _("Enter a number."))
    if len(checked.number.as_tuple().digits) > MAX_NUMBER_DIGITS:
        raise RuleEditError(
            _("Too many digits for a number (at most {count}).", count=MAX_NUMBER_DIGITS)
        )
    return checked.number


def number_text(number: Decimal) -> str:
    """A fixed number as the rule's expression writes it (no exponent, no trailing zeros)."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text if text not in ("-0", "") else "0"


# ------------------------------------------------------------------------- entries


def entry(choice: RuleChoice, message: str, severity: Severity, rule_id: str) -> dict[str, Any]:
    """The ``[[rules]]`` entry of a choice (the message in the template's ``{key}`` form)."""
    item: dict[str, Any] = {"id": rule_id}
    if choice.relation is Relation.DATE:
        date = {"year": choice.year} if choice.year else {}
        date.update(month=choice.first, day=choice.second or "")
        item["date"] = date
    else:
        other = choice.second if choice.second else number_text(choice.number or Decimal(0))
        item["check"] = f"{choice.first} {choice.relation.value} {other}"
    item["severity"] = severity.value
    item["message"] = message
    return item


_OPERATORS: dict[type[ast.cmpop], Relation] = {
    ast.LtE: Relation.AT_MOST,
    ast.GtE: Relation.AT_LEAST,
    ast.Eq: Relation.EQUAL,
}


def read_choice(item: Mapping[str, Any]) -> RuleChoice | None:
    """The choice an entry says, or None when it is not one the editor makes (an expression
    such as ``a * 2 >= b``, or an entry that cannot be read)."""
    date = item.get("date")
    if isinstance(date, Mapping):
        month, day, year = date.get("month"), date.get("day"), date.get("year")
        if not (isinstance(month, str) and isinstance(day, str)):
            return None
        if year is not None and not isinstance(year, str):
            return None
        return RuleChoice(Relation.DATE, month, day, year=year)
    check = item.get("check")
    if not isinstance(check, str) or len(check) > 300:
        return None
    try:
        tree = ast.parse(check.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not (
        isinstance(tree, ast.Compare)
        and len(tree.ops) == 1
        and type(tree.ops[0]) in _OPERATORS
        and isinstance(tree.left, ast.Name)
    ):
        return None
    relation = _OPERATORS[type(tree.ops[0])]
    other = tree.comparators[0]
    if isinstance(other, ast.Name):
        return RuleChoice(relation, tree.left.id, other.id)
    number = _number(other)
    return RuleChoice(relation, tree.left.id, number=number) if number is not None else None


def _number(node: ast.expr) -> Decimal | None:
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        sign = -1 if isinstance(node.op, ast.USub) else 1
        node = node.operand
    if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
        return None
    if not isinstance(node.value, int | float) or node.value != node.value:  # NaN
        return None
    try:
        return sign * Decimal(str(node.value))
    except ArithmeticError:
        return None


def rule_keys(item: Mapping[str, Any]) -> tuple[str, ...]:
    """The field keys an entry names, in order (whatever the entry is: nothing is assumed)."""
    date = item.get("date")
    if isinstance(date, Mapping):
        return tuple(
            dict.fromkeys(v for k in ("year", "month", "day") if isinstance(v := date.get(k), str))
        )
    check = item.get("check")
    if not isinstance(check, str):
        return ()
    return tuple(dict.fromkeys(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", check[:2000])))


def compile_rule(item: Mapping[str, Any], fields: Sequence[FieldLike]) -> Rule:
    """The rule an entry declares, checked as the loader checks it (`RuleEditError` if not)."""
    numeric = {f.key for f in fields if f.kind.is_number}
    try:
        severity = Severity(item.get("severity", "error"))
    except ValueError:
        severity = Severity.ERROR
    message = item.get("message")
    if not isinstance(message, str):
        raise RuleEditError(_("The rule has no message."))
    rule_id = str(item.get("id", ""))
    choice = read_choice(item)
    if choice is not None and choice.relation is Relation.DATE:
        for key in choice.keys:
            if key not in numeric:
                raise RuleEditError(
                    _("The date names a field that is not a number: “{key}”.", key=key)
                )
        spec = DateSpec(month=choice.first, day=choice.second or "", year=choice.year)
        return Rule(rule_id, severity, message, choice.keys, date=spec)
    check = item.get("check")
    if not isinstance(check, str):
        raise RuleEditError(_("The rule says neither a comparison nor a date."))
    try:
        tree, keys = parse_expression(check, numeric)
    except RuleSyntaxError as exc:
        raise RuleEditError(str(exc)) from None
    return Rule(rule_id, severity, message, keys, expression=tree)


def new_rule_id(rules: Sequence[Mapping[str, Any]], choice: RuleChoice) -> str:
    """An id no other rule has, made from the choice (the writer never sees it)."""
    word = {
        Relation.AT_MOST: "at_most",
        Relation.AT_LEAST: "at_least",
        Relation.EQUAL: "equals",
        Relation.DATE: "date_exists",
    }[choice.relation]
    if choice.relation is Relation.DATE:
        base = f"{choice.first}_{choice.second}_{word}"
    elif choice.second:
        base = f"{choice.first}_{word}_{choice.second}"
    else:
        number = number_text(choice.number or Decimal(0)).replace("-", "minus_").replace(".", "_")
        base = f"{choice.first}_{word}_{number}"
    taken = {str(r.get("id")) for r in rules}
    rule_id, count = base, 2
    while rule_id in taken:
        rule_id = f"{base}_{count}"
        count += 1
    return rule_id


# ------------------------------------------------------------------------- words


_COMPARISON_WORDS: dict[type[ast.cmpop], str] = {
    ast.LtE: "<=",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.Lt: "<",
    ast.Gt: ">",
    ast.NotEq: "!=",
}
_ARITHMETIC_SIGNS: dict[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "−",
    ast.Mult: "×",
    ast.Div: "÷",
}


def _comparison_words(op: ast.cmpop) -> str:
    return {
        ast.LtE: _("must not be more than"),
        ast.GtE: _("must not be less than"),
        ast.Eq: _("must equal"),
        ast.Lt: _("must be less than"),
        ast.Gt: _("must be more than"),
        ast.NotEq: _("must not equal"),
    }.get(type(op), "?")


def describe(item: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """An entry in words: "已整改到位问题数 不能多于 专项检查查摆问题数"."""
    choice = read_choice(item)
    if choice is not None and choice.relation is Relation.DATE:
        words = f"{date_name(choice, names)} {relation_words(Relation.DATE)}"
        if choice.year:  # the year after the sentence: its words are read first
            return _("{date} (year: {year})", date=words, year=names.get(choice.year, choice.year))
        return words
    check = item.get("check")
    if not isinstance(check, str):
        return _("(a rule that cannot be read)")
    try:
        tree = ast.parse(check.strip()[:2000], mode="eval").body
        return _words(tree, names, 0)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return _("(a rule that cannot be read)")


def _words(node: ast.AST, names: Mapping[str, str], depth: int) -> str:
    if depth > 30:
        raise RecursionError
    if isinstance(node, ast.Name):
        return names.get(node.id, node.id)
    if isinstance(node, ast.Constant):
        return str(node.value)
    if isinstance(node, ast.UnaryOp):
        operand = _words(node.operand, names, depth + 1)
        if isinstance(node.op, ast.Not):
            return _("not ({condition})", condition=operand)
        return ("-" if isinstance(node.op, ast.USub) else "") + operand
    if isinstance(node, ast.BinOp):
        sign = _ARITHMETIC_SIGNS.get(type(node.op), "?")
        parts = []
        for side in (node.left, node.right):
            text = _words(side, names, depth + 1)
            parts.append(f"({text})" if isinstance(side, ast.BinOp) else text)
        return f"{parts[0]} {sign} {parts[1]}"
    if isinstance(node, ast.Compare):
        pieces = []
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            pieces.append(
                f"{_words(left, names, depth + 1)} {_comparison_words(op)} "
                f"{_words(right, names, depth + 1)}"
            )
            left = right
        return _(", and ").join(pieces)
    if isinstance(node, ast.BoolOp):
        joiner = _(", and ") if isinstance(node.op, ast.And) else _(", or ")
        return joiner.join(_words(value, names, depth + 1) for value in node.values)
    return "?"


def date_name(choice: RuleChoice, names: Mapping[str, str]) -> str:
    """What the date of a date rule is called: the words its month and day labels share
    ("总局纪律检查组现场检查日期"), or both labels (the year is said after the rule)."""
    month = names.get(choice.first, choice.first)
    day = names.get(choice.second or "", choice.second or "")
    length = 0
    while length < min(len(month), len(day)) and month[length] == day[length]:
        length += 1
    shared = month[:length].rstrip("：:，,、 的月日")
    return _("{name} date", name=shared) if len(shared) >= 2 else f"{month}、{day}"


def _brace_safe(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def default_message(choice: RuleChoice, names: Mapping[str, str]) -> str:
    """The message a new rule starts with (the template's form: values as ``{key}``)."""
    if choice.relation is Relation.DATE:
        if choice.year:
            return _(
                "{year}-{month}-{day} is not a date that exists.",
                year="{" + choice.year + "}",
                month="{" + choice.first + "}",
                day="{" + (choice.second or "") + "}",
            )
        return _(
            "Month {month} has no day {day}.",
            month="{" + choice.first + "}",
            day="{" + (choice.second or "") + "}",
        )
    first = _brace_safe(names.get(choice.first, choice.first))
    if choice.second:
        other = _(
            "{name} ({value})",
            name=_brace_safe(names.get(choice.second, choice.second)),
            value="{" + choice.second + "}",
        )
    else:
        other = number_text(choice.number or Decimal(0))
    return _(
        "{first} ({value}) {relation} {other}.",
        first=first,
        value="{" + choice.first + "}",
        relation=relation_words(choice.relation),
        other=other,
    )


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _token_name(key: str, names: Mapping[str, str]) -> str:
    name = names.get(key, key)
    return key if "{" in name or "}" in name or not name.strip() else name


def message_for_writer(message: str, keys: Sequence[str], names: Mapping[str, str]) -> str:
    """A stored message as the writer edits it: each ``{key}`` of the rule as ``{name}``."""

    def shown(match: re.Match[str]) -> str:
        key = match.group(1)
        if key is not None and key in keys:
            return "{" + _token_name(key, names) + "}"
        return match.group()

    return _TOKEN.sub(shown, message)


def message_from_writer(text: str, keys: Sequence[str], names: Mapping[str, str]) -> str:
    """A message as the writer typed it, in the template's form (``{name}`` or ``{key}`` of
    the rule's fields to ``{key}``); `RuleEditError` naming what is not one of them."""
    text = text.strip()
    if not text:
        raise RuleEditError(_("Write the message the writer sees when the rule does not hold."))
    known = {_token_name(key, names): key for key in keys}
    known.update({key: key for key in keys})

    def stored(match: re.Match[str]) -> str:
        whole, inner = match.group(), match.group(1)
        if whole in ("{{", "}}"):
            return whole
        if inner is not None and inner.strip() in known:
            return "{" + known[inner.strip()] + "}"
        shown = "、".join("{" + _token_name(k, names) + "}" for k in keys)
        raise RuleEditError(
            _(
                "“{part}” in the message is not a field of this rule; a value is written as "
                "one of: {fields}",
                part=whole[:40],
                fields=shown,
            )
        )

    message = _TOKEN.sub(stored, text)
    problem = message_problem(message, keys)
    if problem is not None:  # pragma: no cover - every brace was checked above
        raise RuleEditError(problem)
    return message


# ------------------------------------------------------------------------- editing


def make_entry(
    rules: Sequence[Mapping[str, Any]],
    fields: Sequence[FieldLike],
    choice: RuleChoice,
    message: str | None = None,
    severity: Severity = Severity.ERROR,
    rule_id: str | None = None,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """A checked entry for a choice (`RuleEditError` when it cannot be one); the message is in
    the template's form, the default message when None."""
    check_choice(choice, fields)
    names = names if names is not None else field_names(fields)
    if message is None:
        message = default_message(choice, names)
    problem = message_problem(message, choice.keys)
    if problem is not None:
        raise RuleEditError(problem)
    item = entry(choice, message, severity, rule_id or new_rule_id(rules, choice))
    compile_rule(item, fields)
    return item


def add_rule(
    rules: list[dict[str, Any]],
    fields: Sequence[FieldLike],
    choice: RuleChoice,
    message: str | None = None,
    severity: Severity = Severity.ERROR,
    names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Add a rule (`RuleEditError` when it cannot be one); returns its entry."""
    item = make_entry(rules, fields, choice, message, severity, names=names)
    rules.append(item)
    return item


def remove_rule(rules: list[dict[str, Any]], index: int) -> dict[str, Any]:
    """Delete a rule; returns its entry."""
    return rules.pop(index)


def set_rule(
    rules: list[dict[str, Any]],
    fields: Sequence[FieldLike],
    index: int,
    choice: RuleChoice,
    message: str,
    severity: Severity = Severity.ERROR,
) -> dict[str, Any]:
    """Change a rule into another choice, keeping its id and any setting the editor does not
    know (`RuleEditError` when it cannot be one: the rule is then as it was)."""
    old = rules[index]
    item = make_entry(rules, fields, choice, message, severity, rule_id=str(old.get("id", "")))
    if not item["id"]:
        item["id"] = new_rule_id(rules, choice)
    kept = {k: v for k, v in old.items() if k not in ("id", "check", "date", "severity", "message")}
    rules[index] = {**item, **kept}
    return rules[index]


def set_message(
    rules: list[dict[str, Any]], index: int, message: str, severity: Severity
) -> dict[str, Any]:
    """Change only a rule's message and severity (a rule written as a longer expression)."""
    item = rules[index]
    problem = message_problem(message, rule_keys(item))
    if problem is not None:
        raise RuleEditError(problem)
    rules[index] = {**item, "message": message, "severity": severity.value}
    return rules[index]


def follow_names(
    rules: list[dict[str, Any]], before: Mapping[str, str], after: Mapping[str, str]
) -> None:
    """Fields were renamed: a message that still says what the editor first wrote follows the
    new names (one the writer wrote is theirs, and is kept)."""
    for item in rules:
        choice = read_choice(item)
        if choice is not None and item.get("message") == default_message(choice, before):
            item["message"] = default_message(choice, after)


# ------------------------------------------------------------------------- now


class RuleState(StrEnum):
    """How a rule stands with the open report's values."""

    HOLDS = "holds"
    FAILS = "fails"
    OPEN = "open"  # a value it needs is empty or not valid
    BROKEN = "broken"  # it names a field that is not there or not a number


class RuleStatus(NamedTuple):
    """How a rule stands now, and for a broken one why; `detail` shows the values that break
    it ("5 > 3")."""

    state: RuleState
    detail: str = ""


_BROKEN_BY = {Relation.AT_MOST: ">", Relation.AT_LEAST: "<", Relation.EQUAL: "≠"}


def rule_status(
    item: Mapping[str, Any], fields: Sequence[FieldLike], values: Mapping[str, str]
) -> RuleStatus:
    """Whether an entry holds for these values (raw texts by key, as a draft keeps them)."""
    try:
        rule = compile_rule(item, fields)
    except RuleEditError as exc:
        return RuleStatus(RuleState.BROKEN, str(exc))
    by_key = {f.key: f for f in fields}
    numbers: dict[str, Decimal] = {}
    texts: dict[str, str] = {}
    for key in rule.fields:
        field = by_key[key]
        checked = check_value(field.kind, values.get(key, ""), field.minimum, field.maximum)
        if checked.empty or checked.error is not None or checked.number is None:
            return RuleStatus(RuleState.OPEN)
        numbers[key], texts[key] = checked.number, checked.text
    if rule.holds(numbers):
        return RuleStatus(RuleState.HOLDS)
    choice = read_choice(item)
    if choice is None:
        return RuleStatus(RuleState.FAILS)
    if choice.relation is Relation.DATE:
        return RuleStatus(
            RuleState.FAILS,
            _(
                "Month {month} has no day {day}.",
                month=texts[choice.first],
                day=texts[choice.second or ""],
            ).rstrip("。."),
        )
    other = texts[choice.second] if choice.second else number_text(choice.number or Decimal(0))
    return RuleStatus(
        RuleState.FAILS, f"{texts[choice.first]} {_BROKEN_BY[choice.relation]} {other}"
    )
