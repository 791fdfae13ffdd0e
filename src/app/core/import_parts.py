"""The importer's reading of the 公文 parts (GB/T 9704-2012) around an imported 范文's body.

`refine_roles` says which paragraphs are the subtitle, the addressee (主送机关), third- and
fourth-level headings, the attachment note (附件：), the signature (署名) and the date
(成文日期). The importer writes them as explicit directives in the template body
(``@addressee``, ``@signature`` …), which the body parser reads: whole-paragraph roles are never
guessed at render time, so a built-in or hand-written template keeps the roles its author gave
it, and the writer can correct a guess in the body.

Recognition is conservative: a part is recognised by its position (the addressee only before
the first body paragraph, the signature and date only at the end) and its form (a date that is
only a date, an addressee that ends in an organisation or a salutation and a colon, a signature
with no sentence punctuation). A closing formula (特此报告。) stays a body paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.document import Role
from app.core.gongwen import SENTENCE_PUNCTUATION, heading_level

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
