"""Issue 15 (A): different facts are never merged into one field. A number or a date is a fact
of its own place; only the name of the same organisation or place (××县 … ××县) is merged."""

from __future__ import annotations

from app.core.importer import SourceDocument, plan_from_source


def _plan(*paragraphs: str):  # type: ignore[no-untyped-def]
    return plan_from_source(SourceDocument("范文.txt", tuple(paragraphs), "utf-8"), "t1")


def _sizes(plan) -> list[int]:  # type: ignore[no-untyped-def]
    return [len(plan.editor.places(f.key)) for f in plan.fields]


def test_five_rates_are_five_fields() -> None:
    plan = _plan(
        "全县实现地区生产总值XX亿元，同比增长X.X%；固定资产投资同比增长X.X%；"
        "规上工业增加值同比增长X.X%；工业投资同比增长X.X%；社会消费品零售总额同比增长X.X%。"
    )
    percents = [f for f in plan.fields if f.kind.value == "percent"]
    assert len(percents) == 5
    assert set(_sizes(plan)) == {1}


def test_tax_and_non_tax_revenue_are_two_fields() -> None:
    plan = _plan("税收收入完成X亿元，非税收入完成X亿元。合同利用外资X万美元，实际利用外资X万美元。")
    assert len(plan.fields) == 4
    assert set(_sizes(plan)) == {1}


def test_two_people_are_two_fields() -> None:
    plan = _plan("×××同志任党委书记。", "×××同志任镇长。")
    assert len(plan.fields) == 2


def test_years_and_dates_stand_alone() -> None:
    plan = _plan("20XX年以来，我镇…", "20XX年全年完成…", "20XX年X月X日")
    assert set(_sizes(plan)) == {1}


def test_the_same_county_is_one_field() -> None:
    plan = _plan("××县20XX年工作总结", "××县位于…", "全县…××县人民政府")
    county = [f for f in plan.fields if f.label == "县名称"]
    assert len(county) == 1
    assert len(plan.editor.places(county[0].key)) >= 2


def test_a_space_padded_date_is_one_date() -> None:
    plan = _plan("特此报告。", "XX 年 XX 月 XX 日")
    assert [f.kind.value for f in plan.fields] == ["year", "month", "day"]
    assert {f.label.split("（")[0] for f in plan.fields} == {"日期"}


def test_document_numbers_and_partial_years() -> None:
    plan = _plan("根据《通知》（××组通〔201×〕××号）要求。", "20**年，在市委的领导下。")
    kinds = {f.placeholder: (f.kind.value, f.label) for f in plan.fields}
    assert kinds["201×"] == ("year", "文号（年份）")
    assert kinds["20**"][0] == "year"
    assert ("integer", "文号（序号）") in kinds.values()


def test_a_rate_is_labelled_with_what_it_measures() -> None:
    plan = _plan("实现销售收入XX亿元，同比增长X.X%；完成税金XX万元，同比增长X.X%。")
    labels = [f.label for f in plan.fields]
    assert labels == ["销售收入", "销售收入同比增长", "税金", "税金同比增长"]
    assert not any("【" in label or "X" in label for label in labels)


def test_a_county_head_is_not_the_county() -> None:
    plan = _plan("请xx县长讲话。", "xx县绿化委员会办公室", "xx县2018年实施方案")
    county = [f for f in plan.fields if f.label == "县名称"]
    assert len(county) == 1 and len(plan.editor.places(county[0].key)) == 2
    assert len(plan.fields) == 2
