"""Formulas of computed fields: parsed, checked, ordered and evaluated.

A computed field declares ``formula = "rectified / found * 100"`` in `template.toml`, with the
number of decimals and the rounding (``decimals = 1``, ``rounding = "half_up"``). A formula is
the rules' arithmetic (`app.core.rules`: field keys, numbers, + - * / and parentheses, parsed
with `ast`, evaluated in Decimal by the rules' evaluator) and one call, ``prev("key")``: the
value of that field in the previous period's report (see `app.core.periods`).

This module knows nothing of templates or reports: it works on keys, so the template model can
hold a `Formula` without an import cycle.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from decimal import (
    ROUND_CEILING,
    ROUND_DOWN,
    ROUND_FLOOR,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    ROUND_UP,
    Decimal,
    DivisionUndefined,
    InvalidOperation,
    localcontext,
)
from typing import NamedTuple

from app.core.i18n import _
from app.core.rules import allowed_part, evaluate

#: How a result is rounded to its decimals; 四舍五入 unless the template says otherwise.
ROUNDINGS: dict[str, str] = {
    "half_up": ROUND_HALF_UP,
    "half_even": ROUND_HALF_EVEN,
    "down": ROUND_DOWN,
    "up": ROUND_UP,
    "floor": ROUND_FLOOR,
    "ceiling": ROUND_CEILING,
}
MAX_DECIMALS = 10
#: The name a ``prev("key")`` call stands under in the evaluated tree (not a valid key).
PREV_PREFIX = "prev:"
_SYMBOLS = {ast.Add: "+", ast.Sub: "−", ast.Mult: "×", ast.Div: "÷"}
_PRECEDENCE = {ast.Add: 1, ast.Sub: 1, ast.Mult: 2, ast.Div: 2}


class FormulaError(ValueError):
    """A formula that cannot be used; the message says why (without naming the file)."""


class Formula(NamedTuple):
    """A computed field's formula, checked against the template's number fields."""

    source: str
    tree: ast.Expression
    #: Keys of this period's fields it reads, in order of appearance.
    inputs: tuple[str, ...]
    #: Keys whose previous-period values it reads (``prev("key")``).
    previous: tuple[str, ...] = ()
    decimals: int = 0
    rounding: str = "half_up"

    def compute(self, numbers: Mapping[str, Decimal], previous: Mapping[str, Decimal]) -> Decimal:
        """The rounded result; ZeroDivisionError (and decimal's subclasses) or
        InvalidOperation when it cannot be computed. Every input must be present."""
        values = dict(numbers)
        values.update({PREV_PREFIX + key: previous[key] for key in self.previous})
        try:
            result = evaluate(self.tree, values)
        except InvalidOperation as exc:  # 0 / 0 is decimal's DivisionUndefined
            conditions = exc.args[0] if exc.args and isinstance(exc.args[0], list) else []
            if DivisionUndefined in conditions:
                raise ZeroDivisionError from None
            raise
        if isinstance(result, bool):  # pragma: no cover - parse_formula refuses comparisons
            raise InvalidOperation
        exponent = Decimal(1).scaleb(-self.decimals)
        # the exact result as a decimal: a terminating one whole, another far past its rounding
        with localcontext(prec=max(len(str(result.numerator)), len(str(result.denominator))) + 30):
            exact = Decimal(result.numerator) / Decimal(result.denominator)
        rounded = exact.quantize(exponent, rounding=ROUNDINGS[self.rounding])
        return rounded + 0 if rounded == 0 else rounded  # no "-0.0"

    def words(self, labels: Mapping[str, str], previous_word: str) -> str:
        """The formula in the writer's words: "= 已整改 ÷ 查摆 × 100"."""
        return "= " + _words(self.tree.body, labels, previous_word)


def parse_formula(
    source: str,
    known: Iterable[str],
    decimals: int = 0,
    rounding: str = "half_up",
) -> Formula:
    """Parse and check a formula over the number fields `known` (FormulaError when bad)."""
    known = set(known)
    if rounding not in ROUNDINGS:
        raise FormulaError(
            _(
                "unknown rounding “{value}” (known: {known}).",
                value=rounding,
                known=", ".join(ROUNDINGS),
            )
        )
    if not 0 <= decimals <= MAX_DECIMALS:
        raise FormulaError(_("decimals must be from 0 to {high}.", high=MAX_DECIMALS))
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise FormulaError(_("not a valid formula: {error}", error=exc.msg)) from None
    tree = _PrevCalls(known).visit(tree)
    inputs: list[str] = []
    previous: list[str] = []
    for node in sorted(
        (n for n in ast.walk(tree) if isinstance(n, ast.Name)), key=lambda n: n.col_offset
    ):
        if node.id.startswith(PREV_PREFIX):
            key = node.id.removeprefix(PREV_PREFIX)
            if key not in previous:
                previous.append(key)
            continue
        if node.id not in known:
            raise FormulaError(_("unknown number field “{key}”.", key=node.id))
        if node.id not in inputs:
            inputs.append(node.id)
    for part in ast.walk(tree):
        if isinstance(part, ast.Constant):
            if isinstance(part.value, bool) or not isinstance(part.value, int | float):
                raise FormulaError(
                    _("only numbers may be written in a formula: {value}", value=repr(part.value))
                )
        elif isinstance(part, ast.Compare | ast.BoolOp | ast.Not):
            raise FormulaError(_("a formula computes a number: it cannot compare values."))
        elif not allowed_part(part):
            raise FormulaError(_("“{part}” is not allowed in a formula.", part=_describe(part)))
    if not inputs and not previous:
        raise FormulaError(_("the formula names no field."))
    return Formula(source.strip(), tree, tuple(inputs), tuple(previous), decimals, rounding)


class _PrevCalls(ast.NodeTransformer):
    """``prev("key")`` becomes a name that stands for the previous period's value."""

    def __init__(self, known: set[str]) -> None:
        self.known = known

    def visit_Call(self, node: ast.Call) -> ast.AST:
        if not (isinstance(node.func, ast.Name) and node.func.id == "prev"):
            raise FormulaError(_("“{part}” is not allowed in a formula.", part=_describe(node)))
        if len(node.args) != 1 or node.keywords:
            raise FormulaError(_('prev() takes one field key, as in prev("found").'))
        argument = node.args[0]
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            key = argument.value
        elif isinstance(argument, ast.Name):
            key = argument.id
        else:
            raise FormulaError(_('prev() takes one field key, as in prev("found").'))
        if key not in self.known:
            raise FormulaError(_("unknown number field “{key}”.", key=key))
        return ast.copy_location(ast.Name(id=PREV_PREFIX + key, ctx=ast.Load()), node)


def _describe(node: ast.AST) -> str:
    try:
        return ast.unparse(node) or type(node).__name__
    except Exception:  # operators and other fragments do not unparse on their own
        return type(node).__name__


def _words(node: ast.AST, labels: Mapping[str, str], previous_word: str) -> str:
    if isinstance(node, ast.Name):
        if node.id.startswith(PREV_PREFIX):
            key = node.id.removeprefix(PREV_PREFIX)
            return previous_word + labels.get(key, key)
        return labels.get(node.id, node.id)
    if isinstance(node, ast.Constant):
        return str(node.value)
    if isinstance(node, ast.UnaryOp):
        sign = "−" if isinstance(node.op, ast.USub) else ""
        return sign + _operand(node.operand, 3, labels, previous_word)
    if isinstance(node, ast.BinOp):
        level = _PRECEDENCE[type(node.op)]
        left = _operand(node.left, level, labels, previous_word)
        # a right operand of the same level keeps its brackets: a − (b − c), a ÷ (b × c)
        right = _operand(node.right, level + 1, labels, previous_word)
        return f"{left} {_SYMBOLS[type(node.op)]} {right}"
    return _describe(node)  # pragma: no cover - parse_formula allows nothing else


def _operand(node: ast.AST, level: int, labels: Mapping[str, str], previous_word: str) -> str:
    text = _words(node, labels, previous_word)
    if isinstance(node, ast.BinOp) and _PRECEDENCE[type(node.op)] < level:
        return f"({text})"
    return text


def computation_order(formulas: Mapping[str, Formula]) -> tuple[str, ...]:
    """The computed keys in an order where each comes after the computed keys it reads;
    FormulaError naming the fields when formulas refer to themselves or form a cycle."""
    order: list[str] = []
    state: dict[str, int] = {}  # 1: being visited, 2: done

    def visit(key: str, path: list[str]) -> None:
        if state.get(key) == 2:
            return
        if state.get(key) == 1:
            cycle = [*path[path.index(key) :], key]
            if len(cycle) == 2:
                raise FormulaError(_("the formula of “{key}” uses itself.", key=key))
            raise FormulaError(_("formulas that use each other: {cycle}.", cycle=" → ".join(cycle)))
        state[key] = 1
        for used in formulas[key].inputs:
            if used in formulas:
                visit(used, [*path, key])
        state[key] = 2
        order.append(key)

    for key in formulas:
        visit(key, [])
    return tuple(order)


def dependents(formulas: Mapping[str, Formula], order: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """For each key a formula reads (directly or through other computed fields): the computed
    keys to recompute when it changes, in computation order."""
    order = tuple(order)
    position = {key: index for index, key in enumerate(order)}
    reached: dict[str, set[str]] = {}
    for key in order:  # a computed key's readers come after it in `order`
        for used in formulas[key].inputs:
            reached.setdefault(used, set()).add(key)
    result: dict[str, tuple[str, ...]] = {}
    for start in list(reached):
        seen: set[str] = set()
        stack = [start]
        while stack:
            for reader in reached.get(stack.pop(), ()):
                if reader not in seen:
                    seen.add(reader)
                    stack.append(reader)
        result[start] = tuple(sorted(seen, key=position.__getitem__))
    return result
