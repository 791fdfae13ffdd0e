"""Rules between fields, declared in the template schema and evaluated here.

Two shapes exist:

* a comparison, written as a small arithmetic expression over field keys
  (``check = "problems_rectified <= problems_found"``); only numbers, field names, + - * /,
  comparisons, ``and``/``or``/``not`` and parentheses are accepted, parsed with `ast` and
  evaluated by walking the tree (never `eval`);
* a date, naming the fields that hold year (optional), month and day
  (``date = { year = "report_year", month = "inspection_month", day = "inspection_day" }``):
  the day must exist in that month.

A rule is only evaluated once all its fields are filled and valid: a missing or bad value is
reported at its own field, not as a rule failure.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, DivisionByZero, InvalidOperation
from enum import StrEnum
from fractions import Fraction
from typing import NamedTuple

from app.core.i18n import _


class Severity(StrEnum):
    """An error blocks export (unless forced); a warning is shown and does not block."""

    ERROR = "error"
    WARNING = "warning"


class RuleSyntaxError(ValueError):
    """The rule's expression is not one we accept; the message says why."""


_COMPARE: dict[type[ast.cmpop], Callable[[Fraction, Fraction], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
}
_ARITHMETIC: dict[type[ast.operator], Callable[[Fraction, Fraction], Fraction]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


class DateSpec(NamedTuple):
    """Keys of the fields forming one date; year may be absent (then 29 February is allowed)."""

    month: str
    day: str
    year: str | None = None


class Rule(NamedTuple):
    """One declared rule."""

    id: str
    severity: Severity
    message: str
    fields: tuple[str, ...]
    expression: ast.Expression | None = None
    date: DateSpec | None = None

    def holds(self, numbers: Mapping[str, Decimal]) -> bool:
        """Whether the rule holds for these values (all of `self.fields` must be present)."""
        if self.date is not None:
            month = int(numbers[self.date.month])
            day = int(numbers[self.date.day])
            year = int(numbers[self.date.year]) if self.date.year else 2000  # a leap year
            if not 1 <= month <= 12:
                return True  # reported at the month field itself
            import calendar  # only when a date is checked (not needed to open a window)

            return 1 <= day <= calendar.monthrange(year, month)[1]
        assert self.expression is not None
        try:
            return bool(_evaluate(self.expression.body, numbers))
        except (ZeroDivisionError, DivisionByZero, InvalidOperation):
            return True  # a division by an empty count says nothing about the rule

    def format_message(self, texts: Mapping[str, str]) -> str:
        """The message with `{key}` replaced by the values as the writer typed them.

        Only a plain `{key}` is replaced (never `str.format`: a template's `{a.attr}` or
        `{a:>1000000000}` would reach into objects or fill gigabytes); `{{` and `}}` are braces.
        """

        def value(match: re.Match[str]) -> str:
            if match.group(1) is not None:
                return texts.get(match.group(1), match.group())
            return match.group()[0]

        return re.sub(_MESSAGE_FIELD, value, self.message)


#: `{key}` in a rule's message (a value), or `{{` / `}}` (a brace).
_MESSAGE_FIELD = r"\{([A-Za-z_][A-Za-z0-9_]*)\}|\{\{|\}\}"
#: The longest rule expression, and how many parts and levels of nesting it may have: the
#: longest rule of a real template is under 200 characters; evaluating walks the tree
#: recursively, so its depth is bounded well below Python's recursion limit.
MAX_RULE_CHARS = 2000
MAX_RULE_NODES = 500
MAX_RULE_DEPTH = 50


def parse_expression(source: str, known: set[str]) -> tuple[ast.Expression, tuple[str, ...]]:
    """Parse and check a rule expression; returns the tree and the field keys it uses in order."""
    if len(source) > MAX_RULE_CHARS:
        raise RuleSyntaxError(_("too long (at most {count} characters).", count=MAX_RULE_CHARS))
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise RuleSyntaxError(_("not a valid expression: {error}", error=exc.msg)) from None
    except (RecursionError, MemoryError, ValueError):  # nested thousands deep; a NUL byte
        raise RuleSyntaxError(_("too complex.")) from None
    _check_size(tree)
    if not isinstance(tree.body, ast.Compare | ast.BoolOp | ast.UnaryOp):
        raise RuleSyntaxError(_("the expression must compare values, such as “a <= b”."))
    names: list[str] = []
    name_nodes = sorted(
        (n for n in ast.walk(tree) if isinstance(n, ast.Name)), key=lambda n: n.col_offset
    )
    for name in name_nodes:
        if name.id not in known:
            raise RuleSyntaxError(_("unknown number field “{key}”.", key=name.id))
        if name.id not in names:
            names.append(name.id)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, int | float):
                raise RuleSyntaxError(
                    _("only numbers may be written in a rule: {value}", value=repr(node.value))
                )
        elif not _allowed(node):
            raise RuleSyntaxError(_("“{part}” is not allowed in a rule.", part=_describe(node)))
    if not names:
        raise RuleSyntaxError(_("the expression names no field."))
    return tree, tuple(names)


def _check_size(tree: ast.AST) -> None:
    """Refuse a tree with more parts or deeper nesting than a rule needs (walked without
    recursion, so a deep one cannot exhaust the stack here)."""
    count = 0
    pending: list[tuple[ast.AST, int]] = [(tree, 0)]
    while pending:
        node, depth = pending.pop()
        count += 1
        if count > MAX_RULE_NODES or depth > MAX_RULE_DEPTH:
            raise RuleSyntaxError(_("too complex."))
        pending.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def message_problem(message: str, fields: Iterable[str]) -> str | None:
    """What is wrong with a rule's message, or None: it may name the rule's fields only as
    `{key}`, and write a brace as `{{` or `}}`."""
    names = set(fields)
    for match in re.finditer(r"\{\{|\}\}|\{([^{}]*)\}|[{}]", message):
        if match.group() in ("{{", "}}") or match.group(1) in names:
            continue
        return _(
            "“{part}” is not one of the rule's fields written as {{key}} (a brace is written "
            "{{{{ or }}}}).",
            part=match.group()[:40],
        )
    return None


_STRUCTURE = (
    ast.Expression,
    ast.Name,
    ast.Load,
    ast.Compare,
    ast.BoolOp,
    ast.BinOp,
    ast.UnaryOp,
    ast.And,
    ast.Or,
    ast.Not,
    ast.USub,
    ast.UAdd,
)


def _allowed(node: ast.AST) -> bool:
    if isinstance(node, ast.operator):
        return type(node) in _ARITHMETIC
    if isinstance(node, ast.cmpop):
        return type(node) in _COMPARE
    return isinstance(node, _STRUCTURE)


def _describe(node: ast.AST) -> str:
    try:
        return ast.unparse(node) or type(node).__name__
    except Exception:  # operators and other fragments do not unparse on their own
        return type(node).__name__


def _evaluate(node: ast.AST, numbers: Mapping[str, Decimal]) -> Fraction | bool:
    if isinstance(node, ast.Name):
        return Fraction(numbers[node.id])
    if isinstance(node, ast.Constant):
        return Fraction(str(node.value))
    if isinstance(node, ast.UnaryOp):
        operand = _evaluate(node.operand, numbers)
        if isinstance(node.op, ast.Not):
            return not operand
        value = Fraction(operand)
        return -value if isinstance(node.op, ast.USub) else value
    if isinstance(node, ast.BinOp):
        left = Fraction(_evaluate(node.left, numbers))
        right = Fraction(_evaluate(node.right, numbers))
        return _ARITHMETIC[type(node.op)](left, right)
    if isinstance(node, ast.BoolOp):
        results = (bool(_evaluate(value, numbers)) for value in node.values)
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.Compare):
        left = Fraction(_evaluate(node.left, numbers))
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            right = Fraction(_evaluate(comparator, numbers))
            if not _COMPARE[type(op)](left, right):
                return False
            left = right
        return True
    raise RuleSyntaxError(f"unsupported expression part: {type(node).__name__}")


def evaluate(tree: ast.Expression, numbers: Mapping[str, Decimal]) -> Fraction | bool:
    """Evaluate a checked expression (a rule's, or a computed field's formula) exactly, in
    fractions: 已整改 ÷ (1 ÷ 85) is the figure times 85 to the last digit, so rounding it to the
    report's decimals rounds the true value (Decimal's 28 digits would make a half a hair less)."""
    return _evaluate(tree.body, numbers)


def allowed_part(node: ast.AST) -> bool:
    """Whether a part of an expression is one rules and formulas accept (names and numbers
    are checked on their own)."""
    return _allowed(node)
