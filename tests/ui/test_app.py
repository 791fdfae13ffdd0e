"""Starting the app: a draft from the command line, the settings file, smoke runs (also at
125% and 150% display scaling), and a broken draft named in a clear message."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.core.draft import Draft, save_draft


def run_app(*args, env_extra=None, timeout=120):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_opens_the_draft_given_on_the_command_line(open_main_window, tmp_path):
    path = tmp_path / "九月报告.fanwen"
    save_draft(Draft(values={"unit_name": "江城市税务局", "meetings": "36"}), path)
    window = open_main_window(path)
    assert window.open_error is None
    assert window.session.path == path.resolve()
    assert window.windowTitle() == "九月报告.fanwen[*] — 范文填写助手"
    assert window.forms.input_for("unit_name").text() == "江城市税务局"
    assert window.forms.input_for("meetings").text() == "36"
    assert "江城市税务局落实总局" in window.preview.plain_text()
    assert window.filled_label.text() == "已填 2/47"


def test_a_broken_draft_is_named_and_the_app_still_opens(open_main_window, tmp_path):
    path = tmp_path / "坏的.fanwen"
    path.write_bytes(b"{not json")
    window = open_main_window(path)
    assert "坏的.fanwen" in window.open_error
    assert window.model.values == {}
    assert path.read_bytes() == b"{not json"  # left untouched


def test_smoke_with_a_draft(tmp_path):
    path = tmp_path / "d.fanwen"
    save_draft(Draft(values={"unit_name": "江城市税务局"}), path)
    result = run_app("gui", str(path), "--smoke")
    assert result.returncode == 0, result.stderr
    result = run_app(str(path), "--smoke")
    assert result.returncode == 0, result.stderr


def test_smoke_with_a_broken_draft_says_why(tmp_path):
    path = tmp_path / "broken.fanwen"
    path.write_text("[]", encoding="utf-8")
    result = run_app("gui", str(path), "--smoke")
    assert result.returncode == 2
    assert "broken.fanwen" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("scale", ["1.25", "1.5"])
def test_smoke_at_display_scaling(scale):
    result = run_app("gui", "--smoke", env_extra={"QT_SCALE_FACTOR": scale})
    assert result.returncode == 0, result.stderr


def test_settings_are_an_ini_file_under_fanwen_home(window, fanwen_home):
    window.close()
    text = (fanwen_home / "settings.ini").read_text(encoding="utf-8")
    assert "[window]" in text and "geometry=" in text
