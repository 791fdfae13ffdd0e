"""Every blank style writers use, and runs that only look like blanks (issue 15, item 1).

A blank is found whole (its brackets part of it), gets a kind and a label from its words, and an
empty report made from the template reads exactly as the 范文 did. A run that is probably not a
blank (镇X委, X光, an e-mail address) stays text unless the writer makes it a field."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.importer import SourceDocument, plan_from_source
from app.core.kinds import FieldKind
from app.core.placeholders import find_placeholders, guess_kind
from app.core.report import ReportModel


def _plan(*paragraphs: str):  # type: ignore[no-untyped-def]
    return plan_from_source(SourceDocument("范文.txt", tuple(paragraphs), "utf-8"), "t1")


def _texts(plan) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in ReportModel(plan.template()).document.paragraphs]


@pytest.mark.parametrize(
    ("text", "blank", "kind"),
    [
        ("本年度实现销售总额为[X]元。", "[X]", FieldKind.DECIMAL),
        ("较去年增长[X]%。", "[X]", FieldKind.PERCENT),
        ("书记对【XX】发展作出部署。", "【XX】", FieldKind.TEXT),
        ("人均［X.X］万元。", "［X.X］", FieldKind.DECIMAL),
        ("覆盖的市场区域包括[具体区域]。", "[具体区域]", FieldKind.TEXT),
        ("[新产品名称]销售良好。", "[新产品名称]", FieldKind.TEXT),
        ("乡镇 ____年环境卫生自查总结", "____", FieldKind.YEAR),
        ("于＿＿月召开。", "＿＿", FieldKind.MONTH),
        ("身份证号（　），特此证明。", "（　）", FieldKind.TEXT),
        ("共有（ ）人参加。", "（ ）", FieldKind.INTEGER),
        ("身份证号(   )。", "(   )", FieldKind.TEXT),
        ("某某同志表现突出。", "某某", FieldKind.TEXT),
        ("某某县召开会议。", "某某", FieldKind.TEXT),
        ("某县召开会议。", "某", FieldKind.TEXT),
        ("兹证明某先生在我公司工作。", "某", FieldKind.TEXT),
        ("X X县X X镇政府：", "X X", FieldKind.TEXT),
        ("上午XX:XX开会。", "XX:XX", FieldKind.TEXT),
        ("电话：XXXX-XXXXXXX。", "XXXX-XXXXXXX", FieldKind.TEXT),
        ("201X/X/XX", "201X", FieldKind.YEAR),
        ("XXXX/XX/XX", "XXXX", FieldKind.YEAR),
        ("19XX年出生。", "19XX", FieldKind.YEAR),
        ("202x年工作计划", "202x", FieldKind.YEAR),
        ("完成投资X,XXX万元。", "X,XXX", FieldKind.DECIMAL),
        ("增长X.X%。", "X.X", FieldKind.PERCENT),
        ("二〇__年X月__日", "__", FieldKind.YEAR),
    ],
)
def test_each_blank_style_is_found_whole_with_its_kind(
    text: str, blank: str, kind: FieldKind
) -> None:
    place = find_placeholders(text)[0]
    assert place.text == blank and not place.suspect
    assert guess_kind(text, place).kind is kind


def test_the_parts_of_a_slash_date() -> None:
    for text in ("201X/X/XX", "XXXX/XX/XX"):
        kinds = [guess_kind(text, p).kind for p in find_placeholders(text)]
        assert kinds == [FieldKind.YEAR, FieldKind.MONTH, FieldKind.DAY]


@pytest.mark.parametrize(
    "text",
    [
        "某些单位",
        "某种程度上",
        "某一方面",
        "某个问题",
        "某项工作",
        "某区域",
        "某市场",
        "【发文日期】",
        "根据【2016】01号文件",
        "XXL码",
        "第XII章",
        "X5型车",
        "脚注[1]",
    ],
)
def test_words_that_are_not_blanks(text: str) -> None:
    assert find_placeholders(text) == []


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("镇X委书记", "X"),
        ("拍X光片", "X"),
        ("X射线检查", "X"),
        ("邮箱：xx@email.com", "xx"),
        ("网址www.xxx.com", "xxx"),
        ("新款iPhone X上市", "X"),
        ("XX世纪90年代", "XX"),
    ],
)
def test_a_run_that_is_probably_not_a_blank_stays_text(text: str, run: str) -> None:
    plan = _plan(text, "共XX个。")
    assert [(s.text, bool(s.reason), s.as_blank) for s in plan.suspects] == [(run, True, False)]
    assert _texts(plan) == [text, "共XX个。"]  # verbatim: the run is text
    assert len(plan.fields) == 1  # only 共XX个

    chosen = plan.with_blanks({plan.suspects[0].where})  # the writer says 是空白
    assert len(chosen.fields) == 2 and chosen.suspects[0].as_blank
    assert _texts(chosen) == [text, "共XX个。"]


def test_partial_years_keep_their_digits() -> None:
    plan = _plan("19XX年出生，202X年退休。")
    assert [f.placeholder for f in plan.fields] == ["19XX", "202X"]
    assert _texts(plan) == ["19XX年出生，202X年退休。"]


def test_names_listed_side_by_side_are_two_fields() -> None:
    plan = _plan("到xxx村和xxx村检查。", "较好的社区有：XX社区、XX社区。")
    assert len(plan.fields) == 4 and plan.entities == []


def test_labels_name_the_value_without_a_bare_word_or_a_number() -> None:
    plan = _plan(
        "销售额达到峰值,为[X]元,覆盖[具体区域]。",
        "其中妇女党员x名,占党员总数的x%,35岁以下党员x名,占党员总数的x%。",
        "由xxx局长带领干部xxx、xxx检查。单位名称(盖章):XXXXXXX",
    )
    labels = [f.label for f in plan.fields]
    assert labels[:2] == ["销售额达到峰值", "具体区域"]  # from the clause before; its own words
    assert "妇女党员占党员总数" in labels and "35岁以下党员占党员总数" in labels
    # three people: told apart by the words next to them, a number only for the one whose
    # words are the same as another's (干部xxx、xxx)
    assert labels[-4:] == ["姓名（局长）", "姓名（干部）", "姓名（干部，2）", "单位名称"]
    assert not {"数量", "数值"} & set(labels)


def test_the_same_label_is_told_apart_by_the_nearest_words() -> None:
    plan = _plan("上半年实现地区生产总值XX亿元。", "全年完成地区生产总值XXX亿元。")
    first, second = (f.label for f in plan.fields)
    assert first != second
    assert first.startswith("地区生产总值") and second.startswith("地区生产总值")
    assert not first.endswith("（2）") and not second.endswith("（2）")


def test_labels_from_a_list_after_fenbie_a_count_after_xiashe_and_a_document_code() -> None:
    plan = _plan(
        "一、二、三产增加值分别同比增长x%、x%和x%。",
        "党委下设×个党支部。",
        "（××组通〔201×〕××号）",
    )
    labels = [f.label for f in plan.fields]
    assert labels[:3] == ["一产增加值同比增长", "二产增加值同比增长", "三产增加值同比增长"]
    assert labels[3] == "个党支部" or labels[3].endswith("党支部")
    assert labels[4:] == ["发文代字", "文号（年份）", "文号（序号）"]


# ------------------------------------------------------------------------- round trips

_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5, exclude_characters="某")
_PROSE = st.text(st.one_of(_CJK, st.sampled_from("，。、；“”《》")), min_size=1, max_size=10)
_BLANKS = st.sampled_from(
    [
        "XX",
        "x",
        "××",
        "ＸＸ",
        "X,XXX",
        "X.X",
        "[X]",
        "【XX】",
        "[具体区域]",
        "____",
        "＿＿",
        "（　）",
        "( )",
        "某某",
        "X X",
        "XX:XX",
        "XXXX-XXXXXXX",
        "20XX",
        "201X/X/XX",
        "镇X委",
        "X光",
    ]
)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.tuples(_PROSE, _BLANKS), min_size=1, max_size=8), _PROSE)
def test_random_text_with_random_blanks_round_trips_verbatim(
    parts: list[tuple[str, str]], tail: str
) -> None:
    text = "".join(prose + blank for prose, blank in parts) + tail + "共XX个"
    plan = _plan(text)
    assert _texts(plan) == [text]  # every field empty: the 范文 as it was
    chosen = plan.with_blanks({s.where for s in plan.suspects})
    assert _texts(chosen) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "X" * 1_000_000,  # a 1 MB line of X's
        "[X]" * 10_000,  # 10k brackets
        "[" * 10_000 + "X" + "]" * 10_000,
        "（）" * 10_000,
        "某" * 100_000,
        "X " * 100_000,
        "增长[X]%，镇X委XX县____年（　）" * 2_000,
    ],
    ids=["x-line", "brackets", "nested", "empty-brackets", "mou", "spaced", "mixed"],
)
def test_huge_or_pathological_input_never_hangs(text: str) -> None:
    started = time.monotonic()
    plan = _plan(text)
    assert plan.fields or plan.suspects
    assert time.monotonic() - started < 30  # linear: about a second here, even under load
