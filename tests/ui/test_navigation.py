"""Steps: Back/Next with buttons and shortcuts, progress and done marks, next problem across
steps, the status bar, tab order in reading order, and what the window remembers."""

from __future__ import annotations

import configparser

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.ui.helpers import fill, replace_text, type_into

from app.core.draft import Draft, save_draft
from app.ui import settings as config


def test_next_and_back_buttons_and_shortcuts(window, qtbot):
    assert window.current_step_id() == "general"
    assert not window.actions.back.isEnabled()
    assert not window.back_button.isEnabled()
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_step_id() == "s1"
    qtbot.waitUntil(window.forms.input_for("meetings").hasFocus)  # first field of the step
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step_id() == "s2"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_step_id() == "s3"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_step_id() == "s2"
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_step_id() == "s1"
    for _ in range(6):
        window.actions.next.trigger()
    assert window.current_step_id() == "export"
    assert not window.actions.next.isEnabled()
    assert not window.next_button.isEnabled()
    assert window.forms.currentWidget() is window.forms.export_page


def test_clicking_a_step_shows_it(window, qtbot):
    rect = window.steps.visualItemRect(window.steps.item(3))
    qtbot.mouseClick(window.steps.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_step_id() == "s3"
    assert window.forms.currentWidget() is window.forms.pages["s3"]


def test_each_step_shows_filled_total_and_a_done_mark(window, qtbot, complete_values):
    item = window.steps.item(0)
    assert item.text() == "基本信息\n已填 0/3"
    assert not window.steps.is_done("general")
    general = {k: complete_values[k] for k in ("unit_name", "report_year", "report_month")}
    fill(window, qtbot, general)
    assert item.text() == "基本信息\n已填 3/3"
    assert window.steps.is_done("general")
    replace_text(qtbot, window.forms.input_for("report_month"), "13")  # filled but invalid
    assert item.text() == "基本信息\n已填 3/3"
    assert not window.steps.is_done("general")
    assert window.steps.item(2).text().endswith("已填 0/5")


def test_next_problem_jumps_across_steps(window, qtbot, complete_values):
    values = dict(complete_values)
    del values["report_month"]
    del values["loan_amount"]
    fill(window, qtbot, values)
    window.focus_field("unit_name")
    qtbot.mouseClick(window.problem_button, Qt.MouseButton.LeftButton)
    assert window.focused_key == "report_month"
    type_into(qtbot, window.forms.input_for("report_month"), "9")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F8)
    assert window.focused_key == "loan_amount"
    assert window.current_step_id() == "s3"
    qtbot.waitUntil(window.forms.input_for("loan_amount").hasFocus)
    assert window.filled_label.text() == "已填 46/47"
    assert window.problems_label.text() == "问题 1 个"
    type_into(qtbot, window.forms.input_for("loan_amount"), "3.6")
    window.next_problem()
    assert window.focused_key == "loan_amount"  # nowhere else to go
    assert "没有待处理的问题" in window.statusBar().currentMessage()
    assert window.problems_label.text() == "问题 0 个"


def test_tab_follows_reading_order(window, qtbot):
    window.show_step("s2")
    window.focus_first_field()
    page = window.forms.pages["s2"]
    expected = [*page.step.keys]
    assert expected[-2:] == ["inspection_month", "inspection_day"]
    seen = []
    widget = QApplication.focusWidget()
    for _ in range(len(expected) + 4):
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
    keys = [getattr(w, "key", None) for w in seen[: len(expected)]]
    assert keys == expected
    assert seen[len(expected) :] == [
        window.problem_button,
        window.back_button,
        window.next_button,
        window.preview,
    ]


def test_window_remembers_size_splitter_and_step(open_main_window, fanwen_home, tmp_path):
    path = tmp_path / "报告.fanwen"
    save_draft(Draft(values={"unit_name": "江城市税务局"}), path)
    first = open_main_window(path)
    first.resize(770, 580)  # the offscreen screen is 800x600
    first.splitter.setSizes([150, 300, 320])
    size, sizes = first.size(), first.splitter.sizes()
    assert size != open_main_window(show=False).size()
    first.show_step("s3")
    first.close()
    settings_file = fanwen_home / "settings.ini"
    assert settings_file.is_file()
    ini = configparser.ConfigParser()
    ini.read(settings_file, encoding="utf-8")
    assert ini["window"]["last_step"] == "s3"
    second = open_main_window(path)
    assert second.current_step_id() == "s3"
    assert second.size() == size
    assert second.splitter.sizes() == sizes
    assert config.Settings().get(config.LAST_STEP) == "s3"


def test_a_new_empty_draft_starts_at_the_first_step(open_main_window):
    config.Settings().set(config.LAST_STEP, "s4")
    window = open_main_window()
    assert window.current_step_id() == "general"


def test_forms_are_built_only_for_steps_the_writer_visits(window):
    assert set(window.forms.pages) == {"general"}
    assert window.forms.pages["general"].fully_built()
    window.next_step()
    assert set(window.forms.pages) == {"general", "s1"}
    window.focus_field("adopted_research")  # going to a field builds its step
    assert set(window.forms.pages) == {"general", "s1", "s4"}
