"""Fault test: the real app, killed with SIGKILL after typing, gives every value back at the
next start."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import time

import pytest

from app.core import autosave
from app.ui.application import after_start

#: Drives the app's own start-up code and types like a writer (ASCII keys, Chinese through an
#: input method), then keeps running until it is killed.
DRIVER = r"""
import json, sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from app.ui import crash
from app.ui.application import after_start, create_application, open_window

values = json.loads(sys.argv[1])
app = create_application()
crash.install()
window, error = open_window(None)
window.show()

def type_all():
    after_start(window, error)
    for key, value in values.items():
        window.focus_field(key)
        edit = window.forms.input_for(key)
        if value.isascii():
            QTest.keyClicks(edit, value)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(value)
            QCoreApplication.sendEvent(edit, event)
    print("TYPED", flush=True)

QTimer.singleShot(200, type_all)
app.exec()
"""

VALUES = {
    "unit_name": "江城市税务局",
    "report_year": "2026",
    "report_month": "9",
    "meetings": "36",
    "inspection_month": "8",
    "inspection_day": "16",
    "revenue_growth": "-3.5",
    "adopted_research": "《关于优化留抵退税流程的调研》",
}


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_app_gives_every_value_back(open_main_window, monkeypatch, fanwen_home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with subprocess.Popen(
        [sys.executable, "-c", DRIVER, json.dumps(VALUES, ensure_ascii=False)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            # a driver stuck (on a modal crash dialog, say) fails the test instead of hanging it
            ready, _, _ = select.select([process.stdout], [], [], 60)
            assert ready, "the app did not finish typing within a minute"
            line = process.stdout.readline()
            assert line.strip() == "TYPED", process.stderr.read()
            time.sleep(3)  # past the autosave delay
            files = sorted((fanwen_home / "autosave").glob("*.fanwen-autosave"))
            assert len(files) == 1
            assert autosave.read_autosave(files[0]).draft.values == VALUES
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode == -signal.SIGKILL

    asked = []
    window = open_main_window()
    window.dialogs.ask_recover = lambda text: asked.append(text) or True
    after_start(window)
    assert len(asked) == 1 and "未命名的草稿" in asked[0]
    assert window.model.values == VALUES
    for key, value in VALUES.items():
        assert window.forms.input_for(key).text() == value
    assert "同比下降3.5%" in window.preview.plain_text()
    assert window.isWindowModified()
