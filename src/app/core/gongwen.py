"""The 公文 parts around and inside the body (GB/T 9704-2012), recognised from their wording.

What this holds:

* `app.core.render` asks `lead_heading` whether a body paragraph opens with a heading
  ("（一）标题。正文……", "1.标题。正文……"): the heading part is then set in its level's font.
  Only the template's own wording is read (the literal text, and a field's placeholder, never its
  value), so a value a writer types can never turn a paragraph into a heading.
* the exports and the preview read each part's place on the line (`role_indents`, the bold,
  centred and right-aligned roles).

Which paragraphs of an imported 范文 are the parts is `app.core.import_parts` (the importer's
alone: the window does not load it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.document import Lead, Role, Run, TextRun

#: Heading numbers, by the level they open: 一、 （一） 1. （1）; "1、" and half-width brackets
#: are common in 范文 too. A number followed by another number ("一、二季度", "1.5万元") is none.
HEADING_NUMBERS: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"^[一二三四五六七八九十]{1,3}、(?![一二三四五六七八九十])"), Role.HEADING),
    (re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]"), Role.SUBHEADING),
    (re.compile(r"^\d{1,2}(?:[.．](?![\d０-９])|、)"), Role.HEADING3),
    (re.compile(r"^[（(]\d{1,2}[）)]"), Role.HEADING4),
)
#: What ends the heading part of a paragraph that opens with one.
LEAD_END = "。！？：!?:"
#: The longest heading part (characters, placeholders counted as written): a longer first
#: sentence is a numbered sentence, not a heading.
LEAD_MAX = 40
SENTENCE_PUNCTUATION = "。！？；，!?;,"


def heading_level(text: str) -> Role | None:
    """The heading level whose number `text` opens with, or None."""
    for pattern, role in HEADING_NUMBERS:
        if pattern.match(text):
            return role
    return None


def lead_heading(runs: Sequence[Run]) -> tuple[tuple[Run, ...], Lead | None]:
    """A body paragraph's runs, the one holding the end of an opening heading split there, and
    the heading (None when the paragraph does not open with one).

    The heading opens the template's wording (the first run is wording that starts with a
    heading number) and ends at the first 。！？： of the wording, within `LEAD_MAX` characters;
    a paragraph that is all heading is not a run-in heading."""
    if not runs or not isinstance(runs[0], TextRun):
        return tuple(runs), None
    level = heading_level(runs[0].text)
    if level is None:
        return tuple(runs), None
    length = 0
    for index, run in enumerate(runs):
        if not isinstance(run, TextRun):
            length += len(run.placeholder)
            continue
        ends = [run.text.find(c) for c in LEAD_END if c in run.text]
        if not ends:
            length += len(run.text)
            if length > LEAD_MAX:
                break
            continue
        end = min(ends) + 1
        if length + end > LEAD_MAX:
            break
        head, tail = run.text[:end], run.text[end:]
        rest = runs[index + 1 :]
        if not tail.strip() and not any(r.text.strip() for r in rest):
            break  # nothing after the heading: a heading line, not a run-in heading
        pieces = (*runs[:index], TextRun(head), *((TextRun(tail),) if tail else ()), *rest)
        return pieces, Lead(level, index + 1)
    return tuple(runs), None


# ------------------------------------------------------------------ their place on the line

#: Roles set in bold: the "1." heading level (仿宋, bold in common practice).
BOLD_ROLES = frozenset({Role.HEADING3})
#: Roles centred on the line (the title, the subtitle) and set against the right margin.
CENTRED_ROLES = frozenset({Role.TITLE, Role.SUBTITLE})
RIGHT_ROLES = frozenset({Role.SIGNATURE, Role.DATE})
#: The signature and the date end four characters in from the right margin (右空四字).
SIGNATURE_RIGHT_CHARS = 4
#: An attachment note starts two characters in (左空二字); its other lines, and the attachments
#: after the first, line up after "附件：" (two and three characters).
ATTACHMENT_LEFT_CHARS = 5
ATTACHMENT_LABEL_CHARS = 3


@dataclass(frozen=True, slots=True)
class Indents:
    """A paragraph's indents in characters of body text: the left edge of every line, the first
    line's start relative to it (negative: hanging) and the right edge."""

    left: int = 0
    first: int = 0
    right: int = 0


def role_indents(role: Role, text: str = "") -> Indents:
    """Where a paragraph of `role` starts and ends on the line (`text` tells the first line of
    an attachment note from the attachments after it)."""
    if role in CENTRED_ROLES or role is Role.ADDRESSEE:
        return Indents()
    if role in RIGHT_ROLES:
        return Indents(right=SIGNATURE_RIGHT_CHARS)
    if role is Role.ATTACHMENT:
        opens = text.lstrip().startswith("附")
        return Indents(ATTACHMENT_LEFT_CHARS, -ATTACHMENT_LABEL_CHARS if opens else 0)
    return Indents(first=2)
