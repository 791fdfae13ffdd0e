"""Where a 公文 title longer than a line breaks (GB/T 9704-2012 7.3.1: 回行时要做到词意完整，
排列对称，长短适宜).

A title never breaks inside a word. The places it may break are phrase boundaries found with a
small list of 公文 words, not a segmenter: after a space or a 、 ， between phrases, before 关于,
after 的, before or after 和 / 与 / 及 / 暨, after a verb that takes a long object (印发, 加强 …),
before the kind of document at the end (通知, 报告 …), between two known words. Inside a known
word, inside a field's value, inside Latin letters or digits, before closing punctuation and
after opening punctuation it never breaks. Of the ways to break the title into as few lines as
fit, the one with the best boundaries and the most even lines wins.

Every paged output writes the breaks as explicit line breaks (DOCX, PDF); HTML and the preview
honour them. A title that fits on one line is left alone.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from functools import lru_cache

from app.core.document import FieldRun, Run, TextRun

#: Characters of 2号 (22 pt) on the 156 mm line: 442.2 pt / 22 pt.
TITLE_CHARS_PER_LINE = 20.0
#: Narrow characters (Latin letters, digits) are about this much of a wide one.
NARROW = 0.55

_NO_START = frozenset("，。、；：？！）》」』】〕〗〉”’…—·%‰℃,.;:?!)]}")
_NO_END = frozenset("（《「『【〔〖〈“‘([{")

#: Kinds of document a title ends with: a break before one (with what it names) is good.
DOC_KINDS = frozenset(
    [
        "通知",
        "报告",
        "总结",
        "意见",
        "方案",
        "计划",
        "规划",
        "办法",
        "规定",
        "细则",
        "决定",
        "请示",
        "批复",
        "函",
        "纪要",
        "通告",
        "公告",
        "决议",
        "讲话",
        "致辞",
        "发言",
        "主持词",
        "工作报告",
        "工作总结",
        "工作计划",
        "实施方案",
        "实施意见",
        "调研报告",
        "自查报告",
        "述职报告",
    ]
)
#: Verbs after which a long object follows on the next line well.
VERBS = frozenset(
    [
        "印发",
        "转发",
        "批转",
        "加强",
        "做好",
        "推进",
        "推动",
        "开展",
        "落实",
        "贯彻",
        "实施",
        "召开",
        "举办",
        "表彰",
        "公布",
    ]
)
#: Words a title may not break inside, and the phrase boundaries around them. Longest first
#: wins where they overlap.
_OWN_WORDS = frozenset(
    [
        "关于",
        "进一步",
        "深入",
        "全面",
        "建立",
        "健全",
        "完善",
        "规范",
        "促进",
        "加快",
        "深化",
        "提升",
        "提高",
        "支持",
        "组织",
        "调整",
        "通报",
        "成立",
        "设立",
        "下达",
        "申请",
        "请求",
        "人民政府",
        "人民代表大会",
        "政府",
        "委员会",
        "常务委员会",
        "办公室",
        "办公厅",
        "领导小组",
        "党委",
        "党组",
        "人大",
        "政协",
        "纪委",
        "监委",
        "组织部",
        "宣传部",
        "统战部",
        "政法委",
        "财政局",
        "税务局",
        "公安局",
        "教育局",
        "卫生健康委员会",
        "人民医院",
        "人民法院",
        "人民检察院",
        "中共",
        "中国共产党",
        "共青团",
        "妇联",
        "工会",
        "县委",
        "市委",
        "省委",
        "区委",
        "镇党委",
        "乡党委",
        "街道",
        "社区",
        "村委会",
        "省",
        "市",
        "县",
        "区",
        "乡",
        "镇",
        "村",
        "全省",
        "全市",
        "全县",
        "全区",
        "全镇",
        "全乡",
        "全国",
        "我县",
        "我市",
        "我区",
        "我省",
        "我镇",
        "本单位",
        "本部门",
        "工作",
        "安全生产",
        "安全",
        "生产",
        "经济",
        "社会",
        "发展",
        "建设",
        "改革",
        "管理",
        "服务",
        "制度",
        "机制",
        "体系",
        "体制",
        "能力",
        "水平",
        "质量",
        "效益",
        "环境",
        "生态",
        "文明",
        "乡村",
        "振兴",
        "农业",
        "农村",
        "农民",
        "工业",
        "企业",
        "项目",
        "投资",
        "招商",
        "引资",
        "财政",
        "税收",
        "金融",
        "教育",
        "卫生",
        "健康",
        "文化",
        "旅游",
        "交通",
        "城市",
        "城乡",
        "基层",
        "党建",
        "党员",
        "干部",
        "作风",
        "纪律",
        "廉政",
        "廉洁",
        "反腐",
        "巡察",
        "巡视",
        "整改",
        "问题",
        "专项",
        "行动",
        "活动",
        "会议",
        "会上",
        "命令",
        "议案",
        "情况",
        "年度",
        "上半年",
        "下半年",
        "第一季度",
        "一季度",
        "二季度",
        "三季度",
        "四季度",
        "年",
        "月",
        "日",
        "主题",
        "教育",
        "学习",
        "思想",
        "政治",
        "理论",
        "精神",
        "专题",
        "民主",
        "生活会",
        "组织生活会",
        "评议",
        "考核",
        "考评",
        "监督",
        "检查",
        "督查",
        "排查",
        "治理",
        "整治",
        "防范",
        "风险",
        "疫情",
        "防控",
        "防汛",
        "抗旱",
        "应急",
        "消防",
        "脱贫",
        "攻坚",
        "扶贫",
        "就业",
        "养老",
        "医疗",
        "保障",
        "民生",
        "营商",
        "优化",
        "重点",
        "重大",
        "重要",
        "有关",
        "相关",
        "若干",
        "措施",
        "任务",
        "目标",
        "责任",
        "落实情况",
        "实施情况",
        "新",
        "跨越",
        "高质量",
        "新时代",
        "新征程",
        "习近平",
        "中国特色社会主义",
        "思想政治",
        "机构",
        "人员",
        "队伍",
        "人才",
        "科技",
        "创新",
        "数字",
        "信息化",
        "网络",
        "平台",
        "统计",
        "数据",
        "资金",
        "预算",
        "决算",
        "审计",
        "国有",
        "资产",
        "土地",
        "资源",
        "住房",
        "保险",
        "公共",
    ]
)
#: ... and the kinds of document and the verbs above are words too.
WORDS = _OWN_WORDS | DOC_KINDS | VERBS
WORD_MAX = max(len(word) for word in WORDS)
CONJUNCTIONS = frozenset("和与及暨并")
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万XxＸ×")
_COUNTED = frozenset("年月日度届次号期季")
#: Words holding one of the characters above (so 和谐, 参与, 及时, 目的 are no boundaries).
_NOT_BOUNDARY = frozenset(
    [
        "目的",
        "的确",
        "有的放矢",
        "和谐",
        "和平",
        "温和",
        "总和",
        "共和",
        "调和",
        "附和",
        "祥和",
        "参与",
        "给与",
        "赋与",
        "与会",
        "以及",
        "及时",
        "及早",
        "普及",
        "涉及",
        "危及",
        "企及",
        "顾及",
        "提及",
        "论及",
        "波及",
        "合并",
        "并且",
        "并行",
        "兼并",
    ]
)
#: The cost of a break by the boundary it is at (lower is better).
COST_PHRASE = 0.0  # after a space, 、 ， ：
COST_BEFORE_GUANYU = 0.5
COST_AFTER_DE = 1.0
COST_BEFORE_KIND = 1.5
COST_CONJUNCTION = 2.0
COST_AFTER_VERB = 2.0
COST_WORDS = 3.0
COST_UNKNOWN = 8.0
#: The cost of each character of difference between the longest and the shortest line.
COST_UNEVEN = 0.6
CANDIDATES_MAX = 30
#: More ways to break than this, and the lines are filled one after the other instead.
COMBINATIONS_MAX = 5000


def text_width(text: str) -> float:
    """Width of `text` in title characters."""
    return sum(1.0 if not (c.isascii() or c == " ") else NARROW for c in text)


def break_offsets(
    text: str, fixed: Sequence[tuple[int, int]] = (), width: float = TITLE_CHARS_PER_LINE
) -> tuple[int, ...]:
    """Where to break the title `text` into lines (offsets into the text, each the start of a
    line after the first); () when it fits on one line or cannot break well. `fixed` are spans
    of the text that must stay on one line (a field's value)."""
    if text_width(text) <= width:
        return ()
    return _best_breaks(text, tuple(fixed), width)


@lru_cache(maxsize=256)
def _best_breaks(text: str, fixed: tuple[tuple[int, int], ...], width: float) -> tuple[int, ...]:
    costs = boundary_costs(text, fixed)
    # The cheapest boundaries are enough to choose from (a long title has many).
    candidates = sorted(sorted(costs, key=lambda offset: costs[offset])[:CANDIDATES_MAX])
    lines_needed = max(2, int(text_width(text) // width) + 1)
    if (
        lines_needed > len(candidates)
        or math.comb(len(candidates), lines_needed - 1) > COMBINATIONS_MAX
    ):
        return _greedy_breaks(text, sorted(costs), width)  # a title of many lines: no choosing
    for lines in range(lines_needed, lines_needed + 3):
        best: tuple[float, tuple[int, ...]] | None = None
        for chosen in itertools.combinations(candidates, lines - 1):
            edges = (0, *chosen, len(text))
            widths = [text_width(text[a:b].strip()) for a, b in itertools.pairwise(edges)]
            if max(widths) > width:
                continue
            cost = sum(costs[c] for c in chosen) + COST_UNEVEN * (max(widths) - min(widths))
            if lines >= 3 and any(
                widths[i] < widths[i - 1] and widths[i] < widths[i + 1] for i in range(1, lines - 1)
            ):
                cost += 4.0  # an hourglass is not 排列对称
            if best is None or cost < best[0]:
                best = (cost, chosen)
        if best is not None:
            return best[1]
    return ()


def _greedy_breaks(text: str, candidates: Sequence[int], width: float) -> tuple[int, ...]:
    """Each line as full as fits, ending at a boundary (the last one that fits)."""
    breaks: list[int] = []
    start = 0
    while text_width(text[start:].strip()) > width:
        reach = start + int(width / NARROW) + 1  # no line holds more characters than this
        fitting = [
            c for c in candidates if start < c <= reach and text_width(text[start:c]) <= width
        ]
        if not fitting:
            break
        start = fitting[-1]
        breaks.append(start)
    return tuple(breaks)


def boundary_costs(text: str, fixed: Sequence[tuple[int, int]] = ()) -> dict[int, float]:
    """The offsets the title may break at, each with the cost of breaking there."""
    inside = _inside_words(text)
    for start, end in fixed:
        inside.update(range(start + 1, end))
    costs: dict[int, float] = {}
    for offset in range(1, len(text)):
        before, after = text[offset - 1], text[offset]
        if offset in inside or after in _NO_START or before in _NO_END:
            continue
        if before.isascii() and after.isascii() and before.isalnum() and after.isalnum():
            continue
        if (before.isdigit() or before in _NUMERALS) and (after in _COUNTED or after in _NUMERALS):
            continue  # 2023年, 二〇二三年度, 第十次: a number stays with what it counts
        costs[offset] = _cost(text, offset)
    return costs


def _cost(text: str, offset: int) -> float:
    before, after = text[offset - 1], text[offset]
    if before in " 、，,：\u3000" or after in " \u3000":
        return COST_PHRASE
    head, tail = text[:offset], text[offset:]
    if tail.startswith("关于"):
        return COST_BEFORE_GUANYU
    if before == "的" and not _in_word(text, offset - 1):
        return COST_AFTER_DE
    if any(tail == kind or (tail.endswith(kind) and len(tail) <= 6) for kind in DOC_KINDS):
        return COST_BEFORE_KIND
    if (after in CONJUNCTIONS and not _in_word(text, offset)) or (
        before in CONJUNCTIONS and not _in_word(text, offset - 1)
    ):
        return COST_CONJUNCTION
    if any(head.endswith(verb) for verb in VERBS):
        return COST_AFTER_VERB
    if any(head.endswith(w) for w in WORDS) or any(tail.startswith(w) for w in WORDS):
        return COST_WORDS
    return COST_UNKNOWN


def _in_word(text: str, index: int) -> bool:
    """Whether the character at `index` belongs to a word that is no boundary (和谐, 目的)."""
    return any(
        word in text[max(0, index - len(word) + 1) : index + len(word)] for word in _NOT_BOUNDARY
    )


def _inside_words(text: str) -> set[int]:
    """Offsets that lie inside a known word (forward longest match), where no break may go."""
    inside: set[int] = set()
    index = 0
    while index < len(text):
        for size in range(min(WORD_MAX, len(text) - index), 1, -1):
            if text[index : index + size] in WORDS:
                inside.update(range(index + 1, index + size))
                index += size
                break
        else:
            index += 1
    for word in _NOT_BOUNDARY:
        start = text.find(word)
        while start != -1:
            inside.update(range(start + 1, start + len(word)))
            start = text.find(word, start + 1)
    return inside


def title_lines(runs: Sequence[Run], width: float = TITLE_CHARS_PER_LINE) -> list[list[Run]]:
    """A title's runs as its lines: a run holding a break is split there (never a field's
    value, which stays whole on one line)."""
    text = "".join(run.text for run in runs)
    fixed: list[tuple[int, int]] = []
    position = 0
    for run in runs:
        if isinstance(run, FieldRun):
            fixed.append((position, position + len(run.text)))
        position += len(run.text)
    breaks = break_offsets(text, fixed, width)
    lines: list[list[Run]] = [[]]
    position = 0
    pending = list(breaks)
    for run in runs:
        start = position
        position += len(run.text)
        piece = run
        if pending and pending[0] == start and lines[-1]:
            pending.pop(0)
            lines.append([])
        while pending and start < pending[0] < position and isinstance(piece, TextRun):
            cut = pending.pop(0) - start
            lines[-1].append(TextRun(piece.text[:cut]))
            lines.append([])
            piece = TextRun(piece.text[cut:])
            start += cut
        lines[-1].append(piece)
    return [line for line in lines if line]
