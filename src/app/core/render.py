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
without its sign, and ``sign("key", "增长", "下降")`` picks a word by the sign of the value. Both
render to places bound to their field (`app.core.body.FieldRef`, `SignRef`), filled when the
document is built from the values: a change of the value rebuilds the paragraph, no re-render.
``negative("key")``, ``filled("key")`` and ``value("key")`` let the wording depend on a value in
Jinja logic; the keys they read are recorded, so that a change to such a field re-renders the
lines that read it while any other change only replaces the value's runs.

Lines made only of wording, ``field()`` and ``sign()`` calls (the common case) are parsed here
directly, without Jinja; a line with Jinja logic of its own is compiled alone; a body whose Jinja
constructs span lines is rendered as a whole. All three give the same paragraphs.

A template a user brings (`Template.sandboxed`) is checked once by `app.core.sandbox` (only a
small, safe part of Jinja is allowed), compiled in `user_environment()` (no files to load) and
rendered with a time and size budget (`_render_limited`).
"""

from __future__ import annotations

import re
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Container, Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NamedTuple

from app.core import structure_cache
from app.core.body import FieldRef as FieldRef  # the places of a paragraph, for callers
from app.core.body import ParagraphSpec as ParagraphSpec
from app.core.body import Piece, Place
from app.core.body import SignRef as SignRef
from app.core.body import Structure as Structure
from app.core.document import Document, FieldRun, Paragraph, Role, RunState, TextRun
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.kinds import CheckedValue, magnitude_text
from app.core.template import Template

if TYPE_CHECKING:  # Jinja is imported on first use: plain bodies never need it at start-up
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"
_MARKER = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")
_LAYOUT_SPACE = " \t\u3000\r"
# Only layout spaces separate a directive from its text: wording may itself begin with another
# space (a no-break space kept from the source), which must stay.
_DIRECTIVE = re.compile("^@(title|section|subheading|body)(?:[ \t\u3000]+|$)")

#: Limits for templates a user brings: wall time of one render and size of its output.
USER_RENDER_SECONDS = 2.0
USER_RENDER_MAX_CHARS = 5_000_000


@lru_cache(maxsize=1)
def environment() -> SandboxedEnvironment:
    """The one Jinja environment: strict, sandboxed, autoescaping files named *.html."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

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
    import jinja2

    return environment().overlay(loader=jinja2.DictLoader({}))


@lru_cache(maxsize=64)
def _check_user_body(body: str, name: str) -> None:
    """Check a user template's body once (`app.core.sandbox`); raises TemplateError.

    Lines of plain wording and simple calls never reach Jinja (`_plan` reads them), so only the
    lines Jinja compiles are checked, or the whole body when it is compiled as a whole.
    """
    from app.core.sandbox import check_body_size, check_user_body

    check_body_size(body, name)
    plan = _plan(body)
    if plan is None:
        check_user_body(body, name, user_environment())
        return
    for line in plan:
        if line.simple is None:
            check_user_body(line.source, name, user_environment(), line.number)


@lru_cache(maxsize=4096)
def compile_body(
    body: str, name: str, first_line: int = 1, sandboxed: bool = False
) -> jinja2.Template:
    """Compile a template body (or one line of it) once; syntax errors name file and line.

    A user template's body (`sandboxed`) is compiled in `user_environment()`; it has been
    checked by `app.core.sandbox` first (`render_structure` does that).
    """
    import jinja2

    try:
        return (user_environment() if sandboxed else environment()).from_string(body)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            _(
                "{file}, line {line}: template syntax error: {error}",
                file=name,
                line=(exc.lineno or 1) + first_line - 1,
                error=exc.message or "",
            )
        ) from None


#: A simple `field()` call, then (`|`) a simple `sign()` call: one pattern, compiled once.
_SIMPLE_FIELD = (
    r"\{\{\s*field\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*"
    r"(?:,\s*placeholder\s*=\s*\"([^\"\\{}]*)\"\s*)?"
    r"(?:,\s*magnitude\s*=\s*(true|false)\s*)?\)\s*\}\}"
)
_SIMPLE_SIGN = (
    r"\{\{\s*sign\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*,\s*\"([^\"\\{}]*)\"\s*,"
    r"\s*\"([^\"\\{}]*)\"\s*\)\s*\}\}"
)
_SIMPLE = re.compile(f"{_SIMPLE_FIELD}|{_SIMPLE_SIGN}")
_LINE_TAG = re.compile(r"\{%\s*(\w+)")
_LINE_SAFE_TAGS = {"if", "elif", "else", "endif", "for", "endfor"}
_OPENERS = {"if": "endif", "for": "endfor"}


