"""The numbers that carry over, in the window: computed fields (read-only, their formula in
words, following their inputs, saying why they are empty), 新建下一期, 从表格填入, 批量生成 and
单位信息; the acceptance scenario (January, next period, February) end to end."""

from __future__ import annotations

import json

import pytest
from tests.ui.helpers import edit_menu_texts, replace_text, type_into


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
    action = window.numbers.period.action
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
    fill = window.numbers.fill
    assert fill.action in window.actions.file_menu.actions()
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
    assert edit_menu_texts(window)[0] == "撤销 填入 6 个数值(&U)"
    window.actions.undo.trigger()
    assert window.model.value("revenue") == "" and window.model.value("revenue_yoy") == ""
    assert window.forms.input_for("revenue_yoy").text() == ""
    window.actions.redo.trigger()
    assert window.model.value("revenue_yoy") == "10.0"
    assert window.files.save()

    window.numbers.period.action.trigger()
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
    assert not window.numbers.fill.fill_from_spreadsheet(table)
    assert len(errors) == 1 and str(table) in errors[0]
    assert not window.session.can_undo()


def test_unit_information_fills_new_reports(monthly_window):
    from app.core.profile import load_profile

    window = monthly_window
    actions = window.numbers.profile
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


def test_batch_writes_a_report_per_row_with_progress(monthly_window, tmp_path):
    window = monthly_window
    batch = window.numbers.batch
    assert batch.action in window.actions.file_menu.actions()
    rows = tmp_path / "各分局.csv"
    common = "2027,3,1100,1000,重点,李明,1234"
    rows.write_text(
        "单位名称,查摆问题数,已整改问题数,报告年度,报告月份,本月税费收入,去年同月税费收入,"
        f"下月工作重点,联系人,联系电话\n甲分局,4,2,{common}\n乙分局,5,5,{common}\n"
        f"丙分局,,1,{common}\n",
        encoding="utf-8",
    )
    out = tmp_path / "报告"
    asked = []
    batch.choose_rows = lambda: rows
    batch.choose_format = lambda: "txt"
    batch.choose_folder = lambda start: out
    batch.confirm = lambda plan: asked.append(batch.summary(plan)) or False
    told = []
    window.dialogs.information = lambda title, message: told.append(message)
    result = batch.make_batch()
    assert result is not None
    assert "3 行：2 行完整，1 行不完整或有误。" in asked[0]
    assert sorted(p.name for p in out.iterdir()) == ["乙分局.txt", "甲分局.txt"]
    assert "整改率50.0%" in (out / "甲分局.txt").read_text(encoding="utf-8-sig")
    assert "2" in told[0] and str(out) in told[0]
    assert [row.stem for row in result.skipped] == ["丙分局"]
