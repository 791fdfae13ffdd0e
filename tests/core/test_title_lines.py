"""Where a long title breaks (app.core.title_lines): between words, lines that fit, even lines."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.document import FieldRun, RunState, TextRun
from app.core.title_lines import (
    TITLE_CHARS_PER_LINE,
    WORDS,
    break_offsets,
    text_width,
    title_lines,
)


def lines_of(title: str) -> list[str]:
    edges = (0, *break_offsets(title), len(title))
    return [title[a:b] for a, b in itertools.pairwise(edges)]


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        # as the published notice breaks it (湘政办发〔2009〕24号)
        (
            "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知",
            ["湖南省人民政府办公厅关于加强", "普通高等学校毕业生就业工作的通知"],
        ),
        (
            "某某县应急管理局二〇二三年度安全生产工作总结",
            ["某某县应急管理局二〇二三年度", "安全生产工作总结"],
        ),
        (
            "中共某某市某某区委员会关于召开专题民主生活会情况的报告",
            ["中共某某市某某区委员会", "关于召开专题民主生活会情况的报告"],
        ),
        (
            "国务院关于进一步加强和改进新时代安全生产工作的意见",
            ["国务院关于进一步加强和改进", "新时代安全生产工作的意见"],
        ),
    ],
)
def test_long_titles_break_at_phrases(title: str, lines: list[str]) -> None:
    assert lines_of(title) == lines


@pytest.mark.parametrize(
    "title",
    ["政府工作报告", "“四心”抓好思政工作助力机构改革", "XX县应急管理局2023年度安全生产工作总结"],
)
def test_a_title_that_fits_is_left_alone(title: str) -> None:
    assert break_offsets(title) == ()


def test_never_inside_a_word() -> None:
    for title in (
        "XX县XXXX年度安全生产工作总结暨表彰大会讲话",
        "关于开展安全生产工作专项整治行动的实施方案",
    ):
        for line in lines_of(title):
            assert not line.startswith(("作", "产", "结")), lines_of(title)


def test_a_fields_value_stays_on_one_line() -> None:
    runs = (
        FieldRun("unit", "某某市某某区应急管理局", RunState.FILLED, "XX"),
        TextRun("关于开展安全生产专项整治的报告"),
    )
    lines = title_lines(runs)
    assert len(lines) == 2
    assert lines[0][0] == runs[0]
    assert "".join(r.text for line in lines for r in line) == "".join(r.text for r in runs)


_word = st.sampled_from(sorted(WORDS))


@given(st.lists(_word, min_size=1, max_size=20))
@settings(max_examples=200)
def test_breaks_fall_between_known_words_and_lines_fit(words: list[str]) -> None:
    title = "".join(words)
    offsets = break_offsets(title)
    if text_width(title) <= TITLE_CHARS_PER_LINE:
        assert offsets == ()
        return
    edges = (0, *offsets, len(title))
    if offsets:
        assert all(
            text_width(title[a:b].strip()) <= TITLE_CHARS_PER_LINE
            for a, b in itertools.pairwise(edges)
        )
    boundaries = set(itertools.accumulate(len(w) for w in words))
    # a break inside a word only where a longer known word spans the join (longest match)
    for offset in offsets:
        assert offset in boundaries or any(
            w in title and title.find(w) < offset < title.find(w) + len(w) for w in WORDS
        )


def test_a_very_long_title_breaks_quickly_into_lines_that_fit() -> None:
    import time

    title = "关于进一步加强安全生产工作和做好防汛抗旱工作的通知" * 200
    started = time.perf_counter()
    lines = lines_of(title)
    assert time.perf_counter() - started < 1.0
    assert "".join(lines) == title and len(lines) > 200
    assert all(text_width(line.strip()) <= TITLE_CHARS_PER_LINE for line in lines)


def test_a_hostile_title_of_any_length_does_not_hang() -> None:
    import time

    started = time.perf_counter()
    break_offsets("和谐目的及时" * 3000)
    assert time.perf_counter() - started < 5.0
