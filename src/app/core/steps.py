"""The guided steps and the forms inside them, as data (no Qt here).

A report is filled in step by step: 基本信息 (section "general": the fields used across
sections), one step per report section, titled by its heading in the document, and a last step
to preview and export. `build_steps()` derives them from the template and the rendered document;
`Navigator` is the table of which step follows which, and the order in which "next problem"
walks the fields.

Each form step lists its fields grouped by the paragraph they belong to, in the order they
appear there, with the sentence around the placeholder as context
("……召开改革座谈会、动员会、培训会等【 】余次"). A month and the day that follows it
(`Field.pair`) share one row. Everything here is computed once per document structure; nothing
runs on the keystroke path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from app.core.document import Document, FieldRun, Paragraph, Role, TextRun
from app.core.i18n import _
from app.core.template import Field, Template

GENERAL = "general"
EXPORT = "export"
#: Marks the writer's place in a context sentence.
GAP = "【 】"
ELLIPSIS = "……"
#: How many characters of wording a context shows before and after the placeholder.
CONTEXT_BEFORE = 16
CONTEXT_AFTER = 12
#: A clause after the placeholder shorter than this is followed into the next one.
MIN_AFTER = 3
#: Characters that end a sentence, and those that end a clause.
SENTENCE_END = "。！？；!?;"
CLAUSE_END = SENTENCE_END + "，,：:"
GROUP_TITLE_LIMIT = 28


class FormRow(NamedTuple):
    """One row of a form: a field, or a pair (month and day) shown together."""

    keys: tuple[str, ...]
    label: str
    #: The paragraph the context is taken from (None: the field appears in no paragraph).
    paragraph: int | None
    #: How many places of the report the (first) field fills.
    occurrences: int = 1

    def context(self, document: Document) -> str:
        """The sentence around the placeholder(s), with 【 】 where the writer's value goes.

        Computed when a form is built, not for every field up front: a long report has
        thousands of fields and only the visible step needs its contexts.
        """
        if self.paragraph is None or self.paragraph >= len(document.paragraphs):
            return ""
        return field_context(document.paragraphs[self.paragraph], self.keys)


class FormGroup(NamedTuple):
    """The rows of one paragraph (or of fields not tied to a paragraph of this step)."""

    paragraph: int | None
    title: str
    rows: tuple[FormRow, ...]


class Step(NamedTuple):
    """One step of the guide: a form step for a section, or the export step."""

    id: str
    title: str
    #: The section whose fields the step holds; None for the export step.
    section: str | None
    groups: tuple[FormGroup, ...] = ()

    @property
    def keys(self) -> tuple[str, ...]:
        """The step's fields in the order the form shows them."""
        return tuple(key for group in self.groups for row in group.rows for key in row.keys)

    @property
    def is_form(self) -> bool:
        """True for steps with fields to fill in."""
        return self.section is not None


def build_steps(template: Template, document: Document) -> tuple[Step, ...]:
    """The steps for this template: 基本信息 first, the sections in order, then export."""
    headings = {
        p.section: p.text
        for p in document.paragraphs
        if p.role is Role.HEADING and p.section and p.text
    }
    index = _DocumentIndex(template, document)
    steps: list[Step] = []
    for section in template.sections:
        title = section.label if section.id == GENERAL else headings.get(section.id, section.label)
        steps.append(
            Step(section.id, title, section.id, form_groups(template, document, section.id, index))
        )
    steps.append(Step(EXPORT, _("Preview and export"), None))
    return tuple(steps)


class _DocumentIndex:
    """Where each field appears and how often, and the fields of each section: computed once
    for all steps (a long report has hundreds of sections)."""

    def __init__(self, template: Template, document: Document) -> None:
        self.places = _first_places(document)
        self.occurrences: dict[str, int] = dict(document.occurrences())
        self.fields: dict[str, list[Field]] = {}
        for field in template.fields:
            self.fields.setdefault(field.section, []).append(field)


