"""The fields of an imported 范文: which placeholders are one fact, their kinds, labels and keys
(issue 15). Split from `app.core.importer`, which reads the source and makes the plan. No Qt.

A number or a date is a fact of its own place; only the same named place or organisation is
merged. A label is a short noun phrase for the value, from the clause around the placeholder
(`app.core.labels` trims it)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from app.core.document import Role
from app.core.kinds import FieldKind
from app.core.labels import polish_label, propose_role, subject_of
from app.core.placeholders import PLACEHOLDER_CHARS, Guess, Placeholder, Shape, guess_kind
from app.core.template_edit import GENERAL_SECTION, FieldDraft

LAYOUT_SPACE = " \t\u3000\r"
_SENTENCE_END = "。！？；!?;"
_CLAUSE_STOP = frozenset("，。；：！？,;:!?（）()\n")
_KEY_BASE = {
    FieldKind.TEXT: "name",
    FieldKind.INTEGER: "count",
    FieldKind.DECIMAL: "amount",
    FieldKind.PERCENT: "rate",
    FieldKind.YEAR: "year",
    FieldKind.MONTH: "month",
    FieldKind.DAY: "day",
}
_DATE_PART = {FieldKind.YEAR: "年", FieldKind.MONTH: "月", FieldKind.DAY: "日"}
_TRAILING_WORDS = tuple(
    sorted(
        {
            "降至",
            "压缩至",
            "缩短至",
            "缩短到",
            "控制在",
            "保持在",
            "稳定在",
            "降低到",
            "提升到",
            "提高到",
            "降低至",
            "减少至",
            "增至",
            "增加至",
            "提升至",
            "提高至",
            "达到",
            "共计",
            "累计",
            "合计",
            "总计",
            "超过",
            "分别为",
            "分别",
            "帮助",
            "为",
            "达",
            "约",
            "近",
            "超",
            "共",
            "计",
            "有",
            "等",
            "了",
            "至",
            "与",
            "对",
            "向",
            "给",
            "是",
            "的",
            "各",
            "于",
            "在",
            "截至",
            "从",
            "自",
            "、",
            "和",
            "及",
        },
        key=len,
        reverse=True,
    )
)
_LEADING_WORDS = (
    "其中",
    "并且",
    "并",
    "共",
    "先后",
    "另外",
    "同时",
    "还",
    "目前",
    "对",
    "、",
    "和",
    "及",
    "的",
)
_FUNCTION_CHARS = frozenset("的和与及等在是了、为对把被从向给也都")


@dataclass(frozen=True, slots=True)
class FoundPlace:
    """A placeholder found in the source and what the importer made of it."""

    paragraph: int
    placeholder: Placeholder
    guess: Guess
    key: str

    @property
    def text(self) -> str:
        """The placeholder as written in the source."""
        return self.placeholder.text


class _Analysis:
    """Kinds, entities, labels and keys for the placeholders of a source."""

    def __init__(
        self,
        paragraphs: list[str],
        roles: list[tuple[Role, str]],
        found: list[list[Placeholder]],
    ) -> None:
        self.paragraphs = paragraphs
        self.roles = roles
        self.found = found
        self._number_labels: dict[tuple[int, int], tuple[str, bool]] = {}
        self.guesses = [
            [guess_kind(t, p) for p in ps] for t, ps in zip(paragraphs, found, strict=True)
        ]

    def fields(self) -> tuple[list[FieldDraft], list[FoundPlace], list[str]]:
        groups: dict[object, list[tuple[int, int]]] = {}
        order: list[object] = []
        listed: set[object] = set()  # names listed side by side (XX社区、XX社区): not one
        for p_index, paragraph_places in enumerate(self.found):
            for index in range(len(paragraph_places)):
                entity = self._entity(p_index, index)
                if entity is not None and entity in groups:
                    last_p, last_i = groups[entity][-1]
                    if (last_p, last_i) == (p_index, index - 1) and self._listed(p_index, index):
                        listed.add(entity)
                    if entity in listed:
                        entity = None
                group = entity if entity is not None else ("place", p_index, index)
                if group not in groups:
                    groups[group] = []
                    order.append(group)
                groups[group].append((p_index, index))
        counters: Counter[str] = Counter()
        fields: list[FieldDraft] = []
        key_of: dict[tuple[int, int], str] = {}
        entities: list[str] = []
        labels: Counter[str] = Counter()
        firsts: dict[str, tuple[int, int]] = {}
        for group in order:
            members = groups[group]
            first_p, first_i = members[0]
            guess = self.guesses[first_p][first_i]
            base = _KEY_BASE[guess.kind]
            counters[base] += 1
            key = f"{base}_{counters[base]}"
            label = self._label(first_p, first_i, merged=len(members) > 1)
            if guess.kind in (FieldKind.INTEGER, FieldKind.DECIMAL, FieldKind.PERCENT):
                before = _head(self.paragraphs[first_p], self.found[first_p][first_i].start)
                label = polish_label(label, before)
            labels[label] += 1
            sections = {self.roles[p][1] for p, _i in members}
            section = sections.pop() if len(sections) == 1 else ""
            role = propose_role(_head(self.paragraphs[first_p], self.found[first_p][first_i].start))
            fields.append(
                FieldDraft(
                    key=key,
                    label=label,
                    # a phone number or a name from the unit's profile is text
                    kind=FieldKind.TEXT if role else guess.kind,
                    section=section or GENERAL_SECTION,
                    placeholder=self.found[first_p][first_i].text,
                    unit="" if role else guess.unit,
                    hint=self._hint(members),
                    settings={"role": role} if role else {},
                )
            )
            firsts[key] = members[0]
            for member in members:
                key_of[member] = key
            if len(members) > 1:
                entities.append(key)
        self._share_out(fields, firsts)
        self._tell_apart(fields, firsts)
        places = [
            FoundPlace(p, self.found[p][i], self.guesses[p][i], key_of[(p, i)])
            for p in range(len(self.found))
            for i in range(len(self.found[p]))
        ]
        return fields, places, entities

    def _share_out(self, fields: list[FieldDraft], firsts: dict[str, tuple[int, int]]) -> None:
        """Values listed after 分别 (一、二、三产增加值分别增长x%、x%和x%) take one item of
        the list each: 一产增加值增长, 二产增加值增长, 三产增加值增长."""
        index = 0
        while index < len(fields):
            label = fields[index].label
            run = [fields[index]]
            while (
                index + len(run) < len(fields)
                and fields[index + len(run)].label == label
                and firsts[fields[index + len(run)].key][0] == firsts[run[0].key][0]
            ):
                run.append(fields[index + len(run)])
            items = _listed_items(label, len(run))
            if items:
                for draft, item in zip(run, items, strict=True):
                    draft.label = item
            index += len(run)

    def _tell_apart(self, fields: list[FieldDraft], firsts: dict[str, tuple[int, int]]) -> None:
        """Fields that would have the same label are told apart by the nearest words that
        differ (“地区生产总值（实现）”, “地区生产总值（完成）”; the words after the blank when
        there are none before it); a number only where the words are the same too."""
        by_label: dict[str, list[FieldDraft]] = {}
        for draft in fields:
            by_label.setdefault(draft.label, []).append(draft)
        for label, drafts in by_label.items():
            if len(drafts) < 2:
                continue
            words = [self._near_words(*firsts[d.key], label) for d in drafts]
            options = [
                [w[1:][-width:] if w[0] == "<" else w[1 : width + 1] for w in words]
                for width in range(2, 9)
            ]
            tails = max(options, key=lambda t: len(set(t)))  # the shortest that differ most
            seen: dict[str, int] = {}
            for draft, tail in zip(drafts, tails, strict=True):
                seen[tail] = seen.get(tail, 0) + 1
                if not tail:
                    draft.label = f"{label}（{seen[tail]}）" if seen[tail] > 1 else label
                elif seen[tail] > 1:
                    draft.label = f"{label}（{tail}，{seen[tail]}）"  # the same words: last resort
                else:
                    draft.label = f"{label}（{tail}）"

    def _near_words(self, p_index: int, index: int, label: str) -> str:
        """The words before a placeholder (marked "<"), or after it (">") when there are
        fewer than two before it; only Chinese characters and Latin letters, no marks."""
        text = self.paragraphs[p_index]
        place = self.found[p_index][index]

        def words(part: str) -> str:
            return "".join(
                c for c in part if (_is_cjk(c) or c.isalnum()) and c not in PLACEHOLDER_CHARS
            )

        before = words(_head(text, place.start))[-16:].removesuffix(words(label))
        for verb in _VERBS:  # 实现/完成 tell nothing apart: the words before them do
            if len(before) > len(verb) + 1:
                before = before.removesuffix(verb)
        if len(before) >= 2:
            return "<" + before
        return ">" + words(text[place.end : place.end + 12])

    # ------------------------------------------------------------------ entities

    def _entity(self, p_index: int, index: int) -> object | None:
        """What makes two placeholders the same thing, or None when this one stands alone.

        A number or a date is a fact of its own place: it is never merged (five 同比增长X% are
        five rates). Only the name of an organisation or a place is merged, and only with the
        same placeholder and the same word after it (××县 … ××县); a person (×××同志) stands
        alone, as two people are written alike."""
        place = self.found[p_index][index]
        guess = self.guesses[p_index][index]
        if guess.kind is not FieldKind.TEXT:
            return None
        if guess.suffix in _PERSON_WORDS:
            return None
        if guess.suffix:
            return ("text", place.text, guess.suffix)
        return None

    def _listed(self, p_index: int, index: int) -> bool:
        """Whether a name follows the same name in a list (到xxx村和xxx村, XX社区、XX社区):
        two places, not one said twice."""
        previous = self.found[p_index][index - 1]
        between = self.paragraphs[p_index][previous.end : self.found[p_index][index].start]
        suffix = self.guesses[p_index][index - 1].suffix
        return between.startswith(suffix) and between[len(suffix) :].strip() in _LIST_WORDS

    def _before(self, p_index: int, index: int, width: int) -> str:
        """Up to `width` characters before a placeholder, within its clause and after the
        previous placeholder."""
        text = self.paragraphs[p_index]
        floor = self.found[p_index][index - 1].end if index > 0 else 0
        start = self.found[p_index][index].start
        segment = text[floor:start]
        for position in range(len(segment) - 1, -1, -1):
            if segment[position] in _CLAUSE_STOP:
                segment = segment[position + 1 :]
                break
        return segment[-width:]

    # ------------------------------------------------------------------ labels

    def _label(self, p_index: int, index: int, merged: bool) -> str:
        text = self.paragraphs[p_index]
        places = self.found[p_index]
        place = places[index]
        guess = self.guesses[p_index][index]
        floor = places[index - 1].end if index > 0 else 0
        before_raw, shared = _clause_before(text, floor, place.start)
        if guess.kind is FieldKind.TEXT:
            return self._text_label(p_index, index, before_raw, shared)
        if _head(text, place.start).endswith("〔"):
            return "文号（年份）"  # 〔20××〕×号
        if guess.unit == "号" and _head(text, place.start).endswith("〕"):
            return "文号（序号）"
        if guess.kind in _DATE_PART:
            part = {"年": "年份", "月": "月份", "日": "日"}[_DATE_PART[guess.kind]]
            if guess.kind is FieldKind.YEAR and merged:
                return "年份"
            start = index
            while (
                start > 0
                and self.guesses[p_index][start - 1].kind in _DATE_PART
                and _joined(
                    text, places[start - 1], self.guesses[p_index][start - 1], places[start]
                )
            ):
                start -= 1
            end = index
            while (
                end + 1 < len(places)
                and self.guesses[p_index][end + 1].kind in _DATE_PART
                and _joined(text, places[end], self.guesses[p_index][end], places[end + 1])
            ):
                end += 1
            group_floor = places[start - 1].end if start > 0 else 0
            before_date = _clause_before(text, group_floor, places[start].start)[0]
            if guess.kind is FieldKind.MONTH and re.search(r"1\s*[-—－~～至到]\s*$", before_date):
                return "统计截至月份"  # 1-X月: the figures run from January to month X
            context = _clean(before_date.rstrip("0123456789-—－~～至到年月 "))[-12:]
            marked = [i for i, c in enumerate(context) if c in PLACEHOLDER_CHARS]
            if marked:
                context = _clean(context[marked[-1] + 1 :])
            dated = before_date.rstrip().endswith(("于", "於"))
            if len(context) < 2 or dated:
                tail = text[places[end].end + len(self.guesses[p_index][end].unit) :][:_WINDOW]
                following = _clean(_next_clause(tail))
                marks = [i for i, c in enumerate(following) if c in PLACEHOLDER_CHARS]
                if marks and len(_clean(following[: marks[0]])) >= 2:
                    following = _clean(following[: marks[0]])  # 于XXXX年毕业于XX大学: 毕业
                elif marks:
                    following = following[marks[-1] + 1 :]
                if tail.lstrip().startswith(("至", "到", "-", "—", "～", "~")):
                    context = "开始日期"
                elif dated and len(following) >= 2:
                    context = following[:12]  # 于X月X日召开了组织生活会: the event dated
                elif re.search(r"[至到\-—～~]\s*$", before_date):
                    context = "结束日期"
                elif (
                    len(following) >= 4
                    and not tail.lstrip("，, ")[:1].isdigit()
                    and not following.startswith(_NOT_SUBJECT)
                ):
                    context = following[:12]
                elif start == end and guess.kind is FieldKind.YEAR:
                    return "年份"
                else:
                    context = "日期"
            return f"{context}（{part}）"
        return self._number_label(p_index, index)[0]

    def _text_label(self, p_index: int, index: int, before_raw: str, shared: bool) -> str:
        """The label of a name, a time, an address part or a worded blank."""
        text = self.paragraphs[p_index]
        place = self.found[p_index][index]
        guess = self.guesses[p_index][index]
        after = text[place.end : place.end + _WINDOW]
        head = _head(text, place.start).rstrip(LAYOUT_SPACE)
        if place.shape is Shape.WORDED:
            return _clean(place.text[1:-1])[:16] or "内容"  # [具体区域]: its own words
        if place.shape is Shape.JOINED and re.search("[:：]", place.text):
            return "时间"
        if after.startswith(("先生", "女士", "同志", *_TITLES)) or _clean(before_raw).endswith(
            _TITLES
        ):
            return "姓名"
        if shared and _clean(before_raw) in ("", "、", "和") and self._person(p_index, index - 1):
            return "姓名"  # xxx、xxx: the second of two people
        if guess.suffix:
            return "姓名" if guess.suffix == "同志" else f"{guess.suffix}名称"
        if head.endswith((":", "：")):  # 电话：XXXX-XXXXXXX, 单位名称(盖章):XXXXXXX
            bare = re.sub(r"[（(][^（）()]*[）)]", "", head[:-1])  # 单位名称(盖章):
            words = _clean(_clause_before(bare, 0, len(bare))[0])
            if len(words) >= 2:
                return words[-12:]
        if re.match("^[^，。；〔]{0,10}〔", after):
            return "发文代字"  # x“美丽办”发〔20xx〕24号, ××组通〔201×〕××号
        if after.startswith("人") and not after.startswith(("人次", "人数")):
            return "地名"  # XX人用辛勤汗水: the people of XX
        for word, label in _ADDRESS_PARTS:
            if after.startswith(word):
                return label
        before = _clean(before_raw)
        if len(before) >= 2 and not shared:
            return before[-16:]
        following = re.match("[\u4e00-\u9fff]{2,12}", after)
        if following:
            word = re.split(f"[{_NAME_BOUNDARY}]", following.group(0))[0]
            if len(word) >= 2:
                return f"{word}名称"  # xx新集镇距x县城: the 新集镇's name
        wide_before = _clause_before(text, max(0, place.start - _WINDOW), place.start)[0][-8:]
        wide_after = _clause_after(text, place.end, min(len(text), place.end + _WINDOW))[:8]
        return f"名称（{wide_after}）" if wide_after else f"{wide_before}名称"

    def _person(self, p_index: int, index: int) -> bool:
        """Whether a blank is a person's name, looking back along a list (干部xxx、xxx、xxx)."""
        text = self.paragraphs[p_index]
        for current in range(index, max(-1, index - 20), -1):
            place = self.found[p_index][current]
            floor = self.found[p_index][current - 1].end if current > 0 else 0
            before_raw, shared = _clause_before(text, floor, place.start)
            before = _clean(before_raw)
            if before.endswith(_TITLES) or text[place.end :].startswith(("先生", "女士", "同志")):
                return True
            if not shared or before not in ("", "、", "和"):
                return False
        return False

    def _number_label(self, p_index: int, index: int) -> tuple[str, bool]:
        """The label of a number placeholder, and whether it was taken from the words after it
        (“XX名干部”) rather than before it (“讲党课XX次”): the words between two placeholders
        of one clause belong to the first when it took its label from them."""
        memo_key = (p_index, index)
        if memo_key in self._number_labels:
            return self._number_labels[memo_key]
        text = self.paragraphs[p_index]
        places = self.found[p_index]
        place = places[index]
        guess = self.guesses[p_index][index]
        floor = places[index - 1].end if index > 0 else 0
        ceiling = places[index + 1].start if index + 1 < len(places) else len(text)
        before_raw, shared = _clause_before(text, floor, place.start)
        previous: tuple[str, bool] | None = None
        if shared:
            previous_guess = self.guesses[p_index][index - 1]
            before_raw = _strip_unit(before_raw, previous_guess.unit or previous_guess.suffix)
            if previous_guess.kind in _DATE_PART or previous_guess.kind is FieldKind.TEXT:
                previous = None
            else:
                previous = self._number_label(p_index, index - 1)
                if previous[1]:  # 辖X个社区、常住人口X万人: "社区" was the previous one's
                    cut = max(before_raw.rfind("、"), before_raw.rfind("，"))
                    before_raw = before_raw[cut + 1 :] if cut >= 0 else ""
        before = _clean(before_raw)
        after_raw = _clause_after(text, place.end, ceiling)
        after = _clean(_strip_unit(after_raw, guess.unit).split("、", 1)[0], True)
        result: tuple[str, bool]
        if previous is not None and previous[1] and len(after) >= 2:
            result = (_shorten(after, from_end=False), True)
        elif before.endswith(_HAVE_VERBS) and len(after) >= 2:
            result = (_shorten(after, from_end=False), True)  # 党委下设X个党支部: 党支部
        elif len(before) >= 4 or (len(before) >= 2 and len(after) < 2):
            result = (_shorten(before), False)
        elif len(before) >= 2:
            result = (before + _shorten(after, from_end=False, width=10), True)
        elif len(after) >= 2:
            result = (_shorten(after, from_end=False), True)
        elif previous is not None:
            result = previous
        elif len(subject_of(_head(text, place.start))) >= 2:
            result = (subject_of(_head(text, place.start)), False)  # 销售额达到峰值,为[X]元
        else:
            result = (
                {
                    FieldKind.INTEGER: "数量",
                    FieldKind.DECIMAL: "数值",
                    FieldKind.PERCENT: "百分比",
                }.get(guess.kind, "数值"),
                False,
            )
        self._number_labels[memo_key] = result
        return result

    def _hint(self, members: list[tuple[int, int]]) -> str:
        p_index, index = members[0]
        text = self.paragraphs[p_index]
        place = self.found[p_index][index]
        left = text[max(0, place.start - 12) : place.start]
        right = text[place.end : place.end + 12]
        snippet = (
            ("…" if place.start > 12 else "")
            + left
            + f"【{place.text}】"
            + right
            + ("…" if place.end + 12 < len(text) else "")
        )
        if len(members) > 1:
            return f"原文共{len(members)}处，第一处：{snippet}"
        return f"原文：{snippet}"


