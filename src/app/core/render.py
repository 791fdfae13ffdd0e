"""Rendering a template body into the document model.

The body is Jinja2, run in one strict, sandboxed environment (`environment()`): StrictUndefined,
no autoescape for the body (it is text; HTML escaping happens when the HTML export writes the
document model). Field references render to private markers, so the writer's values never pass
through Jinja: a value containing ``{{ }}`` or markup is inserted literally afterwards, when the
markers become `FieldRun`s.

Body syntax, one paragraph per line:

* ``@title 标题`` — the title;
* ``@section ID 一、……`` — a section heading, starting section ID (an id from the schema);
* ``@subheading （一）……`` — a second-level heading;
* ``@body ……`` — a body paragraph whose wording itself begins with ``@title`` or the like;
* any other non-empty line — a body paragraph. Leading and trailing spaces, tabs and full-width
  spaces are layout, not wording: they are dropped here and every output indents as its layout
  requires.

In the body, ``{{ field("key") }}`` marks a placeholder; ``field("key", placeholder="××")`` sets
the text shown while empty for this place only; ``field("key", magnitude=true)`` shows the value
without its sign. ``negative("key")``, ``filled("key")`` and ``value("key")`` let the wording
depend on a value (同比增长/下降); the keys they read are recorded, so that a change to such a
field re-renders the structure while any other change only replaces the value's runs.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from app.core.document import Document, FieldRun, Paragraph, Role, RunState, TextRun
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.kinds import CheckedValue, magnitude_text
from app.core.template import Template

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
_MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
_LAYOUT_SPACE = " \t\u3000\r"
_DIRECTIVE = re.compile(r"^@(title|section|subheading|body)(?:\s+|$)")

#: Limits for templates a user brings: wall time of one render and size of its output.
USER_RENDER_SECONDS = 2.0
USER_RENDER_MAX_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class FieldRef:
    """A `field()` call in the body: which field, and how this place shows it."""

    key: str
    placeholder: str
    magnitude: bool = False


@dataclass(frozen=True, slots=True)
class ParagraphSpec:
    """A paragraph before values are put in: wording and field references."""

    id: str
    role: Role
    section: str
    pieces: tuple[str | FieldRef, ...]


@dataclass(frozen=True, slots=True)
class Structure:
    """The rendered body without values, and the fields its wording depends on."""

    paragraphs: tuple[ParagraphSpec, ...]
    logic_keys: frozenset[str]


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The one Jinja environment: strict, sandboxed, autoescaping files named *.html."""
    from app.core.paths import resources_dir

    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(resources_dir() / "export")),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html", "htm", "xml"), default_for_string=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


@lru_cache(maxsize=1)
def user_environment() -> SandboxedEnvironment:
    """The environment for templates a user brings: `environment()` without its files.

    An overlay of `environment()` (same settings, same strictness) whose loader holds nothing:
    nothing a user template names can be loaded from disk, even if it got past
    `app.core.sandbox.check_user_body`.
    """
    return environment().overlay(loader=jinja2.DictLoader({}))


@lru_cache(maxsize=64)
def compile_body(body: str, name: str, sandboxed: bool = False) -> jinja2.Template:
    """Compile a template body once; syntax errors become a TemplateError naming the line.

    A user template's body (`sandboxed`) is first checked by `app.core.sandbox.check_user_body`
    and compiled in `user_environment()`.
    """
    if sandboxed:
        from app.core.sandbox import check_user_body

        check_user_body(body, name, user_environment())
    try:
        return (user_environment() if sandboxed else environment()).from_string(body)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            _(
                "{file}, line {line}: template syntax error: {error}",
                file=name,
                line=exc.lineno,
                error=exc.message or "",
            )
        ) from None


def render_structure(template: Template, checked: Mapping[str, CheckedValue]) -> Structure:
    """Run the body and split its output into paragraphs of wording and field references."""
    refs: list[FieldRef] = []
    logic_keys: set[str] = set()
    body_name = _body_name(template)

    def known(key: object) -> str:
        if not isinstance(key, str) or key not in template.fields_by_key:
            raise TemplateError(
                _(
                    "{file}: the body uses field “{key}”, which the schema does not declare.",
                    file=body_name,
                    key=key,
                )
            )
        return key

    def field(key: str, placeholder: str | None = None, magnitude: bool = False) -> str:
        key = known(key)
        shown = placeholder if isinstance(placeholder, str) else template.field(key).placeholder
        refs.append(FieldRef(key, shown, bool(magnitude)))
        return f"{MARK_OPEN}{len(refs) - 1}{MARK_CLOSE}"

    def usable(key: str) -> CheckedValue | None:
        logic_keys.add(known(key))
        value = checked.get(key)
        return value if value is not None and not value.empty and value.valid else None

    def value(key: str) -> Decimal | str | None:
        checked_value = usable(key)
        if checked_value is None:
            return None
        return checked_value.number if checked_value.number is not None else checked_value.text

    def negative(key: str) -> bool:
        checked_value = usable(key)
        return bool(checked_value and checked_value.number is not None and checked_value.number < 0)

    def filled(key: str) -> bool:
        return usable(key) is not None

    compiled = compile_body(template.body, body_name, template.sandboxed)
    context: dict[str, Callable[..., Any]] = {
        "field": field,
        "value": value,
        "negative": negative,
        "filled": filled,
    }
    try:
        if template.sandboxed:
            output = _render_limited(compiled, context, body_name)
        else:
            output = compiled.render(context)
    except TemplateError:
        raise
    except jinja2.TemplateError as exc:
        raise TemplateError(
            _("{file}: the template cannot be rendered: {error}", file=body_name, error=exc)
        ) from None
    except (ArithmeticError, TypeError, ValueError, LookupError, RecursionError) as exc:
        raise TemplateError(
            _("{file}: the template cannot be rendered: {error}", file=body_name, error=exc)
        ) from None
    return Structure(_split(output, refs, body_name), frozenset(logic_keys))


