"""Forms generated from the schema: validators that never block typing, problems shown at the
field (on both fields of a rule), units, contexts, pairs on one row, accessible names."""

from __future__ import annotations

from tests.ui.helpers import replace_text, type_into

from app.ui.forms import MARK_ERROR, MARK_OK, FieldValidator


def test_every_field_of_the_template_has_an_input(window):
    for field in window.model.template.fields:
        edit = window.forms.input_for(field.key)
        assert edit.accessibleName() == field.label
        assert isinstance(edit.validator(), FieldValidator)


def test_invalid_value_is_marked_at_the_field_with_a_message_about_it(window, qtbot):
    window.focus_field("meetings")
    edit = window.forms.input_for("meetings")
    type_into(qtbot, edit, "36")
    row = window.forms.page_of("meetings").rows["meetings"]
    assert row.mark.text() == MARK_OK
    assert window.problems_label.text() == "问题 46 个"
    replace_text(qtbot, edit, "3a6")
    assert edit.text() == "3a6"  # typing was never blocked
    assert edit.property("problem") == "error"
    assert not edit.hasAcceptableInput()
    assert row.mark.text() == MARK_ERROR
    assert row.message.isVisibleTo(window)
    assert row.message.text() == "“3a6”不是整数。"
    assert "“3a6”不是整数。" in edit.accessibleDescription()
    assert window.problems_label.text() == "问题 47 个"
    assert window.filled_label.text() == "已填 1/47"
    replace_text(qtbot, edit, "36")
    assert edit.property("problem") == ""
    assert not row.message.isVisibleTo(window)


def test_validator_never_refuses_a_keystroke(window, qtbot):
    for key, text in [("report_year", "20x6!"), ("inspection_day", "32"), ("wait_minutes", "..")]:
        window.focus_field(key)
        edit = window.forms.input_for(key)
        type_into(qtbot, edit, text)
        assert edit.text() == text
        assert window.model.value(key) == text


def test_a_rule_between_two_fields_is_shown_on_both(window, qtbot):
    window.focus_field("problems_found")
    replace_text(qtbot, window.forms.input_for("problems_found"), "3")
    window.focus_field("problems_rectified")
    replace_text(qtbot, window.forms.input_for("problems_rectified"), "5")
    page = window.forms.page_of("problems_found")
    message = "已整改到位的问题数（5）不能多于查摆出的问题数（3）。"
    for key in ("problems_found", "problems_rectified"):
        assert message in page.rows[key].message.text()
        assert window.forms.input_for(key).property("problem") == "error"
    replace_text(qtbot, window.forms.input_for("problems_found"), "9")
    for key in ("problems_found", "problems_rectified"):
        assert message not in page.rows[key].message.text()


def test_month_and_day_are_on_one_row_with_their_units(window, qtbot):
    window.focus_field("inspection_month")
    page = window.forms.page_of("inspection_month")
    qtbot.waitUntil(lambda: window.forms.input_for("inspection_day").x() > 0)
    row = page.rows["inspection_month"]
    assert row is page.rows["inspection_day"]
    assert list(row.inputs) == ["inspection_month", "inspection_day"]
    assert row.label.text() == "总局纪律检查组现场检查"
    month, day = row.inputs.values()
    assert month.y() == day.y() and month.x() < day.x()
    assert row.context.text().startswith("【\u00a0\u00a0】月【\u00a0\u00a0】日，平稳承接了")


def test_label_unit_and_context_are_shown(window):
    window.focus_field("meetings")
    row = window.forms.page_of("meetings").rows["meetings"]
    assert row.label.text() == "改革座谈会、动员会、培训会次数"
    assert row.label.buddy() is window.forms.input_for("meetings")
    assert row.context.text() == "……召开改革座谈会、动员会、培训会等【\u00a0\u00a0】余次"
    units = [
        w.text()
        for w in row.label.parentWidget().findChildren(type(row.label))
        if w.objectName() == "field-unit" and w.buddy() is window.forms.input_for("meetings")
    ]
    assert units == ["余次"]
    general = window.forms.page_of("unit_name").rows["unit_name"]
    assert "全文共 3 处" in general.context.text()
    assert general.hint.text().startswith("报告单位的名称")


def test_fields_are_grouped_by_paragraph(window):
    page = window.forms.page_of("meetings")
    page.ensure_built()
    titles = [
        w.text()
        for w in page.widget().findChildren(type(page.rows["meetings"].label))
        if w.objectName() == "group-title"
    ]
    assert titles == [
        "一是班子带头，凝心聚力。",
        "二是党建引领，统一思想。",
        "三是典型示范，树立榜样。",
    ]


def test_a_long_value_from_a_draft_is_not_cut(open_main_window, tmp_path):
    from app.core.draft import Draft, save_draft

    long_text = "很长的单位名称" * 6000  # 42,000 characters, past QLineEdit's default limit
    path = tmp_path / "long.fanwen"
    save_draft(Draft(values={"unit_name": long_text}), path)
    window = open_main_window(path)
    assert window.forms.input_for("unit_name").text() == long_text


def test_every_step_title_has_the_same_look(window):
    """The form pages and 预览与导出 share their title's look (set in code, app.ui.look)."""
    from PySide6.QtWidgets import QLabel

    from app.ui import look

    window.show_step(window.navigator.steps[0].id)
    form_title = window.forms.currentWidget().findChild(QLabel, "step-title")
    window.show_step("export")
    export_title = window.forms.export_page.findChild(QLabel, "step-title")
    for title in (form_title, export_title):
        assert title.font().pointSizeF() > window.font().pointSizeF() + 4
        assert title.palette().windowText().color() == look.GROUP_TITLE
        # by size and colour, not weight: a bold heading loads the CJK font's bold face too
        assert title.font().weight() == title.font().Weight.Normal
    window.show_step(window.navigator.steps[1].id)
    group_titles = window.forms.currentWidget().findChildren(QLabel, "group-title")
    assert group_titles
    for heading in group_titles:
        assert heading.font().weight() == heading.font().Weight.Normal
        assert heading.font().pointSizeF() > window.font().pointSizeF()