#: Words before a blank that make it a person's name (干部xxx, 局长XX, 本人XX).
_TITLES = (
    "干部",
    "局长",
    "书记",
    "主任",
    "员工",
    "本人",
    "联系人",
    "负责人",
    "县长",
    "镇长",
    "市长",
    "乡长",
    "村长",
    "经理",
    "职工",
    "科长",
    "处长",
    "部长",
    "校长",
    "院长",
    "所长",
    "站长",
)
#: Parts of an address after a blank (XX路XX号XX楼): what the blank is.
_ADDRESS_PARTS = (
    ("号楼", "楼号"),
    ("号", "门牌号"),
    ("楼", "楼号"),
    ("室", "房间号"),
    ("单元", "单元号"),
)
#: Verbs before a count that say nothing of it: the words after the count name it.
_HAVE_VERBS = ("下设", "设有", "拥有", "辖", "包括", "组建", "成立", "新建", "建成")
_VERBS = ("实现", "完成", "确保", "累计", "达到", "突破", "共", "为", "是", "有")
_NAME_BOUNDARY = "距位于在是为的有和与及将对向从，。、"
_LIST_WORDS = frozenset({"、", "和", "与", "及", "以及", ",", "，", "或"})
#: Words opening a clause that is not the subject of the sentence (在市委的领导下, 利用X天).
_NOT_SUBJECT = ("在", "按照", "根据", "对", "由", "于", "利用", "经", "为", "从")
_PERSON_WORDS = frozenset({"同志", "先生", "女士", "书记", "主任", "局长", "县长", "镇长"})


