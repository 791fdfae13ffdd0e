"""The shared 公文 page layout: page geometry, line estimate and page breaking."""

from __future__ import annotations

import pytest

from app.core.document import Role
from app.core.export import layout
from app.core.export.layout import Block, Placement, estimate_lines, paginate


def test_text_block_is_156_by_225_mm_with_22_lines() -> None:
    assert layout.TEXT_WIDTH_MM == 156
    assert layout.TEXT_HEIGHT_MM == 225
    block_pt = layout.mm_to_pt(layout.TEXT_HEIGHT_MM)
    assert block_pt >= layout.LINES_PER_PAGE * layout.LINE_PITCH_PT
    assert block_pt < (layout.LINES_PER_PAGE + 1) * layout.LINE_PITCH_PT


def test_28_characters_fit_a_line_and_29_do_not() -> None:
    pitch = layout.BODY_SIZE_PT + layout.BODY_CHAR_SPACING_PT
    assert layout.CHARS_PER_LINE * pitch <= layout.TEXT_WIDTH_PT
    assert (layout.CHARS_PER_LINE + 1) * pitch > layout.TEXT_WIDTH_PT


def test_page_numbers() -> None:
    assert layout.page_number_text(1) == "— 1 —"
    assert layout.page_number_text(12) == "— 12 —"
    assert layout.page_number_on_right(1) and layout.page_number_on_right(3)
    assert not layout.page_number_on_right(2)


@pytest.mark.parametrize(
    ("text", "role", "lines"),
    [
        ("字" * 26, Role.BODY, 1),  # two characters of indent + 26
        ("字" * 27, Role.BODY, 2),
        ("字" * 54, Role.BODY, 2),
        ("字" * 55, Role.BODY, 3),
        ("字" * 20, Role.TITLE, 1),  # 22 pt: 20 characters on the line
        ("字" * 21, Role.TITLE, 2),
        ("", Role.BODY, 1),
        # a comma may not begin a line: it takes the character before it along
        ("字" * 26 + "，字", Role.BODY, 2),
        ("字" * 25 + "字，", Role.BODY, 2),
        ("字" * 24 + "字，", Role.BODY, 1),
    ],
)
def test_estimate_lines(text: str, role: Role, lines: int) -> None:
    assert estimate_lines(text, role) == lines


def test_latin_words_stay_whole_and_are_spaced() -> None:
    # 24 characters then a number: with a quarter character either side it no longer fits
    assert estimate_lines("字" * 24 + "2018", Role.BODY) == 2
    assert estimate_lines("字" * 22 + "2018", Role.BODY) == 1


def test_paginate_fills_22_lines_a_page() -> None:
    placements, pages = paginate([Block(10), Block(12), Block(1)])
    assert placements == [Placement(0, 0), Placement(0, 10), Placement(1, 0)]
    assert pages == 2


def test_paragraphs_break_across_pages() -> None:
    placements, pages = paginate([Block(20), Block(30)])
    assert placements[1] == Placement(0, 20)
    assert pages == 3  # 20 + 2 | 22 | 6


def test_space_after_vanishes_at_the_foot_of_a_page() -> None:
    placements, pages = paginate([Block(21, space_after=3), Block(1)])
    assert placements[1] == Placement(1, 0)
    assert pages == 2
    assert paginate([Block(1, space_after=1), Block(1)])[0][1] == Placement(0, 2)


def test_a_heading_is_not_left_alone_at_the_foot_of_a_page() -> None:
    placements, _pages = paginate([Block(21), Block(1, keep_with_next=True), Block(5)])
    assert placements[1] == Placement(1, 0)
    placements, _pages = paginate([Block(20), Block(1, keep_with_next=True), Block(5)])
    assert placements[1] == Placement(0, 20)
    # a heading at the very end of the report has nothing to keep with
    placements, _pages = paginate([Block(21), Block(1, keep_with_next=True)])
    assert placements[1] == Placement(0, 21)


def test_empty_report_is_one_page() -> None:
    assert paginate([]) == ([], 1)
