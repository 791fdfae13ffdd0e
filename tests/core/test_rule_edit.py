"""Rules made in the field editor: in words, checked, saved into a template and loaded back
exactly; what cannot be a rule is refused; a template with a broken rule says which one."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import rule_edit
from app.core.errors import TemplateError
from app.core.kinds import FieldKind
from app.core.library import find_template
from app.core.loader import load_template
from app.core.paths import builtin_templates_dir
from app.core.report import ReportModel
from app.core.rule_edit import Relation, RuleChoice, RuleEditError, RuleState
from app.core.rules import Severity, message_problem
from app.core.template import Origin
from app.core.template_edit import TemplateEditor

SIXIN = builtin_templates_dir() / "sixin"


def _editor() -> TemplateEditor:
    editor = TemplateEditor.from_template(find_template("sixin"))
    editor.template_id = "sixin-mine"
    return editor


def _names(editor: TemplateEditor) -> dict[str, str]:
    return rule_edit.field_names(editor.fields, editor.sections)


def _reloaded(editor: TemplateEditor) -> TemplateEditor:
    folder = editor.save(overwrite=True)
    return TemplateEditor.from_template(load_template(folder, Origin.USER))


def test_the_templates_rules_in_words():
    editor = _editor()
    assert [editor.rule_words(rule) for rule in editor.rules] == [
        "已整改到位问题数 不能多于 专项检查查摆问题数",
        "征求意见归纳类数 不能多于 征求意见条数",
        "总局纪律检查组现场检查日期 必须是存在的日期（年份取“报告年度”）",
        "已整改到位问题数 × 2 不能少于 专项检查查摆问题数",
        "“正转副”干部人数 + “涉军”干部人数 不能多于 谈心谈话干部人数",
    ]


def test_add_edit_and_remove_rules_round_trip_through_the_saved_template():
    editor = _editor()
    fields = editor.fields
    rule_edit.remove_rule(editor.rules, 0)  # 已整改 ≤ 查摆, made again below
    made = rule_edit.add_rule(
        editor.rules, fields, RuleChoice(Relation.AT_MOST, "problems_rectified", "problems_found")
    )
    assert made["check"] == "problems_rectified <= problems_found"
    assert made["message"] == (
        "已整改到位问题数（{problems_rectified}）不能多于专项检查查摆问题数（{problems_found}）。"
    )
    rule_edit.add_rule(
        editor.rules,
        fields,
        RuleChoice(Relation.AT_LEAST, "meetings", number=Decimal("2")),
        severity=Severity.WARNING,
    )
    index = len(editor.rules) - 1
    rule_edit.set_rule(
        editor.rules,
        fields,
        index,
        RuleChoice(Relation.EQUAL, "wait_minutes", number=Decimal("12.5") / 5),
        "等候时间为{wait_minutes}分钟。",
        Severity.WARNING,
    )
    rule_edit.remove_rule(editor.rules, 3)  # the one written as a formula
    again = _reloaded(editor)
    assert again.rules == editor.rules
    assert [rule_edit.read_choice(r) for r in again.rules][-1] == RuleChoice(
        Relation.EQUAL, "wait_minutes", number=Decimal("2.5")
    )
    template = load_template(editor.save(overwrite=True), Origin.USER)
    assert [r.id for r in template.rules] == [str(r["id"]) for r in editor.rules]
    # The rule made in the editor works in a report like one written by hand.
    model = ReportModel(template, {"problems_found": "3", "problems_rectified": "5"})
    [problem] = model.rule_problems("problems_rectified")
    assert problem.message == "已整改到位问题数（5）不能多于专项检查查摆问题数（3）。"
    assert "sixin" in str(find_template("sixin").folder)  # the built-in one is untouched
    assert len(find_template("sixin").rules) == 5


def _choices(fields):  # type: ignore[no-untyped-def]
    numbers = [f for f in fields if f.kind.is_number]

    @st.composite
    def choice(draw):  # type: ignore[no-untyped-def]
        first = draw(st.sampled_from(numbers))
        relations = rule_edit.relations_for(fields, first.key)
        relation = draw(st.sampled_from(relations))
        if relation is Relation.DATE:
            day = draw(st.sampled_from(rule_edit.date_choices(fields, FieldKind.DAY)))
            years = [None, *rule_edit.date_choices(fields, FieldKind.YEAR)]
            return RuleChoice(relation, first.key, day, year=draw(st.sampled_from(years)))
        others = rule_edit.second_choices(fields, first.key)
        if others and draw(st.booleans()):
            return RuleChoice(relation, first.key, draw(st.sampled_from(others)))
        low = int(first.minimum if first.minimum is not None else 0)
        high = int(first.maximum) if first.maximum is not None else low + 10**9
        if first.kind.value == "year":
            low, high = 1949, 2100
        elif first.kind.value == "month":
            low, high = 1, 12
        elif first.kind.value == "day":
            low, high = 1, 31
        number = draw(st.integers(low, high))
        return RuleChoice(relation, first.key, number=Decimal(number))

    return choice()


_EDITOR = _editor()
#: What a writer may type as a message: any text, values written as {label}.
_WORDS = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="{}"), max_size=30
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_rule_the_editor_can_make_is_loaded_back_identically(data, fanwen_home):
    editor = _editor()
    editor.rules = []
    names = _names(editor)
    made = []
    for _ in range(data.draw(st.integers(1, 4))):
        choice = data.draw(_choices(editor.fields))
        key = data.draw(st.sampled_from(choice.keys))
        typed = data.draw(_WORDS) + "{" + names[key] + "}" + data.draw(_WORDS)
        if not typed.strip():
            typed = "x"
        message = rule_edit.message_from_writer(typed, choice.keys, names)
        severity = data.draw(st.sampled_from(list(Severity)))
        rule_edit.add_rule(editor.rules, editor.fields, choice, message, severity)
        made.append((choice, typed.strip(), severity))
    again = _reloaded(editor)
    assert again.rules == editor.rules
    for rule, (choice, typed, severity) in zip(again.rules, made, strict=True):
        assert rule_edit.read_choice(rule) == choice
        assert rule_edit.message_for_writer(rule["message"], choice.keys, names) == typed
        assert rule["severity"] == severity.value


@pytest.mark.parametrize(
    ("choice", "refusal"),
    [
        (RuleChoice(Relation.AT_MOST, "problems_found", "problems_found"), "两个不同的字段"),
        (RuleChoice(Relation.AT_MOST, "unit_name", "problems_found"), "是文字"),
        (RuleChoice(Relation.AT_MOST, "problems_found", "unit_name"), "是文字"),
        (RuleChoice(Relation.AT_MOST, "problems_found", "report_year"), "不同种类的数字"),
        (RuleChoice(Relation.AT_MOST, "nothing", "problems_found"), "字段不存在"),
        (RuleChoice(Relation.AT_MOST, "problems_found"), "与另一个字段还是与一个数值"),
        (RuleChoice(Relation.DATE, "inspection_month"), "需要月和日"),
        (RuleChoice(Relation.EQUAL, "meetings", number=Decimal("2.5")), "整数"),
        (RuleChoice(Relation.AT_MOST, "inspection_month", number=Decimal(13)), "1"),
    ],
)
def test_what_cannot_be_a_rule_is_refused(choice, refusal):
    editor = _editor()
    before = list(editor.rules)
    with pytest.raises(RuleEditError, match=refusal):
        rule_edit.add_rule(editor.rules, editor.fields, choice)
    assert editor.rules == before


def test_what_is_offered_can_only_make_rules():
    fields = _editor().fields
    assert "problems_found" in rule_edit.second_choices(fields, "problems_rectified")
    assert "problems_rectified" not in rule_edit.second_choices(fields, "problems_rectified")
    assert "report_year" not in rule_edit.second_choices(fields, "problems_rectified")
    assert rule_edit.second_choices(fields, "unit_name") == []
    assert rule_edit.relations_for(fields, "unit_name") == []
    assert Relation.DATE in rule_edit.relations_for(fields, "inspection_month")
    assert Relation.DATE not in rule_edit.relations_for(fields, "problems_found")


@pytest.mark.parametrize(
    ("field", "typed", "refusal"),
    [
        ("inspection_month", "13", "1"),
        ("problems_found", "x", "不是整数"),
        ("problems_found", "", "用来比较的数值"),
        ("problems_found", "1234567890123456", "数字位数太多"),
    ],
)
def test_a_fixed_number_is_checked_as_a_value_of_field_a(field, typed, refusal):
    with pytest.raises(RuleEditError, match=refusal):
        rule_edit.parse_number(typed, _editor().field(field))
    assert rule_edit.parse_number("１,２００", _editor().field("problems_found")) == 1200


def test_the_message_names_values_by_label_and_refuses_anything_else():
    editor = _editor()
    names = _names(editor)
    keys = ("problems_rectified", "problems_found")
    stored = rule_edit.message_from_writer(
        "{已整改到位问题数}个，超过了{problems_found}", keys, names
    )
    assert stored == "{problems_rectified}个，超过了{problems_found}"
    assert rule_edit.message_for_writer(stored, keys, names) == (
        "{已整改到位问题数}个，超过了{专项检查查摆问题数}"
    )
    for bad in ("{征求意见条数}", "a { b", "", "{{x}"):
        with pytest.raises(RuleEditError):
            rule_edit.message_from_writer(bad, keys, names)


@given(
    st.lists(
        st.one_of(_WORDS, st.sampled_from(["{已整改到位问题数}", "{专项检查查摆问题数}"])),
        min_size=1,
        max_size=6,
    )
)
def test_a_message_as_the_writer_types_it_round_trips(parts):
    names = _names(_EDITOR)
    keys = ("problems_rectified", "problems_found")
    typed = "".join(parts).strip()
    if not typed:
        return
    stored = rule_edit.message_from_writer(typed, keys, names)
    assert message_problem(stored, keys) is None
    assert rule_edit.message_for_writer(stored, keys, names) == typed


def test_whether_a_rule_holds_now():
    editor = _editor()
    fields = editor.fields
    rule = editor.rules[0]
    values = {"problems_found": "3", "problems_rectified": "5"}
    assert rule_edit.rule_status(rule, fields, values) == (RuleState.FAILS, "5 > 3")
    assert rule_edit.rule_status(rule, fields, {**values, "problems_found": "9"}).state == (
        RuleState.HOLDS
    )
    assert rule_edit.rule_status(rule, fields, {"problems_found": "3"}).state is RuleState.OPEN
    date = editor.rules[2]
    feb = {"report_year": "2026", "inspection_month": "2", "inspection_day": "29"}
    assert rule_edit.rule_status(date, fields, feb) == (RuleState.FAILS, "2月没有29日")
    assert rule_edit.rule_status(date, fields, {**feb, "report_year": "2028"}).state == (
        RuleState.HOLDS
    )
    at_least = rule_edit.make_entry(
        [], fields, RuleChoice(Relation.AT_LEAST, "meetings", number=Decimal(4))
    )
    assert rule_edit.rule_status(at_least, fields, {"meetings": "3"}).detail == "3 < 4"
    formula = editor.rules[3]
    half = {"problems_found": "11", "problems_rectified": "5"}
    assert rule_edit.rule_status(formula, fields, half) == (RuleState.FAILS, "")


def test_a_renamed_or_removed_field_is_followed_or_said():
    editor = _editor()
    rule_edit.remove_rule(editor.rules, 0)
    rule_edit.add_rule(
        editor.rules,
        editor.fields,
        RuleChoice(Relation.AT_MOST, "problems_rectified", "problems_found"),
        names=_names(editor),
    )
    made = editor.rules[-1]
    # A new label: the words and the message the editor wrote follow it.
    editor.set_label("problems_found", "查摆问题数")
    assert editor.rule_words(made) == "已整改到位问题数 不能多于 查摆问题数"
    assert (
        made["message"]
        == "已整改到位问题数（{problems_rectified}）不能多于查摆问题数（{problems_found}）。"
    )
    # Merged into another field: the rule follows the key it now has.
    rule_edit.add_rule(
        editor.rules, editor.fields, RuleChoice(Relation.AT_LEAST, "meetings", number=Decimal(4))
    )
    editor.merge(["stage_count", "meetings"])
    assert editor.rules[-1]["check"] == "stage_count >= 4"
    # Two fields of one rule made one: the rule cannot stay, and that is said in words.
    editor.merge(["opinion_items", "opinion_categories"])
    assert not any("opinion_categories" in str(r.get("check")) for r in editor.rules)
    assert editor.notes == [
        "已删除规则“征求意见归纳类数 不能多于 征求意见条数”：它比较的字段已合并为一个。"
    ]
    editor.notes.clear()
    # Removed (the writer said its place is not a placeholder): the rule goes, and it is said.
    while editor.has_field("problems_found"):
        editor.unmark("problems_found", 0)
    assert not any("problems_found" in rule_edit.rule_keys(r) for r in editor.rules)
    assert (
        "已删除规则“已整改到位问题数 不能多于 查摆问题数”：它比较的字段“查摆问题数”已被删除。"
        in (editor.notes)
    )
    editor.to_template()  # and the template is still whole


# ------------------------------------------------------------------------- hostile templates


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "shared-sixin"
    shutil.copytree(SIXIN, folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (
            'check = "opinion_categories <= opinion_items"',
            'check = "opinion_categories <= opinion_count"',
            "rules[1] “categories_within_items”.check: 未知的数字类字段“opinion_count”",
        ),
        (
            'check = "opinion_categories <= opinion_items"',
            'check = "opinion_categories <== opinion_items"',
            "rules[1] “categories_within_items”.check: 不是有效的表达式",
        ),
        (
            'check = "opinion_categories <= opinion_items"',
            'check = "opinion_categories <= unit_name"',
            "rules[1] “categories_within_items”.check: 未知的数字类字段“unit_name”",
        ),
        (
            'check = "opinion_categories <= opinion_items"',
            "check = 5",
            "rules[1] “categories_within_items”.check: 应为带引号的文字",
        ),
        (
            'month = "inspection_month"',
            'month = "unit_name"',
            "rules[2] “inspection_date_exists”.date.month: 应为数字类字段的键名",
        ),
        (
            'id = "categories_within_items"',
            'id = "rectified_within_found"',
            "rules[1].id: “rectified_within_found”重复使用",
        ),
    ],
)
def test_a_broken_rule_in_a_shared_template_is_named_with_its_file(tmp_path, old, new, fragment):
    folder = _copy(tmp_path)
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    assert old in text
    schema.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        load_template(folder, Origin.SHARED)
    message = str(error.value)
    assert str(schema) in message and fragment in message, message
    assert "\n" not in message


def test_an_entry_the_editor_cannot_read_is_said_and_never_crashes():
    fields = _editor().fields
    names = _names(_editor())
    for item in (
        {"check": "(" * 500 + "a"},
        {"check": 5},
        {"date": {"month": 3}},
        {"date": "x"},
        {},
    ):
        assert rule_edit.read_choice(item) is None
        assert isinstance(rule_edit.describe(item, names), str)
        assert rule_edit.rule_status(item, fields, {}).state is RuleState.BROKEN
    missing = {"check": "problems_found <= nothing", "message": "x"}
    assert rule_edit.rule_status(missing, fields, {}) == (
        RuleState.BROKEN,
        "未知的数字类字段“nothing”。",
    )
