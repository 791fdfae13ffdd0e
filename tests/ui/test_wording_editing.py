"""The reword dialog as a writer uses it, and left-out paragraphs in the preview.

Tab in the reword dialog moves the focus (no tab character in the wording); field places show
the values typed, and stay bound; a paragraph left out stays in the preview as a struck-through
line, and a click on it puts it back, as one step of the history.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from tests.ui.helpers import type_into

from app.core.render import FieldRef
from app.ui.wording_dialogs import WordingEditDialog


def _paragraph(window, start: str):
    return next(
        p
        for p in window.model.template_paragraphs()
        if "".join(x if isinstance(x, str) else "" for x in p.spec.pieces).startswith(start)
    )


def test_the_reword_dialog_shows_values_and_tab_moves_on(window, qtbot):
    window.focus_field("problems_found")
    type_into(qtbot, window.forms.input_for("problems_found"), "46")
    paragraph = _paragraph(window, "二是党建引领")
    dialog = WordingEditDialog(window.model, paragraph, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    editor = dialog.editor
    text = editor.toPlainText()
    assert "46" in text and "〔" not in text  # the value typed, not a token
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert not editor.hasFocus()  # Tab moved on
    assert "\t" not in editor.toPlainText()

    # The writer rewrites the words around the value; the value's place stays bound.
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    editor.insertPlainText("（改）")
    # Backspace right after the value takes the whole place; undo in the editor brings it back.
    place = text.index("46") + len("（改）")
    cursor.setPosition(place + 2)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert "46" not in editor.toPlainText()
    editor.undo()
    assert "46" in editor.toPlainText()
    dialog.accept_wording()
    assert dialog.result() == dialog.DialogCode.Accepted.value
    places = [p for p in dialog.pieces if isinstance(p, FieldRef)]
    assert [p.key for p in places] == [
        p.key for p in paragraph.spec.pieces if isinstance(p, FieldRef)
    ]
    assert dialog.pieces[0].startswith("（改）二是党建引领")


def test_a_left_out_paragraph_is_a_line_in_the_preview_that_puts_it_back(window, qtbot):
    preview = window.preview
    paragraph = _paragraph(window, "三是典型示范")
    count = len(window.model.document.paragraphs)
    window.wording_actions.switch_off(paragraph.id)
    assert len(window.model.document.paragraphs) == count - 1
    preview.show_everything()
    rects = preview.left_out.rects()
    assert [item.paragraph_id for _rect, item in rects] == [paragraph.id]
    rect, item = rects[0]
    assert item.text.startswith("三是典型示范")
    assert preview.left_out.label(item).startswith("已不用：三是典型示范")
    # Scroll it into view and click it.
    preview.verticalScrollBar().setValue(max(0, round(rect.top()) - 40))
    QApplication.processEvents()
    y = round(rect.center().y()) - preview.verticalScrollBar().value()
    point = QPoint(round(rect.center().x()), y)
    assert preview.left_out.at(point) == item
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: len(window.model.document.paragraphs) == count)
    assert preview.left_out.rects() == []
    assert any(line.startswith("三是典型示范") for line in preview.plain_text().split("\n"))
    window.actions.undo.trigger()  # through the session: one step of the history
    assert len(window.model.document.paragraphs) == count - 1
    assert len(preview.left_out.rects()) == 1
