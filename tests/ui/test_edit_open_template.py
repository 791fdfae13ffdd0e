"""文件 > 编辑模板字段 on the open report: the report goes on with the edited fields (labels and
kinds follow, values kept by key, the hint's count of places agrees with the editor), as one
step Ctrl+Z takes back; the editor is usable on a 1366×768 screen and remembers its size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialog
from tests.ui.helpers import fill

from app.ui.template_editor import FieldEditor


def test_editing_the_open_reports_template_applies_it_as_one_step(window, qtbot):
    fill(window, qtbot, {"unit_name": "江城市税务局", "enterprise_a": "12", "wait_minutes": "5"})
    seen = {}

    def run_editor(editor, plan):
        dialog = FieldEditor(editor, window, plan)
        qtbot.addWidget(dialog)
        dialog.tree.clearSelection()
        for key in ("enterprise_a", "enterprise_b"):
            dialog.item_for(key).setSelected(True)
        dialog.merge_button.click()
        seen["places"] = len(editor.places("enterprise_a"))
        dialog.select("unit_name")
        dialog.label_edit.selectAll()
        dialog.label_edit.insert("本单位名称")
        dialog.label_edit.editingFinished.emit()
        dialog.select("wait_minutes")
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("integer"))
        dialog.kind_box.activated.emit(dialog.kind_box.currentIndex())
        dialog.save_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted.value
        return dialog.saved

    window.template_actions.run_editor = run_editor
    window.template_actions.edit_action.trigger()

    assert window.session.template.id == "sixin-mine"
    assert window.model.value("unit_name") == "江城市税务局"  # kept, by key
    assert window.model.value("enterprise_a") == "12"
    assert "enterprise_b" not in window.session.template.fields_by_key
    # The form follows: the new label, the new kind (5.5 is no longer a valid integer).
    window.focus_field("unit_name")
    page = window.forms.page_of("unit_name")
    assert page.rows["unit_name"].label.text().startswith("本单位名称")
    window.edit_value("wait_minutes", "5.5")
    assert window.model.field_error("wait_minutes")
    window.edit_value("wait_minutes", "5")
    # The hint counts the places the editor counted.
    window.focus_field("enterprise_a")
    hint = window.forms.page_of("enterprise_a").rows["enterprise_a"].context.text()
    assert f"（全文共 {seen['places']} 处）" in hint
    # One step back: the template and its labels as they were.
    window.actions.undo.trigger()
    window.actions.undo.trigger()
    assert window.session.template.id == "sixin"
    assert window.model.value("enterprise_a") == "12"


def test_the_field_editor_fits_a_1366_by_768_screen_and_remembers_its_size(window, qtbot):
    from app.core.template_edit import TemplateEditor

    dialog = FieldEditor(TemplateEditor.from_template(window.session.template), window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    available = QSize(1366, 768 - 40)  # a taskbar
    assert dialog.minimumSizeHint().width() <= available.width()
    assert dialog.minimumSizeHint().height() <= available.height()
    assert dialog.isSizeGripEnabled()
    dialog.resize(available)
    qtbot.waitUntil(lambda: dialog.size() == available)
    rows = dialog.tree.viewport().height() // dialog.tree.sizeHintForRow(1)
    assert rows >= 25, rows  # the list fills the dialog (it showed 8 of 47 fields)
    # The writer makes it smaller (the test's screen is 800×800): the next one opens so.
    dialog.resize(760, 640)
    qtbot.waitUntil(lambda: dialog.size() == QSize(760, 640))
    dialog.reject()
    again = FieldEditor(TemplateEditor.from_template(window.session.template), window)
    qtbot.addWidget(again)
    assert again.size() == QSize(760, 640)