def form_groups(
    template: Template,
    document: Document,
    section_id: str,
    document_index: _DocumentIndex | None = None,
) -> tuple[FormGroup, ...]:
    """The fields of one section grouped by paragraph, in reading order."""
    found = document_index if document_index is not None else _DocumentIndex(template, document)
    places, occurrences = found.places, found.occurrences
    fields = found.fields.get(section_id, [])
    if not fields:
        return ()
    keys_here = {f.key for f in fields}
    paired = {f.pair for f in fields if f.pair is not None and f.pair in keys_here}

    def home(key: str) -> int | None:
        """The paragraph a field is asked in: its first place in its own section."""
        indexes = places.get(key, [])
        for index in indexes:
            if document.paragraphs[index].section == section_id:
                return index
        return indexes[0] if indexes else None

    if section_id == GENERAL:
        # Fields used across the report: one group, in schema order, each with its first place.
        general_rows = tuple(
            _row(template, document, key, places, occurrences)
            for key in (f.key for f in fields)
            if key not in paired
        )
        return (FormGroup(None, "", general_rows),)

    by_paragraph: dict[int, list[str]] = {}
    loose: list[str] = []
    for field in fields:
        if field.key in paired:
            continue
        where = home(field.key)
        if where is None:
            loose.append(field.key)
        else:
            by_paragraph.setdefault(where, []).append(field.key)
    groups: list[FormGroup] = []
    for index in sorted(by_paragraph):
        lead = document.paragraphs[index]
        order = {key: n for n, key in enumerate(lead.field_keys())}
        keys = sorted(by_paragraph[index], key=lambda k: order.get(k, len(order)))
        group_rows = tuple(
            _row(template, document, key, places, occurrences, index) for key in keys
        )
        groups.append(FormGroup(index, paragraph_lead(lead), group_rows))
    if loose:
        loose_rows = tuple(_row(template, document, key, places, occurrences) for key in loose)
        groups.append(FormGroup(None, "", loose_rows))
    return tuple(groups)


def paragraph_lead(paragraph: Paragraph, limit: int = GROUP_TITLE_LIMIT) -> str:
    """The opening of a paragraph (its first sentence, shortened): a group's title; a table
    row's cells separated by full-width spaces."""
    if paragraph.row is not None:
        text = "\u3000".join(_template_text(cell) for cell in paragraph.cells())
        return text if len(text) <= limit else text[:limit] + "…"
    text = _template_text(paragraph.runs)
    for position, char in enumerate(text):
        if char in SENTENCE_END:
            text = text[: position + 1]
            break
    return text if len(text) <= limit else text[:limit] + "…"


def field_context(paragraph: Paragraph, keys: Sequence[str], before: int = CONTEXT_BEFORE) -> str:
    """The wording around the place of `keys[0]` in `paragraph`, 【 】 marking each of `keys`.

    Looks back to the start of the sentence (at most `before` characters, cut at a clause
    boundary when shortened, "……" showing the cut) and forward to the end of the clause. The
    other fields in the window show their original placeholders, so the context reads like the
    model text and does not change as the writer types.
    """
    if paragraph.row is not None:  # a table row: the field's cell, after the row's first cell
        cells = paragraph.cells()
        for number, cell in enumerate(cells):
            if any(isinstance(run, FieldRun) and run.key == keys[0] for run in cell):
                inner = field_context(paragraph._replace(runs=cell, row=None), keys, before)
                lead = _template_text(cells[0]) if number else ""
                return f"{lead}\u3000{inner}" if lead else inner
        return GAP
    runs = paragraph.runs
    start = next(
        (i for i, run in enumerate(runs) if isinstance(run, FieldRun) and run.key == keys[0]),
        None,
    )
    if start is None:
        return GAP
    # The pair's places follow the first one (X月X日): take them into the middle part.
    middle = [GAP]
    end = start + 1
    for key in keys[1:]:
        position = end
        between: list[str] = []
        while position < len(runs) and not (
            isinstance(run := runs[position], FieldRun) and run.key == key
        ):
            between.append(_shown(runs[position]))
            position += 1
        if position >= len(runs) or any(c in CLAUSE_END for c in "".join(between)):
            break
        middle.extend([*between, GAP])
        end = position + 1
    head = _before(_template_text(runs[:start]), before)
    tail = _after(_template_text(runs[end:]), extend=not head)
    return head + "".join(middle) + tail


