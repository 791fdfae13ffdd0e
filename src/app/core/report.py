"""`ReportModel`: a template, the writer's values, their checks and the rendered document.

This is what the app and the CLI work on. Changing one value re-checks that field and the rules
involving it, and replaces only the paragraphs where the field appears; the body is re-rendered
only when the wording depends on the field (同比增长/下降). So the cost of a keystroke does not grow
with the length of the report.

The draft's wording adaptations (`app.core.wording`: a paragraph switched off or reworded) are
applied here, so the document every output is made from already follows them. A field whose
every place has been switched off is no longer asked for: it is neither missing nor checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from app.core.document import Document
from app.core.i18n import _
from app.core.kinds import CheckedValue
from app.core.render import (
    ParagraphSpec,
    Structure,
    build_paragraph,
    render_structure,
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


class ProblemKind(StrEnum):
    """Why a problem is listed."""

    MISSING = "missing"
    INVALID = "invalid"
    RULE = "rule"


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the writer should look at: `keys[0]` is the field to go to."""

    kind: ProblemKind
    severity: Severity
    keys: tuple[str, ...]
    message: str
    rule_id: str | None = None

    @property
    def blocking(self) -> bool:
        """Errors and missing values block export unless forced; warnings do not."""
        return self.severity is Severity.ERROR


@dataclass(frozen=True, slots=True)
class Update:
    """What one change did: which paragraphs to redraw and whether the structure changed."""

    key: str
    paragraphs: tuple[int, ...]
    structural: bool = False
    changed: bool = True


