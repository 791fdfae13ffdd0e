"""Finding the placeholders in a 范文 and guessing what each one stands for.

Writers mark the facts of a model report in several ways: runs of ``X``, full-width ``Ｘ``,
``×`` (often doubled: ``××县``), lower-case ``x``; numbers keep their shape (``X,XXX``, ``X.X``,
``XX.XX``) and years are ``XXXX年`` or ``20XX年``. `find_placeholders` returns each of these as
one placeholder. Letters that belong to a Latin word (``XML``, ``max``, ``Xbox``) and a single
``×``/``x`` between two digits (``3×4``, a multiplication) are not placeholders.

`guess_kind` reads the words right after (and, for 第X and 百分之X, right before) a placeholder:
四个 X before 年 is a year, before 月 a month, before 日 a day, before % a percentage; a
decimal shape is a decimal; before a measure word (个 次 名 项 …, 元 万元 亿元 …) a count or an
amount; anything else is text (``××县``, ``××集团``), with the entity word that follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from app.core.kinds import FieldKind

#: Characters a placeholder is made of.
PLACEHOLDER_CHARS = "XＸｘ×x"
#: Latin letters and digits (ASCII and full-width): a placeholder never touches one.
_LATIN = "A-Za-z0-9Ａ-Ｚａ-ｚ０-９"


class Shape(StrEnum):
    """The shape of a placeholder, which tells a number from a name."""

    RUN = "run"  # XX, ××, ＸＸＸ
    GROUPED = "grouped"  # X,XXX
    DECIMAL = "decimal"  # X.X, XX.XX
    YEAR = "year"  # 20XX (before 年)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder in a paragraph: where it is and what it looks like."""

    start: int
    end: int
    text: str
    shape: Shape


@dataclass(frozen=True, slots=True)
class Guess:
    """What a placeholder probably stands for.

    `unit` is the wording right after it that measures it (余次, 亿元, %, 月); `suffix` the
    entity word after a text placeholder (县, 集团), used to recognise the same entity again.
    """

    kind: FieldKind
    unit: str = ""
    suffix: str = ""


def _class_pattern(char: str) -> str:
    c = re.escape(char)
    grouped = f"(?P<g_{ord(char)}>{c}{{1,3}}(?:,{c}{{3}})+(?:[.．]{c}+)?)"
    decimal = f"(?P<d_{ord(char)}>{c}+[.．]{c}+)"
    return f"{grouped}|{decimal}|{c}+"


