"""The guided steps as data: titles from the document, forms grouped by paragraph, contexts,
navigation and next problem; and the model's incremental per-section counts behind them."""

from __future__ import annotations

import random

from app.core.report import ReportModel
from app.core.steps import EXPORT, GENERAL, Navigator, build_steps, field_context, pair_label


def steps_of(template, values=None):
    model = ReportModel(template, values or {})
    return model, build_steps(template, model.document)


def test_steps_are_general_the_four_headings_and_export(sixin):
    _model, steps = steps_of(sixin)
    assert [s.id for s in steps] == [GENERAL, "s1", "s2", "s3", "s4", EXPORT]
    assert [s.title for s in steps] == [
        "基本信息",
        "一、一颗红心永向党，坚定了政治立场",
        "二、恪守公心讲规矩，提供了纪律保障",
        "三、满腔热心优服务，赢得了税户满意",
        "四、戮力同心争上游，创造了良好业绩",
        "预览与导出",
    ]
    assert not steps[-1].is_form
    assert steps[0].keys == ("unit_name", "report_year", "report_month")


def test_every_field_is_asked_exactly_once(sixin):
    _model, steps = steps_of(sixin)
    keys = [key for step in steps for key in step.keys]
    assert sorted(keys) == sorted(f.key for f in sixin.fields)
    assert len(keys) == len(set(keys))


def test_groups_follow_paragraphs_in_reading_order(sixin):
    model, steps = steps_of(sixin)
    s1 = steps[1]
    assert [g.title for g in s1.groups] == [
        "一是班子带头，凝心聚力。",
        "二是党建引领，统一思想。",
        "三是典型示范，树立榜样。",
    ]
    first = s1.groups[0]
    assert [row.keys[0] for row in first.rows] == model.document.paragraphs[
        first.paragraph
    ].field_keys()


def test_context_is_the_sentence_around_the_placeholder(sixin):
    model, steps = steps_of(sixin)
    rows = {row.keys[0]: row for step in steps for group in step.groups for row in group.rows}
    document = model.document
    assert rows["meetings"].context(document) == "……召开改革座谈会、动员会、培训会等【 】余次"
    assert rows["talk_cadres"].context(document) == (
        "深入基层，关注干部思想动态，与【 】多名干部谈心谈话"
    )
    # other placeholders in the window keep the model text's XX / X, even once filled
    assert rows["opinion_items"].context(document) == "……归纳为政治待遇、工作融合等X类【 】条"
    model.set_value("opinion_categories", "4")
    assert rows["opinion_items"].context(model.document) == (
        "……归纳为政治待遇、工作融合等X类【 】条"
    )
    assert rows["unit_name"].occurrences == 3


def test_month_and_day_share_one_row(sixin):
    model, steps = steps_of(sixin)
    s2 = steps[2]
    pair_rows = [row for group in s2.groups for row in group.rows if len(row.keys) == 2]
    assert len(pair_rows) == 1
    row = pair_rows[0]
    assert row.keys == ("inspection_month", "inspection_day")
    assert row.label == "总局纪律检查组现场检查"
    assert row.context(model.document).startswith("【 】月【 】日，平稳承接了")
    assert s2.keys[-2:] == ("inspection_month", "inspection_day")


def test_pair_label_falls_back_to_both_labels():
    assert pair_label("检查：月", "检查：日") == "检查"
    assert pair_label("月份", "日子") == "月份 / 日子"


def test_context_of_a_missing_field_is_just_the_gap(sixin):
    model = ReportModel(sixin)
    assert field_context(model.document.paragraphs[0], ["unit_name"]) == "【 】"


def test_navigation_table_and_ends(sixin):
    _model, steps = steps_of(sixin)
    navigator = Navigator(steps)
    assert navigator.next_of[GENERAL] == "s1"
    assert navigator.next_of["s4"] == EXPORT
    assert navigator.next_of[EXPORT] is None
    assert navigator.previous_of[GENERAL] is None
    assert navigator.previous_of[EXPORT] == "s4"
    assert navigator.step_of("inspection_day") == "s2"
    assert navigator.step_of("unit_name") == GENERAL


def test_next_problem_walks_across_steps_and_wraps(sixin, complete_values):
    values = dict(complete_values)
    del values["report_month"]
    del values["loan_amount"]
    values["problems_rectified"] = "99"  # breaks a rule: problems_found is flagged too
    model, steps = steps_of(sixin, values)
    navigator = Navigator(steps)
    order = []
    key = None
    for _ in range(6):
        key = navigator.next_problem(model.has_problem, after=key)
        order.append(key)
    assert order[:4] == ["report_month", "problems_found", "problems_rectified", "loan_amount"]
    assert order[4] == "report_month"  # wraps round
    back = navigator.next_problem(model.has_problem, after="loan_amount", backwards=True)
    assert back == "problems_rectified"
    complete = ReportModel(sixin, complete_values)
    assert navigator.next_problem(complete.has_problem) is None


def test_section_counts_follow_every_change(sixin):
    """The incremental counts always equal a count made from scratch."""
    model = ReportModel(sixin)
    rng = random.Random(7)
    candidates = ["", "1", "12", "abc", "-3", "99", "2026", "4.5", "江城"]
    keys = [f.key for f in sixin.fields]
    for _ in range(400):
        model.set_value(rng.choice(keys), rng.choice(candidates))
        fresh = ReportModel(sixin, dict(model.values))
        assert model.counts() == fresh.counts()
        for section in sixin.sections:
            assert model.section_counts(section.id) == fresh.section_counts(section.id)
        for key in keys:
            assert model.has_problem(key) == fresh.has_problem(key)


def test_update_names_the_fields_sharing_a_rule(sixin, complete_values):
    model = ReportModel(sixin, complete_values)
    update = model.set_value("problems_rectified", "50")
    assert set(update.affected) == {"problems_rectified", "problems_found"}
    assert model.has_problem("problems_found")
    assert model.section_counts("s1") == (15, 15, 2)
