"""Autosave within two seconds of the last keystroke (never-saved drafts too), removed by a
clean save; recovery offered at the next start, restoring every value, unsaved; declining
keeps the autosave aside."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from tests.ui.helpers import type_into

from app.core import autosave
from app.core.draft import Draft, save_draft
from app.ui.application import after_start


def autosaves(home):
    return sorted((home / "autosave").glob("*.fanwen-autosave"))


def test_autosave_follows_the_typing_within_two_seconds(window, qtbot, fanwen_home):
    window.focus_field("unit_name")
    started = time.monotonic()
    type_into(qtbot, window.forms.input_for("unit_name"), "江城市税务局")
    assert autosaves(fanwen_home) == []  # not on the typing path
    qtbot.waitUntil(lambda: bool(autosaves(fanwen_home)), timeout=2500)
    assert time.monotonic() - started < 2.5
    entry = autosave.read_autosave(autosaves(fanwen_home)[0])
    assert entry.draft.values == {"unit_name": "江城市税务局"}
    assert entry.original is None  # a never-saved draft is autosaved too


def test_typing_without_pause_is_still_autosaved(window, qtbot, fanwen_home):
    window.focus_field("meetings")
    edit = window.forms.input_for("meetings")
    started = time.monotonic()
    while not autosaves(fanwen_home):
        type_into(qtbot, edit, "1")
        qtbot.wait(150)  # shorter than the quiet period: the debounce alone never fires
        assert time.monotonic() - started < 2.6
    assert "1" in autosaves(fanwen_home)[0].read_text(encoding="utf-8")


def test_clean_save_removes_the_autosave(window, qtbot, fanwen_home, tmp_path):
    window.dialogs.save_file = lambda *args: (tmp_path / "a.fanwen", "")
    window.focus_field("unit_name")
    type_into(qtbot, window.forms.input_for("unit_name"), "江城")
    assert window.autosave.write_now() is not None
    assert window.files.save()
    assert autosaves(fanwen_home) == []


def crashed_session(home, draft, original=None):
    """Leave an autosave as a session that was killed would have."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    session = autosave.new_session()
    path = autosave.autosave_path(session)
    content = json.loads(autosave.autosave_bytes(session, draft, original))
    content["pid"] = int(dead.stdout)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def test_recovery_restores_every_value_and_leaves_it_unsaved(
    open_main_window, monkeypatch, fanwen_home, tmp_path, complete_values
):
    original = tmp_path / "九月报告.fanwen"
    save_draft(Draft(values={"unit_name": "旧的"}), original)
    left = crashed_session(fanwen_home, Draft(values=complete_values), original)
    asked = []
    window = open_main_window()
    window.dialogs.ask_recover = lambda text: asked.append(text) or True
    after_start(window)
    assert "九月报告.fanwen" in asked[0] and "已填 47 项" in asked[0]
    assert window.model.values == complete_values
    assert window.forms.input_for("unit_name").text() == complete_values["unit_name"]
    assert window.isWindowModified()
    assert window.session.path == original
    assert window.windowTitle() == "九月报告.fanwen[*] — 范文填写助手"
    assert not left.exists()  # taken over by this session's autosave
    mine = autosaves(fanwen_home)
    assert len(mine) == 1 and window.autosave.name in mine[0].name


def test_declining_sets_the_autosave_aside(open_main_window, monkeypatch, fanwen_home):
    left = crashed_session(fanwen_home, Draft(values={"unit_name": "没恢复的"}))
    window = open_main_window()
    window.dialogs.ask_recover = lambda text: False
    after_start(window)
    assert window.model.values == {}
    assert not left.exists()
    aside = fanwen_home / "autosave" / "declined" / left.name
    assert "没恢复的" in aside.read_text(encoding="utf-8")
    # not offered again (an unexpected question would fail the test)
    after_start(open_main_window())


def test_the_autosave_is_written_off_the_window_thread(window, qtbot, fanwen_home, monkeypatch):
    """The debounced autosave's disk work (write, fsync, rename) happens on the autosave
    thread: a slow disk never pauses typing."""
    import threading

    from app.core import autosave_writer

    threads: list[str] = []
    real = autosave_writer.atomic_write_bytes

    def recording_write(path, data):
        threads.append(threading.current_thread().name)
        real(path, data)

    monkeypatch.setattr(autosave_writer, "atomic_write_bytes", recording_write)
    window.focus_field("unit_name")
    type_into(qtbot, window.forms.input_for("unit_name"), "江城")
    qtbot.waitUntil(lambda: bool(autosaves(fanwen_home)), timeout=2500)
    assert threads and threading.main_thread().name not in threads
    assert set(threads) == {"fanwen-autosave"}


def test_a_failing_autosave_is_said_in_the_status_bar(window, qtbot, fanwen_home, monkeypatch):
    from app.core import autosave_writer

    def full_disk(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(autosave_writer, "atomic_write_bytes", full_disk)
    window.focus_field("unit_name")
    type_into(qtbot, window.forms.input_for("unit_name"), "江城")
    qtbot.waitUntil(
        lambda: "No space left on device" in window.statusBar().currentMessage(), timeout=3000
    )
    assert window.model.value("unit_name") == "江城"  # nothing lost in memory
