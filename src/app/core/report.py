"""`ReportModel`: a template, the writer's values, their checks and the rendered document.

This is what the app and the CLI work on. Changing one value re-checks that field and the rules
involving it, and replaces only the paragraphs where the field appears; the body is re-rendered
only when the wording depends on the field (同比增长/下降). So the cost of a keystroke does not grow
with the length of the report.

The draft's wording adaptations (`app.core.wording`: a paragraph switched off or reworded) are
applied here, so the document every output is made from already follows them. A field whose
every place has been switched off is no longer asked for: it is neither missing nor checked, and
not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from app.core.body import ChangeRef, SignRef
from app.core.computed import compute
from app.core.document import Document
from app.core.i18n import _
from app.core.kinds import CheckedValue
from app.core.render import (
    ParagraphSpec,
    Structure,
    build_paragraph,
    render_structure,
    rerender_lines,
)
from app.core.rules import Rule, Severity
from app.core.template import Field, Template
from app.core.wording import (
    Adaptation,
    Piece,
    WordingState,
    adapt,
    check_pieces,
    signature,
)

#: How much of a paragraph a message quotes to name it.
_QUOTE = 12


class ProblemKind(StrEnum):
    """Why a problem is listed."""

    MISSING = "missing"
    INVALID = "invalid"
    RULE = "rule"
    #: A reworded paragraph that may hold a word the template picks by a value (增长/下降).
    WORDING = "wording"


class Problem(NamedTuple):
    """Something the writer should look at: `keys[0]` is the field to go to."""

    kind: ProblemKind
    severity: Severity
    keys: tuple[str, ...]
    message: str
    rule_id: str | None = None
    #: The template paragraph a WORDING problem is about (its id).
    paragraph: str | None = None

    @property
    def blocking(self) -> bool:
        """Errors and missing values block export unless forced; warnings do not."""
        return self.severity is Severity.ERROR


class Update(NamedTuple):
    """What one change did: which paragraphs to redraw and whether the structure changed."""

    key: str
    paragraphs: tuple[int, ...]
    structural: bool = False
    changed: bool = True
    #: Fields whose problems may have changed (the field itself and those sharing a rule with it).
    affected: tuple[str, ...] = ()


class TemplateParagraph(NamedTuple):
    """A paragraph of the template as the writer may adapt it: its wording in the template,
    how it stands in this report, and its wording in this report (None when switched off)."""

    id: str
    number: int  # its place among the template's paragraphs
    spec: ParagraphSpec
    state: WordingState
    pieces: tuple[Piece, ...] | None


class ReportModel:
    """The state of one report being written."""

    def __init__(
        self,
        template: Template,
        values: Mapping[str, str] | None = None,
        wording: Mapping[str, Adaptation] | None = None,
        previous: Mapping[str, str] | None = None,
    ) -> None:
        self.template = template
        #: The previous period's values (`app.core.periods`), read by ``prev("key")``.
        self.previous: dict[str, str] = dict(previous or {})
        #: Why a computed field is empty, by key ("" when it has a value).
        self.computed_notes: dict[str, str] = {}
        self._computed_warnings: set[str] = set()
        self._previous_numbers: dict[str, Decimal] | None = None
        #: The draft's adaptations of the wording, by paragraph id (see `app.core.wording`).
        self.wording: dict[str, Adaptation] = dict(wording or {})
        #: The paragraphs of the document: the template's, after the adaptations.
        self._specs: list[ParagraphSpec] = []
        self._stale: list[str] = []
        self._frozen: list[str] = []
        self._repaired: list[str] = []
        self._signatures: dict[str, str] | None = None
        #: Fields the adapted wording no longer uses (not asked for, not counted).
        self._inactive: frozenset[str] = frozenset()
        self.values: dict[str, str] = {}
        self.checked: dict[str, CheckedValue] = {}
        self._violated: dict[str, Rule] = {}
        self._tally = _Tally(template.fields)
        #: Filled fields of an error rule that does not hold: their values are shown as invalid.
        self._in_error: set[str] = set()
        self.structure: Structure
        self.document: Document
        self._paragraphs_of: dict[str, tuple[int, ...]] = {}
        self.reset(values or {})

    # ---------------------------------------------------------------- values

    def reset(self, values: Mapping[str, str]) -> None:
        """Replace every value (opening a draft) and render the whole document."""
        self.values = dict(values)
        fields = self.template.fields_by_key
        self.checked = {
            key: fields[key].check(raw) for key, raw in self.values.items() if key in fields
        }
        for key in self.template.computed_order:
            self.checked[key] = self._compute(key)
        self._violated = {}
        for rule in self.template.rules:
            self._evaluate(rule)
        self._mark(field.key for field in self.template.fields)
        self._render_all()

    def value(self, key: str) -> str:
        """The raw value of a field as the writer typed it ("" when empty); a computed
        field's value as computed."""
        if key in self.computed_notes:
            return self.checked[key].text
        return self.values.get(key, "")

    def set_value(self, key: str, raw: str) -> Update:
        """Set one field's raw value; returns which paragraphs changed."""
        field = self.template.field(key)
        old_raw = self.values.get(key, "")
        if raw == old_raw or field.formula is not None:  # a computed value is not typed
            return Update(key, (), changed=False)
        if raw:
            self.values[key] = raw
        else:
            self.values.pop(key, None)
        update = self._set_checked(key, field.check(raw))
        for computed in self.template.computed_after.get(key, ()):
            update = merge_updates(update, self._set_checked(computed, self._compute(computed)))
        return update

    def _compute(self, key: str) -> CheckedValue:
        """A computed field's value from the current values; its note says why it is empty."""
        template = self.template
        if self._previous_numbers is None:
            self._previous_numbers = {}
            for other, raw in self.previous.items():
                field = template.fields_by_key.get(other)
                checked = field.check(raw) if field is not None else None
                if checked is not None and checked.valid and checked.number is not None:
                    self._previous_numbers[other] = checked.number
        fields = template.fields_by_key
        result = compute(fields[key], self.checked, self._previous_numbers, fields)
        self.computed_notes[key] = result.note
        if result.warning:
            self._computed_warnings.add(key)
        else:
            self._computed_warnings.discard(key)
        return result.checked

    def _set_checked(self, key: str, new: CheckedValue) -> Update:
        """A field's checked value changed: its rules, marks and paragraphs follow."""
        old = self.checked.get(key)
        self.checked[key] = new
        if old == new:
            return Update(key, (), affected=(key,))
        rules = self.template.rules_by_field.get(key, ())
        for rule in rules:
            self._evaluate(rule)
        affected = tuple(dict.fromkeys([key, *(k for rule in rules for k in rule.fields)]))
        self._mark(affected)
        # a rule that breaks or heals marks the other fields' values too: their paragraphs
        moved = [k for k in affected if self._mark_in_error(k) and k != key]
        rewritten: tuple[int, ...] = ()
        if key in self.structure.logic_keys:
            partial = rerender_lines(self.template, self.structure, key, self.checked)
            if partial is None:
                structure = render_structure(self.template, self.checked)
                if structure.paragraphs != self.structure.paragraphs:
                    self._render_all(structure)
                    count = len(self.document.paragraphs)
                    return Update(key, tuple(range(count)), structural=True, affected=affected)
                self.structure = structure
            else:
                self.structure, rewritten = partial
                if rewritten:
                    rewritten = self._adapt_rewritten(rewritten)
        changed = set(self._paragraphs_of.get(key, ())) | set(rewritten)
        for other in moved:
            changed.update(self._paragraphs_of.get(other, ()))
        indexes = tuple(sorted(changed))
        for index in indexes:
            self.document.paragraphs[index] = build_paragraph(
                self._specs[index], self.checked, self._in_error
            )
        return Update(key, indexes, affected=affected)

    def unknown_values(self) -> dict[str, str]:
        """Values whose keys the template does not know (kept, and written back on save)."""
        return {k: v for k, v in self.values.items() if k not in self.template.fields_by_key}

    # ---------------------------------------------------------------- checks

    def field_error(self, key: str) -> str | None:
        """What is wrong with this field's own value, or None."""
        checked = self.checked.get(key)
        return checked.error if checked is not None else None

    def is_filled(self, key: str) -> bool:
        """Whether the field has a value (valid or not)."""
        checked = self.checked.get(key)
        return checked is not None and not checked.empty

    def rule_problems(self, key: str | None = None) -> list[Problem]:
        """Violated rules (those involving `key` when given), in schema order."""
        rules = self.template.rules if key is None else self.template.rules_by_field.get(key, ())
        problems = []
        for rule in rules:
            if rule.id in self._violated and self._rule_active(rule):
                texts = {k: self.checked[k].text for k in rule.fields if k in self.checked}
                problems.append(
                    Problem(
                        ProblemKind.RULE,
                        rule.severity,
                        rule.fields,
                        rule.format_message(texts),
                        rule.id,
                    )
                )
        return problems

    def value_problem(self, key: str, include_missing: bool = True) -> Problem | None:
        """What is wrong with one field's own value: missing (when required) or invalid; None
        for a field the adapted wording no longer uses."""
        if key in self._inactive:
            return None
        checked = self.checked.get(key)
        if checked is None or checked.empty:
            if checked is not None and checked.error is not None:  # a computed field's
                severity = Severity.WARNING if key in self._computed_warnings else Severity.ERROR
                return Problem(ProblemKind.INVALID, severity, (key,), checked.error)
            if include_missing and self.template.fields_by_key[key].required:
                return Problem(ProblemKind.MISSING, Severity.ERROR, (key,), _("Not filled in yet."))
            return None
        if checked.error is not None:
            return Problem(ProblemKind.INVALID, Severity.ERROR, (key,), checked.error)
        return None

    def field_problems(self, field: Field) -> list[Problem]:
        """Problems to show at one field: missing, invalid, rules that involve it, and
        rewordings that no longer follow it."""
        if field.key in self._inactive:
            return []
        own = self.value_problem(field.key)
        wording = (
            [p for p in self.wording_problems() if field.key in p.keys] if self._frozen else []
        )
        return ([own] if own else []) + self.rule_problems(field.key) + wording

    def problems(self, include_missing: bool = True) -> list[Problem]:
        """Every problem, in document order of the fields concerned."""
        order = self.field_order()
        problems = [p for key in order if (p := self.value_problem(key, include_missing))]
        place = {key: index for index, key in enumerate(order)}
        rules = sorted(self.rule_problems(), key=lambda p: min(place.get(k, 0) for k in p.keys))
        return problems + rules + self.wording_problems()

    def counts(self) -> tuple[int, int, int]:
        """(filled fields, all fields, problems): 已填 N/M and the problem count.

        Kept up to date by `set_value`, so the status bar costs nothing per keystroke. Fields the
        adapted wording no longer uses are left out.
        """
        filled, size, bad, _flagged = self._tally.counts(None, self._inactive)
        violated = sum(1 for rule in self._violated.values() if self._rule_active(rule))
        wording = len(self.wording_problems()) if self._frozen else 0
        return filled, size, bad + violated + wording

    def has_problem(self, key: str) -> bool:
        """Whether the field is missing, invalid, or involved in a violated rule."""
        return self._tally.marks[key].flagged and key not in self._inactive

    def is_active(self, key: str) -> bool:
        """Whether the report still uses this field (False when every paragraph holding it is
        switched off or reworded without it): an inactive field is not asked for or checked."""
        return key not in self._inactive

    def _rule_active(self, rule: Rule) -> bool:
        return not self._inactive or not any(k in self._inactive for k in rule.fields)

    def section_counts(self, section_id: str) -> tuple[int, int, int]:
        """(filled, fields, fields with a problem) of one section: a step's progress.

        Kept up to date by `set_value` like `counts()`.
        """
        filled, size, _bad, flagged = self._tally.counts(section_id, self._inactive)
        return filled, size, flagged

    def _mark(self, keys: Iterable[str]) -> None:
        """Bring the marks of these fields up to date (after `_evaluate` of their rules)."""
        fields = self.template.fields_by_key
        rules_by_field = self.template.rules_by_field
        for key in keys:
            checked = self.checked.get(key)
            filled = checked is not None and not checked.empty
            bad = (fields[key].required and not filled) or bool(checked and checked.error)
            flagged = bad or any(rule.id in self._violated for rule in rules_by_field.get(key, ()))
            self._tally.set(key, _Mark(filled, bad, flagged))

    def blocking_problems(self) -> list[Problem]:
        """Problems that stop an export unless forced: missing, invalid, rule errors."""
        return [p for p in self.problems() if p.blocking]

    # ---------------------------------------------------------------- document

    def field_order(self) -> list[str]:
        """Field keys in document order (fields only used in logic come last)."""
        seen: dict[str, None] = dict.fromkeys(self._paragraphs_of)
        for field in self.template.fields:
            seen.setdefault(field.key, None)
        return list(seen)

    def paragraphs_of(self, key: str) -> tuple[int, ...]:
        """Indexes of the paragraphs where this field appears."""
        return self._paragraphs_of.get(key, ())

    def numbers(self) -> dict[str, Decimal]:
        """The numeric values that are filled and valid."""
        return {
            key: c.number
            for key, c in self.checked.items()
            if c.number is not None and c.valid and not c.empty
        }

    def _evaluate(self, rule: Rule) -> None:
        numbers = {}
        for key in rule.fields:
            checked = self.checked.get(key)
            if checked is None or checked.empty or not checked.valid or checked.number is None:
                self._violated.pop(rule.id, None)
                return
            numbers[key] = checked.number
        if rule.holds(numbers):
            self._violated.pop(rule.id, None)
        else:
            self._violated[rule.id] = rule

    def _render_all(self, structure: Structure | None = None) -> None:
        self.structure = structure or render_structure(self.template, self.checked)
        self._apply_wording()
        self._index_fields()  # which fields are still used decides which rules count
        self._in_error = set()
        for field in self.template.fields:
            self._mark_in_error(field.key)
        self.document = Document(
            [build_paragraph(spec, self.checked, self._in_error) for spec in self._specs]
        )

    def _mark_in_error(self, key: str) -> bool:
        """Bring up to date whether `key` is part of an error rule that does not hold; returns
        whether that changed."""
        broken = any(
            rule.id in self._violated
            and rule.severity is Severity.ERROR
            and self._rule_active(rule)
            for rule in self.template.rules_by_field.get(key, ())
        )
        if broken == (key in self._in_error):
            return False
        if broken:
            self._in_error.add(key)
        else:
            self._in_error.discard(key)
        return True

    def _apply_wording(self) -> None:
        """The document's paragraphs: the structure's, with the draft's adaptations applied
        (a rewording that froze a sign word is repaired here, once: see `repaired_wording`)."""
        if not self.wording:
            self._specs, self._stale, self._frozen = list(self.structure.paragraphs), [], []
            return
        adapted = adapt(
            self.structure.paragraphs,
            self._template_signatures(),
            self.wording,
            self.template,
            self._derived_paragraphs(),
        )
        self._specs, self._stale, self._frozen = adapted.specs, adapted.stale, adapted.frozen
        self.wording.update(adapted.repaired)
        self._repaired.extend(k for k in adapted.repaired if k not in self._repaired)

    def _derived_paragraphs(self) -> frozenset[str]:
        """Ids of the template paragraphs whose wording Jinja logic picks from values."""
        structure = self.structure
        if not structure.logic_keys:
            return frozenset()
        if not structure.by_line:
            return frozenset(spec.id for spec in structure.paragraphs)
        lines = set().union(*structure.logic_lines.values())
        return frozenset(
            spec.id
            for spec, line in zip(structure.paragraphs, structure.line_of, strict=True)
            if line in lines
        )

    def repaired_wording(self) -> list[str]:
        """Ids of the draft's rewordings that had frozen a sign word (增长/下降 as fixed text,
        written before rewording kept it bound) and were repaired when the draft was opened:
        the draft has changed and should be saved."""
        return list(self._repaired)

    def frozen_wording(self) -> list[str]:
        """Ids of applied rewordings that may hold, as fixed text, a word the template picks by
        a value (增长/下降): they no longer follow the value (see `wording_problems`)."""
        return list(self._frozen)

    def wording_problems(self) -> list[Problem]:
        """A warning for each rewording in `frozen_wording`, at the field the word depends on."""
        problems = []
        by_id = {spec.id: spec for spec in self.structure.paragraphs}
        current = {spec.id: spec for spec in self._specs}
        for paragraph_id in self._frozen:
            keys = self._deciding_fields(by_id[paragraph_id])
            if not keys:
                continue
            text = "".join(
                p if isinstance(p, str) else p.placeholder for p in current[paragraph_id].pieces
            )
            message = _(
                "The reworded paragraph “{start}…” may hold a word the template picks by this "
                "value (such as 增长/下降): reworded, it no longer follows the value. Check it, "
                "or restore the template's wording.",
                start=text[:_QUOTE],
            )
            problems.append(
                Problem(ProblemKind.WORDING, Severity.WARNING, keys, message, None, paragraph_id)
            )
        return problems

    def _deciding_fields(self, spec: ParagraphSpec) -> tuple[str, ...]:
        """The fields that decide wording in a template paragraph (sign words and logic)."""
        keys = [p.key for p in spec.pieces if isinstance(p, SignRef | ChangeRef)]
        structure = self.structure
        if structure.by_line:
            line = structure.line_of[structure.paragraphs.index(spec)]
            keys += [k for k, lines in structure.logic_lines.items() if line in lines]
        else:
            keys += list(structure.logic_keys)
        order = {f.key: n for n, f in enumerate(self.template.fields)}
        return tuple(sorted(set(keys) & order.keys(), key=order.__getitem__))

    def _adapt_rewritten(self, rewritten: tuple[int, ...]) -> tuple[int, ...]:
        """After logic lines were re-rendered: the document indexes of the rewritten
        paragraphs (a switched-off or reworded paragraph does not follow its template line)."""
        if not self.wording:
            self._specs = list(self.structure.paragraphs)
            self._index_fields()
            return rewritten
        ids = {self.structure.paragraphs[index].id for index in rewritten}
        self._apply_wording()
        self._index_fields()
        adapted = set(self.wording) - set(self._stale)
        return tuple(
            number
            for number, spec in enumerate(self._specs)
            if spec.id in ids and spec.id not in adapted
        )

    def _index_fields(self) -> None:
        index: dict[str, list[int]] = {}
        for number, paragraph in enumerate(self._specs):
            for piece in paragraph.pieces:
                if not isinstance(piece, str):
                    places = index.setdefault(piece.key, [])
                    if not places or places[-1] != number:
                        places.append(number)
        self._paragraphs_of = {key: tuple(v) for key, v in index.items()}
        if self.wording:
            used = set(index) | self.structure.logic_keys
            self._inactive = frozenset(f.key for f in self.template.fields if f.key not in used)
        else:
            self._inactive = frozenset()

    # ---------------------------------------------------------------- wording

    def _template_signatures(self) -> dict[str, str]:
        """Each template paragraph's wording as the template gives it with no values (what an
        adaptation is checked against, so it does not depend on the values typed)."""
        if self._signatures is None:
            base = render_structure(self.template, {})
            self._signatures = {spec.id: signature(spec.pieces) for spec in base.paragraphs}
        return self._signatures

    def template_paragraphs(self) -> list[TemplateParagraph]:
        """Every paragraph of the template, with how it stands in this report."""
        applied = set(self.wording) - set(self._stale)
        current = {spec.id: spec for spec in self._specs}
        result = []
        for index, spec in enumerate(self.structure.paragraphs):
            adaptation = self.wording.get(spec.id) if spec.id in applied else None
            if adaptation is None:
                state, pieces = WordingState.ORIGINAL, spec.pieces
            elif adaptation.off:
                state, pieces = WordingState.OFF, None
            else:
                state, pieces = WordingState.EDITED, current[spec.id].pieces
            result.append(TemplateParagraph(spec.id, index, spec, state, pieces))
        return result

    def wording_state(self, paragraph_id: str) -> WordingState:
        """Whether a template paragraph is as in the template, switched off or reworded."""
        self._template_spec(paragraph_id)
        adaptation = self.wording.get(paragraph_id)
        if adaptation is None or paragraph_id in self._stale:
            return WordingState.ORIGINAL
        return adaptation.state

    def stale_wording(self) -> list[str]:
        """Ids of the draft's adaptations that no longer match the template (not applied)."""
        return list(self._stale)

    def switch_off(self, paragraph_id: str) -> Update:
        """Leave a paragraph out of this report (三是…… that does not apply)."""
        self._template_spec(paragraph_id)  # KeyError for an unknown paragraph
        self.wording[paragraph_id] = Adaptation(
            paragraph_id, self._template_signatures().get(paragraph_id, ""), off=True
        )
        return self._rewording()

    def set_wording(self, paragraph_id: str, pieces: list[Piece] | tuple[Piece, ...]) -> Update:
        """Reword a paragraph in this report; its field places stay bound to the fields.

        Wording identical to the template's restores the paragraph; empty wording switches it
        off. Line breaks and unknown fields are refused (FanwenError).
        """
        spec = self._template_spec(paragraph_id)
        checked = check_pieces(pieces, self.template)
        if not checked or all(isinstance(p, str) and not p.strip() for p in checked):
            return self.switch_off(paragraph_id)
        if checked == spec.pieces:
            return self.restore(paragraph_id)
        self.wording[paragraph_id] = Adaptation(
            paragraph_id, self._template_signatures().get(paragraph_id, ""), pieces=checked
        )
        return self._rewording()

    def restore(self, paragraph_id: str) -> Update:
        """恢复原文: the template's wording for this paragraph again (switched on if off)."""
        self.wording.pop(paragraph_id, None)
        return self._rewording()

    def switch_on(self, paragraph_id: str) -> Update:
        """Put a switched-off paragraph back."""
        adaptation = self.wording.get(paragraph_id)
        if adaptation is not None and adaptation.off:
            del self.wording[paragraph_id]
        return self._rewording()

    def restore_all(self) -> Update:
        """恢复原文 for the whole report (adaptations that no longer match are kept)."""
        for paragraph_id in list(self.wording):
            if paragraph_id not in self._stale:
                del self.wording[paragraph_id]
        return self._rewording()

    def set_adaptations(self, wording: Mapping[str, Adaptation]) -> Update:
        """Every adaptation at once, as they were at some earlier point (undo, redo)."""
        self.wording = dict(wording)
        return self._rewording()

    def _template_spec(self, paragraph_id: str) -> ParagraphSpec:
        for spec in self.structure.paragraphs:
            if spec.id == paragraph_id:
                return spec
        raise KeyError(paragraph_id)

    def _rewording(self) -> Update:
        """Rebuild the document after a change of wording (values and checks are unchanged;
        the counts follow the fields the wording still uses)."""
        self._render_all(self.structure)
        keys = tuple(f.key for f in self.template.fields)
        return Update("", tuple(range(len(self.document.paragraphs))), True, True, keys)


