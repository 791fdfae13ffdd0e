"""Importing a 范文's changes: "同比增长X.X%" becomes a signed value read in words.

-2.5 reads 同比下降2.5%, 0 reads 与上年同期持平; empty, the template reads as the 范文.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.change_phrases import ZERO_PHRASES, phrase_around
from app.core.importer import SourceDocument, plan_from_source
from app.core.kinds import FieldKind
from app.core.report import ReportModel


def _plan(*paragraphs: str):  # type: ignore[no-untyped-def]
    return plan_from_source(SourceDocument("范文.txt", tuple(paragraphs), "utf-8"), "t1")


def _texts(model: ReportModel) -> list[str]:
    return [p.text for p in model.document.paragraphs]


SOURCE = (
    "××县2025年上半年工作总结",
    "上半年，全县实现地区生产总值XX.XX亿元，同比增长X.X%；固定资产投资增速XX%。",
    "税收收入比上年增长X%，非税收入同比下降X.X%，环比增长X%。",
    "城镇登记失业率比上年提高X个百分点，群众满意率达XX%。",
)


def _field_at(plan, words: str):  # type: ignore[no-untyped-def]
    """The field whose change place starts with `words`."""
    for field in plan.editor.fields:
        phrases = plan.editor.change_phrases(field.key)
        if phrases is not None and phrases.positive.startswith(words):
            return field
    raise AssertionError(words)


def test_an_imported_change_reads_rise_fall_and_no_change() -> None:
    plan = _plan(*SOURCE)
    template = plan.editor.to_template()
    model = ReportModel(template)
    assert _texts(model) == list(SOURCE)  # empty: the 范文, character for character
    gdp = _field_at(plan, "同比增长")
    assert gdp.kind is FieldKind.PERCENT and gdp.minimum == Decimal(-100)
    assert plan.editor.change_phrases(gdp.key) == ("同比增长{}%", "同比下降{}%", "与上年同期持平")
    for typed, expected in (
        ("-2.5", "亿元，同比下降2.5%；"),
        ("0", "亿元，与上年同期持平；"),
        ("3.2", "亿元，同比增长3.2%；"),
    ):
        model.set_value(gdp.key, typed)
        assert model.value_problem(gdp.key) is None, typed
        assert expected in _texts(model)[1], typed
    model.set_value(_field_at(plan, "比上年增长").key, "0")
    model.set_value(_field_at(plan, "环比增长").key, "0")
    assert "税收收入与上年持平，" in _texts(model)[2]
    assert "，与上月持平。" in _texts(model)[2]
    invest = _field_at(plan, "增速")
    model.set_value(invest.key, "-4")
    assert "固定资产投资下降4%。" in _texts(model)[1]


def test_a_fall_in_the_fanwen_is_a_field_for_the_fall() -> None:
    plan = _plan(*SOURCE)
    fall = _field_at(plan, "同比下降")
    assert plan.editor.change_phrases(fall.key) == ("同比下降{}%", "同比增长{}%", "与上年同期持平")
    assert fall.maximum == Decimal(100) and fall.minimum is not None and fall.minimum < -100
    assert "-2.5" in fall.hint and "同比增长2.5%" in fall.hint
    model = ReportModel(plan.editor.to_template(), {fall.key: "1.5"})
    assert "非税收入同比下降1.5%，" in _texts(model)[2]
    model.set_value(fall.key, "-1.5")
    assert "非税收入同比增长1.5%，" in _texts(model)[2]


def test_percentage_points_are_a_signed_decimal() -> None:
    plan = _plan(*SOURCE)
    points = _field_at(plan, "比上年提高")
    assert points.kind is FieldKind.DECIMAL
    model = ReportModel(plan.editor.to_template(), {points.key: "-0.3"})
    assert "失业率比上年降低0.3个百分点，" in _texts(model)[3]


def test_a_level_is_not_a_change() -> None:
    plan = _plan(*SOURCE)
    levels = [f for f in plan.editor.fields if plan.editor.change_phrases(f.key) is None]
    # the amount of GDP (XX.XX亿元) and the satisfaction rate (达XX%) stay plain values
    assert [f.placeholder for f in levels] == ["××", "XX.XX", "XX"]  # the county too
    assert all(f.minimum is None for f in levels)
    assert plan.editor.body.count("{{ change(") == 6
    assert 'change("键名"' in plan.editor.body.split("\n", 1)[0]  # the syntax comment says so


def test_a_saved_imported_template_loads_back_with_its_phrases(fanwen_home) -> None:  # type: ignore[no-untyped-def]
    from app.core.library import load_library
    from app.core.template_edit import TemplateEditor

    plan = _plan(*SOURCE)
    plan.editor.save()
    template = load_library().templates["t1"]
    again = TemplateEditor.from_template(template)
    assert again.body == plan.editor.body
    model = ReportModel(template)
    assert _texts(model) == list(SOURCE)


@pytest.mark.parametrize(
    ("before", "after", "zero"),
    [
        ("同比增长", "%", "与上年同期持平"),
        ("比去年同期增加", "％", "与上年同期持平"),
        ("较上年上升", "个百分点", "与上年持平"),
        ("环比增长了", "%", "与上月持平"),
        ("比上月减少", "%", "与上月持平"),
        ("增幅为", "%", "持平"),
    ],
)
def test_the_zero_phrase_follows_the_comparison(before: str, after: str, zero: str) -> None:
    found = phrase_around("收入" + before, after + "。")
    assert found is not None and found.zero == zero
    assert found.positive == before + "{}" + after


@pytest.mark.parametrize(("before", "after"), [("达", "%"), ("增长", "亿元"), ("同比", "%")])
def test_no_change_phrase_without_a_verb_and_a_unit(before: str, after: str) -> None:
    assert phrase_around(before, after) is None


@given(st.sampled_from(sorted(ZERO_PHRASES)), st.sampled_from(["增长", "下降", "提高"]))
@settings(max_examples=50)
def test_an_imported_change_reproduces_its_fanwen(reference: str, verb: str) -> None:
    text = f"全年收入{reference}{verb}X.X%，较好完成任务。"
    plan = _plan("工作总结", text)
    assert _texts(ReportModel(plan.editor.to_template())) == ["工作总结", text]
    assert plan.editor.body.count("{{ change(") == 1
