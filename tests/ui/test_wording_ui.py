"""Switching paragraphs off, rewording and 恢复原文 in the app: preview, steps, exports, draft."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from app.core.export import render_bytes
from app.core.library import find_template
from app.core.render import FieldRef
from app.core.report import ReportModel
from app.core.wording import parse_markup, wording_data, wording_markup
from app.ui.draft_files import LockChoice
from app.ui.wording_dialogs import ParagraphsDialog, WordingEditDialog


def _index(window, start: str) -> int:
    return next(
        i for i, p in enumerate(window.model.document.paragraphs) if p.text.startswith(start)
    )


def _preview_lines(window) -> list[str]:
    return window.preview.plain_text().split("\n")


def test_leave_a_paragraph_out_from_the_preview_menu(window):
    index = _index(window, "三是典型示范")
    before = window.model.counts()[1]
    menu = window.wording_actions.preview_menu(index)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert set(actions) >= {"不用此段(&L)", "修改措辞(&W)…", "恢复原文(&S)"}
    assert not actions["恢复原文(&S)"].isEnabled()
    actions["不用此段(&L)"].trigger()
    assert not any(line.startswith("三是典型示范") for line in _preview_lines(window))
    assert window.preview.block_count() == len(window.model.document.paragraphs)
    assert window.model.counts()[1] == before - 1  # its field is no longer asked for
    assert window.filled_label.text() == f"已填 0/{before - 1}"
    assert window.isWindowModified()
    txt = render_bytes(window.model.document, "txt").decode("utf-8-sig")
    assert "三是典型示范" not in txt and "二是党建引领" in txt
    # the value typed in a field still reaches the preview by the incremental path
    window.edit_value("unit_name", "某某市税务局")
    assert window.preview.block_text(1).find("某某市税务局") >= 0


def test_reword_a_paragraph_keeping_its_field(window, qtbot, monkeypatch):
    index = _index(window, "二是党建引领")
    paragraph_id = window.model.document.paragraphs[index].id

    def ask_wording(paragraph):
        dialog = WordingEditDialog(window.model, paragraph, window)
        qtbot.addWidget(dialog)
        text = dialog.editor.toPlainText()
        assert "查摆出各类问题XX个" in text and "〔" not in text  # places show their values
        dialog.editor.setPlainText("二是党建引领。共查摆问题〔专项检查查摆问题数〕个，均已整改。")
        dialog.accept_wording()
        assert dialog.result() == QDialog.DialogCode.Accepted.value
        return dialog.result(), dialog.pieces

    monkeypatch.setattr(window.wording_actions, "ask_wording", ask_wording)
    window.wording_actions.edit(paragraph_id)
    index = _index(window, "二是党建引领")
    assert window.preview.block_text(index) == "二是党建引领。共查摆问题XX个，均已整改。"
    window.edit_value("problems_found", "12")
    assert window.preview.block_text(index) == "二是党建引领。共查摆问题12个，均已整改。"
    html = render_bytes(window.model.document, "html").decode("utf-8")
    assert "均已整改" in html

    menu = window.wording_actions.preview_menu(index)
    restore = next(a for a in menu.actions() if a.text() == "恢复原文(&S)")
    assert restore.isEnabled()
    restore.trigger()
    assert window.preview.block_text(index).startswith("二是党建引领，统一思想")


def test_the_editor_joins_lines_and_keeps_unknown_brackets_as_wording(window, qtbot):
    paragraph = window.model.template_paragraphs()[1]
    dialog = WordingEditDialog(window.model, paragraph, window)
    qtbot.addWidget(dialog)
    assert dialog.original.toPlainText().startswith("在国税地税征管体制改革中")
    dialog.editor.setPlainText("第一行\n第二行〔单位名称〕按〔2024〕1号文件办理")
    dialog.accept_wording()  # line breaks typed in the editor are joined: one paragraph
    assert dialog.pieces == (
        "第一行 第二行",
        FieldRef("unit_name", "XX"),
        "按〔2024〕1号文件办理",
    )
    restore = WordingEditDialog(window.model, paragraph, window)
    qtbot.addWidget(restore)
    restore.restore_button.click()
    assert restore.result() == WordingEditDialog.RESTORE


def test_paragraph_list_switches_off_and_back_on(window, qtbot, monkeypatch):
    dialog = ParagraphsDialog(window.wording_actions)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(rows) == len(window.model.document.paragraphs)
    row = next(i for i, text in enumerate(rows) if text.startswith("三是典型示范"))
    item = dialog.list.item(row)
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not any(line.startswith("三是典型示范") for line in _preview_lines(window))
    item = dialog.list.item(row)
    assert item.text().startswith("［不用］三是典型示范")
    assert item.checkState() == Qt.CheckState.Unchecked
    item.setCheckState(Qt.CheckState.Checked)
    assert any(line.startswith("三是典型示范") for line in _preview_lines(window))
    dialog.list.item(row).setCheckState(Qt.CheckState.Unchecked)
    monkeypatch.setattr(window.wording_actions, "confirm_restore_all", lambda: True)
    dialog.restore_all_button.click()
    assert window.model.wording == {}
    assert dialog.list.item(row).checkState() == Qt.CheckState.Checked


def test_a_draft_with_wording_opens_as_it_was_left(open_main_window, tmp_path: Path):
    template_model = ReportModel(find_template("sixin"))
    off = next(p for p in template_model.template_paragraphs() if "三是典型示范" in str(p.spec))
    first = template_model.template_paragraphs()[1]
    template_model.switch_off(off.id)
    edited = parse_markup(
        wording_markup(first.spec.pieces, template_model.template).replace(
            "取得了良好效果", "效果明显"
        ),
        template_model.template,
        first.spec.pieces,
    )
    template_model.set_wording(first.id, edited)
    path = tmp_path / "改过的.fanwen"
    path.write_text(
        json.dumps(
            {
                "template": "sixin",
                "values": {"unit_name": "某某市税务局"},
                "wording": wording_data(template_model.wording),
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    window = open_main_window(path)
    assert window.open_error is None
    lines = _preview_lines(window)
    assert not any(line.startswith("三是典型示范") for line in lines)
    assert lines[1].endswith("凝聚改革合力，效果明显。")
    assert "某某市税务局落实总局" in lines[1]


def test_the_app_saves_the_wording_in_the_draft_and_opens_it_again(
    window, open_main_window, tmp_path: Path, monkeypatch
):
    off = _index(window, "三是典型示范")
    window.wording_actions.switch_off(window.model.document.paragraphs[off].id)
    window.edit_value("unit_name", "某某市税务局")
    target = tmp_path / "我的报告.fanwen"
    monkeypatch.setattr(window.dialogs, "save_file", lambda *args: (target, args[-1]))
    assert window.files.save()
    stored = json.loads(target.read_text(encoding="utf-8"))
    assert [entry.get("off") for entry in stored["wording"].values()] == [True]
    lines = _preview_lines(window)

    again = open_main_window(target)  # open in `window` too: a copy of it
    assert again.open_error is None
    assert _preview_lines(again) == lines
    assert again.model.wording == window.model.wording
    # and opened over another report, through File > Open (a copy: `window` has it open)
    third = open_main_window()
    third.files.ask_locked = lambda name, holder: LockChoice.COPY
    assert third.files.open_path(target)
    assert _preview_lines(third) == lines


def test_a_change_that_no_longer_matches_the_template_is_reported(
    open_main_window, qtbot, tmp_path: Path
):
    path = tmp_path / "旧.fanwen"
    path.write_text(
        json.dumps(
            {
                "template": "sixin",
                "values": {},
                "wording": {"s1.4": {"original": "模板改过之前的三是……", "off": True}},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    window = open_main_window(path)
    qtbot.waitUntil(lambda: "没有应用" in window.statusBar().currentMessage())
    assert "1 处措辞修改" in window.statusBar().currentMessage()
    assert any(line.startswith("三是典型示范") for line in _preview_lines(window))
    assert "s1.4" in window.session.current_draft().wording  # kept in the file, not dropped


def test_one_edit_menu_holds_undo_and_the_wording_action(qtbot):
    from app.core.library import find_template
    from app.ui.main_window import MainWindow

    window = MainWindow(find_template("sixin"))
    qtbot.addWidget(window)
    window.show()  # the feature menus are made once the window has painted
    qtbot.waitUntil(lambda: window.findChild(QAction, "paragraphs") is not None)
    titles = [a.text() for a in window.menuBar().actions()]
    assert len(titles) == len(set(titles)), titles
    names = [a.objectName() for a in window.actions.edit_menu.actions()]
    assert "paragraphs" in names