#: How far around a placeholder its words are read (a 1 MB paragraph stays linear).
_WINDOW = 200


def _head(text: str, start: int) -> str:
    """The words before `start`, at most `_WINDOW` of them."""
    return text[max(0, start - _WINDOW) : start]


def _listed_items(label: str, count: int) -> list[str]:
    """The labels of `count` values listed after 分别 in `label`, or [] when it has no list of
    that many items (一、二、三產增加值分別同比增長 → 一產增加值同比增長, …)."""
    match = re.match("^(?P<head>.+?)(?:分别|分別)(?P<tail>.*)$", label)
    if match is None or count < 2:
        return []
    items = re.split("[、和及与與]", match.group("head"))
    if len(items) != count or not all(items):
        return []
    width = len(items[0])
    shared = ""
    if all(len(item) == width for item in items[:-1]) and len(items[-1]) > width:
        shared = items[-1][width:]  # 一、二、三產增加值: 產增加值 is every item's
        items[-1] = items[-1][:width]
    return [item + shared + match.group("tail") for item in items]


def _joined(text: str, first: Placeholder, guess: Guess, second: Placeholder) -> bool:
    """Whether two date parts are one date (X年X月, XX 年 XX 月): only their unit between."""
    return text[first.end : second.start].strip(" \u3000") == guess.unit


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _clause_before(text: str, floor: int, start: int) -> tuple[str, bool]:
    """The words before `start` back to a clause stop; True when that reaches `floor` (the
    previous placeholder) rather than a stop or the paragraph's start."""
    segment = text[floor:start]
    for position in range(len(segment) - 1, -1, -1):
        if segment[position] in _CLAUSE_STOP:
            return segment[position + 1 :], False
    return segment, floor > 0


