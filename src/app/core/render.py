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
* ``@subtitle``, ``@addressee``, ``@heading3`` (1.……), ``@heading4`` (（1）……), ``@attachment``
  (附件：……), ``@signature``, ``@date`` — the other 公文 parts (`app.core.gongwen`);
* ``@body ……`` — a body paragraph whose wording itself begins with ``@title`` or the like;
* ``@table``, then one ``@header a | b`` or ``@row a | b`` line per row, then ``@endtable`` — a
  table (`app.core.table`: cells separated by ``|``, ``\\|`` and ``\\\\`` for the characters
  themselves, a cell ``<`` or ``^`` merged with its left or upper neighbour); fields and sign
  words work in cells as in paragraphs;
* any other non-empty line — a body paragraph. Leading and trailing spaces, tabs and full-width
  spaces are layout, not wording: they are dropped here and every output indents as its layout
  requires.

In the body, ``{{ field("key") }}`` marks a placeholder; ``field("key", placeholder="××")`` sets
the text shown while empty for this place only; ``field("key", magnitude=true)`` shows the value
without its sign, ``sign("key", "增长", "下降")`` picks a word by the sign of the value and
``change("key", "同比增长{}%", "同比下降{}%", "与上年持平")`` a phrase by the value above, below or
at zero (`change_runs`). All render to places bound to their field (`app.core.body.FieldRef`,
`SignRef`, `ChangeRef`), filled when the document is built from the values: a change of the
value rebuilds the paragraph, no re-render.
``negative("key")``, ``filled("key")`` and ``value("key")`` let the wording depend on a value in
Jinja logic; the keys they read are recorded, so that a change to such a field re-renders the
lines that read it while any other change only replaces the value's runs.

The body is read by one parser, `app.core.body`: its line plan gives each line's wording and
places (the common case: no Jinja at all), or marks a line with Jinja logic of its own (compiled
alone), or says the body's Jinja constructs span lines (the body is then rendered as a whole). All
three give the same document.

A template a user brings (`Template.sandboxed`) is checked once by `app.core.sandbox` (only a
small, safe part of Jinja is allowed), compiled in `user_environment()` (no files to load) and
rendered with a time and size budget (`_render_limited`).
"""

from __future__ import annotations

import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Container, Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from app.core import structure_cache
from app.core.body import (
    VALUE_SLOT,
    ChangeCall,
    FieldCall,
    Line,
    Place,
    change_problem,
    line_sources,
    parse_line,
    place_marker,
    plan,
    split_output,
)
from app.core.body import ChangeRef as ChangeRef
from app.core.body import FieldRef as FieldRef  # the places of a paragraph, for callers
from app.core.body import ParagraphSpec as ParagraphSpec
from app.core.body import SignRef as SignRef
from app.core.body import Structure as Structure
from app.core.document import Document, FieldRun, Paragraph, Role, RunState, TextRun
from app.core.errors import TemplateError
from app.core.gongwen import lead_heading
from app.core.i18n import _
from app.core.kinds import CheckedValue, magnitude_text
from app.core.template import Template

if TYPE_CHECKING:  # Jinja is imported on first use: plain bodies never need it at start-up
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

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

    Lines of plain wording and simple calls never reach Jinja (`app.core.body.plan` reads them), so only the
    lines Jinja compiles are checked, or the whole body when it is compiled as a whole.
    """
    from app.core.sandbox import check_body_size, check_user_body

    check_body_size(body, name)
    lines = plan(body)
    if lines is None:
        check_user_body(body, name, user_environment())
        return
    for line in lines:
        if line.pieces is None:
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
            "change": self.change,
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
        return place_marker(len(self.refs) - 1)

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
        return place_marker(len(self.refs) - 1)

    def change(
        self,
        key: str,
        positive: str | None = None,
        negative: str | None = None,
        zero: str | None = None,
        placeholder: str | None = None,
    ) -> str:
        """A place for the phrase picked by the field's number (同比增长{}% / 同比下降{}% /
        与上年持平), the value without its sign at ``{}``: bound to the field like a value."""
        key = self.known(key)
        problem = change_problem(positive, negative, zero)
        if problem is None and placeholder is not None and not isinstance(placeholder, str):
            problem = _("the placeholder must be text in quotes")
        if problem is not None:
            raise TemplateError(
                _(
                    "{file}: change(“{key}”, …): {problem}.",
                    file=self.body_name,
                    key=key,
                    problem=problem,
                )
            )
        blank = placeholder if placeholder is not None else self.template.field(key).placeholder
        assert isinstance(positive, str) and isinstance(negative, str) and isinstance(zero, str)
        self.refs.append(ChangeRef(key, positive, negative, zero, blank))
        return place_marker(len(self.refs) - 1)

    def render_line(self, line: Line) -> str:
        """The output of one planned line (markers in place of field references)."""
        if line.pieces is not None:
            parts = []
            for piece in line.pieces:
                if isinstance(piece, str):
                    parts.append(piece)
                elif isinstance(piece, FieldCall):
                    parts.append(self.field(piece.key, piece.placeholder, piece.magnitude))
                elif isinstance(piece, ChangeCall):
                    parts.append(self.change(piece.key, *piece.phrases, piece.placeholder))
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
    plan.cache_clear()
    line_sources.cache_clear()


