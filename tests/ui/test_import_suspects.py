"""The import review of runs that are probably not blanks, as a writer sees it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from app.core.importer import plan_import
from app.ui.import_suspects import BLANK, KEEP, SuspectsDialog

TEXT = "镇X委书记带队，拍X光片XX人次，邮箱：xx@email.com。\n"


def _source(tmp_path: Path) -> Path:
    path = tmp_path / "范文.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_each_run_is_listed_with_why_and_kept_as_written_by_default(window, qtbot, tmp_path):
    plan = plan_import(_source(tmp_path))
    dialog = SuspectsDialog(plan.suspects)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(0, 0).text().startswith("镇【X】委")
    assert "遮住" in dialog.table.item(0, 1).text()  # why, in the writer's language
    assert dialog.table.cellWidget(0, 2).currentText() == "原文照留"
    assert dialog.chosen() == set()

    dialog.choices[1].setCurrentIndex(BLANK)  # X光 is a blank after all
    assert dialog.choices[0].currentIndex() == KEEP
    assert dialog.chosen() == {plan.suspects[1].where}


def test_import_asks_and_the_editor_gets_the_writers_choice(window, monkeypatch, tmp_path):
    actions = window.template_actions
    seen = {}

    def ask_suspects(plan):
        seen["asked"] = [s.text for s in plan.suspects]
        return {plan.suspects[0].where}  # 镇X委 made a field, the others kept

    def run_editor(editor, plan):
        seen["fields"] = [f.placeholder for f in plan.fields]
        seen["notice_kept"] = [s.text for s in plan.suspects if not s.as_blank]
        return None

    monkeypatch.setattr(actions, "ask_suspects", ask_suspects)
    monkeypatch.setattr(actions, "run_editor", run_editor)
    assert actions.import_model_text(_source(tmp_path)) is None
    assert seen == {"asked": ["X", "X", "xx"], "fields": ["X", "XX"], "notice_kept": ["X", "xx"]}


def test_cancelling_the_review_cancels_the_import(window, monkeypatch, tmp_path):
    actions = window.template_actions
    monkeypatch.setattr(actions, "ask_suspects", lambda plan: None)
    monkeypatch.setattr(actions, "run_editor", lambda editor, plan: pytest_fail())
    assert actions.import_model_text(_source(tmp_path)) is None


def pytest_fail() -> None:
    raise AssertionError("the field editor opened after the review was cancelled")


def test_the_dialog_accepts_and_cancels(qtbot, tmp_path):
    dialog = SuspectsDialog(plan_import(_source(tmp_path)).suspects)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected.value