def _clause_after(text: str, end: int, ceiling: int) -> str:
    segment = text[end:ceiling]
    for position, char in enumerate(segment):
        if char in _CLAUSE_STOP:
            return segment[:position]
    return segment


def _clause_prefix(text: str, width: int) -> str:
    for position, char in enumerate(text[:width]):
        if char in _CLAUSE_STOP:
            return text[:position]
    return text[:width]


def _next_clause(text: str) -> str:
    """The first clause of `text` that has words (skipping stops at its start)."""
    stripped = text.lstrip("".join(_CLAUSE_STOP) + LAYOUT_SPACE)
    return _clause_after(stripped, 0, len(stripped))


def _strip_unit(after: str, unit: str) -> str:
    return after[len(unit) :] if unit and after.startswith(unit) else after


_BOUNDARIES = "、的向对在将把从与和及为"


def _shorten(words: str, from_end: bool = True, width: int = 16) -> str:
    """At most `width` characters of a label: the end of the words before a placeholder (cut
    after a boundary word where one is near) or the start of the words after it."""
    if len(words) <= width:
        return words
    if not from_end:
        return words[:width]
    cut = words[-width - 4 :]
    for position, char in enumerate(cut):
        if char in _BOUNDARIES and len(cut) - position - 1 <= width and position < 8:
            return cut[position + 1 :]
    return words[-width:]


def _clean(words: str, leading_only: bool = False) -> str:
    """Words around a placeholder made into a label: function words at the ends dropped."""
    words = words.strip(LAYOUT_SPACE)
    changed = True
    while changed and words:
        changed = False
        for prefix in _LEADING_WORDS:
            if words.startswith(prefix) and len(words) > len(prefix):
                words = words[len(prefix) :]
                changed = True
        if not leading_only:
            for suffix in _TRAILING_WORDS:
                if words.endswith(suffix):
                    words = words[: -len(suffix)]
                    changed = True
                    break
    words = words.strip(LAYOUT_SPACE + "、")
    if words.count("“") != words.count("”"):
        words = words.replace("“", "").replace("”", "")
    return words
