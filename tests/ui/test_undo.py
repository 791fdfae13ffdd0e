"""Undo and redo across fields: typing in one field is one step; undo returns the focus to the
field and updates the preview; the standard shortcuts work from inside a field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.ui.helpers import edit_menu_texts, type_into


def test_typing_in_a_field_is_one_step_and_undo_goes_back_field_by_field(window, qtbot):
    window.focus_field("unit_name")
    type_into(qtbot, window.forms.input_for("unit_name"), "abc")
    window.focus_field("meetings")
    type_into(qtbot, window.forms.input_for("meetings"), "36")
    assert edit_menu_texts(window)[0] == "撤销 输入“改革座谈会、动员会、培训会次数”(&U)"
    paragraph = window.model.paragraphs_of("meetings")[0]
    assert "等36余次" in window.preview.block_text(paragraph)

    window.focus_field("unit_name")  # undo brings the focus back to the field it changes
    window.actions.undo.trigger()
    assert window.forms.input_for("meetings").text() == ""
    assert window.model.value("meetings") == ""
    assert "等XX余次" in window.preview.block_text(paragraph)
    qtbot.waitUntil(window.forms.input_for("meetings").hasFocus)
    assert edit_menu_texts(window)[1] == "重做 输入“改革座谈会、动员会、培训会次数”(&R)"

    window.actions.undo.trigger()
    assert window.forms.input_for("unit_name").text() == ""
    qtbot.waitUntil(window.forms.input_for("unit_name").hasFocus)
    assert not window.isWindowModified()  # back to the saved state
    assert not window.session.can_undo() and not window.actions.undo.isEnabled()  # two steps

    window.actions.redo.trigger()
    assert window.forms.input_for("unit_name").text() == "abc"
    assert "abc落实总局" in window.preview.plain_text()
    assert window.isWindowModified()


def test_shortcuts_work_inside_a_field(window, qtbot):
    window.focus_field("meetings")
    edit = window.forms.input_for("meetings")
    type_into(qtbot, edit, "12")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edit.text() == "" and window.model.value("meetings") == ""
    assert not window.session.can_undo()  # the window's history, not the input's own
    redo = window.actions.redo.shortcuts()[0][0]  # the platform's first Redo key
    qtbot.keyClick(edit, redo.key(), redo.keyboardModifiers())
    assert window.model.value("meetings") == "12"
    assert edit.text() == "12"


def test_new_typing_after_leaving_the_field_is_a_new_step(window, qtbot):
    window.focus_field("meetings")
    type_into(qtbot, window.forms.input_for("meetings"), "1")
    window.focus_field("talk_cadres")
    type_into(qtbot, window.forms.input_for("talk_cadres"), "2")
    window.focus_field("meetings")
    type_into(qtbot, window.forms.input_for("meetings"), "3")
    window.adapter.undo()
    assert window.model.value("meetings") == "1"
    window.adapter.undo()
    assert window.model.value("talk_cadres") == ""
    window.adapter.undo()
    assert window.model.value("meetings") == ""
    assert not window.session.can_undo()  # three steps


def test_undo_to_what_was_there_removes_the_step(window, qtbot):
    window.focus_field("meetings")
    edit = window.forms.input_for("meetings")
    type_into(qtbot, edit, "5")
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    assert edit.text() == ""
    assert not window.session.can_undo()  # typed and erased: nothing to undo
    assert not window.isWindowModified()


def test_undo_takes_back_a_change_of_wording_too(window):
    paragraph = next(
        p for p in window.model.template_paragraphs() if "model_branch" in str(p.spec.pieces)
    )
    lines_before = window.preview.plain_text()
    window.wording_actions.switch_off(paragraph.id)
    assert window.preview.plain_text() != lines_before
    assert window.isWindowModified()
    assert window.actions.undo.isEnabled()
    assert edit_menu_texts(window)[0] == "撤销 删去段落(&U)"
    window.actions.undo.trigger()
    assert window.preview.plain_text() == lines_before
    assert not window.isWindowModified()
    window.actions.redo.trigger()
    assert window.preview.plain_text() != lines_before
    assert window.isWindowModified()


def test_reworded_revenue_then_a_rise_shows_zengzhang_and_undo_brings_the_wording_back(window):
    """Issue 13's bug in the window: after rewording, +5 reads 同比增长5% in the preview."""
    from app.core.wording import parse_markup, wording_markup

    window.edit_value("revenue_growth", "-3.5")
    paragraph = next(
        p for p in window.model.template_paragraphs() if "revenue_growth" in str(p.spec.pieces)
    )
    markup = wording_markup(paragraph.spec.pieces, window.model.template)
    pieces = parse_markup(
        markup.replace("向上级呈送", "共向上级呈送"), window.model.template, paragraph.spec.pieces
    )
    window.wording_actions.ask_wording = lambda _paragraph: (1, pieces)  # the dialog's OK
    window.wording_actions.edit(paragraph.id)
    assert "同比下降3.5%。共向上级呈送" in window.preview.plain_text()
    window.focus_field("unit_name")  # a new run of typing
    window.focus_field("revenue_growth")
    window.forms.input_for("revenue_growth").setText("5")
    window.forms.input_for("revenue_growth").textEdited.emit("5")
    assert "同比增长5%。共向上级呈送" in window.preview.plain_text()
    assert "同比下降" not in window.preview.plain_text()
    window.actions.undo.trigger()  # the value
    window.actions.undo.trigger()  # the wording
    assert "共向上级呈送" not in window.preview.plain_text()
    assert "同比下降3.5%" in window.preview.plain_text()


def test_undo_and_redo_say_what_they_do_where_the_writer_looks(window, qtbot):
    from PySide6.QtWidgets import QToolButton

    from app.ui.help_menu import shortcut_rows

    window.focus_field("unit_name")
    type_into(qtbot, window.forms.input_for("unit_name"), "abc")
    assert edit_menu_texts(window) == ("撤销 输入“单位名称”(&U)", "重做(&R)")
    window.focus_field("meetings")  # the menu closed: the next field's typing
    type_into(qtbot, window.forms.input_for("meetings"), "36")
    assert edit_menu_texts(window)[0] == "撤销 输入“改革座谈会、动员会、培训会次数”(&U)"
    window.actions.undo.trigger()
    assert edit_menu_texts(window) == (
        "撤销 输入“单位名称”(&U)",
        "重做 输入“改革座谈会、动员会、培训会次数”(&R)",
    )
    # the toolbar's buttons: their short text, and the whole action in the tooltip on hover
    undo_button = window.actions.toolbar.widgetForAction(window.actions.undo)
    redo_button = window.actions.toolbar.widgetForAction(window.actions.redo)
    assert isinstance(undo_button, QToolButton) and isinstance(redo_button, QToolButton)
    window.focus_field("talk_cadres")  # the menu closed again
    type_into(qtbot, window.forms.input_for("talk_cadres"), "2")
    window.actions.undo.hover()
    assert undo_button.text() == "撤销"
    assert (
        "撤销 输入“" + window.session.template.fields_by_key["talk_cadres"].label
        in undo_button.toolTip()
    )
    window.actions.undo.trigger()
    window.actions.redo.hover()
    assert redo_button.text() == "重做"
    assert (
        "重做 输入“" + window.session.template.fields_by_key["talk_cadres"].label
        in redo_button.toolTip()
    )
    # the shortcut list names Undo whether or not the menu was opened
    assert any(text.startswith("撤销") for text, _keys in shortcut_rows(window))
