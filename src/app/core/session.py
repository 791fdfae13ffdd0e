"""`ReportSession`: one report being written, and every change a writer makes to it.

The session owns the template, the draft and its file, the `ReportModel` (values, checks,
wording adaptations, the document), the steps, and one undo history. Every change a writer can
make is an operation here that returns a `Change` (what to redraw), and every change of the
draft goes onto the same history:

* a value typed in a field (`set_value`; keystrokes in one field merge into one step),
* a paragraph switched off or on, reworded or restored (`switch_off`, `set_wording`, ...),
* an edit of the template's fields applied to the open report (`change_template`).

`undo()` and `redo()` return a `Change` too, so a screen never needs to know which kind of step
it takes back. "Modified" is one fact: the history is not where it was when the draft was last
saved (or the draft came in unsaved: recovered, or with renamed values moved). A language
switch (`rerender`) re-checks the values and rebuilds the document but does not touch the draft,
so it is not a step of the history.

The Qt layer (`app.ui.session_adapter`) forwards these changes to the widgets; the CLI and the
tests use the session directly.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from app.core.draft import Draft
from app.core.i18n import _
from app.core.kinds import exportable_text
from app.core.report import ReportModel, Update
from app.core.steps import Navigator, build_steps
from app.core.template import Template
from app.core.wording import Adaptation, Piece

#: How many steps the history keeps (the oldest go first).
HISTORY_LIMIT = 1000


class Change(NamedTuple):
    """What one operation changed, for the screens to follow."""

    #: The paragraphs to redraw and the fields whose problems may have changed.
    update: Update
    #: Values that changed (typed, undone, redone, another report): key -> text; an input
    #: that does not show its value yet follows.
    values: Mapping[str, str] = {}
    #: The steps (which fields each asks for) were built again: forms must be rebuilt.
    steps: bool = False
    #: Another report (opened, new, recovered) or another template: everything is redrawn.
    replaced: bool = False
    #: The field to take the writer to (undo and redo of a value go back to its field).
    focus: str | None = None


def layout_signature(model: ReportModel) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """What the steps are built from: each paragraph's role, section and fields. When a change
    of wording alters it (a paragraph appears or goes), the steps are built again."""
    return tuple(
        (p.role.value, p.section, tuple(p.field_keys())) for p in model.document.paragraphs
    )


class _ValueStep(NamedTuple):
    key: str
    old: str
    new: str
    typing: int | None


class _WordingStep(NamedTuple):
    kind: str  # what the writer did, for the Undo menu's text
    before: Mapping[str, Adaptation]
    after: Mapping[str, Adaptation]


class _TemplateStep(NamedTuple):
    before: tuple[Template, Mapping[str, str], Mapping[str, Adaptation]]
    after: tuple[Template, Mapping[str, str], Mapping[str, Adaptation]]


_Step = _ValueStep | _WordingStep | _TemplateStep


class ReportSession:
    """One report: its template, draft, file, model, steps and undo history."""

    def __init__(
        self,
        template: Template,
        draft: Draft | None = None,
        path: Path | None = None,
        values: Mapping[str, str] | None = None,
        unsaved: bool = False,
    ) -> None:
        self._start(template, draft, path, values, unsaved)

    def _start(
        self,
        template: Template,
        draft: Draft | None,
        path: Path | None,
        values: Mapping[str, str] | None,
        unsaved: bool,
    ) -> None:
        draft = draft or Draft(template=template.id, template_version=template.version)
        # Everything is built before anything is replaced: a report that cannot be built
        # (FanwenError) leaves the session as it was.
        model = ReportModel(
            template, dict(draft.values if values is None else values), draft.wording
        )
        navigator = Navigator(build_steps(template, model.document))
        self.template = template
        self.draft = draft
        self.path = path
        self.model = model
        self.navigator = navigator
        self._layout = layout_signature(model)
        self._history: list[_Step] = []
        #: How many steps of the history are in effect (the rest can be redone).
        self._position = 0
        #: The position the file on disk corresponds to; None when no position does.
        # A draft whose rewordings had frozen a sign word was repaired while it was read: its
        # file no longer says what the report shows until it is saved.
        self._saved: int | None = None if unsaved or model.repaired_wording() else 0

    # ------------------------------------------------------------------ the report

    def load(
        self,
        template: Template,
        draft: Draft,
        path: Path | None,
        values: Mapping[str, str] | None = None,
        unsaved: bool = False,
    ) -> Change:
        """Another report in this session (opened, new, recovered): a fresh history.

        `unsaved`: the draft differs from its file (recovered from an autosave, or values moved
        to renamed fields), so it counts as modified until saved.
        """
        self._start(template, draft, path, values, unsaved)
        return self._rebuilt(replaced=True)

    def current_draft(self) -> Draft:
        """The draft as it would be saved now (values the template does not know included)."""
        return dataclasses.replace(
            self.draft,
            template=self.template.id,
            values=dict(self.model.values),
            template_version=self.template.version,
            extra=dict(self.draft.extra),
            wording=dict(self.model.wording),
        )

    def mark_saved(self, draft: Draft, path: Path) -> None:
        """The draft was written to `path` (as `draft`, with its new modification time)."""
        self.draft = draft
        self.path = path
        self._saved = self._position

    def mark_unsaved(self) -> None:
        """The file no longer holds what the session shows (it could not be written)."""
        self._saved = None

    @property
    def modified(self) -> bool:
        """Whether the draft has changes its file does not have."""
        return self._saved != self._position

    # ------------------------------------------------------------------ values

    def set_value(self, key: str, text: str, typing: int | None = None) -> Change:
        """A field's value. `typing` names a run of typing in one field: the changes of one
        run merge into one step of the history (one Undo takes back what was typed).

        What no export can carry is taken out first (`kinds.exportable_text`): a value the
        session holds can always be saved and exported. The `Change` then carries the value as
        kept, for the field to show."""
        text = exportable_text(text)
        old = self.model.value(key)
        if old == text:
            return Change(Update(key, (), changed=False))
        top = self._history[self._position - 1] if self._position else None
        if (
            typing is not None
            and isinstance(top, _ValueStep)
            and top.key == key
            and top.typing == typing
            and self._position == len(self._history)
            and self._saved != self._position  # the saved state stays reachable
        ):
            if top.old == text:  # typed back to what it was: no step at all
                self._history.pop()
                self._position -= 1
            else:
                self._history[self._position - 1] = top._replace(new=text)
        else:
            self._push(_ValueStep(key, old, text, typing))
        return self._value_change(key, text, focus=None)

    def _value_change(self, key: str, text: str, focus: str | None) -> Change:
        update = self.model.set_value(key, text)
        return Change(update, {key: text}, steps=self._follow_layout(update), focus=focus)

    # ------------------------------------------------------------------ wording

    def switch_off(self, paragraph_id: str) -> Change:
        """Leave a paragraph out of this report (三是…… that does not apply)."""
        return self._wording("off", lambda: self.model.switch_off(paragraph_id))

    def switch_on(self, paragraph_id: str) -> Change:
        """Put a switched-off paragraph back."""
        return self._wording("on", lambda: self.model.switch_on(paragraph_id))

    def set_wording(self, paragraph_id: str, pieces: Sequence[Piece]) -> Change:
        """Reword a paragraph; its fields (and derived words) stay bound. FanwenError for
        wording that cannot be used (a line break, an unknown field)."""
        return self._wording("edit", lambda: self.model.set_wording(paragraph_id, tuple(pieces)))

    def restore(self, paragraph_id: str) -> Change:
        """恢复原文 for one paragraph."""
        return self._wording("restore", lambda: self.model.restore(paragraph_id))

    def restore_all(self) -> Change:
        """恢复原文 for the whole report."""
        return self._wording("restore-all", self.model.restore_all)

    def _wording(self, kind: str, operation: Callable[[], Update]) -> Change:
        before = dict(self.model.wording)
        update = operation()
        after = dict(self.model.wording)
        if after == before:
            return Change(Update("", (), changed=False))
        self._push(_WordingStep(kind, before, after))
        return Change(update, steps=self._follow_layout(update))

    # ------------------------------------------------------------------ template

    def change_template(self, template: Template, values: Mapping[str, str]) -> Change:
        """Continue this report with an edited template (its fields relabelled, merged or
        split): one step of the history, so Undo brings the previous template back."""
        before = (self.template, dict(self.model.values), dict(self.model.wording))
        after = (template, dict(values), dict(self.model.wording))
        change = self._use_template(*after)  # FanwenError when it cannot be used: no step
        self._push(_TemplateStep(before, after))
        return change

    def _use_template(
        self, template: Template, values: Mapping[str, str], wording: Mapping[str, Adaptation]
    ) -> Change:
        model = ReportModel(template, dict(values), dict(wording))
        self.template = template
        self.model = model
        return self._rebuilt(replaced=False)

    # ------------------------------------------------------------------ language

    def rerender(self) -> Change:
        """Check every value again and rebuild the document (the language of the messages
        changed). Not a change of the draft: not on the history."""
        self.model.reset(dict(self.model.values))
        return self._rebuilt(replaced=False)

    # ------------------------------------------------------------------ history

    def can_undo(self) -> bool:
        return self._position > 0

    def can_redo(self) -> bool:
        return self._position < len(self._history)

    def undo_text(self) -> str:
        """What Undo would take back ("" when nothing)."""
        return self._describe(self._history[self._position - 1]) if self.can_undo() else ""

    def redo_text(self) -> str:
        """What Redo would do again ("" when nothing)."""
        return self._describe(self._history[self._position]) if self.can_redo() else ""

    def undo(self) -> Change | None:
        """Take back the last step; None when there is none."""
        if not self.can_undo():
            return None
        self._position -= 1
        return self._apply(self._history[self._position], backwards=True)

    def redo(self) -> Change | None:
        """Do the step taken back last again; None when there is none."""
        if not self.can_redo():
            return None
        step = self._history[self._position]
        self._position += 1
        return self._apply(step, backwards=False)

    def _apply(self, step: _Step, backwards: bool) -> Change:
        if isinstance(step, _ValueStep):
            text = step.old if backwards else step.new
            return self._value_change(step.key, text, focus=step.key)
        if isinstance(step, _WordingStep):
            update = self.model.set_adaptations(step.before if backwards else step.after)
            return Change(update, steps=self._follow_layout(update))
        return self._use_template(*(step.before if backwards else step.after))

    def _push(self, step: _Step) -> None:
        del self._history[self._position :]
        if self._saved is not None and self._saved > self._position:
            self._saved = None  # the saved state was taken back and is now out of reach
        self._history.append(step)
        self._position += 1
        if len(self._history) > HISTORY_LIMIT:
            del self._history[0]
            self._position -= 1
            if self._saved is not None:
                self._saved = self._saved - 1 if self._saved > 0 else None

    def _describe(self, step: _Step) -> str:
        if isinstance(step, _ValueStep):
            field = self.template.fields_by_key.get(step.key)
            label = field.label if field is not None else step.key
            return _("typing in “{label}”", label=label)
        if isinstance(step, _TemplateStep):
            return _("editing the template's fields")
        texts = {
            "off": _("leaving out a paragraph"),
            "on": _("putting back a paragraph"),
            "edit": _("rewording a paragraph"),
            "restore": _("restoring a paragraph's wording"),
            "restore-all": _("restoring the template's wording"),
        }
        return texts[step.kind]

    # ------------------------------------------------------------------ steps

    def _follow_layout(self, update: Update) -> bool:
        """After a structural update: rebuild the steps when the fields they ask for moved."""
        if not update.structural:
            return False
        layout = layout_signature(self.model)
        if layout == self._layout:
            return False
        self._layout = layout
        self.navigator = Navigator(build_steps(self.template, self.model.document))
        return True

    def _rebuilt(self, replaced: bool) -> Change:
        """Everything was built again: another report (`replaced`), or the same report with
        another template or in another language."""
        self.navigator = Navigator(build_steps(self.template, self.model.document))
        self._layout = layout_signature(self.model)
        keys = tuple(f.key for f in self.template.fields)
        count = len(self.model.document.paragraphs)
        update = Update("", tuple(range(count)), structural=True, affected=keys)
        return Change(update, dict(self.model.values), steps=True, replaced=replaced)
