"""Undo and redo across fields: typing in one field is one step; undo returns the focus to the
field and updates the preview; the standard shortcuts work from inside a field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.ui.helpers import type_into


def test_typing_in_a_field_is_one_step_and_undo_goes_back_field_by_field(window, qtbot):
    window.focus_field("unit_name")
    type_into(qtbot, window.input_for("unit_name"), "abc")
    window.focus_field("meetings")
    type_into(qtbot, window.input_for("meetings"), "36")
    assert window.undo_stack.count() == 2
    assert window.undo_action.text() == "撤销 输入“改革座谈会、动员会、培训会次数”(&U)"
    paragraph = window.model.paragraphs_of("meetings")[0]
    assert "等36余次" in window.preview.block_text(paragraph)

    window.focus_field("unit_name")  # undo brings the focus back to the field it changes
    window.undo_action.trigger()
    assert window.input_for("meetings").text() == ""
    assert window.model.value("meetings") == ""
    assert "等XX余次" in window.preview.block_text(paragraph)
    qtbot.waitUntil(window.input_for("meetings").hasFocus)
    assert window.redo_action.text() == "重做 输入“改革座谈会、动员会、培训会次数”(&R)"

    window.undo_action.trigger()
    assert window.input_for("unit_name").text() == ""
    qtbot.waitUntil(window.input_for("unit_name").hasFocus)
    assert not window.isWindowModified()  # back to the saved state

    window.redo_action.trigger()
    assert window.input_for("unit_name").text() == "abc"
    assert "abc落实总局" in window.preview.plain_text()
    assert window.isWindowModified()


def test_shortcuts_work_inside_a_field(window, qtbot):
    window.focus_field("meetings")
    edit = window.input_for("meetings")
    type_into(qtbot, edit, "12")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "" and window.model.value("meetings") == ""
    assert window.undo_stack.index() == 0  # the window's history, not the input's own
    redo = window.redo_action.shortcuts()[0][0]  # the platform's first Redo key
    qtbot.keyClick(edit, redo.key(), redo.keyboardModifiers())
    assert window.model.value("meetings") == "12"
    assert edit.text() == "12"


def test_new_typing_after_leaving_the_field_is_a_new_step(window, qtbot):
    window.focus_field("meetings")
    type_into(qtbot, window.input_for("meetings"), "1")
    window.focus_field("talk_cadres")
    type_into(qtbot, window.input_for("talk_cadres"), "2")
    window.focus_field("meetings")
    type_into(qtbot, window.input_for("meetings"), "3")
    assert window.undo_stack.count() == 3
    window.undo_stack.undo()
    assert window.model.value("meetings") == "1"


def test_undo_to_what_was_there_removes_the_step(window, qtbot):
    window.focus_field("meetings")
    edit = window.input_for("meetings")
    type_into(qtbot, edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == ""
    assert window.undo_stack.count() == 0  # typed and erased: nothing to undo
    assert not window.isWindowModified()
