"""Reading a file the app did not write itself: a draft, an autosave, a template's files, a 范文.

Every such read goes through `read_file`, which reads only a regular file (never a pipe, a
device or a socket: a FIFO would block the app for ever, /dev/zero would fill the memory),
opens it without blocking, and reads at most the limit that fits its kind (`Limit`), so a
file that grows while it is read cannot grow the memory either. A template's files are read
with `inside` set: a link is not followed, so a shared template cannot show any other file of
the computer. Every refusal is one line naming the file, raised as the caller's error class.
"""

from __future__ import annotations

import errno
import os
import stat
from enum import IntEnum
from pathlib import Path

from app.core.errors import FanwenError
from app.core.i18n import _

_MIB = 1024 * 1024


class Limit(IntEnum):
    """The largest file of each kind that is read, in bytes (the reasons: docs/security.md)."""

    #: A draft holds the values typed for one report: even a 100-page report's are under 1 MiB.
    DRAFT = 16 * _MIB
    #: An autosave is a draft with a few lines about it.
    AUTOSAVE = 16 * _MIB
    #: A template's schema: thousands of fields take a few hundred KiB.
    SCHEMA = 8 * _MIB
    #: A template's body: a 100-page report is about 300 KiB of text.
    BODY = 8 * _MIB
    #: A 范文 as text.
    SOURCE_TEXT = 16 * _MIB
    #: A 范文 as a Word file (pictures included).
    SOURCE_DOCX = 64 * _MIB
    #: What the parts of a Word file may unpack to, together (a zip bomb is refused unread).
    DOCX_UNPACKED = 128 * _MIB
    #: A cache entry the app wrote itself (a schema, a structure).
    CACHE = 32 * _MIB


def read_file(
    path: Path,
    limit: int,
    error: type[FanwenError] = FanwenError,
    inside: Path | None = None,
) -> bytes:
    """The bytes of the regular file `path`, at most `limit` of them.

    `inside`: the folder the file must be directly in, as a file of its own (no link). Raises
    `error` with one line naming the file when the file is missing, not a regular file, a link
    (with `inside`), too large or unreadable.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    if inside is not None:
        _check_inside(path, inside, error)
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        if path.is_dir():
            raise error(_("{file}: is a folder, not a file.", file=path))
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise error(_("{file}: file not found.", file=path)) from None
    except PermissionError:
        raise error(_("{file}: permission denied.", file=path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise error(_link_message(path)) from None
        raise error(
            _("{file}: cannot be read: {error}", file=path, error=exc.strerror or exc)
        ) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise error(_("{file}: not a regular file (a device, a pipe or a socket).", file=path))
        if info.st_size > limit:
            raise error(_too_large(path, limit))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(limit + 1 - total, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:  # it grew while being read
                raise error(_too_large(path, limit))
        return b"".join(chunks)
    except OSError as exc:
        raise error(
            _("{file}: cannot be read: {error}", file=path, error=exc.strerror or exc)
        ) from None
    finally:
        os.close(fd)


#: More parts than a zip package (a Word file) of ours has: a long report with pictures has a
#: few hundred.
MAX_PARTS = 10_000


def check_unpacked_size(
    data: bytes, name: str, limit: int, error: type[FanwenError] = FanwenError
) -> None:
    """Refuse, before anything is unpacked, a zip package (a Word file) whose parts would
    unpack to more than `limit` bytes together (a zip bomb) or that has more parts than
    `MAX_PARTS`. zipfile never unpacks a part beyond the size its directory declares, so the
    declared sizes are a true bound."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise error(_("{file}: not a Word (.docx) document.", file=name)) from None
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > limit:
        raise error(
            _(
                "{file}: the Word document would unpack to more than {limit} MB; it was not read.",
                file=name,
                limit=limit // _MIB,
            )
        )


def is_special_file(path: Path) -> bool:
    """Whether `path` exists and is not a regular file once links are followed (a FIFO, a
    device, a socket, a folder): for files read by a library that opens them itself (the
    settings, through QSettings), checked before it does."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _check_inside(path: Path, folder: Path, error: type[FanwenError]) -> None:
    """A template's file: directly in its folder, and not a link (where it leads is not read)."""
    if path.parent != folder or path.name in ("", ".", ".."):
        raise error(_link_message(path))
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            raise error(_link_message(path))
    except FileNotFoundError:
        return  # said by the open that follows
    except OSError:
        return


def _link_message(path: Path) -> str:
    return _("{file}: a template's files must be files in its own folder, not links.", file=path)


def _too_large(path: Path, limit: int) -> str:
    return _(
        "{file}: too large to be read (more than {limit} MB).",
        file=path,
        limit=max(1, limit // _MIB),
    )
