"""Autosaves: the draft as it is in memory, written aside while the writer works, offered back
after a crash. No Qt here; the app decides when to write (debounced, off the typing path).

Every running window has a session; its autosave is one file in `autosave_dir()`,
``<session>.fanwen-autosave``, JSON holding the draft exactly as a `.fanwen` file would and what
is needed to offer it back: when it was written, which file the draft belongs to (or none for a
never-saved draft), and which process wrote it. A clean save or close removes the file. At the
next start, autosaves whose process is gone are offered back (`recoverable()`); one the writer
declines is set aside in ``declined/`` rather than deleted at once, and removed from there after
`DECLINED_DAYS`.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from app.core.atomic import STALE_SECONDS, atomic_write_bytes
from app.core.draft import SUFFIX, Draft, now_iso, parse_draft
from app.core.errors import DraftError
from app.core.paths import autosave_dir
from app.core.safe_read import Limit, read_file

AUTOSAVE_SUFFIX = ".fanwen-autosave"
AUTOSAVE_FORMAT = "fanwen-autosave"
AUTOSAVE_VERSION = 1
DECLINED = "declined"
DECLINED_DAYS = 30

if TYPE_CHECKING:  # read when the recovery list shows its stamps, not at start-up
    from datetime import datetime


class AutosaveEntry(NamedTuple):
    """An autosave found on disk."""

    path: Path
    session: str
    saved: str
    #: The `.fanwen` file the draft belongs to, or None for a draft never saved.
    original: Path | None
    pid: int
    draft: Draft
    #: The boot of the machine the autosave was written in (see `boot_id`).
    boot: str = ""

    @property
    def saved_at(self) -> datetime | None:
        """When it was written (None when the stamp cannot be read)."""
        from datetime import datetime

        try:
            return datetime.fromisoformat(self.saved)
        except ValueError:
            return None


def new_session() -> str:
    """A name for this window's autosave, unique across processes and restarts."""
    return f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{os.urandom(3).hex()}"


def autosave_path(session: str, folder: Path | None = None) -> Path:
    """Where a session's autosave lives."""
    return (folder or autosave_dir()) / f"{session}{AUTOSAVE_SUFFIX}"


def autosave_bytes(session: str, draft: Draft, original: Path | None) -> bytes:
    """The content of an autosave file. Made in the GUI thread, on a timer that fires while the
    writer types: one line of JSON (json's C encoder; an indented dump is encoded in Python)."""
    content: dict[str, Any] = {
        "format": AUTOSAVE_FORMAT,
        "version": AUTOSAVE_VERSION,
        "session": session,
        "saved": now_iso(),
        "original": str(original) if original is not None else None,
        "pid": os.getpid(),
        "boot": boot_id(),
        "draft": draft.to_data(),
    }
    return (json.dumps(content, ensure_ascii=False) + "\n").encode("utf-8")


def write_autosave(
    session: str, draft: Draft, original: Path | None, folder: Path | None = None
) -> Path:
    """Write (atomically) the session's autosave; raises OSError when it cannot be written."""
    path = autosave_path(session, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, autosave_bytes(session, draft, original))
    return path


def remove_autosave(session: str, folder: Path | None = None) -> None:
    """Remove the session's autosave (after a clean save or close); a missing file is fine."""
    with contextlib.suppress(FileNotFoundError):
        autosave_path(session, folder).unlink()


def read_autosave(path: Path) -> AutosaveEntry:
    """Read one autosave file; a DraftError says what is wrong with it."""
    data = read_file(path, Limit.AUTOSAVE, DraftError)  # a FIFO must not stall the start
    try:
        content = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DraftError(f"{path}: not a readable autosave") from None
    if not isinstance(content, dict) or content.get("format") != AUTOSAVE_FORMAT:
        raise DraftError(f"{path}: not an autosave")
    draft_content = content.get("draft")
    if not isinstance(draft_content, dict):
        raise DraftError(f"{path}: the autosave holds no draft")
    draft = parse_draft(json.dumps(draft_content, ensure_ascii=False).encode("utf-8"), str(path))
    original = content.get("original")
    pid = content.get("pid")
    return AutosaveEntry(
        path=path,
        session=str(content.get("session") or path.name.removesuffix(AUTOSAVE_SUFFIX)),
        saved=str(content.get("saved") or ""),
        original=trusted_original(original),
        pid=pid if isinstance(pid, int) and not isinstance(pid, bool) else -1,
        draft=draft,
        boot=str(content.get("boot") or ""),
    )


def trusted_original(recorded: object) -> Path | None:
    """The draft file an autosave says it belongs to, when that can be believed: an absolute
    path to an existing regular `.fanwen` file. Anything else (a file gone, a folder, a device,
    another kind of file, a relative path) recovers as an untitled draft, so a save asks where
    to write instead of overwriting what the autosave names."""
    if not isinstance(recorded, str) or not recorded or "\0" in recorded:
        return None
    path = Path(recorded)
    if not path.is_absolute() or path.suffix.lower() != SUFFIX:
        return None
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
    except (OSError, ValueError):
        return None
    return path


def recoverable(exclude: str | None = None, folder: Path | None = None) -> list[AutosaveEntry]:
    """Autosaves left by sessions that are no longer running, newest first.

    Files that cannot be read are skipped (and left where they are). An autosave whose process
    is still alive belongs to another open window and is not offered.
    """
    root = folder or autosave_dir()
    try:
        candidates = sorted(root.glob(f"*{AUTOSAVE_SUFFIX}"))
    except OSError:
        return []
    found: list[AutosaveEntry] = []
    for path in candidates:
        if exclude is not None and path.name == f"{exclude}{AUTOSAVE_SUFFIX}":
            continue
        try:
            entry = read_autosave(path)
        except DraftError:
            continue
        same_boot = entry.boot == boot_id()
        if entry.pid == os.getpid() or (same_boot and entry.pid > 0 and pid_alive(entry.pid)):
            continue
        found.append(entry)
    found.sort(key=lambda e: e.saved, reverse=True)
    return found


def set_aside(entry: AutosaveEntry, folder: Path | None = None) -> Path:
    """Move a declined autosave into ``declined/`` (kept for `DECLINED_DAYS`)."""
    root = folder or entry.path.parent
    target_folder = root / DECLINED
    target_folder.mkdir(parents=True, exist_ok=True)
    target = target_folder / entry.path.name
    os.replace(entry.path, target)
    return target


def prune_declined(folder: Path | None = None, days: int = DECLINED_DAYS) -> None:
    """Remove declined autosaves older than `days`, and temporary files that writes killed
    part-way left in the autosave folder (older than `atomic.STALE_SECONDS`)."""
    root = folder or autosave_dir()
    with contextlib.suppress(OSError):
        stale = time.time() - STALE_SECONDS
        for entry in os.scandir(root):
            if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < stale:
                        os.unlink(entry.path)
    declined = root / DECLINED
    limit = time.time() - days * 86400
    with contextlib.suppress(OSError):
        for path in declined.glob(f"*{AUTOSAVE_SUFFIX}"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < limit:
                    path.unlink()


def boot_id() -> str:
    """Identifies this boot of the machine (Linux), so a process id from before a restart is
    not mistaken for a running one; "" where unknown."""
    with contextlib.suppress(OSError):
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    return ""


def pid_alive(pid: int) -> bool:
    """Whether a process with this id is running."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return _not_zombie(pid)


def _not_zombie(pid: int) -> bool:
    """A killed child not yet reaped by its parent still has an id; it runs no more."""
    with contextlib.suppress(OSError, IndexError):
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    process_query_limited_information = 0x1000
    still_active = 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
