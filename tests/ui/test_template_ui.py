"""从范文新建模板, the field editor and the template chooser, driven as a writer would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core.importer import plan_import
from app.core.library import find_template, load_library, set_shared_folder
from app.core.paths import user_templates_dir
from app.core.template_edit import TemplateEditor
from app.ui.template_actions import TemplateActions
from app.ui.template_chooser import ChooserChoice, TemplateChooser
from app.ui.template_editor import FieldEditor

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
SUMMARY = CORPUS / "work_summary.txt"


def _source_lines(path: Path) -> list[str]:
    text = path.read_bytes().decode("utf-8-sig")
    lines = (line.strip(" \t\u3000") for line in re.split(r"\r\n|\n", text))
    return [line for line in lines if line]


def _tree_labels(dialog: FieldEditor) -> list[str]:
    labels = []
    for index in range(dialog.tree.topLevelItemCount()):
        group = dialog.tree.topLevelItem(index)
        labels.extend(group.child(i).text(0) for i in range(group.childCount()))
    return labels


@pytest.fixture(autouse=True)
def _no_shared_folder():
    set_shared_folder(None)
    yield
    set_shared_folder(None)


def test_import_a_model_text_edit_its_fields_and_start_a_report(window, qtbot, monkeypatch):
    actions: TemplateActions = window.template_actions
    assert actions.import_action.text() == "从范文新建模板(&M)…"
    assert actions.import_action in window.actions.file_menu.actions()
    seen: dict[str, object] = {}

    def run_editor(editor, plan):
        dialog = FieldEditor(editor, window, plan)
        qtbot.addWidget(dialog)
        seen["labels"] = _tree_labels(dialog)
        seen["notice"] = dialog.notice.text()
        county = plan.fields[0].key
        dialog.select(county)
        assert dialog.places.count() == 6  # ××县 in six places, one field
        dialog.label_edit.selectAll()
        dialog.label_edit.insert("县（区）名称")
        dialog.id_edit.setText("county-summary")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted.value
        return dialog.saved

    monkeypatch.setattr(actions, "ask_source_file", lambda: SUMMARY)
    monkeypatch.setattr(actions, "run_editor", run_editor)
    monkeypatch.setattr(actions, "ask_start_report", lambda template: True)
    actions.import_action.trigger()

    assert seen["labels"][:3] == ["县名称", "上半年工作总结（年份）", "地区生产总值（全县）"]
    assert "×N" in str(seen["notice"])
    assert (user_templates_dir() / "county-summary" / "template.toml").is_file()
    assert window.model.template.id == "county-summary"
    assert window.model.template.fields[0].label == "县（区）名称"
    # the preview shows the model text exactly, each placeholder where it was
    assert window.preview.plain_text().split("\n") == _source_lines(SUMMARY)
    first = window.forms.input_for(window.model.template.fields[0].key)
    first.setText("清河")
    first.textEdited.emit("清河")
    assert window.preview.block_text(0) == "清河县20XX年上半年工作总结"
    assert window.preview.plain_text().count("清河县") == 6


def test_a_file_that_cannot_be_imported_is_explained(window, monkeypatch, tmp_path):
    bad = tmp_path / "无占位符.txt"
    bad.write_text("这篇文字没有任何占位符。", encoding="utf-8")
    errors = []
    monkeypatch.setattr(window.dialogs, "error", lambda title, text: errors.append((title, text)))
    monkeypatch.setattr(window.template_actions, "run_editor", pytest.fail)
    assert window.template_actions.import_model_text(bad) is None
    assert errors and errors[0][0] == "无法导入该范文"
    assert "没有找到占位符" in errors[0][1] and "无占位符.txt" in errors[0][1]
    assert window.model.template.id == "sixin"


def test_field_editor_on_the_builtin_template_saves_a_copy(qtbot):
    dialog = FieldEditor(TemplateEditor.from_template(find_template("sixin")))
    qtbot.addWidget(dialog)
    assert dialog.id_edit.text() == "sixin-mine"
    before = len(_tree_labels(dialog))
    dialog.tree.clearSelection()
    for key in ("enterprise_a", "enterprise_b"):
        dialog.item_for(key).setSelected(True)
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    assert len(_tree_labels(dialog)) == before - 1
    assert dialog.current_key() == "enterprise_a"
    dialog.select("wait_minutes")
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("integer"))
    dialog.kind_box.activated.emit(dialog.kind_box.currentIndex())
    dialog.unit_edit.selectAll()
    dialog.unit_edit.insert("分")
    dialog.select("report_month")
    dialog.required_box.setChecked(False)
    dialog.down_button.click()
    assert "field:enterprise_a" in dialog.preview.toHtml()
    dialog.save_button.click()
    saved = dialog.saved
    assert saved == user_templates_dir() / "sixin-mine"
    mine = load_library().templates["sixin-mine"]
    assert mine.field("wait_minutes").kind.value == "integer"
    assert mine.field("wait_minutes").unit == "分"
    assert mine.field("report_month").required is False
    general = [f.key for f in mine.section_fields("general")]
    assert general.index("report_month") == general.index("report_year") + 1
    assert "enterprise_b" not in mine.fields_by_key
    assert find_template("sixin").field("wait_minutes").kind.value == "decimal"  # untouched


def test_split_a_merged_entity_and_unmark_a_place(qtbot):
    plan = plan_import(SUMMARY, template_id="summary")
    dialog = FieldEditor(plan.editor, None, plan)
    qtbot.addWidget(dialog)
    before = len(_tree_labels(dialog))
    dialog.select(plan.fields[0].key)
    assert dialog.split_button.isEnabled()
    dialog.split_button.click()
    assert len(_tree_labels(dialog)) == before + 5
    dialog.select("count_6")  # xx个行政村
    dialog.places.setCurrentRow(0)
    dialog.unmark_button.click()
    assert len(_tree_labels(dialog)) == before + 4
    assert dialog.message.text() == ""
    dialog.save_button.click()
    template = find_template("summary")
    assert "count_6" not in template.fields_by_key
    assert "xx个行政村" in template.body


def test_saving_under_a_bad_or_builtin_id_is_refused_in_place(qtbot):
    plan = plan_import(SUMMARY, template_id="summary")
    dialog = FieldEditor(plan.editor, None, plan)
    qtbot.addWidget(dialog)
    shown = []
    dialog.show_error = shown.append
    for bad, message in [("../up", "不是有效的模板编号"), ("sixin", "内置模板")]:
        dialog.id_edit.setText(bad)
        dialog.save_button.click()
        assert dialog.saved is None and message in dialog.message.text()
    assert len(shown) == 2
    assert not user_templates_dir().exists() or not any(user_templates_dir().iterdir())


def test_chooser_lists_builtin_own_and_shared_templates(qtbot, tmp_path, monkeypatch):
    plan_import(SUMMARY, template_id="summary").save()
    shared = tmp_path / "office"
    plan_import(CORPUS / "flood_report_gb18030.txt", template_id="flood").save(root=shared)
    broken = shared / "broken"
    broken.mkdir()
    (broken / "template.toml").write_text("format = 1\n[template\n", encoding="utf-8")
    monkeypatch.setenv("FANWEN_SHARED_TEMPLATES", str(shared))
    chooser = TemplateChooser()
    qtbot.addWidget(chooser)
    groups = {
        chooser.tree.topLevelItem(i).text(0): chooser.tree.topLevelItem(i)
        for i in range(chooser.tree.topLevelItemCount())
    }
    assert list(groups) == ["内置模板", "我的模板", "共享模板", "无法使用的模板"]
    builtin = groups["内置模板"].child(0)
    assert (builtin.text(0), builtin.text(1), builtin.text(2)) == (
        "“四心”抓好思政工作助力机构改革",
        "47",
        "sixin",
    )
    assert groups["我的模板"].child(0).text(2) == "summary"
    assert groups["我的模板"].child(0).text(1) == "21"
    assert groups["共享模板"].child(0).text(2) == "flood"
    bad = groups["无法使用的模板"].child(0)
    assert bad.text(0) == "broken" and bad.isDisabled() and "template.toml" in bad.toolTip(0)
    assert str(shared) in chooser.shared_label.text()
    assert chooser.select("flood")
    chooser.new_button.click()
    assert chooser.choice is ChooserChoice.NEW_REPORT
    assert chooser.selected_template().id == "flood"


def test_new_report_from_a_shared_template_chosen_in_the_app(window, qtbot, tmp_path, monkeypatch):
    shared = tmp_path / "office"
    plan_import(CORPUS / "flood_report_gb18030.txt", template_id="flood").save(root=shared)
    actions = window.template_actions

    def run_chooser():
        chooser = TemplateChooser(window)
        qtbot.addWidget(chooser)
        assert "尚未设置" in chooser.shared_label.text()
        chooser.ask_folder = lambda: shared
        chooser.folder_button.click()
        assert chooser.select("flood")
        chooser.new_button.click()
        return chooser, chooser.choice

    monkeypatch.setattr(actions, "run_chooser", run_chooser)
    actions.new_action.trigger()
    assert window.model.template.id == "flood"
    assert window.preview.block_text(0) == "关于ＸＸ镇防汛工作开展情况的报告"
    # the folder is remembered and used when templates are looked up by id
    from app.ui import settings as config

    assert window.settings.get(config.SHARED_TEMPLATES) == str(shared)
    assert find_template("flood").folder == shared / "flood"


def test_starting_a_new_report_asks_before_dropping_unsaved_work(window, qtbot):
    qtbot.keyClicks(window.forms.input_for("unit_name"), "Jiangcheng")
    assert window.session.modified
    from app.ui.dialogs import SaveChoice

    asked = []
    window.dialogs.ask_save_changes = lambda name: asked.append(name) or SaveChoice.CANCEL
    plan_import(SUMMARY, template_id="summary").save()
    assert window.template_actions.start_report(find_template("summary")) is False
    assert asked and window.model.template.id == "sixin"
    assert window.model.value("unit_name") == "Jiangcheng"
    # 不保存 starts the new report
    window.dialogs.ask_save_changes = lambda name: SaveChoice.DISCARD
    assert window.template_actions.start_report(find_template("summary")) is True
    assert window.model.template.id == "summary"


def test_a_formula_is_typed_in_the_field_editor(qtbot):
    """编辑模板字段: a number field made computed from others; a bad formula is said under the
    editor and changes nothing."""
    dialog = FieldEditor(TemplateEditor.from_template(find_template("sixin")))
    qtbot.addWidget(dialog)
    dialog.select("problems_rectified")
    assert dialog.formula_edit.isEnabled() and dialog.formula_edit.text() == ""
    dialog.formula_edit.setText("problems_found - 1")
    dialog.formula_edit.editingFinished.emit()
    assert dialog.message.text() == ""
    assert dialog.editor.to_template().field("problems_rectified").formula is not None
    dialog.formula_edit.setText("nosuch * 2")
    dialog.formula_edit.editingFinished.emit()
    assert "已整改到位问题数" in dialog.message.text()
    assert dialog.editor.field("problems_rectified").settings["formula"] == "problems_found - 1"
    dialog.select("unit_name")
    assert not dialog.formula_edit.isEnabled()
