"""The crash handler: an uncaught exception writes the draft to the autosave, logs the
traceback under the user data folder and tells the writer; the app keeps working."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from tests.ui.helpers import type_into

from app.core import autosave
from app.ui import crash


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_the_app_saves_logs_and_tells(window, qtbot, fanwen_home, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(crash, "_installed", False)
    crash.install()
    told = []
    window.dialogs.crashed = told.append
    window.focus_field("unit_name")
    type_into(qtbot, window.forms.input_for("unit_name"), "江城市税务局")

    def broken_slot():
        raise RuntimeError("测试用的错误")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(told))
    logs = sorted((fanwen_home / "logs").glob("crash-*.log"))
    assert len(logs) == 1
    log = logs[0].read_text(encoding="utf-8")
    assert "RuntimeError: 测试用的错误" in log and "broken_slot" in log
    saved = sorted((fanwen_home / "autosave").glob("*.fanwen-autosave"))
    assert autosave.read_autosave(saved[0]).draft.values == {"unit_name": "江城市税务局"}
    message = told[0]
    assert "测试用的错误" in message
    assert message.startswith("发生了意外错误") and "您的草稿已自动保存到" in message  # Chinese
    assert str(saved[0]) in message and str(logs[0]) in message
    # and the app goes on working
    type_into(qtbot, window.forms.input_for("unit_name"), "一")
    assert window.model.value("unit_name") == "江城市税务局一"


def test_a_native_crash_report_is_kept_at_the_next_start(fanwen_home, monkeypatch):
    from app.core.diagnostics import collect_fault_log, fault_log_path

    path = fault_log_path()
    path.parent.mkdir(parents=True)
    path.write_text("Fatal Python error: Segmentation fault\n", encoding="utf-8")
    kept = collect_fault_log()
    assert kept is not None and kept.name.startswith("crash-")
    assert "Segmentation fault" in kept.read_text(encoding="utf-8")
    assert collect_fault_log() is None