class _Line(NamedTuple):
    """One body line: plain wording with simple field calls (parsed here, without Jinja), a
    line with Jinja logic of its own (compiled alone), or a comment."""

    number: int
    source: str
    simple: tuple[str | _FieldCall | _SignCall, ...] | None


class _FieldCall(NamedTuple):
    key: str
    placeholder: str | None
    magnitude: bool


class _SignCall(NamedTuple):
    key: str
    positive: str
    negative: str


@lru_cache(maxsize=64)
def _plan(body: str) -> tuple[_Line, ...] | None:
    """Split the body into independent lines, or None when Jinja constructs span lines."""
    lines: list[_Line] = []
    for number, source in _line_sources(body):
        line = _parse_line(number, source)
        if line is None:
            return None
        lines.append(line)
    return tuple(lines)


@lru_cache(maxsize=64)
def _line_sources(body: str) -> tuple[tuple[int, str], ...]:
    """The body's lines that render to something (a comment line renders to nothing), with
    their line numbers: what `_plan` reads, one entry per planned line."""
    sources = []
    for number, source in enumerate(body.split("\n"), start=1):
        stripped = source.strip()
        if stripped.startswith("{#") and stripped.endswith("#}") and "#}" not in stripped[2:-2]:
            continue
        sources.append((number, source))
    return tuple(sources)


def _parse_line(number: int, source: str) -> _Line | None:
    """One line of the plan: its wording and simple calls read here, or Jinja of its own;
    None when its Jinja may reach other lines (the body is then rendered as a whole)."""
    rest = _SIMPLE.sub("", source)
    if "{{" not in rest and "{%" not in rest and "{#" not in rest:
        pieces: list[str | _FieldCall | _SignCall] = []
        position = 0
        for match in _SIMPLE.finditer(source):
            if match.start() > position:
                pieces.append(source[position : match.start()])
            if match.group(1) is not None:
                pieces.append(_FieldCall(match[1], match[2], match[3] == "true"))
            else:
                pieces.append(_SignCall(match[4], match[5], match[6]))
            position = match.end()
        if position < len(source):
            pieces.append(source[position:])
        return _Line(number, source, tuple(pieces))
    if "-%}" in source or "{%-" in source or "{{-" in source or "-}}" in source:
        return None  # whitespace control may join lines: render the body as a whole
    depth: list[str] = []
    for tag in _LINE_TAG.findall(source):
        if tag not in _LINE_SAFE_TAGS:
            return None  # set, macro, include, ...: may reach other lines
        if tag in _OPENERS:
            depth.append(_OPENERS[tag])
        elif tag.startswith("end") and (not depth or depth.pop() != tag):
            return None
    if depth or "{#" in rest:
        return None
    return _Line(number, source, None)