def merge_updates(first: Update, second: Update) -> Update:
    """One update for two changes made one after the other (a value and a computed value)."""
    if not second.changed:
        return first
    if not first.changed:
        return second
    return Update(
        first.key,
        tuple(sorted(set(first.paragraphs) | set(second.paragraphs))),
        first.structural or second.structural,
        first.changed or second.changed,
        tuple(dict.fromkeys((*first.affected, *second.affected))),
    )


class _Mark(NamedTuple):
    """How one field stands: filled; missing or invalid (`bad`); bad or in a broken rule."""

    filled: bool = False
    bad: bool = False
    flagged: bool = False


class _Tally:
    """Each field's `_Mark`, and their sums per section kept by difference: a step's progress
    and the status bar's counts without recounting at each keystroke."""

    def __init__(self, fields: Iterable[Field]) -> None:
        self.section = {field.key: field.section for field in fields}
        self.marks = dict.fromkeys(self.section, _Mark())
        #: Per section: [fields, filled, bad, flagged].
        self.sums: dict[str, list[int]] = {}
        for section in self.section.values():
            self.sums.setdefault(section, [0, 0, 0, 0])[0] += 1

    def set(self, key: str, mark: _Mark) -> None:
        old = self.marks[key]
        if mark != old:
            sums = self.sums[self.section[key]]
            for index, (new_flag, old_flag) in enumerate(zip(mark, old, strict=True), start=1):
                sums[index] += new_flag - old_flag
            self.marks[key] = mark

    def counts(self, section: str | None, inactive: frozenset[str]) -> tuple[int, int, int, int]:
        """(filled, fields, bad, flagged) of one section (None: all), leaving out `inactive`."""
        rows = list(self.sums.values()) if section is None else [self.sums.get(section, [0] * 4)]
        rows = rows or [[0] * 4]
        size, filled, bad, flagged = (sum(column) for column in zip(*rows, strict=True))
        for key in inactive:
            if section is None or self.section[key] == section:
                mark = self.marks[key]
                size, filled, bad, flagged = (
                    size - 1,
                    filled - mark.filled,
                    bad - mark.bad,
                    flagged - mark.flagged,
                )
        return filled, size, bad, flagged


def problem_labels(model: ReportModel, problems: Iterable[Problem]) -> list[str]:
    """One line per problem, naming the field by its label: for the CLI and dialogs."""
    lines = []
    for problem in problems:
        labels = "、".join(model.template.field(k).label for k in problem.keys)
        lines.append(_("{label}: {message}", label=labels, message=problem.message))
    return lines