_YEAR_SHAPE = (
    f"(?P<year>(?:19|20|１９|２０)(?:[0-9０-９][{PLACEHOLDER_CHARS}]|[{PLACEHOLDER_CHARS}*]{{2}})"
    "(?=\\s?年|[〕\\]］]))"
)
_PATTERN = re.compile(
    f"(?<![{_LATIN}{PLACEHOLDER_CHARS}])"
    f"(?>{_YEAR_SHAPE}|{'|'.join(_class_pattern(c) for c in PLACEHOLDER_CHARS)})"
    f"(?![{_LATIN}])"
)


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in `text`, in order."""
    found: list[Placeholder] = []
    for match in _PATTERN.finditer(text):
        value = match.group(0)
        if match.group("year"):
            shape = Shape.YEAR
        elif any(name.startswith("g_") and match.group(name) for name in _GROUP_NAMES):
            shape = Shape.GROUPED
        elif any(name.startswith("d_") and match.group(name) for name in _GROUP_NAMES):
            shape = Shape.DECIMAL
        else:
            shape = Shape.RUN
        if value in ("×", "x", "ｘ") and _between_digits(text, match.start(), match.end()):
            continue  # 3×4: a multiplication sign, not a placeholder
        found.append(Placeholder(match.start(), match.end(), value, shape))
    return found


_GROUP_NAMES = tuple(name for name in _PATTERN.groupindex if name != "year")


def _between_digits(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(" ")
    after = text[end:].lstrip(" ")
    return bool(before) and bool(after) and before[-1].isdigit() and after[0].isdigit()


# ------------------------------------------------------------------------- kinds

#: Measure words after a number, longest first within each group.
_MONEY = ("美元", "欧元", "港元", "元")
_MEASUREMENT = (
    "个百分点",
    "百分点",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "千瓦时",
    "公里",
    "千米",
    "公顷",
    "公斤",
    "千克",
    "毫米",
    "厘米",
    "毫升",
    "摄氏度",
    "度",
    "兆瓦",
    "千瓦",
    "小时",
    "分钟",
    "亩",
    "吨",
    "米",
    "秒",
    "倍",
)
_COUNT = (
    "人次",
    "户次",
    "个月",
    "课时",
    "学时",
    "个",
    "次",
    "名",
    "项",
    "户",
    "人",
    "件",
    "条",
    "期",
    "份",
    "家",
    "处",
    "所",
    "座",
    "台",
    "辆",
    "套",
    "篇",
    "场",
    "批",
    "轮",
    "支",
    "类",
    "种",
    "位",
    "天",
    "周",
    "年",
    "届",
    "本",
    "册",
    "张",
    "起",
    "宗",
    "笔",
    "例",
    "岁",
    "层",
    "间",
    "栋",
    "门",
    "节",
    "章",
    "株",
    "头",
    "只",
    "匹",
    "架",
    "艘",
    "块",
    "片",
    "盏",
    "道",
    "组",
    "队",
    "班",
    "届",
)
_MEASURE = re.compile(
    "^(?P<mag>[十百千万亿]*)(?P<mod>[余多来]?)(?P<mag2>[十百千万亿]*)(?P<word>"
    + "|".join(
        sorted(
            {*_MONEY, *_MEASUREMENT, *_COUNT},
            key=len,
            reverse=True,
        )
    )
    + ")"
)

#: Words after a text placeholder that name what it is (××县, ××集团), longest first.
ENTITY_SUFFIXES = tuple(
    sorted(
        {
            "省",
            "自治区",
            "市",
            "州",
            "盟",
            "县",
            "区",
            "旗",
            "镇",
            "乡",
            "街道",
            "社区",
            "村",
            "局",
            "分局",
            "厅",
            "委",
            "党委",
            "党组",
            "党支部",
            "支部",
            "党总支",
            "办",
            "办公室",
            "科",
            "股",
            "院",
            "部",
            "中心",
            "站",
            "集团",
            "公司",
            "分公司",
            "企业",
            "单位",
            "部门",
            "学校",
            "大学",
            "学院",
            "中学",
            "小学",
            "医院",
            "银行",
            "协会",
            "商会",
            "工厂",
            "厂",
            "园区",
            "开发区",
            "项目",
            "工程",
            "小组",
            "人民政府",
            "政府",
            "人民法院",
            "人民检察院",
            "法院",
            "检察院",
            "同志",
            "系统",
            "行业",
            "品牌",
            "活动",
            "会议",
            "工作",
            "调研",
            "专项",
            "平台",
            "基地",
            "网格",
            "小区",
            "景区",
            "路",
            "街",
        },
        key=len,
        reverse=True,
    )
)
#: Entity words that would otherwise read as a measure word (××分局 is a name, not 分).
_ENTITY_FIRST = ("分局", "分公司", "人民政府", "人民法院", "人民检察院", "人民医院", "院", "部")

_DATE_YEAR = re.compile(r"^\s?年")
_DATE_MONTH = re.compile(r"^\s?月")
_DATE_DAY = re.compile(r"^\s?[日号]")
#: XX 年 XX 月: a two-character year, known as one by the month that follows it.
_SHORT_YEAR = re.compile(f"^\\s?年\\s?[{PLACEHOLDER_CHARS}0-9０-９]{{1,2}}\\s?月")


def guess_kind(text: str, placeholder: Placeholder) -> Guess:
    """The kind a placeholder probably has, from its shape and the words around it."""
    after = text[placeholder.end :].translate(_SIMPLIFIED)
    before = text[: placeholder.start]
    if after.startswith(("%", "％")):
        return Guess(FieldKind.PERCENT, "%")
    if before.endswith("百分之"):
        return Guess(FieldKind.PERCENT)
    width = len(placeholder.text)
    if _DATE_YEAR.match(after) and (
        placeholder.shape is Shape.YEAR or width == 4 or _SHORT_YEAR.match(after)
    ):
        return Guess(FieldKind.YEAR, "年")
    if placeholder.shape is Shape.YEAR:
        return Guess(FieldKind.YEAR)  # 〔20××〕: the year of a document number
    if placeholder.shape in (Shape.RUN, Shape.YEAR) and width <= 2:
        if _DATE_MONTH.match(after):
            return Guess(FieldKind.MONTH, after[: after.index("月") + 1].strip())
        if _DATE_DAY.match(after) and not before.endswith(("〕", "]", "）")):
            return Guess(FieldKind.DAY, after.lstrip()[0])
    for word in _ENTITY_FIRST:
        if after.startswith(word):
            return Guess(FieldKind.TEXT, suffix=_entity_suffix(after))
    measure = _MEASURE.match(after)
    if measure:
        word = measure.group("word")
        magnitude = measure.group("mag") + measure.group("mag2")
        modifier = measure.group("mod")
        unit = text[placeholder.end : placeholder.end + len(measure.group(0))]
        if placeholder.shape is Shape.DECIMAL:
            return Guess(FieldKind.DECIMAL, unit)
        if word in _MONEY or word in _MEASUREMENT:
            return Guess(FieldKind.DECIMAL, unit)
        if magnitude and not modifier:
            return Guess(FieldKind.DECIMAL, unit)  # X万人 may be 1.5万人
        return Guess(FieldKind.INTEGER, unit)
    if placeholder.shape is Shape.DECIMAL:
        return Guess(FieldKind.DECIMAL)
    if placeholder.shape is Shape.GROUPED:
        return Guess(FieldKind.INTEGER)
    magnitude_only = re.match(r"^[万亿]", after)
    if magnitude_only and placeholder.shape is Shape.RUN and _is_x_like(placeholder.text):
        return Guess(FieldKind.DECIMAL, magnitude_only.group(0))
    if before.endswith("〕") and after.startswith("号"):
        return Guess(FieldKind.INTEGER, "号")  # 〔20××〕×号: the number of a document
    suffix = _entity_suffix(after)
    if before.endswith("第") and not suffix:
        return Guess(FieldKind.INTEGER)
    return Guess(FieldKind.TEXT, suffix=suffix)


# Traditional characters of the units (億元, 萬畝): matched as their simplified twins, kept as written.
_SIMPLIFIED = str.maketrans("億萬畝噸斤戶臺個項萬場次", "亿万亩吨斤户台个项万场次")


def _is_x_like(text: str) -> bool:
    return all(c in PLACEHOLDER_CHARS for c in text)


def _entity_suffix(after: str) -> str:
    for word in ENTITY_SUFFIXES:
        if after.startswith(word):
            if after[len(word) : len(word) + 1] == "长":
                return ""  # xx县长: a person's title, not the county
            return word
    return ""
