"""Computed fields in the window: read-only, their formula in words, updated as the writer types,
and why an empty one is empty."""

from __future__ import annotations

import json

import pytest
from tests.ui.helpers import replace_text, type_into


@pytest.fixture
def monthly_window(open_main_window, tmp_path):
    draft = tmp_path / "一月.fanwen"
    draft.write_text(json.dumps({"template": "monthly", "values": {}}), encoding="utf-8")
    return open_main_window(draft)


def test_a_computed_field_is_read_only_with_its_formula_in_words(monthly_window):
    window = monthly_window
    window.focus_field("found")
    edit = window.forms.input_for("rectify_rate")
    assert edit.isReadOnly()
    row = window.forms.page_of("rectify_rate").rows["rectify_rate"]
    assert row.hint.text() == "= 已整改问题数 ÷ 查摆问题数 × 100"
    assert row.hint.isVisibleTo(window)
    assert row.message.text() == "等待填写“已整改问题数、查摆问题数”。"


def test_typing_an_input_updates_the_computed_field_and_the_preview(monthly_window, qtbot):
    window = monthly_window
    window.focus_field("found")
    type_into(qtbot, window.forms.input_for("found"), "8")
    window.focus_field("rectified")
    type_into(qtbot, window.forms.input_for("rectified"), "6")
    rate = window.forms.input_for("rectify_rate")
    assert rate.text() == "75.0"
    assert "整改率75.0%" in "".join(p.text for p in window.model.document.paragraphs)
    row = window.forms.page_of("rectify_rate").rows["rectify_rate"]
    assert row.message.text() == ""
    replace_text(qtbot, window.forms.input_for("found"), "0")
    assert rate.text() == ""
    assert rate.property("problem") == "error"
    assert "除数为零" in row.message.text()
    window.actions.undo.trigger()
    assert rate.text() == "75.0"


JANUARY = {
    "unit_name": "江城市税务局",
    "report_year": "2026",
    "report_month": "12",
    "revenue": "1100",
    "revenue_last_year": "1000",
    "found": "10",
    "rectified": "8",
}


def test_new_next_period_makes_the_next_report_with_last_periods_values(
    open_main_window, tmp_path, qtbot
):
    from app.core.periods import derived_from

    source = tmp_path / "十二月.fanwen"
    source.write_text(json.dumps({"template": "monthly", "values": JANUARY}), encoding="utf-8")
    window = open_main_window(source)
    action = window.period_actions.next_action
    assert action.text() == "新建下一期(&N)"
    assert action in window.actions.file_menu.actions()
    action.trigger()
    session = window.session
    assert session.path is None and session.modified
    assert session.model.value("report_month") == "1"
    assert session.model.value("report_year") == "2027"
    assert session.model.value("revenue") == ""
    assert derived_from(session.draft.extra) == str(source.resolve())
    window.focus_field("revenue")
    row = window.forms.page_of("revenue").rows["revenue"]
    previous = row.label.parentWidget().findChild(type(row.label), "field-previous")
    assert previous is not None and previous.text() == "（上期 1100）"
    type_into(qtbot, window.forms.input_for("revenue"), "1210")
    assert window.forms.input_for("revenue_mom").text() == "10.0"
    text = "".join(p.text for p in window.model.document.paragraphs)
    assert "环比增长10.0%" in text


def test_january_then_february_through_the_app(open_main_window, tmp_path, qtbot):
    """The acceptance scenario in the window: fill January from a spreadsheet, 新建下一期,
    fill February from its own: 同比 and 环比 without typing a percentage."""
    import openpyxl

    january = tmp_path / "一月.fanwen"
    january.write_text(
        json.dumps({"template": "monthly", "values": {"unit_name": "江城市税务局"}}),
        encoding="utf-8",
    )
    window = open_main_window(january)
    fill = window.spreadsheet_fill
    assert fill.fill_action in window.actions.file_menu.actions()
    shown = []
    fill.confirm = lambda plan, template: shown.append(fill.summary(plan, template)) or True
    sheet = tmp_path / "一月.csv"
    sheet.write_text(
        "项目,数值\n报告年度,2027\n报告月份,1\n本月税费收入,1100\n去年同月税费收入,1000\n"
        "查摆问题数,10\n已整改问题数,8\n",
        encoding="gb18030",
    )
    assert fill.fill_from_spreadsheet(sheet)
    assert "本月税费收入：— → 1100" in shown[0]
    assert "项目（第 1 行）" in shown[0]  # listed, never silently dropped
    model = window.model
    assert model.value("revenue_yoy") == "10.0"
    window.focus_field("revenue")
    assert window.forms.input_for("revenue_yoy").text() == "10.0"
    # one step of the history
    assert window.actions.undo.text() == "撤销 填入 6 个数值(&U)"
    window.actions.undo.trigger()
    assert window.model.value("revenue") == "" and window.model.value("revenue_yoy") == ""
    assert window.forms.input_for("revenue_yoy").text() == ""
    window.actions.redo.trigger()
    assert window.model.value("revenue_yoy") == "10.0"
    assert window.files.save()

    window.period_actions.next_action.trigger()
    book = openpyxl.Workbook()
    book.active.append(["本月税费收入", "去年同月税费收入", "查摆问题数", "已整改问题数"])
    book.active.append([1210, 1150, 12, 12])
    book.save(tmp_path / "二月.xlsx")
    assert fill.fill_from_spreadsheet(tmp_path / "二月.xlsx")
    text = "".join(p.text for p in window.model.document.paragraphs)
    assert "2027年2月工作报告" in text
    assert "同比增长5.2%" in text
    assert "环比增长10.0%" in text
    assert "整改率100.0%" in text


def test_a_bad_spreadsheet_is_named_and_changes_nothing(monthly_window, tmp_path):
    window = monthly_window
    errors = []
    window.dialogs.error = lambda title, message: errors.append(message)
    table = tmp_path / "收入.csv"
    table.write_text("收入,5\n", encoding="utf-8")
    assert not window.spreadsheet_fill.fill_from_spreadsheet(table)
    assert len(errors) == 1 and str(table) in errors[0]
    assert not window.session.can_undo()


def test_unit_information_fills_new_reports(monthly_window):
    from app.core.profile import load_profile

    window = monthly_window
    actions = window.profile_actions
    assert actions.profile_action in window.actions.settings_menu.actions()
    assert actions.profile_action.text() == "单位信息(&U)…"

    def answer(dialog):
        dialog.inputs["unit_name"].setText("江城市税务局")
        dialog.inputs["phone"].setText(" 027-12345678 ")
        return True

    actions.ask = answer
    assert actions.edit_profile()
    assert load_profile() == {"unit_name": "江城市税务局", "phone": "027-12345678"}
    assert window.model.value("unit_name") == ""  # the open report is left as it is
    window.actions.new.trigger()
    assert window.model.value("unit_name") == "江城市税务局"
    assert window.model.value("phone") == "027-12345678"
