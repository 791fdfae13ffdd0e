"""Chinese by default; English from the setting, at start and switched live (UI and core)."""

from __future__ import annotations

from tests.ui.helpers import type_into

from app.core import i18n
from app.ui import settings as config


def test_chinese_by_default(window):
    assert window.actions.file_menu.title() == "文件(&F)"
    assert window.next_button.text() == "下一步 >"
    assert window.steps.item(5).text() == "预览与导出"
    assert window.windowTitle() == "未命名[*] — 范文填写助手"
    assert i18n.language() == "zh_CN"


def test_english_from_the_setting(open_main_window, qtbot):
    config.Settings().set(config.LANGUAGE, "en")
    window = open_main_window()
    assert window.actions.file_menu.title() == "&File"
    assert window.filled_label.text() == "Filled 0/47"
    assert window.steps.item(5).text() == "Preview and export"
    window.focus_field("meetings")
    type_into(qtbot, window.forms.input_for("meetings"), "x")
    assert window.forms.page_of("meetings").rows["meetings"].message.text() == (
        "“x” is not a whole number."
    )
    assert window.actions.english.isChecked()


def test_switching_language_live_keeps_the_values(window, qtbot):
    window.focus_field("meetings")
    type_into(qtbot, window.forms.input_for("meetings"), "x")
    assert window.forms.page_of("meetings").rows["meetings"].message.text() == "“x”不是整数。"
    window.actions.english.trigger()
    assert window.actions.file_menu.title() == "&File"
    assert window.problems_label.text() == "Problems: 47"
    assert window.steps.item(5).text() == "Preview and export"
    assert window.forms.input_for("meetings").text() == "x"
    assert window.forms.page_of("meetings").rows["meetings"].message.text() == (
        "“x” is not a whole number."
    )
    assert window.current_step_id() == "s1"
    assert config.Settings().get(config.LANGUAGE) == "en"
    window.actions.chinese.trigger()
    assert window.actions.file_menu.title() == "文件(&F)"
    assert window.forms.page_of("meetings").rows["meetings"].message.text() == "“x”不是整数。"
    assert config.Settings().get(config.LANGUAGE) == "zh_CN"
