"""The placeholder finder and the kind guess: examples, then properties (Hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.kinds import FieldKind
from app.core.placeholders import Shape, find_placeholders, guess_kind


def _found(text: str) -> list[str]:
    return [p.text for p in find_placeholders(text)]


def _kinds(text: str) -> list[tuple[str, FieldKind, str]]:
    return [
        (p.text, guess_kind(text, p).kind, guess_kind(text, p).unit)
        for p in find_placeholders(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("共XX个问题", ["XX"]),
        ("X类X条", ["X", "X"]),
        ("××县", ["××"]),
        ("ＸＸ镇", ["ＸＸ"]),
        ("投资X,XXX万元", ["X,XXX"]),
        ("投资XX,XXX,XXX元", ["XX,XXX,XXX"]),
        ("增长X.X%", ["X.X"]),
        ("XX.XX亿元", ["XX.XX"]),
        ("Ｘ．Ｘ万人", ["Ｘ．Ｘ"]),
        ("XXXX年X月X日", ["XXXX", "X", "X"]),
        ("20XX年", ["20XX"]),
        ("201X年", ["201X"]),
        ("２０ＸＸ年", ["２０ＸＸ"]),
        ("xx个行政村", ["xx"]),
        ("完成x项", ["x"]),
    ],
)
def test_every_shape_is_one_placeholder(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "完成XML数据接口改造",
        "导出DOCX文件",
        "Xbox游戏机",
        "max值和index",
        "新增3×4米机柜",
        "2 × 3 的矩阵",
        "3x4的表格",
        "x86服务器",
    ],
)
def test_latin_words_and_multiplication_are_not_placeholders(text: str) -> None:
    assert _found(text) == []


def test_a_comma_that_is_not_a_thousands_group_separates_two_placeholders() -> None:
    assert _found("XX,XX") == ["XX", "XX"]
    assert _found("XX，XX") == ["XX", "XX"]


def test_shapes() -> None:
    shapes = {p.text: p.shape for p in find_placeholders("X,XXX和X.X及20XX年XX")}
    assert shapes == {
        "X,XXX": Shape.GROUPED,
        "X.X": Shape.DECIMAL,
        "20XX": Shape.YEAR,
        "XX": Shape.RUN,
    }


@pytest.mark.parametrize(
    ("text", "kind", "unit"),
    [
        ("XXXX年", FieldKind.YEAR, "年"),
        ("20XX年", FieldKind.YEAR, "年"),
        ("工作XX年", FieldKind.INTEGER, "年"),  # two X before 年: a number of years
        ("X月", FieldKind.MONTH, "月"),
        ("1-X月份", FieldKind.MONTH, "月"),
        ("X个月", FieldKind.INTEGER, "个月"),
        ("X日", FieldKind.DAY, "日"),
        ("满意率达X%", FieldKind.PERCENT, "%"),
        ("增长X.X％", FieldKind.PERCENT, "%"),
        ("百分之XX", FieldKind.PERCENT, ""),
        ("X.X", FieldKind.DECIMAL, ""),
        ("XX个", FieldKind.INTEGER, "个"),
        ("XX余次", FieldKind.INTEGER, "余次"),
        ("X万余条", FieldKind.INTEGER, "万余条"),
        ("XX名", FieldKind.INTEGER, "名"),
        ("X项", FieldKind.INTEGER, "项"),
        ("X户", FieldKind.INTEGER, "户"),
        ("X人", FieldKind.INTEGER, "人"),
        ("X件", FieldKind.INTEGER, "件"),
        ("X条", FieldKind.INTEGER, "条"),
        ("X期", FieldKind.INTEGER, "期"),
        ("X份", FieldKind.INTEGER, "份"),
        ("X家", FieldKind.INTEGER, "家"),
        ("X处", FieldKind.INTEGER, "处"),
        ("X元", FieldKind.DECIMAL, "元"),
        ("XX万元", FieldKind.DECIMAL, "万元"),
        ("X亿元", FieldKind.DECIMAL, "亿元"),
        ("XX亿余元", FieldKind.DECIMAL, "亿余元"),
        ("X,XXX人", FieldKind.INTEGER, "人"),
        ("X,XXX万元", FieldKind.DECIMAL, "万元"),
        ("X.X个工作日", FieldKind.DECIMAL, "个"),
        ("XX万人", FieldKind.DECIMAL, "万人"),
        ("X小时", FieldKind.DECIMAL, "小时"),
        ("××县", FieldKind.TEXT, ""),
        ("××集团", FieldKind.TEXT, ""),
        ("XX分局", FieldKind.TEXT, ""),
        ("第X次", FieldKind.INTEGER, "次"),
        ("第X", FieldKind.INTEGER, ""),
    ],
)
def test_kind_from_context(text: str, kind: FieldKind, unit: str) -> None:
    placeholder = find_placeholders(text)[0]
    guess = guess_kind(text, placeholder)
    assert (guess.kind, guess.unit) == (kind, unit)


def test_entity_word_after_a_text_placeholder() -> None:
    for text, suffix in [
        ("××县", "县"),
        ("XX集团公司", "集团"),
        ("XX市人民政府", "市"),
        ("XX说", ""),
    ]:
        assert guess_kind(text, find_placeholders(text)[0]).suffix == suffix


# ------------------------------------------------------------------------- properties

# 某 (某县), “：” between two runs (XX：XX, a time) and a space between two (X X) make other
# blank styles: tests/core/test_import_blank_styles.py has those.
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5, exclude_characters="某")
_PUNCTUATION = st.sampled_from("，。、；“”（《》")
_PROSE = st.text(st.one_of(_CJK, _PUNCTUATION), min_size=1, max_size=12)
_X_CHARS = st.sampled_from(["X", "Ｘ", "×", "x"])


@st.composite
def placeholder_shapes(draw: st.DrawFn) -> str:
    char = draw(_X_CHARS)
    shape = draw(st.sampled_from(["run", "grouped", "decimal"]))
    if shape == "run":
        return char * draw(st.integers(1, 6))
    if shape == "grouped":
        head = char * draw(st.integers(1, 3))
        return head + "".join("," + char * 3 for _ in range(draw(st.integers(1, 3))))
    return (
        char * draw(st.integers(1, 3))
        + draw(st.sampled_from([".", "．"]))
        + char * draw(st.integers(1, 3))
    )


@given(st.lists(st.tuples(_PROSE, placeholder_shapes()), min_size=1, max_size=6), _PROSE)
def test_placeholders_between_chinese_words_are_found_whole(
    parts: list[tuple[str, str]], tail: str
) -> None:
    text = ""
    expected = []
    for prose, placeholder in parts:
        text += prose
        expected.append((len(text), placeholder))
        text += placeholder
    text += tail
    found = [(p.start, p.text) for p in find_placeholders(text)]
    assert found == expected
    for place in find_placeholders(text):
        assert text[place.start : place.end] == place.text


@given(st.text(st.characters(exclude_characters="XＸ×xｘ某_＿[［(（"), max_size=60))
def test_text_without_placeholder_characters_has_none(text: str) -> None:
    assert find_placeholders(text) == []


@given(
    st.from_regex(r"[A-Za-z]*[Xx][A-Za-z]*", fullmatch=True).filter(
        lambda word: any(c not in "Xx" for c in word)
    ),
    _PROSE,
    _PROSE,
)
def test_letters_inside_a_latin_word_are_never_a_placeholder(
    word: str, before: str, after: str
) -> None:
    assert find_placeholders(before + word + after) == []


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_found_placeholders_are_ordered_disjoint_slices(text: str) -> None:
    previous_end = 0
    for place in find_placeholders(text):
        assert place.start >= previous_end
        assert text[place.start : place.end] == place.text
        guess_kind(text, place)  # never fails, whatever surrounds it
        previous_end = place.end
