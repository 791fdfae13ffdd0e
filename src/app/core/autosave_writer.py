"""Writing autosaves off the typing thread.

An autosave is an atomic write with two `fsync`s: usually about a millisecond, but tens of
milliseconds on a busy disk, and more on a network home folder or under an office antivirus that
scans every new file. On the thread that draws the window, that pause would fall on whatever the
writer types next. So the app hands the bytes to an `AutosaveWriter`, whose one thread writes
them: jobs run in the order given, a write still waiting is replaced by a newer one for the same
file (only the latest content matters), and a removal (after a clean save or close) is done
after the writes before it, so it can never be undone by a write that was late.

No Qt here: the app passes callbacks (`on_error`, `on_written`), called in the writer's thread,
and marshals them to its own.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path

from app.core.atomic import atomic_write_bytes

#: A job: write these bytes to the path, or (None) remove the path.
Job = tuple[Path, bytes | None]


class AutosaveWriter:
    """One background thread writing (and removing) autosave files, in order."""

    def __init__(
        self,
        on_error: Callable[[Path, OSError], None] | None = None,
        on_written: Callable[[Path], None] | None = None,
    ) -> None:
        self._on_error = on_error
        self._on_written = on_written
        self._jobs: deque[Job] = deque()
        self._busy = False
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None
        self._closed = False

    # ------------------------------------------------------------------ scheduling

    def write(self, path: Path, data: bytes) -> None:
        """Write `data` to `path` (atomically) soon; a waiting write to `path` is replaced."""
        self._schedule((Path(path), data))

    def remove(self, path: Path) -> None:
        """Remove `path` once the jobs before this one are done (a missing file is fine)."""
        self._schedule((Path(path), None))

    def _schedule(self, job: Job) -> None:
        with self._condition:
            if self._closed:
                raise RuntimeError("the autosave writer is closed")
            # the newest job for a file makes a write to it still waiting at the end pointless
            if self._jobs and self._jobs[-1][0] == job[0] and self._jobs[-1][1] is not None:
                self._jobs.pop()
            self._jobs.append(job)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="fanwen-autosave", daemon=True
                )
                self._thread.start()
            self._condition.notify_all()

    def wait(self, timeout: float | None = None) -> bool:
        """Until every job given so far is done; False when `timeout` (seconds) ran out."""
        with self._condition:
            return self._condition.wait_for(lambda: not self._jobs and not self._busy, timeout)

    def pending(self) -> bool:
        """Whether jobs are waiting or running."""
        with self._condition:
            return bool(self._jobs) or self._busy

    def close(self, timeout: float | None = None) -> bool:
        """Finish the jobs given so far, then stop the thread; False when `timeout` ran out."""
        done = self.wait(timeout)
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        return done

    # ------------------------------------------------------------------ the thread

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._jobs or self._closed)
                if not self._jobs:
                    return  # closed, nothing left
                path, data = self._jobs.popleft()
                self._busy = True
            try:
                perform(path, data)
            except OSError as exc:
                if self._on_error is not None:
                    with contextlib.suppress(Exception):  # a callback must not stop the thread
                        self._on_error(path, exc)
            else:
                if data is not None and self._on_written is not None:
                    with contextlib.suppress(Exception):
                        self._on_written(path)
            finally:
                with self._condition:
                    self._busy = False
                    self._condition.notify_all()


def perform(path: Path, data: bytes | None) -> None:
    """Do one job now, in this thread: write atomically, or remove; raises OSError."""
    if data is None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