def _before(text: str, limit: int) -> str:
    for position in range(len(text) - 1, -1, -1):
        if text[position] in SENTENCE_END:
            text = text[position + 1 :]
            break
    if len(text) <= limit:
        return text
    window = text[-limit:]
    for position, char in enumerate(window[: limit // 2]):
        if char in CLAUSE_END:
            window = window[position + 1 :]
            break
    return ELLIPSIS + window


def _after(text: str, extend: bool, limit: int = CONTEXT_AFTER) -> str:
    """The rest of the clause. With `extend` (nothing stands before the placeholder) and only a
    word after it (X月X日，……), the next clause too, so the context says what it is about."""
    end = _next_break(text, 0)
    if extend and end <= MIN_AFTER and end < len(text) and text[end] not in SENTENCE_END:
        end = _next_break(text, end + 1)
    text = text[:end]
    return text if len(text) <= limit else text[:limit] + ELLIPSIS


def _next_break(text: str, start: int) -> int:
    for position in range(start, len(text)):
        if text[position] in CLAUSE_END:
            return position
    return len(text)


def _shown(run: TextRun | FieldRun) -> str:
    return run.placeholder if isinstance(run, FieldRun) else run.text


def _template_text(runs: Iterable[TextRun | FieldRun]) -> str:
    return "".join(_shown(run) for run in runs)


def _first_places(document: Document) -> dict[str, list[int]]:
    places: dict[str, list[int]] = {}
    for index, paragraph in enumerate(document.paragraphs):
        for key in paragraph.field_keys():
            places.setdefault(key, []).append(index)
    return places


def _row(
    template: Template,
    document: Document,
    key: str,
    places: dict[str, list[int]],
    occurrences: dict[str, int],
    paragraph: int | None = None,
) -> FormRow:
    field = template.field(key)
    keys: tuple[str, ...] = (key,)
    label = field.label
    if field.pair is not None and field.pair in template.fields_by_key:
        partner = template.field(field.pair)
        keys = (key, partner.key)
        label = pair_label(field.label, partner.label)
    indexes = places.get(key, [])
    if paragraph is None and indexes:
        paragraph = indexes[0]
    return FormRow(keys, label, paragraph, occurrences.get(key, 0))


def pair_label(first: str, second: str) -> str:
    """The shared part of two labels ("检查：月", "检查：日" -> "检查"), or both joined."""
    common = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        common += 1
    shared = first[:common].rstrip("：:（(-— ")
    return shared if shared else f"{first} / {second}"


class Navigator:
    """Which step follows which, where each field is, and the order "next problem" walks."""

    def __init__(self, steps: Sequence[Step]) -> None:
        self.steps: tuple[Step, ...] = tuple(steps)
        ids = [step.id for step in self.steps]
        #: The navigation table: step id -> the next / previous step id (None at the ends).
        self.next_of: dict[str, str | None] = {
            a: b for a, b in zip(ids, [*ids[1:], None], strict=True)
        }
        self.previous_of: dict[str, str | None] = {
            b: a for a, b in zip([None, *ids[:-1]], ids, strict=True)
        }
        self._index = {step_id: n for n, step_id in enumerate(ids)}
        self.field_order: tuple[str, ...] = tuple(k for step in self.steps for k in step.keys)
        self._position = {key: n for n, key in enumerate(self.field_order)}
        self._step_of = {key: step.id for step in self.steps for key in step.keys}

    def index(self, step_id: str) -> int:
        """Position of a step in the list (KeyError for an unknown id)."""
        return self._index[step_id]

    def step(self, step_id: str) -> Step:
        """The step with this id."""
        return self.steps[self._index[step_id]]

    def step_of(self, key: str) -> str | None:
        """The id of the step that asks for this field."""
        return self._step_of.get(key)

    def next_problem(
        self, has_problem: Callable[[str], bool], after: str | None = None, backwards: bool = False
    ) -> str | None:
        """The first field after `after` (wrapping round) that has a problem, or None."""
        order = self.field_order
        if not order:
            return None
        count = len(order)
        start = self._position.get(after, -1) if after else -1
        if start < 0 and backwards:
            start = count
        step = -1 if backwards else 1
        for offset in range(1, count + 1):
            key = order[(start + step * offset) % count]
            if has_problem(key):
                return key
        return None
