"""The field editor's 规则 part: a rule made with its widgets, seen holding or not for the open
report before saving, applied to the report (its problem shown at the field); a field removed
or relabelled in the editor takes its rules along, and says so."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from tests.ui.helpers import fill, replace_text

from app.core.library import find_template
from app.core.rule_edit import rule_keys
from app.core.template_edit import TemplateEditor
from app.ui.template_editor import FieldEditor
from app.ui.template_rules import FIXED_NUMBER


def choose(box, data) -> None:
    """Pick an item of a combo box the way a click does."""
    index = box.findData(data)
    assert index >= 0, (box.objectName(), data)
    box.setCurrentIndex(index)
    box.activated.emit(index)


def rule_rows(dialog: FieldEditor) -> list[tuple[str, str]]:
    rules = dialog.rules_part.rule_list
    return [
        (rules.topLevelItem(i).text(0), rules.topLevelItem(i).text(1))
        for i in range(rules.topLevelItemCount())
    ]


def test_a_rule_made_in_the_editor_applies_to_the_open_report(window, qtbot):
    fill(window, qtbot, {"problems_found": "3", "problems_rectified": "5"})
    seen = {}

    def run_editor(editor, plan):
        dialog = FieldEditor(editor, window, plan)
        qtbot.addWidget(dialog)
        part = dialog.rules_part
        dialog.parts.setCurrentWidget(part)
        # The template's own rule, with how it stands for the report's values now.
        assert rule_rows(dialog)[0] == (
            "已整改到位问题数 不能多于 专项检查查摆问题数",
            "目前：不符合（5 > 3）",
        )
        part.rule_list.setCurrentItem(part.rule_list.topLevelItem(0))
        part.remove_button.click()
        assert len(editor.rules) == 4
        part.add_button.click()
        choose(part.first_box, "problems_rectified")
        assert "unit_name" not in [
            part.first_box.itemData(i) for i in range(part.first_box.count())
        ]
        offered = [part.second_box.itemData(i) for i in range(part.second_box.count())]
        assert "problems_rectified" not in offered and "report_year" not in offered
        choose(part.second_box, FIXED_NUMBER)
        replace_text(qtbot, part.number_edit, "99")
        assert part.now_label.text() == "目前：符合"
        choose(part.relation_box, ">=")
        assert part.now_label.text() == "目前：不符合（5 < 99）"
        choose(part.relation_box, "<=")
        choose(part.second_box, "problems_found")
        seen["words"] = part.rule_list.currentItem().text(0)
        seen["now"] = part.now_label.text()
        seen["message"] = part.message_edit.text()
        part.message_edit.selectAll()
        part.message_edit.insert("整改数{已整改到位问题数}超过了查摆数{专项检查查摆问题数}")
        assert part.problem.text() == ""
        assert dialog.message.text() == ""  # the template as it stands is valid
        dialog.save_button.click()
        assert dialog.result() == QDialog.DialogCode.Accepted.value
        return dialog.saved

    window.template_actions.run_editor = run_editor
    window.template_actions.edit_action.trigger()

    assert seen["words"] == "已整改到位问题数 不能多于 专项检查查摆问题数"
    assert seen["now"] == "目前：不符合（5 > 3）"
    assert seen["message"] == (
        "已整改到位问题数（{已整改到位问题数}）不能多于专项检查查摆问题数（{专项检查查摆问题数}）。"
    )
    assert window.session.template.id == "sixin-mine"
    # Applied to the open report: the broken rule is shown at both fields at once.
    message = "整改数5超过了查摆数3"
    page = window.forms.page_of("problems_found")
    window.focus_field("problems_rectified")
    for key in ("problems_found", "problems_rectified"):
        assert message in page.rows[key].message.text()
        assert window.forms.input_for(key).property("problem") == "error"
    replace_text(qtbot, window.forms.input_for("problems_rectified"), "2")
    assert message not in page.rows["problems_rectified"].message.text()
    replace_text(qtbot, window.forms.input_for("problems_rectified"), "4")
    assert "整改数4超过了查摆数3" in page.rows["problems_rectified"].message.text()
    # Undo takes the values typed since, then the edited template, back.
    while window.session.template.id != "sixin" and window.session.can_undo():
        window.actions.undo.trigger()
    assert window.session.template.id == "sixin"
    assert window.model.value("problems_rectified") == "5"


def test_a_field_removed_in_the_editor_takes_its_rules_along_and_says_so(qtbot):
    dialog = FieldEditor(TemplateEditor.from_template(find_template("sixin")))
    qtbot.addWidget(dialog)
    assert "已整改到位问题数 不能多于 专项检查查摆问题数" in [w for w, _ in rule_rows(dialog)]
    # A new label: the rules say it at once.
    dialog.select("problems_found")
    dialog.label_edit.selectAll()
    dialog.label_edit.insert("查摆问题数")
    assert "已整改到位问题数 不能多于 查摆问题数" in [w for w, _ in rule_rows(dialog)]
    # Not a placeholder after all: the field goes, its rules too, and the notice says which.
    while dialog.editor.has_field("problems_found"):
        dialog.select("problems_found")
        dialog.places.setCurrentRow(0)
        dialog.unmark_button.click()
    assert not any("problems_found" in rule_keys(rule) for rule in dialog.editor.rules)
    assert all("查摆问题数" not in words for words, _ in rule_rows(dialog))
    assert "已删除规则“已整改到位问题数 不能多于 查摆问题数”" in dialog.notice.text()
    assert dialog.notice.isVisibleTo(dialog)
    assert dialog.message.text() == ""
    dialog.save_button.click()
    assert dialog.saved is not None


def test_a_rule_written_as_a_formula_keeps_its_formula_and_takes_a_new_message(qtbot):
    editor = TemplateEditor.from_template(find_template("sixin"))
    dialog = FieldEditor(editor)
    qtbot.addWidget(dialog)
    part = dialog.rules_part
    part.rule_list.setCurrentItem(part.rule_list.topLevelItem(3))
    assert not part.first_box.isVisibleTo(part)
    assert "已整改到位问题数 × 2 不能少于 专项检查查摆问题数" in part.expression_label.text()
    part.message_edit.selectAll()
    part.message_edit.insert("过半问题未整改（{已整改到位问题数}）")
    assert editor.rules[3]["message"] == "过半问题未整改（{problems_rectified}）"
    assert editor.rules[3]["check"] == "problems_rectified * 2 >= problems_found"
    part.message_edit.selectAll()
    part.message_edit.insert("{谁}")
    assert "不是这条规则的字段" in part.problem.text()
    assert editor.rules[3]["message"] == "过半问题未整改（{problems_rectified}）"


def test_a_field_whose_kind_changed_leaves_its_rule_shown_as_it_is_and_why(qtbot):
    editor = TemplateEditor.from_template(find_template("sixin"))
    dialog = FieldEditor(editor)
    qtbot.addWidget(dialog)
    dialog.select("problems_found")
    choose(dialog.kind_box, "percent")
    part = dialog.rules_part
    part.rule_list.setCurrentItem(part.rule_list.topLevelItem(0))
    assert part.second_box.currentData() == "problems_found"
    assert "不同种类的数字，不能比较" in part.problem.text()
    choose(dialog.kind_box, "text")  # now text: the rule goes, and the notice says so
    assert "已整改到位问题数 不能多于 专项检查查摆问题数" not in [w for w, _ in rule_rows(dialog)]
    assert "现在是文字字段" in dialog.notice.text()


def test_a_rule_added_to_an_imported_model_text_is_saved_with_it(qtbot):
    from tests.samples import REPO

    from app.core.importer import plan_import
    from app.core.loader import load_template
    from app.core.template import Origin

    plan = plan_import(
        REPO / "tests" / "data" / "corpus" / "work_summary.txt", template_id="summary"
    )
    dialog = FieldEditor(plan.editor, None, plan)
    qtbot.addWidget(dialog)
    part = dialog.rules_part
    assert part.rule_list.isColumnHidden(1)  # no report yet: nothing to say about "now"
    part.add_button.click()
    [rule] = plan.editor.rules
    assert part.now_label.text() == ""
    words = part.rule_list.topLevelItem(0).text(0)
    assert " 不能多于 " in words
    dialog.save_button.click()
    template = load_template(dialog.saved, Origin.USER)
    assert [r.id for r in template.rules] == [rule["id"]]
    assert TemplateEditor.from_template(template).rules == [rule]
