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

import bisect
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

    RUN = "run"  # XX, ××, ＸＸＸ, [X], 【XX】, X X
    GROUPED = "grouped"  # X,XXX
    DECIMAL = "decimal"  # X.X, XX.XX, [X.X]
    YEAR = "year"  # 20XX (before 年)
    WORDED = "worded"  # [具体区域]: a blank that says in words what goes in it
    BLANK = "blank"  # ____, （　）, 某某: an empty space of no particular width
    JOINED = "joined"  # XX:XX (a time), XXXX-XXXXXXX (a telephone number)


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder in a paragraph: where it is and what it looks like.

    `width` is the number of marks in it (4 for 20XX, 1 for [X]); `suspect` says why the run is
    probably not a blank at all (X光, an e-mail address), "" when it is one."""

    start: int
    end: int
    text: str
    shape: Shape
    width: int = 0
    suspect: str = ""


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
    f"(?=\\s?年|[〕\\]］]|/[{PLACEHOLDER_CHARS}0-9]))"
)
_PATTERN = re.compile(
    f"(?<![{_LATIN}{PLACEHOLDER_CHARS}])"
    f"(?>{_YEAR_SHAPE}|{'|'.join(_class_pattern(c) for c in PLACEHOLDER_CHARS)})"
    f"(?![{_LATIN}])"
)


def find_placeholders(text: str) -> list[Placeholder]:
    """Every placeholder in `text`, in order (runs that are probably not blanks included, with
    their `suspect` reason: the importer keeps those as text unless the writer says otherwise)."""
    styled = _styled(text)
    ends = [p.end for p in styled]  # sorted, as the styled blanks do not overlap
    found: list[Placeholder] = list(styled)
    for match in _PATTERN.finditer(text):
        at = bisect.bisect_right(ends, match.start())
        if at < len(styled) and styled[at].start < match.end():
            continue  # inside [X], X X or XX:XX, found as a whole
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
        width = sum(1 for c in value if c in PLACEHOLDER_CHARS or c == "*")
        found.append(
            Placeholder(
                match.start(),
                match.end(),
                value,
                shape,
                width,
                _suspect(text, match.start(), match.end()),
            )
        )
    found.sort(key=lambda p: p.start)
    return found


# ------------------------------------------------------------------------- other blank styles

_X = f"[{PLACEHOLDER_CHARS}]"
#: [X], ［XX］, 【XX】, [X.X]: a run in brackets, the brackets part of the blank.
_BRACKETED = re.compile(f"[\\[［【]\\s?(?P<inner>{_X}+(?:[.．,]{_X}+)*)\\s?[\\]］】]")
#: [具体区域], ［新产品名称］: a blank that names what goes in it (square brackets only: 【发文日期】
#: and 【2016】 are headings and document numbers).
_WORDED = re.compile("[\\[［](?P<inner>[^\\[\\]［］【】\\n。；！？]{1,30})[\\]］]")
_UNDERSCORES = re.compile("_{2,}|＿+")
_EMPTY_BRACKETS = re.compile("[（(][ \u3000\u00a0]*[）)]")
#: 某某 (某某同志, 某某县); 某 alone only before a name word (某县, 某先生, 某公司), and 某年某月某日.
_MOU = re.compile(
    "某{2,}"
    "|某(?=(?:先生|女士|同志|省|市|县|区|镇|乡|村|街道|社区|公司|集团|企业|单位|部门|局|厂|学校"
    "|医院|银行|小区|中心)(?!场|域|部|村|级|长|民|份))"
    "|某(?=[年月]某)|(?<=[年月])某(?=[月日号])"
)
_SPACED = re.compile("|".join(f"{re.escape(c)}(?:[ \u3000]{re.escape(c)})+" for c in "XＸ×xｘ"))
_TIME = re.compile(f"{_X}{{1,2}}[:：]{_X}{{2}}")
_PHONE = re.compile(f"{_X}{{3,4}}(?:-{_X}{{3,8}})+")
_LATIN_CLASS = re.compile(f"[{_LATIN}]")


def _styled(text: str) -> list[Placeholder]:
    """The blank styles other than a bare run, longest first where two overlap."""
    candidates: list[Placeholder] = []
    for match in _BRACKETED.finditer(text):
        inner = match.group("inner")
        shape = Shape.DECIMAL if re.search("[.．]", inner) else Shape.RUN
        shape = Shape.GROUPED if "," in inner else shape
        candidates.append(_make(text, match, shape, sum(c in PLACEHOLDER_CHARS for c in inner)))
    for match in _WORDED.finditer(text):
        inner = match.group("inner").strip()
        if any(_is_cjk(c) for c in inner) and not all(c in PLACEHOLDER_CHARS for c in inner):
            candidates.append(_make(text, match, Shape.WORDED, 0))
    for pattern in (_UNDERSCORES, _EMPTY_BRACKETS, _MOU):
        for match in pattern.finditer(text):
            candidates.append(_make(text, match, Shape.BLANK, len(match.group(0))))
    for pattern in (_SPACED, _TIME, _PHONE):
        for match in pattern.finditer(text):
            if _LATIN_CLASS.match(text[match.end() : match.end() + 1]) or (
                match.start() > 0 and _LATIN_CLASS.match(text[match.start() - 1])
            ):
                continue
            shape = Shape.RUN if pattern is _SPACED else Shape.JOINED
            width = sum(c in PLACEHOLDER_CHARS for c in match.group(0))
            candidates.append(_make(text, match, shape, width))
    candidates.sort(key=lambda p: (p.start, -(p.end - p.start)))
    chosen: list[Placeholder] = []
    for candidate in candidates:
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    return chosen


def _make(text: str, match: re.Match[str], shape: Shape, width: int) -> Placeholder:
    start, end = match.start(), match.end()
    suspect = _suspect(text, start, end) if shape is Shape.RUN else ""
    return Placeholder(start, end, match.group(0), shape, width, suspect)


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


#: Words an X begins that are not blanks: X光, X射线, X轴, X染色体.
_X_WORDS = ("光", "射线", "線", "线", "轴", "軸", "染色体", "战警")
_PLACE_CHARS = "省市县縣区區镇鎮乡鄉村"


def _suspect(text: str, start: int, end: int) -> str:
    """Why a run is probably not a blank ("" when it is one): a word with X in it, an e-mail or
    web address, a model name, a Roman numeral, a character masked inside a word."""
    from app.core.i18n import _

    run = text[start:end]
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if (
        before.endswith(("@", "www.", "://"))
        or re.search(r"[A-Za-z]\.$", before)
        or re.match(r"^(?:@|\.[A-Za-z])", after)
    ):
        return _("part of an e-mail or web address")
    if re.search("[A-Za-z]{2,}[ \u00a0]$", before):
        return _("part of a model or product name (such as iPhone X)")
    if len(run) == 1 and run in "XＸ" and after.startswith(_X_WORDS):
        return _("a word written with X (such as X光, X射线), not a blank")
    if after.startswith("世纪") and all(c in "XＸ" for c in run):
        return _("a Roman numeral (such as XX世纪)")
    if len(run) == 1 and before[-1:] in tuple(_PLACE_CHARS) and after.startswith("委"):
        return _("one character masked inside a word (such as 镇X委 for 镇党委)")
    return ""


_GROUP_NAMES = tuple(name for name in _PATTERN.groupindex if name != "year")


def _between_digits(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip(" ")
    after = text[end : end + 40].lstrip(" ")
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
#: What follows a short year (XX年) that makes it a year and not a number of years.
_YEAR_CONTEXT = re.compile(r"^\s?年(?:[，,、]|以来|底|初|末|度|上半年|下半年)")
_DATE_MONTH = re.compile(r"^\s?月")
_DATE_DAY = re.compile(r"^\s?[日号]")
#: XX 年 XX 月: a two-character year, known as one by the month that follows it.
_SHORT_YEAR = re.compile(f"^\\s?年\\s?[{PLACEHOLDER_CHARS}0-9０-９]{{1,2}}\\s?月")


def guess_kind(text: str, placeholder: Placeholder) -> Guess:
    """The kind a placeholder probably has, from its shape and the words around it."""
    after = text[placeholder.end : placeholder.end + 40].translate(_SIMPLIFIED)
    before = text[max(0, placeholder.start - 40) : placeholder.start]
    if placeholder.shape in (Shape.WORDED, Shape.JOINED):
        return Guess(FieldKind.TEXT)  # [具体区域], XX:XX, XXXX-XXXXXXX
    if re.match("^[^，。；〔0-9]{0,6}〔", after):
        return Guess(FieldKind.TEXT)  # ××组通〔201×〕: the code of a document number
    if after.startswith(("%", "％")):
        return Guess(FieldKind.PERCENT, "%")
    if before.endswith("百分之"):
        return Guess(FieldKind.PERCENT)
    width = placeholder.width or len(placeholder.text)
    flexible = placeholder.shape is Shape.BLANK  # ____ and （　） have no telling width
    slash = _slash_part(before, after, placeholder, width)
    if slash is not None:
        return Guess(slash)
    if _DATE_YEAR.match(after) and (
        placeholder.shape is Shape.YEAR or width == 4 or flexible or _SHORT_YEAR.match(after)
    ):
        return Guess(FieldKind.YEAR, "年")
    if placeholder.shape is Shape.YEAR:
        return Guess(FieldKind.YEAR)  # 〔20××〕: the year of a document number
    if (
        _DATE_YEAR.match(after)
        and width <= 2
        and (_YEAR_CONTEXT.match(after) or before.rstrip().endswith(("自", "从", "于", "至", "到")))
    ):
        return Guess(FieldKind.YEAR, "年")  # 自xx年进入, xx年，全乡: a year written short
    if (placeholder.shape in (Shape.RUN, Shape.YEAR) and width <= 2) or flexible:
        if _DATE_MONTH.match(after):
            return Guess(FieldKind.MONTH, after[: after.index("月") + 1].strip())
        if (
            _DATE_DAY.match(after)
            and not before.endswith(("〕", "]", "）"))
            and (not after.lstrip().startswith("号") or before.rstrip().endswith("月"))
        ):  # X月XX号 is a day, XX路XX号 a house number
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


_SLASH_NEXT = re.compile(f"^/[{PLACEHOLDER_CHARS}0-9]{{1,2}}(?![{PLACEHOLDER_CHARS}0-9])")


def _slash_part(before: str, after: str, place: Placeholder, width: int) -> FieldKind | None:
    """The part of a slash date (201X/X/XX, XXXX/XX/XX) a placeholder is, or None."""
    if place.shape not in (Shape.RUN, Shape.YEAR):
        return None
    year_before = re.search(
        f"(?:19|20|[{PLACEHOLDER_CHARS}]{{2}})[0-9{PLACEHOLDER_CHARS}]{{2}}/$", before
    )
    if (place.shape is Shape.YEAR or width == 4) and _SLASH_NEXT.match(after):
        return FieldKind.YEAR
    if width <= 2 and year_before and _SLASH_NEXT.match(after):
        return FieldKind.MONTH
    if width <= 2 and re.search(
        f"(?:19|20|[{PLACEHOLDER_CHARS}]{{2}})[0-9{PLACEHOLDER_CHARS}]{{2}}/[0-9{PLACEHOLDER_CHARS}]{{1,2}}/$",
        before,
    ):
        return FieldKind.DAY
    return None


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
