"""Autosave files: naming, content, what is offered back after a crash, setting aside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from app.core import autosave
from app.core.draft import Draft


def dead_pid() -> int:
    """The id of a process that has finished."""
    process = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    return int(process.stdout)


def write_foreign(folder, session, draft, pid, original=None, saved="2026-11-24T10:00:00+08:00"):
    """An autosave as another process would have left it."""
    path = autosave.autosave_path(session, folder)
    content = json.loads(autosave.autosave_bytes(session, draft, original))
    content["pid"] = pid
    content["saved"] = saved
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


def test_autosave_lives_under_fanwen_home(fanwen_home):
    session = autosave.new_session()
    path = autosave.write_autosave(session, Draft(values={"unit_name": "江城"}), None)
    assert path.parent == fanwen_home / "autosave"
    assert path.name.endswith(".fanwen-autosave")
    entry = autosave.read_autosave(path)
    assert entry.draft.values == {"unit_name": "江城"}
    assert entry.original is None
    assert entry.pid == os.getpid()
    autosave.remove_autosave(session)
    assert not path.exists()
    autosave.remove_autosave(session)  # twice is fine


def test_sessions_are_unique():
    assert len({autosave.new_session() for _ in range(50)}) == 50


def test_only_sessions_that_ended_are_offered(fanwen_home, tmp_path):
    folder = fanwen_home / "autosave"
    mine = autosave.new_session()
    autosave.write_autosave(mine, Draft(values={"a": "1"}), None)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_foreign(folder, "other-running", Draft(values={"b": "2"}), alive.pid)
        old = write_foreign(
            folder,
            "crashed-1",
            Draft(values={"c": "3"}),
            dead_pid(),
            saved="2026-11-01T09:00:00+08:00",
        )
        (tmp_path / "报告.fanwen").write_text('{"values": {}}', encoding="utf-8")
        new = write_foreign(
            folder,
            "crashed-2",
            Draft(values={"d": "4"}),
            dead_pid(),
            original=tmp_path / "报告.fanwen",
            saved="2026-11-24T09:00:00+08:00",
        )
        (folder / "junk.fanwen-autosave").write_bytes(b"\x00garbage")
        found = autosave.recoverable(exclude=mine)
    finally:
        alive.kill()
        alive.wait()
    assert [e.path for e in found] == [new, old]  # newest first, running and mine left out
    assert found[0].original == tmp_path / "报告.fanwen"
    assert found[0].draft.values == {"d": "4"}
    assert (folder / "junk.fanwen-autosave").exists()  # unreadable: skipped, not deleted


def test_declined_autosave_is_set_aside_then_pruned(fanwen_home):
    folder = fanwen_home / "autosave"
    path = write_foreign(folder, "crashed", Draft(values={"c": "3"}), dead_pid())
    entry = autosave.recoverable()[0]
    aside = autosave.set_aside(entry)
    assert not path.exists()
    assert aside.parent == folder / "declined"
    assert autosave.read_autosave(aside).draft.values == {"c": "3"}
    assert autosave.recoverable() == []
    autosave.prune_declined()
    assert aside.exists()  # recent: kept
    old = time.time() - 40 * 86400
    os.utime(aside, (old, old))
    autosave.prune_declined()
    assert not aside.exists()


def test_pid_alive():
    assert autosave.pid_alive(os.getpid())
    assert not autosave.pid_alive(dead_pid())
    assert not autosave.pid_alive(0)


def test_an_autosave_holds_what_the_draft_file_would(fanwen_home):
    from app.core.draft import parse_draft

    draft = Draft(
        template="sixin",
        values={"unit_name": "江城区“四心”办", "revenue_growth": "-3.5"},
        created="2026-11-24T10:00:00+08:00",
        modified="2026-11-25T09:30:00+08:00",
        extra={"previous": {"values": {"revenue_growth": "2"}}},
    )
    path = autosave.write_autosave(autosave.new_session(), draft, None)
    recovered = autosave.read_autosave(path).draft
    assert recovered == parse_draft(draft.to_json().encode("utf-8"), "draft.fanwen")
    assert recovered.values == draft.values
    assert recovered.extra["previous"] == {"values": {"revenue_growth": "2"}}
