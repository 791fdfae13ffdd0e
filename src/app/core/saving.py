"""Saving a draft so that nothing on disk is ever damaged: a backup of the previous version
beside the file, then an atomic write (temporary file, fsync, replace).

When the write fails (read-only folder, full disk, folder gone, file locked) the file on disk is
the previous version, byte for byte, and the error says why in the writer's language.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from dataclasses import dataclass
from pathlib import Path

from app.core.atomic import atomic_write_bytes, remove_stale_temporaries
from app.core.draft import Draft, now_iso
from app.core.errors import DraftError
from app.core.i18n import _
from app.core.safe_read import Limit, read_file

BACKUP_SUFFIX = ".bak"


@dataclass(frozen=True)
class SaveResult:
    """What a save did besides writing the file."""

    #: The draft as written (with its timestamps).
    draft: Draft
    #: The copy of the previous version, or None when there was none.
    backup: Path | None = None
    #: Why no backup could be made (the save itself went through), or None.
    backup_error: str | None = None


def backup_path(path: Path) -> Path:
    """Where the previous version of a draft file is kept: ``报告.fanwen.bak``."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_error_message(path: Path, error: OSError) -> str:
    """One line saying why `path` could not be written."""
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return _("{file}: permission denied; choose another place.", file=path)
    if isinstance(error, FileNotFoundError):
        return _("{file}: the folder does not exist.", file=path)
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return _("{file}: the disk is full.", file=path)
    if error.errno == errno.EROFS:
        return _("{file}: the disk is read-only.", file=path)
    return _("{file}: cannot be written: {error}", file=path, error=error.strerror or error)


def save_draft_safely(draft: Draft, path: Path) -> SaveResult:
    """Write `draft` to `path`, keeping the file's previous version as a backup beside it.

    Raises DraftError (with the reason) when the draft could not be written; the file on disk
    is then untouched. `draft` itself is not changed: the result holds the draft as written.
    """
    path = Path(path)
    stamp = now_iso()
    written = dataclasses.replace(draft, created=draft.created or stamp, modified=stamp)
    data = written.to_json().encode("utf-8")
    if path.is_dir():
        raise DraftError(_("{file}: is a folder, not a draft file.", file=path))
    backup: Path | None = None
    backup_error: str | None = None
    if path.is_file():
        target = backup_path(path)
        try:
            atomic_write_bytes(target, read_file(path, Limit.DRAFT, DraftError))
            backup = target
        except OSError as exc:
            backup_error = write_error_message(target, exc)
        except DraftError as exc:  # the previous file is too large or cannot be read
            backup_error = str(exc)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise DraftError(write_error_message(path, exc)) from None
    remove_stale_temporaries(path)  # left by a save that was killed
    remove_stale_temporaries(backup_path(path))
    return SaveResult(written, backup, backup_error)


def same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (the same path, or a link or hard link to it): an export
    must never be written over the draft it was made from."""
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
        return first.resolve() == second.resolve()
    except (OSError, ValueError):
        return False