class _Renderer:
    """Renders a template's body, recording field references and the logic fields read."""

    def __init__(self, template: Template, checked: Mapping[str, CheckedValue]) -> None:
        self.template = template
        self.checked = checked
        self.refs: list[Place] = []
        self.logic_keys: set[str] = set()
        self.body_name = _body_name(template)
        self.context: dict[str, Callable[..., Any]] = {
            "field": self.field,
            "value": self.value,
            "negative": self.negative,
            "filled": self.filled,
            "sign": self.sign,
        }

    def known(self, key: object) -> str:
        if not isinstance(key, str) or key not in self.template.fields_by_key:
            raise TemplateError(
                _(
                    "{file}: the body uses field “{key}”, which the schema does not declare.",
                    file=self.body_name,
                    key=key,
                )
            )
        return key

    def field(self, key: str, placeholder: str | None = None, magnitude: bool = False) -> str:
        key = self.known(key)
        shown = (
            placeholder if isinstance(placeholder, str) else self.template.field(key).placeholder
        )
        self.refs.append(FieldRef(key, shown, bool(magnitude)))
        return f"{MARK_OPEN}{len(self.refs) - 1}{MARK_CLOSE}"

    def usable(self, key: str) -> CheckedValue | None:
        self.logic_keys.add(self.known(key))
        value = self.checked.get(key)
        return value if value is not None and not value.empty and value.valid else None

    def value(self, key: str) -> Decimal | str | None:
        checked_value = self.usable(key)
        if checked_value is None:
            return None
        return checked_value.number if checked_value.number is not None else checked_value.text

    def negative(self, key: str) -> bool:
        return is_negative(self.usable(key))

    def filled(self, key: str) -> bool:
        return self.usable(key) is not None

    def sign(self, key: str, positive: str, negative: str) -> str:
        """A place for the word picked by the sign of the field's number (增长/下降): bound to
        the field like a value, it follows the value without a re-render."""
        self.refs.append(SignRef(self.known(key), str(positive), str(negative)))
        return f"{MARK_OPEN}{len(self.refs) - 1}{MARK_CLOSE}"

    def render_line(self, line: _Line) -> str:
        """The output of one planned line (markers in place of field references)."""
        if line.simple is not None:
            parts = []
            for piece in line.simple:
                if isinstance(piece, str):
                    parts.append(piece)
                elif isinstance(piece, _FieldCall):
                    parts.append(self.field(piece.key, piece.placeholder, piece.magnitude))
                else:
                    parts.append(self.sign(piece.key, piece.positive, piece.negative))
            return "".join(parts)
        compiled = compile_body(line.source, self.body_name, line.number, self.template.sandboxed)
        return self.run(compiled)

    def run(self, compiled: jinja2.Template) -> str:
        """Render compiled Jinja with this renderer's functions, within the sandbox's limits."""
        import jinja2

        try:
            if self.template.sandboxed:
                return _render_limited(compiled, self.context, self.body_name)
            return compiled.render(self.context)
        except TemplateError:
            raise
        except jinja2.TemplateError as exc:
            raise TemplateError(
                _(
                    "{file}: the template cannot be rendered: {error}",
                    file=self.body_name,
                    error=exc,
                )
            ) from None
        except (ArithmeticError, TypeError, ValueError, LookupError, RecursionError) as exc:
            raise TemplateError(
                _(
                    "{file}: the template cannot be rendered: {error}",
                    file=self.body_name,
                    error=exc,
                )
            ) from None


def render_structure(template: Template, checked: Mapping[str, CheckedValue]) -> Structure:
    """Run the body and split its output into paragraphs of wording and field references.

    With no values the result depends on the template alone: it is kept in memory (loading a
    template renders it once to check the body; a new report starts from the same) and on disk
    between starts (`app.core.structure_cache`), both under a hash of the template's content.
    """
    if checked:
        return _render_structure(template, checked)
    key = structure_cache.content_key(template)
    blank = _BLANK.get(key)
    if blank is not None:
        _BLANK.move_to_end(key)
        return blank
    kept = structure_cache.cache_file(key)
    blank = structure_cache.load(kept, template, key)
    if blank is None:
        blank = _render_structure(template, checked)
        structure_cache.store(kept, blank, template, key)
    _BLANK[key] = blank
    while len(_BLANK) > _BLANK_KEPT:
        _BLANK.popitem(last=False)
    return blank


def forget_structures() -> None:
    """Forget what this process has rendered and planned (as a new start would): the next
    blank structure is read from disk or rendered again."""
    _BLANK.clear()
    _plan.cache_clear()
    _line_sources.cache_clear()


#: Blank structures rendered in this process, by `structure_cache.content_key`, latest last.
_BLANK: OrderedDict[str, Structure] = OrderedDict()
_BLANK_KEPT = 16


def _render_structure(template: Template, checked: Mapping[str, CheckedValue]) -> Structure:
    renderer = _Renderer(template, checked)
    if template.sandboxed:
        _check_user_body(template.body, renderer.body_name)
    plan = _plan(template.body)
    if plan is None:
        output = renderer.run(
            compile_body(template.body, renderer.body_name, 1, template.sandboxed)
        )
        paragraphs, _lines = _split(output.split("\n"), renderer.refs, renderer.body_name)
        return Structure(paragraphs, frozenset(renderer.logic_keys))
    outputs: list[str] = []
    logic_lines: dict[str, set[int]] = {}
    for line in plan:
        before = set(renderer.logic_keys)
        renderer.logic_keys.clear()
        text = renderer.render_line(line)
        if "\n" in text:  # a value() with a line break: keep the paragraph whole
            text = text.replace("\n", " ")
        outputs.append(text)
        for key in renderer.logic_keys:
            logic_lines.setdefault(key, set()).add(len(outputs) - 1)
        renderer.logic_keys |= before
    paragraphs, line_of = _split(outputs, renderer.refs, renderer.body_name)
    return Structure(
        paragraphs,
        frozenset(renderer.logic_keys),
        line_of,
        {key: frozenset(lines) for key, lines in logic_lines.items()},
        by_line=True,
    )


