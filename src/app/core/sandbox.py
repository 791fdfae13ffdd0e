"""What a template a user brings may do: a small, safe part of Jinja, checked before it runs.

Built-in templates are ours. An imported template, the writer's own edits and templates from an
office's shared folder are data from elsewhere: their body is parsed and every construct is
checked against a short list before it is compiled. A body may hold wording, ``field()``,
``sign()`` and ``change()`` calls, ``value()``/``negative()``/``filled()`` in ``{% if %}`` conditions,
constants, comparisons and ``and``/``or``/``not``. Anything else is refused with a message
naming the line: attribute and item access (the way to ``__class__`` and ``__globals__``),
filters, loops, ``set``, macros, ``include``/``import``/``extends`` (which read other files),
calls to anything but those functions. Without loops a body's output cannot be much larger
than the body itself, which is itself limited in size.

Behind this check the body still renders in Jinja's `SandboxedEnvironment`, in an environment
without a file loader, with a time and size budget (`app.core.render._render_limited`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from app.core.body import FUNCTIONS as FUNCTIONS  # what a body may call
from app.core.errors import TemplateError
from app.core.i18n import _

if TYPE_CHECKING:  # Jinja loads when a body holds a line Jinja must compile (`check_user_body`)
    import jinja2
    from jinja2 import nodes

#: The largest body a user template may have (characters).
MAX_USER_BODY_CHARS = 2_000_000


@lru_cache(maxsize=1)
def _allowed() -> tuple[type[nodes.Node], ...]:
    """The Jinja constructs a user template may use."""
    from jinja2 import nodes

    return (
        nodes.Template,
        nodes.Output,
        nodes.TemplateData,
        nodes.Const,
        nodes.If,
        nodes.CondExpr,
        nodes.Not,
        nodes.And,
        nodes.Or,
        nodes.Compare,
        nodes.Operand,
        nodes.Neg,
        nodes.Pos,
        nodes.Add,
        nodes.Sub,
        nodes.Concat,
        nodes.Keyword,
        nodes.Call,
        nodes.Name,
    )


#: How a refused construct is written in a template, for the message.
_SYNTAX = {
    "Mul": "*",
    "Pow": "**",
    "Mod": "%",
    "Div": "/",
    "FloorDiv": "//",
    "Assign": "set",
    "AssignBlock": "set",
    "Macro": "macro",
    "CallBlock": "call",
    "FilterBlock": "filter",
    "With": "with",
    "Block": "block",
    "ExprStmt": "do",
    "List": "[…]",
    "Tuple": "(…, …)",
    "Dict": "{…}",
}


def check_body_size(body: str, name: str) -> None:
    """Refuse a user template body larger than `MAX_USER_BODY_CHARS`."""
    if len(body) > MAX_USER_BODY_CHARS:
        raise TemplateError(
            _(
                "{file}: the template body is too large ({size} characters; at most {limit}).",
                file=name,
                size=len(body),
                limit=MAX_USER_BODY_CHARS,
            )
        )


def check_user_body(
    body: str, name: str, environment: jinja2.Environment, first_line: int = 1
) -> None:
    """Refuse a user template body (or a part of it starting at line `first_line`) that uses
    anything outside the safe part of Jinja."""
    import jinja2

    check_body_size(body, name)
    try:
        tree = environment.parse(body)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            _(
                "{file}, line {line}: template syntax error: {error}",
                file=name,
                line=(exc.lineno or 1) + first_line - 1,
                error=exc.message or "",
            )
        ) from None
    for node in _walk(tree):
        problem = _problem(node)
        if problem is not None:
            raise TemplateError(
                _(
                    "{file}, line {line}: {problem}; templates that are not built in may not "
                    "do this, so the template is not used.",
                    file=name,
                    line=getattr(node, "lineno", 1) + first_line - 1,
                    problem=problem,
                )
            )


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def _problem(node: nodes.Node) -> str | None:
    from jinja2 import nodes

    if isinstance(node, nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends):
        return _("it reads another file (“{tag}”)", tag=type(node).__name__.lower())
    if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Slice):
        attribute = getattr(node, "attr", None)
        if attribute is not None:
            return _("it reads the attribute “{name}”", name=attribute)
        return _("it reads an item of a value (“[…]”)")
    if isinstance(node, nodes.For):
        return _("it contains a loop (“for”)")
    if isinstance(node, nodes.Filter | nodes.Test):
        return _("it uses the filter or test “{name}”", name=node.name)
    if isinstance(node, nodes.Call):
        target = node.node
        if not isinstance(target, nodes.Name) or target.name not in FUNCTIONS:
            called = target.name if isinstance(target, nodes.Name) else "…"
            return _("it calls “{name}”", name=called)
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            return _("it passes *args or **kwargs to “{name}”", name=target.name)
        return None
    if isinstance(node, nodes.Name):
        if node.name in FUNCTIONS and node.ctx == "load":
            return None
        return _("it uses the name “{name}”", name=node.name)
    if not isinstance(node, _allowed()):
        construct = _SYNTAX.get(type(node).__name__, type(node).__name__)
        return _("it uses “{construct}”", construct=construct)
    return None