#: Blank structures rendered in this process, by `structure_cache.content_key`, latest last.
_BLANK: OrderedDict[str, Structure] = OrderedDict()
_BLANK_KEPT = 16


def _render_structure(template: Template, checked: Mapping[str, CheckedValue]) -> Structure:
    renderer = _Renderer(template, checked)
    if template.sandboxed:
        _check_user_body(template.body, renderer.body_name)
    planned = plan(template.body)
    if planned is None:
        output = renderer.run(
            compile_body(template.body, renderer.body_name, 1, template.sandboxed)
        )
        paragraphs, _lines = split_output(output.split("\n"), renderer.refs, renderer.body_name)
        return Structure(paragraphs, frozenset(renderer.logic_keys))
    outputs: list[str] = []
    logic_lines: dict[str, set[int]] = {}
    for line in planned:
        before = set(renderer.logic_keys)
        renderer.logic_keys.clear()
        text = renderer.render_line(line)
        if "\n" in text:  # a value() with a line break: keep the paragraph whole
            text = text.replace("\n", " ")
        outputs.append(text)
        for key in renderer.logic_keys:
            logic_lines.setdefault(key, set()).add(len(outputs) - 1)
        renderer.logic_keys |= before
    paragraphs, line_of = split_output(outputs, renderer.refs, renderer.body_name)
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
    sources = line_sources(template.body)
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
        line = parse_line(*sources[line_index]) if line_index < len(sources) else None
        if line is None:
            return None
        text = renderer.render_line(line)
        if "\n" in text:
            text = text.replace("\n", " ")
        old = paragraphs[old_index]
        specs, _lines = split_output(
            [text], renderer.refs, renderer.body_name, old_section, in_table=old.row is not None
        )
        if len(specs) != 1:
            return None  # a paragraph appears or disappears
        new = specs[0]
        if (new.role, new.section) != (old.role, old.section):
            return None
        row = new.row and old.row and new.row._replace(starts=old.row.starts)
        if (new.pieces, row) != (old.pieces, old.row):
            paragraphs[old_index] = ParagraphSpec(old.id, old.role, old.section, new.pieces, row)
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
        elif isinstance(piece, ChangeRef):
            runs.extend(change_runs(piece, checked.get(piece.key), piece.key in in_error))
        else:
            runs.append(field_run(piece, checked.get(piece.key), piece.key in in_error))
    if spec.role is Role.BODY:  # a heading that opens the paragraph: "（一）标题。正文……"
        pieces, lead = lead_heading(runs)
        return Paragraph(spec.id, spec.role, spec.section, pieces, lead=lead)
    return Paragraph(spec.id, spec.role, spec.section, tuple(runs), spec.row)


def change_runs(
    ref: ChangeRef, value: CheckedValue | None, in_error: bool = False
) -> list[TextRun | FieldRun]:
    """The runs of a `change()` place: its phrase for the value, the value (without its sign)
    at ``{}`` as the field's run; a phrase without ``{}`` (与上年持平) is the field's run as a
    whole, so it still leads to the field. Empty or not a number: the rise phrase."""
    usable = value is not None and not value.empty and value.valid
    phrase = ref.phrase(value.number if usable and value is not None else None)
    before, slot, after = phrase.partition(VALUE_SLOT)
    if not slot:
        state = RunState.EMPTY if value is None or value.empty else RunState.FILLED
        if state is RunState.FILLED and (in_error or not usable):
            state = RunState.INVALID
        return [FieldRun(ref.key, phrase, state, ref.placeholder, True)]
    runs: list[TextRun | FieldRun] = [TextRun(before)] if before else []
    runs.append(field_run(FieldRef(ref.key, ref.blank, True), value, in_error))
    if after:
        runs.append(TextRun(after))
    return runs


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
