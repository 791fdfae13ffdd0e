"""Labels that name the value: the last touches on a label built from the clause around a
placeholder (issue 15). No Qt here.

The importer builds a label from the words before a placeholder (“实现销售收入”) or after it
(“XX名干部”); this module takes the verbs and time words off its ends (“销售收入”), and gives a
bare rate (“同比增长X%”) the subject it measures, read from the clause before it in the same
sentence (“销售收入同比增长”)."""

from __future__ import annotations

import re

from app.core.placeholders import PLACEHOLDER_CHARS

#: Words that open a clause without naming the value: time, scope and the verb of achieving.
_LEADING = (
    "上半年",
    "下半年",
    "全年",
    "今年",
    "去年",
    "目前",
    "预计",
    "預計",
    "累计",
    "累計",
    "全县",
    "全縣",
    "全镇",
    "全鎮",
    "全市",
    "全区",
    "全區",
    "实现",
    "實現",
    "完成",
    "确保",
    "確保",
    "共",
    "其中",
)
#: Words that close a clause before its number without naming the value.
_TRAILING = ("突破", "登上", "超过", "超過", "达到", "達到", "达", "達", "为", "為", "约", "約")
_RATE = re.compile(r"^(同比|比上年|较上年|較上年)?(增长|增長|下降|增速|增幅)$")
_SUBJECT_STOP = re.compile(r"[，,；;。！？!?：:]")


#: Verbs of achieving inside a clause: the value is named after them (…工业企业累计完成工业总产值).
_INNER = ("累计完成", "累計完成")


def _strip(words: str) -> str:
    for verb in _INNER:
        at = words.rfind(verb)
        if at > 0 and len(words) - at - len(verb) >= 2:
            words = words[at + len(verb) :]
            break
    changed = True
    while changed:
        changed = False
        for word in _LEADING:
            if words.startswith(word) and len(words) > len(word) + 1:
                words, changed = words[len(word) :], True
        for word in _TRAILING:
            if words.endswith(word) and len(words) > len(word) + 1:
                words, changed = words[: -len(word)], True
    return words


def _subject(before: str) -> str:
    """The value named by the clause before the current one, in the same sentence."""
    sentence = re.split(r"[。！？!?]", before)[-1]
    clauses = [c for c in _SUBJECT_STOP.split(sentence) if c]
    for clause in reversed(clauses[:-1]):
        if clause.startswith("占"):
            continue  # 占党员总数的x%: a share, not a subject
        head = clause
        for position, char in enumerate(clause):
            number = char.isdigit() and position > 0 and not clause[:position].isdigit()
            if char in PLACEHOLDER_CHARS or number or char in "[［【(（_＿":
                head = clause[:position]
                break
        head = _strip(head.strip())
        if len(head) >= 2:
            return head[-12:]
    return ""


def subject_of(before: str) -> str:
    """The value named by the clause before the current one (its verbs and time words
    trimmed), or "": the subject of a clause that has none of its own."""
    return _subject(before)


def polish_label(label: str, before: str) -> str:
    """The label with its clause words trimmed, a bare rate or share given its subject
    (“占党员总数” → “妇女党员占党员总数”).

    `before` is the paragraph's text before the placeholder."""
    label = _strip(label)
    if _RATE.match(label) or label.startswith("占"):
        subject = _subject(before)
        if subject:
            return subject + label
    return label


#: What a unit's form line says before its blank, and the profile role it asks for
#: (``联系人：XXX`` is the contact person): the importer proposes the role, and a new report then
#: takes the value from 设置 > 单位信息. Longest words first.
_ROLE_WORDS = (
    ("联系电话", "phone"),
    ("聯繫電話", "phone"),
    ("电话", "phone"),
    ("電話", "phone"),
    ("手机", "phone"),
    ("联系人", "contact_person"),
    ("聯繫人", "contact_person"),
    ("负责人", "person_in_charge"),
    ("負責人", "person_in_charge"),
    ("通讯地址", "address"),
    ("地址", "address"),
    ("单位名称", "unit_name"),
    ("填报单位", "unit_name"),
    ("报送单位", "unit_name"),
    ("填報單位", "unit_name"),
)
_LAYOUT = " \t\u3000"


def propose_role(before: str) -> str | None:
    """The profile role a blank asks for, read from the words right before it (``联系人：``),
    or None. Only a labelled form line counts: ``单位名称：XX``, not a sentence's ``XX``."""
    head = before.rstrip(_LAYOUT)
    if not head.endswith(("：", ":")):
        return None  # no colon: a sentence, not a form line
    head = head[:-1].rstrip(_LAYOUT)
    return next((role for word, role in _ROLE_WORDS if head.endswith(word)), None)
