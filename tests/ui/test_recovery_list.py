"""文件 > 恢复未保存的报告: every autosave kept, the declined ones too, with time and first
words; the one chosen opens at the step its writer was on."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QDialog
from tests.ui.helpers import type_into
from tests.ui.test_autosave_recovery import crashed_session

from app.core import autosave
from app.core.draft import Draft
from app.ui.application import after_start
from app.ui.recovery import STEP_KEY
from app.ui.recovery_dialog import RecoveryDialog


def test_an_autosave_records_the_step_and_a_recovery_opens_there(
    open_main_window, qtbot, fanwen_home
):
    window = open_main_window()
    window.focus_field("problems_found")
    step = window.current_step_id()
    assert step != window.navigator.steps[0].id
    type_into(qtbot, window.forms.input_for("problems_found"), "46")
    path = window.autosave.write_now()
    content = json.loads(path.read_text(encoding="utf-8"))
    assert content["draft"][STEP_KEY] == step
    # The session is killed: its autosave is left as a dead process's.
    content["pid"] = -1
    content["boot"] = "another-boot"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    window.autosave.name = "gone"  # this window no longer owns it

    again = open_main_window()
    again.dialogs.ask_recover = lambda text: True
    after_start(again)
    assert again.model.value("problems_found") == "46"
    assert again.current_step_id() == step
    assert STEP_KEY not in again.session.current_draft().extra  # not into the .fanwen file


def test_the_recovery_list_shows_declined_autosaves_and_restores_one(
    open_main_window, qtbot, fanwen_home
):
    crashed_session(fanwen_home, Draft(values={"unit_name": "江城市税务局", "meetings": "36"}))
    window = open_main_window()
    window.dialogs.ask_recover = lambda text: False  # 暂不恢复
    after_start(window)
    assert window.model.values == {}
    assert list((fanwen_home / "autosave" / autosave.DECLINED).glob("*"))

    action = window.autosave.recover_action
    assert action.text() == "恢复未保存的报告(&U)…"
    assert action in window.actions.file_menu.actions()
    shown = []

    def run_list(kept):
        dialog = RecoveryDialog(kept, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        shown.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        assert dialog.windowTitle() == "恢复未保存的报告"
        assert dialog.open_button.isEnabled()
        chosen = dialog.chosen()
        dialog.done(QDialog.DialogCode.Accepted.value)
        return chosen

    window.autosave.run_list = run_list
    action.trigger()
    (text,) = shown[0]
    assert "未命名" in text and "已填 2 项" in text and "启动时未恢复" in text
    assert "江城市税务局落实总局" in text.split("\n")[1]  # the report's first words
    assert window.model.values == {"unit_name": "江城市税务局", "meetings": "36"}
    assert window.isWindowModified()
    assert not list((fanwen_home / "autosave" / autosave.DECLINED).glob("*"))
