"""The autosave thread: writes in order, the latest content wins, a removal is never undone by
a late write, failures are reported, and the caller's thread does no disk work."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from app.core import autosave_writer
from app.core.autosave_writer import AutosaveWriter


def test_writes_happen_on_the_writer_thread_and_the_latest_content_wins(tmp_path, monkeypatch):
    threads: list[str] = []
    gate = threading.Event()
    real = autosave_writer.atomic_write_bytes

    def slow_write(path: Path, data: bytes) -> None:
        threads.append(threading.current_thread().name)
        gate.wait(5)  # a slow disk: the caller goes on meanwhile
        real(path, data)

    monkeypatch.setattr(autosave_writer, "atomic_write_bytes", slow_write)
    writer = AutosaveWriter()
    target = tmp_path / "a.fanwen-autosave"
    started = time.monotonic()
    for number in range(5):
        writer.write(target, f"content {number}".encode())
    assert time.monotonic() - started < 1  # handing over never waits for the disk
    gate.set()
    assert writer.wait(5)
    assert target.read_bytes() == b"content 4"
    assert threading.current_thread().name not in threads
    assert set(threads) == {"fanwen-autosave"}
    assert len(threads) <= 2  # the first write, then only the latest of those that waited


def test_a_removal_is_not_undone_by_a_write_given_before_it(tmp_path, monkeypatch):
    gate = threading.Event()
    real = autosave_writer.atomic_write_bytes

    def slow_write(path: Path, data: bytes) -> None:
        gate.wait(5)
        real(path, data)

    monkeypatch.setattr(autosave_writer, "atomic_write_bytes", slow_write)
    writer = AutosaveWriter()
    target = tmp_path / "b.fanwen-autosave"
    writer.write(target, b"one")  # running (held at the gate)
    writer.write(target, b"two")  # waiting: replaced by the removal
    writer.remove(target)
    gate.set()
    assert writer.wait(5)
    assert not target.exists()
    assert not writer.pending()


def test_a_failed_write_is_reported_and_later_writes_still_happen(tmp_path):
    errors: list[tuple[Path, OSError]] = []
    written: list[Path] = []
    writer = AutosaveWriter(on_error=lambda p, e: errors.append((p, e)), on_written=written.append)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    writer.write(blocked / "c.fanwen-autosave", b"lost")
    good = tmp_path / "d.fanwen-autosave"
    writer.write(good, b"kept")
    assert writer.wait(5)
    assert [p for p, _ in errors] == [blocked / "c.fanwen-autosave"]
    assert isinstance(errors[0][1], OSError)
    assert written == [good] and good.read_bytes() == b"kept"


def test_a_callback_that_raises_does_not_stop_the_thread(tmp_path):
    def broken(path: Path) -> None:
        raise RuntimeError("a bug in the caller's callback")

    writer = AutosaveWriter(on_written=broken)
    for name in ("e", "f"):
        writer.write(tmp_path / name, name.encode())
    assert writer.wait(5)
    assert (tmp_path / "f").read_bytes() == b"f"


def test_close_finishes_the_work_and_refuses_more(tmp_path):
    writer = AutosaveWriter()
    writer.write(tmp_path / "g", b"g")
    assert writer.close(5)
    assert (tmp_path / "g").read_bytes() == b"g"
    with pytest.raises(RuntimeError):
        writer.write(tmp_path / "h", b"h")
