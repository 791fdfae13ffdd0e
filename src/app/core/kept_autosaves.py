"""Every autosave still kept, for the list the writer restores one from (文件 > 恢复未保存的报告).

The autosaves of sessions that ended without saving, and those the writer set aside at a
start-up (``autosave/declined``), each with its template (None when it is not installed here),
the first words of its report from the first value typed, and how many fields are filled.
"""

from __future__ import annotations

import contextlib
from typing import NamedTuple

from app.core.autosave import AUTOSAVE_SUFFIX, DECLINED, AutosaveEntry, read_autosave, recoverable
from app.core.draft import Draft
from app.core.errors import FanwenError
from app.core.paths import autosave_dir
from app.core.template import Template

#: Characters of a report's first words shown in the list.
FIRST_WORDS = 40


class KeptAutosave(NamedTuple):
    """An autosave the writer may restore, as the list shows it."""

    entry: AutosaveEntry
    template: Template | None
    declined: bool
    first_words: str
    filled: int


def kept_autosaves(exclude: str | None = None) -> list[KeptAutosave]:
    """Every autosave kept: of sessions that ended without saving, and those set aside at a
    start-up; newest first. Files that cannot be read are left out (and left alone)."""
    from app.core.template_copy import template_for_draft

    entries = [(entry, False) for entry in recoverable(exclude=exclude)]
    declined = autosave_dir() / DECLINED
    with contextlib.suppress(OSError):
        for path in sorted(declined.glob(f"*{AUTOSAVE_SUFFIX}")):
            with contextlib.suppress(FanwenError):
                entries.append((read_autosave(path), True))
    kept = []
    for entry, was_declined in entries:
        try:
            template: Template | None = template_for_draft(entry.draft)
        except FanwenError:
            template = None
        words, filled = _first_words(entry.draft, template)
        kept.append(KeptAutosave(entry, template, was_declined, words, filled))
    kept.sort(key=lambda k: k.entry.saved, reverse=True)
    return kept


def _first_words(draft: Draft, template: Template | None) -> tuple[str, int]:
    """The start of the first paragraph holding a value the writer typed, and how many fields
    are filled (the values alone when the template is not here)."""
    values = {k: v for k, v in draft.values.items() if v.strip()}
    if template is None:
        return "、".join(values.values())[:FIRST_WORDS], len(values)
    from app.core.document import FieldRun, RunState
    from app.core.report import ReportModel

    try:
        model = ReportModel(template, dict(draft.values), draft.wording)
    except FanwenError:
        return "、".join(values.values())[:FIRST_WORDS], len(values)
    filled = sum(1 for key in values if key in template.fields_by_key)
    for paragraph in model.document.paragraphs:
        offset = 0
        for run in paragraph.runs:
            if isinstance(run, FieldRun) and run.state is not RunState.EMPTY:
                # From a few characters before the first value the writer typed.
                start = max(0, offset - FIRST_WORDS // 4)
                text = paragraph.text[start : start + FIRST_WORDS]
                lead = "……" if start else ""
                tail = "……" if start + FIRST_WORDS < len(paragraph.text) else ""
                return f"{lead}{text}{tail}", filled
            offset += len(run.text)
    return template.title, filled