def build_document(
    template: Template, structure: Structure, checked: Mapping[str, CheckedValue]
) -> Document:
    """Put the values into a rendered structure."""
    return Document([build_paragraph(spec, checked) for spec in structure.paragraphs])


def build_paragraph(spec: ParagraphSpec, checked: Mapping[str, CheckedValue]) -> Paragraph:
    """One paragraph with its field references filled from `checked`."""
    runs: list[TextRun | FieldRun] = []
    for piece in spec.pieces:
        if isinstance(piece, str):
            runs.append(TextRun(piece))
        else:
            runs.append(field_run(piece, checked.get(piece.key)))
    return Paragraph(spec.id, spec.role, spec.section, tuple(runs))


def field_run(ref: FieldRef, value: CheckedValue | None) -> FieldRun:
    """The run showing `value` at the place `ref`."""
    if value is None or value.empty:
        return FieldRun(ref.key, ref.placeholder, RunState.EMPTY, ref.placeholder, ref.magnitude)
    text = magnitude_text(value.text) if ref.magnitude and value.valid else value.text
    state = RunState.FILLED if value.valid else RunState.INVALID
    return FieldRun(ref.key, text, state, ref.placeholder, ref.magnitude)


def _body_name(template: Template) -> str:
    body_file = str(template.extra.get("body_file", "body.txt.j2"))
    if template.folder is not None:
        return str(Path(template.folder) / body_file)
    return body_file


def _split(output: str, refs: list[FieldRef], body_name: str) -> tuple[ParagraphSpec, ...]:
    paragraphs: list[ParagraphSpec] = []
    section = ""
    counters: dict[str, int] = {}
    for raw_line in output.split("\n"):
        line = raw_line.strip(_LAYOUT_SPACE)
        if not line:
            continue
        role = Role.BODY
        directive = _DIRECTIVE.match(line)
        if directive:
            kind = directive.group(1)
            rest = line[directive.end() :]
            if kind == "title":
                role = Role.TITLE
            elif kind == "subheading":
                role = Role.SUBHEADING
            elif kind == "body":
                role = Role.BODY  # a paragraph that itself begins with "@title" or the like
            else:
                role = Role.HEADING
                section_id, _sep, rest = rest.partition(" ")
                if not section_id:
                    raise TemplateError(_("{file}: “@section” needs a section id.", file=body_name))
                section = section_id
            line = rest.strip(_LAYOUT_SPACE)
        pieces: list[str | FieldRef] = []
        position = 0
        for match in _MARKER.finditer(line):
            if match.start() > position:
                pieces.append(line[position : match.start()])
            index = int(match.group(1))
            if index >= len(refs):
                raise TemplateError(
                    _("{file}: the body contains reserved characters.", file=body_name)
                )
            pieces.append(refs[index])
            position = match.end()
        if position < len(line):
            pieces.append(line[position:])
        if any(isinstance(p, str) and (MARK_OPEN in p or MARK_CLOSE in p) for p in pieces):
            raise TemplateError(_("{file}: the body contains reserved characters.", file=body_name))
        number = counters.get(section, 0)
        counters[section] = number + 1
        paragraphs.append(
            ParagraphSpec(f"{section or 'preamble'}.{number}", role, section, tuple(pieces))
        )
    return tuple(paragraphs)


class _RenderLimitExceeded(Exception):
    pass


def _render_limited(compiled: jinja2.Template, context: dict[str, Any], body_name: str) -> str:
    """Render a user template with a time and size budget (a loop that never ends is stopped)."""
    deadline = time.monotonic() + USER_RENDER_SECONDS
    template_files = {"<template>"}
    steps = 0

    def tracer(frame: FrameType, event: str, arg: object) -> Callable[..., Any] | None:
        nonlocal steps
        if frame.f_code.co_filename not in template_files:
            return None
        steps += 1
        if steps % 256 == 0 and time.monotonic() > deadline:
            raise _RenderLimitExceeded
        return tracer

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        pieces: list[str] = []
        size = 0
        for chunk in compiled.generate(context):
            size += len(chunk)
            if size > USER_RENDER_MAX_CHARS:
                raise _RenderLimitExceeded
            pieces.append(chunk)
        return "".join(pieces)
    except _RenderLimitExceeded:
        raise TemplateError(
            _(
                "{file}: the template takes too long or produces too much text; it was stopped.",
                file=body_name,
            )
        ) from None
    finally:
        sys.settrace(previous)