@dataclass(frozen=True, slots=True)
class TemplateParagraph:
    """A paragraph of the template as the writer may adapt it: its wording in the template,
    how it stands in this report, and its wording in this report (None when switched off)."""

    id: str
    index: int
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
    ) -> None:
        self.template = template
        self.values: dict[str, str] = {}
        self.checked: dict[str, CheckedValue] = {}
        self._violated: dict[str, Rule] = {}
        self.structure: Structure
        self.document: Document
        #: The draft's adaptations of the wording, by paragraph id (see `app.core.wording`).
        self.wording: dict[str, Adaptation] = dict(wording or {})
        self._specs: list[ParagraphSpec] = []
        self._stale: list[str] = []
        self._signatures: dict[str, str] | None = None
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
        self._violated = {}
        for rule in self.template.rules:
            self._evaluate(rule)
        self._render_all()

    def value(self, key: str) -> str:
        """The raw value of a field as the writer typed it ("" when empty)."""
        return self.values.get(key, "")

    def set_value(self, key: str, raw: str) -> Update:
        """Set one field's raw value; returns which paragraphs changed."""
        field = self.template.field(key)
        old_raw = self.values.get(key, "")
        if raw == old_raw:
            return Update(key, (), changed=False)
        if raw:
            self.values[key] = raw
        else:
            self.values.pop(key, None)
        old = self.checked.get(key)
        new = field.check(raw)
        self.checked[key] = new
        if old == new:
            return Update(key, ())
        for rule in self.template.rules_by_field.get(key, ()):
            self._evaluate(rule)
        if key in self.structure.logic_keys:
            structure = render_structure(self.template, self.checked)
            if structure != self.structure:
                self.structure = structure
                self._render_all(structure)
                return Update(key, tuple(range(len(self.document.paragraphs))), structural=True)
        indexes = self._paragraphs_of.get(key, ())
        for index in indexes:
            self.document.paragraphs[index] = build_paragraph(self._specs[index], self.checked)
        return Update(key, indexes)

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

    def is_active(self, key: str) -> bool:
        """Whether the report still uses this field (False when every paragraph holding it is
        switched off or reworded without it): an inactive field is not asked for or checked."""
        return key in self._paragraphs_of or key in self.structure.logic_keys

    def rule_problems(self, key: str | None = None) -> list[Problem]:
        """Violated rules (those involving `key` when given), in schema order."""
        rules = self.template.rules if key is None else self.template.rules_by_field.get(key, ())
        problems = []
        for rule in rules:
            if rule.id in self._violated and all(self.is_active(k) for k in rule.fields):
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

    def field_problems(self, field: Field) -> list[Problem]:
        """Problems to show at one field: missing, invalid, and rules that involve it."""
        problems: list[Problem] = []
        if not self.is_active(field.key):
            return problems
        checked = self.checked.get(field.key)
        if checked is None or checked.empty:
            if field.required:
                problems.append(
                    Problem(
                        ProblemKind.MISSING, Severity.ERROR, (field.key,), _("Not filled in yet.")
                    )
                )
        elif checked.error is not None:
            problems.append(
                Problem(ProblemKind.INVALID, Severity.ERROR, (field.key,), checked.error)
            )
        return problems + self.rule_problems(field.key)

    def problems(self, include_missing: bool = True) -> list[Problem]:
        """Every problem, in document order of the fields concerned."""
        problems: list[Problem] = []
        for key in self.field_order():
            if not self.is_active(key):
                continue
            field = self.template.field(key)
            checked = self.checked.get(key)
            if checked is None or checked.empty:
                if field.required and include_missing:
                    problems.append(
                        Problem(
                            ProblemKind.MISSING, Severity.ERROR, (key,), _("Not filled in yet.")
                        )
                    )
            elif checked.error is not None:
                problems.append(Problem(ProblemKind.INVALID, Severity.ERROR, (key,), checked.error))
        order = {key: index for index, key in enumerate(self.field_order())}
        rules = sorted(self.rule_problems(), key=lambda p: min(order.get(k, 0) for k in p.keys))
        return problems + rules

    def counts(self) -> tuple[int, int, int]:
        """(filled fields, all fields, problems): 已填 N/M and the problem count."""
        fields = [f for f in self.template.fields if self.is_active(f.key)]
        filled = sum(1 for f in fields if self.is_filled(f.key))
        bad = sum(
            1
            for f in fields
            if (f.required and not self.is_filled(f.key)) or self.field_error(f.key) is not None
        )
        return filled, len(fields), bad + len(self.rule_problems())

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
        if self.wording:
            self._specs, self._stale = adapt(
                self.structure.paragraphs, self._template_signatures(), self.wording, self.template
            )
        else:
            self._specs, self._stale = list(self.structure.paragraphs), []
        self.document = Document([build_paragraph(spec, self.checked) for spec in self._specs])
        index: dict[str, list[int]] = {}
        for number, paragraph in enumerate(self._specs):
            for piece in paragraph.pieces:
                if not isinstance(piece, str):
                    places = index.setdefault(piece.key, [])
                    if not places or places[-1] != number:
                        places.append(number)
        self._paragraphs_of = {key: tuple(v) for key, v in index.items()}

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
                result.append(
                    TemplateParagraph(spec.id, index, spec, WordingState.ORIGINAL, spec.pieces)
                )
            elif adaptation.off:
                result.append(TemplateParagraph(spec.id, index, spec, WordingState.OFF, None))
            else:
                result.append(
                    TemplateParagraph(
                        spec.id, index, spec, WordingState.EDITED, current[spec.id].pieces
                    )
                )
        return result

    def wording_state(self, paragraph_id: str) -> WordingState:
        """Whether a template paragraph is as in the template, switched off or reworded."""
        for paragraph in self.template_paragraphs():
            if paragraph.id == paragraph_id:
                return paragraph.state
        raise KeyError(paragraph_id)

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
        if signature(checked) == signature(spec.pieces) and checked == spec.pieces:
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
        """Put a switched-off paragraph back (a reworded one stays reworded)."""
        adaptation = self.wording.get(paragraph_id)
        if adaptation is not None and adaptation.off:
            if adaptation.pieces is not None:
                self.wording[paragraph_id] = Adaptation(
                    paragraph_id, adaptation.original, pieces=adaptation.pieces
                )
            else:
                del self.wording[paragraph_id]
        return self._rewording()

    def restore_all(self) -> Update:
        """恢复原文 for the whole report (adaptations that no longer match are kept)."""
        for paragraph_id in list(self.wording):
            if paragraph_id not in self._stale:
                del self.wording[paragraph_id]
        return self._rewording()

    def _template_spec(self, paragraph_id: str) -> ParagraphSpec:
        for spec in self.structure.paragraphs:
            if spec.id == paragraph_id:
                return spec
        raise KeyError(paragraph_id)

    def _rewording(self) -> Update:
        self._render_all(self.structure)
        return Update("", tuple(range(len(self.document.paragraphs))), structural=True)


def problem_labels(model: ReportModel, problems: Iterable[Problem]) -> list[str]:
    """One line per problem, naming the field by its label: for the CLI and dialogs."""
    lines = []
    for problem in problems:
        labels = "、".join(model.template.field(k).label for k in problem.keys)
        lines.append(_("{label}: {message}", label=labels, message=problem.message))
    return lines
