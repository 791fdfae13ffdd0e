"""Every shortcut the README lists works with the cursor in a field: pressed in the field, each
reaches its window action (Ctrl+E exports, Ctrl+Y redoes), and none lands in the field.

Offscreen, in this process; and on a real X11 window under Xvfb, whose key scheme lets a line
edit claim Ctrl+E as "end of line" (the platform the bug was seen on).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from tests.ui.shortcut_driver import press_each_from_a_field, readme_shortcuts

REPO = Path(__file__).resolve().parents[2]


def expected_actions(window, key: str) -> list[str]:
    sequence = QKeySequence(key)
    return [a.objectName() for a in QWidget.actions(window) if sequence in a.shortcuts()]


def check(results: dict, expected: dict[str, list[str]]) -> None:
    for key, result in results.items():
        assert result["actions"] == expected[key], key
        assert result["text"] == "abc", key  # nothing typed into the field
        assert result["cursor"] == 1 or key in ("Ctrl+N", "Ctrl+O"), key


def test_the_readme_lists_the_shortcuts():
    keys = readme_shortcuts()
    assert {"Ctrl+E", "Ctrl+Y", "Ctrl+Z", "Ctrl+Shift+Z", "F8", "Alt+Left"} <= set(keys)


def test_every_readme_shortcut_works_with_a_field_focused(window, qtbot):
    keys = readme_shortcuts()
    expected = {key: expected_actions(window, key) for key in keys}
    assert all(len(names) == 1 for names in expected.values()), expected
    assert expected["Ctrl+E"] == ["export"] and expected["Ctrl+Y"] == ["redo"]
    check(press_each_from_a_field(window, keys), expected)


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb (Debian: xvfb)")
def test_every_readme_shortcut_works_with_a_field_focused_on_x11(window, tmp_path):
    expected = {key: expected_actions(window, key) for key in readme_shortcuts()}
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as displayfd:
            display = displayfd.readline().strip()
        env = dict(os.environ, DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb")
        env["FANWEN_HOME"] = str(tmp_path / "x11-home")
        env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), str(REPO)])
        run = subprocess.run(
            [sys.executable, "-m", "tests.ui.shortcut_driver"],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        server.terminate()
        server.wait(10)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb"
    check(report["keys"], expected)
