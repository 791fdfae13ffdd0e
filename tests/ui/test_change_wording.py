"""A change read in words in the window: 0 typed into 税费收入同比增减 reads 与上年持平 in the
preview, and the phrase leads to its field; the field editor shows and edits what the text says
for a rise, a fall and no change, with a sample, and the open report follows as one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog
from tests.ui.helpers import fill, replace_text, type_into

from app.core.template_edit import TemplateEditor
from app.ui.template_editor import FieldEditor


def _revenue_block(window) -> int:
    (paragraph,) = window.model.paragraphs_of("revenue_growth")
    return paragraph


def test_zero_reads_no_change_and_the_phrase_leads_to_the_field(window, qtbot):
    preview = window.preview
    window.focus_field("revenue_growth")
    type_into(qtbot, window.forms.input_for("revenue_growth"), "0")
    block = _revenue_block(window)
    assert "亿元，与上年持平。向上级呈送" in preview.block_text(block)
    assert "增长0%" not in preview.plain_text()
    type_into(qtbot, window.forms.input_for("revenue_growth"), ".5")
    assert "亿元，同比增长0.5%。" in preview.block_text(block)
    replace_text(qtbot, window.forms.input_for("revenue_growth"), "0")
    assert "亿元，与上年持平。" in preview.block_text(block)
    # the phrase standing for the value is the value's place: a click goes to its field
    window.focus_field("unit_name")
    qtbot.waitUntil(window.forms.input_for("unit_name").hasFocus)
    preview.reveal(block)
    text = preview.block_text(block)
    cursor = QTextCursor(preview.document())
    cursor.setPosition(preview.block(block).position() + text.index("与上年持平") + 2)
    point = preview.cursorRect(cursor).center()
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.focused_key == "revenue_growth")
    qtbot.waitUntil(window.forms.input_for("revenue_growth").hasFocus)


def test_the_field_editor_edits_the_phrases_with_a_sample(window, qtbot):
    dialog = FieldEditor(TemplateEditor.from_template(window.session.template), window)
    qtbot.addWidget(dialog)
    box = dialog.change_wording
    dialog.select("unit_name")
    assert box.isHidden()  # a plain value: nothing to say about a change
    dialog.select("revenue_growth")
    assert not box.isHidden()
    token = box.token()
    assert token == "〔数值〕"
    rise, fall, zero = box.edits
    assert (rise.text(), fall.text(), zero.text()) == (
        f"同比增长{token}%",
        f"同比下降{token}%",
        "与上年持平",
    )
    sample = box.sample.text()
    assert "亿元，同比增长5%。" in sample and "亿元，同比下降3.5%。" in sample
    assert "亿元，与上年持平。" in sample
    zero.setText("与去年持平")
    zero.textEdited.emit(zero.text())
    assert "亿元，与去年持平。" in box.sample.text()
    zero.editingFinished.emit()
    assert '"与去年持平") }}' in dialog.editor.body
    assert dialog.message.text() == ""
    # a phrase that cannot be used is said, and the body keeps what it had
    body = dialog.editor.body
    fall.setText(f"同比下降{token}{token}%")
    fall.editingFinished.emit()
    assert "税费收入同比增减" in dialog.message.text()
    assert dialog.editor.body == body
    # loaded back identically
    again = TemplateEditor.from_template(dialog.editor.to_template())
    assert again.change_phrases("revenue_growth") == ("同比增长{}%", "同比下降{}%", "与去年持平")
    dialog.reject()


def test_edited_phrases_apply_to_the_open_report_as_one_step(window, qtbot):
    fill(window, qtbot, {"revenue_growth": "0"})
    block = _revenue_block(window)
    assert "亿元，与上年持平。" in window.preview.block_text(block)

    def run_editor(editor, plan):
        dialog = FieldEditor(editor, window, plan)
        qtbot.addWidget(dialog)
        dialog.select("revenue_growth")
        zero = dialog.change_wording.edits[2]
        zero.setText("与去年持平")
        zero.editingFinished.emit()
        dialog.save_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted.value
        return dialog.saved

    window.template_actions.run_editor = run_editor
    window.template_actions.edit_action.trigger()
    assert window.session.template.id == "sixin-mine"
    assert window.model.value("revenue_growth") == "0"
    block = _revenue_block(window)
    assert "亿元，与去年持平。" in window.preview.block_text(block)
    window.actions.undo.trigger()
    assert window.session.template.id == "sixin"
    assert "亿元，与上年持平。" in window.preview.block_text(_revenue_block(window))


def test_the_reword_dialog_keeps_the_change_phrase_bound(window, qtbot, monkeypatch):
    from app.core.render import ChangeRef
    from app.ui.wording_dialogs import WordingEditDialog

    fill(window, qtbot, {"revenue_growth": "0"})
    block = _revenue_block(window)
    paragraph_id = window.model.document.paragraphs[block].id

    def ask_wording(paragraph):
        dialog = WordingEditDialog(window.model, paragraph, window)
        qtbot.addWidget(dialog)
        editor = dialog.editor
        text = editor.toPlainText()
        assert "亿元，与上年持平。" in text and "〔" not in text  # the phrase as it reads
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        editor.setTextCursor(cursor)
        editor.insertPlainText("（改）")
        dialog.accept_wording()
        assert dialog.result() == QDialog.DialogCode.Accepted.value
        assert any(isinstance(p, ChangeRef) for p in dialog.pieces or ())
        return dialog.result(), dialog.pieces

    monkeypatch.setattr(window.wording_actions, "ask_wording", ask_wording)
    window.wording_actions.edit(paragraph_id)
    assert window.preview.block_text(block).endswith("良好风貌。（改）")
    assert "亿元，与上年持平。" in window.preview.block_text(block)
    window.edit_value("revenue_growth", "-2")  # reworded, it still follows the value
    assert "亿元，同比下降2%。" in window.preview.block_text(block)
    assert window.model.frozen_wording() == []