def rerender_lines(
    template: Template,
    structure: Structure,
    key: str,
    checked: Mapping[str, CheckedValue],
) -> tuple[Structure, tuple[int, ...]] | None:
    """After logic field `key` changed: re-render only the lines that read it.

    Returns the new structure and the indexes of the paragraphs whose wording changed, or None
    when the change adds or removes paragraphs (the caller then renders everything).
    """
    if not structure.by_line:  # rendered as a whole: so must its change be
        return None
    # Only the lines that read `key` are parsed: the plan of the whole body is not needed (a
    # structure kept on disk comes without it; making it would cost a long report's first
    # change of such a field 15 ms).
    sources = _line_sources(template.body)
    lines = structure.logic_lines.get(key, frozenset())
    renderer = _Renderer(template, checked)
    paragraphs = list(structure.paragraphs)
    changed: list[int] = []
    line_paragraph = {line: index for index, line in enumerate(structure.line_of)}
    for line_index in sorted(lines):
        old_index = line_paragraph.get(line_index)
        if old_index is None:
            return None
        old_section = paragraphs[old_index].section
        line = _parse_line(*sources[line_index]) if line_index < len(sources) else None
        if line is None:
            return None
        text = renderer.render_line(line)
        if "\n" in text:
            text = text.replace("\n", " ")
        specs, _lines = _split([text], renderer.refs, renderer.body_name, old_section)
        if len(specs) != 1:
            return None  # a paragraph appears or disappears
        old = paragraphs[old_index]
        new = specs[0]
        if (new.role, new.section) != (old.role, old.section):
            return None
        if new.pieces != old.pieces:
            paragraphs[old_index] = ParagraphSpec(old.id, old.role, old.section, new.pieces)
            changed.append(old_index)
    new_structure = Structure(
        tuple(paragraphs),
        structure.logic_keys,
        structure.line_of,
        structure.logic_lines,
        by_line=True,
    )
    return new_structure, tuple(changed)


def build_document(
    template: Template, structure: Structure, checked: Mapping[str, CheckedValue]
) -> Document:
    """Put the values into a rendered structure."""
    return Document([build_paragraph(spec, checked) for spec in structure.paragraphs])


def build_paragraph(
    spec: ParagraphSpec,
    checked: Mapping[str, CheckedValue],
    in_error: Container[str] = frozenset(),
) -> Paragraph:
    """One paragraph with its field references filled from `checked`; a value of a field in
    `in_error` (one of an error rule that does not hold) is marked invalid, as its own error
    would be."""
    runs: list[TextRun | FieldRun] = []
    for piece in spec.pieces:
        if isinstance(piece, str):
            runs.append(TextRun(piece))
        elif isinstance(piece, SignRef):
            runs.append(TextRun(piece.word(is_negative(checked.get(piece.key)))))
        else:
            runs.append(field_run(piece, checked.get(piece.key), piece.key in in_error))
    return Paragraph(spec.id, spec.role, spec.section, tuple(runs))


def is_negative(value: CheckedValue | None) -> bool:
    """Whether a value is a valid number below zero (what `sign()` and `negative()` read)."""
    return (
        value is not None
        and not value.empty
        and value.valid
        and value.number is not None
        and value.number < 0
    )


def field_run(ref: FieldRef, value: CheckedValue | None, in_error: bool = False) -> FieldRun:
    """The run showing `value` at the place `ref` (`in_error`: part of a broken rule)."""
    if value is None or value.empty:
        return FieldRun(ref.key, ref.placeholder, RunState.EMPTY, ref.placeholder, ref.magnitude)
    text = magnitude_text(value.text) if ref.magnitude and value.valid else value.text
    state = RunState.FILLED if value.valid and not in_error else RunState.INVALID
    return FieldRun(ref.key, text, state, ref.placeholder, ref.magnitude)


def _body_name(template: Template) -> str:
    body_file = str(template.extra.get("body_file", "body.txt.j2"))
    if template.folder is not None:
        return str(Path(template.folder) / body_file)
    return body_file


def _split(
    lines: list[str], refs: list[Place], body_name: str, section: str = ""
) -> tuple[tuple[ParagraphSpec, ...], tuple[int, ...]]:
    paragraphs: list[ParagraphSpec] = []
    line_of: list[int] = []
    counters: dict[str, int] = {}
    for line_index, raw_line in enumerate(lines):
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
        pieces: list[Piece] = []
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
        line_of.append(line_index)
    return tuple(paragraphs), tuple(line_of)


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
