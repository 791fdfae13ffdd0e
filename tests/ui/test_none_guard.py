"""The app survives PySide6 6.12's lost references to None/True/False on Python 3.11."""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 60_000

SCRIPT = f"""
import sys
from app.ui.application import create_application
from PySide6.QtCore import QObject, Signal
app = create_application()

class Emitter(QObject):
    changed = Signal(str)

o = Emitter()
for _ in range({CALLS}):
    o.setObjectName("x")  # returns nothing: gives up a reference to None
    o.changed.emit("x")  # gives up a reference to True
assert sys.getrefcount(None) > 100_000, sys.getrefcount(None)
assert sys.getrefcount(True) > 100_000, sys.getrefcount(True)
print("alive")
"""


def test_many_qt_calls_do_not_kill_the_app():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "alive" in result.stdout


def test_protection_is_in_place_in_this_process(qapp):
    from app.none_guard import protect_singletons
    from app.ui.application import create_application

    create_application()
    assert protect_singletons()
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > 100_000
