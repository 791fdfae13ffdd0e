"""The 公文 parts around and inside the body (GB/T 9704-2012), recognised from their wording.

Two readers use this:

* `app.core.render` asks `lead_heading` whether a body paragraph opens with a heading
  ("（一）标题。正文……", "1.标题。正文……"): the heading part is then set in its level's font.
  Only the template's own wording is read (the literal text, and a field's placeholder, never its
  value), so a value a writer types can never turn a paragraph into a heading.
* `app.core.importer` asks `refine_roles` which paragraphs of an imported 范文 are the subtitle,
  the addressee (主送机关), third- and fourth-level headings, the attachment note (附件：), the
  signature (署名) and the date (成文日期). The importer writes them as explicit directives in the
  template body (``@addressee``, ``@signature`` …), which the body parser reads: whole-paragraph
  roles are never guessed at render time, so a built-in or hand-written template keeps the roles
  its author gave it, and the writer can correct a guess in the body.

Recognition is conservative: a part is recognised by its position (the addressee only before
the first body paragraph, the signature and date only at the end) and its form (a date that is
only a date, an addressee that ends in an organisation or a salutation and a colon, a signature
with no sentence punctuation). A closing formula (特此报告。) stays a body paragraph.
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


# ------------------------------------------------------------------ the importer's parts

_DATE = re.compile(
    r"^[（(]?\s*"
    r"[0-9０-９XxＸｘ×*＊_＿〇○ＯO零一二三四五六七八九]{2,4}\s*年\s*"
    r"[0-9０-９XxＸｘ×*＊_＿〇○零一二三四五六七八九十]{1,3}\s*月\s*"
    r"[0-9０-９XxＸｘ×*＊_＿〇○零一二三四五六七八九十]{1,3}\s*日\s*[）)]?$"
)
#: What an addressee or a salutation ends with, before its colon: an organisation, a group of
#: people, a person.
_ADDRESSEE_END = re.compile(
    r"(?:委|政府|部|局|厅|办|院|会|处|室|科|所|站|队|中心|单位|部门|机关|机构|组|公司|集团|学校"
    r"|大学|校|医院|银行|社|代表|同志|们|朋友|领导|嘉宾|先生|女士|委员|主任|书记|长|乡镇|街道"
    r"|村|社区|支部|党委|党组|各位|来宾)$"
)
_SIGNATURE_END = re.compile(
    r"(?:委|政府|部|局|厅|办|院|会|处|室|科|所|站|队|中心|组|公司|集团|学校|大学|医院|支部|党委"
    r"|党组|[（(](?:盖?章|印)[）)])$"
)
_ATTACHMENT = re.compile(r"^附\s*件\s*[：:]")
_ATTACHMENT_ITEM = re.compile(r"^\d{1,2}\s*[.．、](?![\d０-９])")
_SUBTITLE = re.compile(r"^(?:——|—|－－|--)|^[（(].*[）)]$")
_LINE_MAX = 40


def is_date(text: str) -> bool:
    """Whether `text` is a date and nothing else (2023年5月10日, 20××年×月×日, 二〇二三年五月十日,
    in brackets or not)."""
    return bool(_DATE.match(text.strip()))


def _plain(text: str) -> bool:
    """Short and with no sentence punctuation."""
    return len(text) <= _LINE_MAX and not any(c in text for c in SENTENCE_PUNCTUATION + "：:")


def is_addressee(text: str) -> bool:
    """A 主送机关 or a salutation: names ending in an organisation or people, then a colon."""
    if not text.endswith(("：", ":")) or len(text) > 60:
        return False
    names = text[:-1].strip()
    if not names or any(c in names for c in "。！？；：:!?;"):
        return False
    last = re.split("[、，,]", names)[-1].strip()
    return bool(_ADDRESSEE_END.search(last))


def refine_roles(paragraphs: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    """The roles of an imported 范文's paragraphs with the 公文 parts recognised: `roles` gives
    the title and headings already found; only body paragraphs change role."""
    result = list(roles)
    count = len(paragraphs)
    body = [index for index, role in enumerate(result) if role is Role.BODY]
    if not body:
        return result
    _refine_top(paragraphs, result)
    end = _refine_closing(paragraphs, result)
    for index in range(count):
        text = paragraphs[index]
        if result[index] is not Role.BODY or index >= end:
            continue
        if _ATTACHMENT.match(text) and len(text) <= 2 * _LINE_MAX and "。" not in text:
            result[index] = Role.ATTACHMENT
            following = index + 1
            while (
                following < count
                and result[following] is Role.BODY
                and _ATTACHMENT_ITEM.match(paragraphs[following])
                and _plain(paragraphs[following].replace("、", ""))
            ):
                result[following] = Role.ATTACHMENT
                following += 1
            continue
        level = heading_level(text)
        if level in (Role.HEADING3, Role.HEADING4) and _heading_line(text):
            if index > 0 and result[index - 1] is Role.ATTACHMENT:
                continue
            result[index] = level
    return result


def _heading_line(text: str) -> bool:
    inner = text.rstrip("。")
    return len(text) <= _LINE_MAX and not any(c in inner for c in "。！？；!?;")


def _refine_top(paragraphs: Sequence[str], roles: list[Role]) -> None:
    """Subtitle lines under the title, then the addressee before the first body paragraph."""
    index = 0
    if roles and roles[0] is Role.TITLE:
        index = 1
        while index < len(roles) and roles[index] is Role.BODY:
            text = paragraphs[index]
            if not (_plain(text.replace("：", "")) and _SUBTITLE.match(text)):
                break
            roles[index] = Role.SUBTITLE
            index += 1
    if index < len(roles) and roles[index] is Role.BODY and is_addressee(paragraphs[index]):
        roles[index] = Role.ADDRESSEE


def _refine_closing(paragraphs: Sequence[str], roles: list[Role]) -> int:
    """The date and the signature(s) at the end; returns where they start."""
    index = len(paragraphs) - 1
    if index < 1 or roles[index] is not Role.BODY:
        return len(paragraphs)
    if is_date(paragraphs[index]):
        roles[index] = Role.DATE
        index -= 1
        signatures = 0
        while (
            index > 0
            and signatures < 3
            and roles[index] is Role.BODY
            and _plain(paragraphs[index])
            and heading_level(paragraphs[index]) is None
            and not _ATTACHMENT.match(paragraphs[index])
        ):
            roles[index] = Role.SIGNATURE
            signatures += 1
            index -= 1
        return index + 1
    text = paragraphs[index]
    if _plain(text) and heading_level(text) is None and _SIGNATURE_END.search(text):
        roles[index] = Role.SIGNATURE
        return index
    return len(paragraphs)
