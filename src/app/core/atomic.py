"""Atomic file writes: the destination holds either the old content or the new, never a part.

Write to a temporary file in the same folder, flush and fsync it, then `os.replace` it over the
destination (qutebrowser's `savefile_open`, Electrum's storage). On any failure the temporary
file is removed and the destination is untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; raises OSError and leaves `path` as it was on failure."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # keep the usual permissions of a new file
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_folder(folder)


#: A temporary file older than this is left over from a write that was killed (a write
#: takes well under a second; an hour leaves any write in progress alone).
STALE_SECONDS = 3600


def remove_stale_temporaries(path: Path, age: float = STALE_SECONDS) -> int:
    """Remove the temporary files `atomic_write_bytes(path, ...)` left behind when it was killed
    before it could clean up (``.报告.fanwen.k3j9x2.tmp``), older than `age` seconds; returns how
    many. Only this file's own temporaries are touched, and failing to is not an error."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = f".{path.name}."
    limit = time.time() - age
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < limit:
                    os.unlink(entry.path)
                    removed += 1
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (POSIX)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
