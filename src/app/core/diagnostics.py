"""Crash logs under the user data folder (`log_dir()`): what went wrong, for whoever helps.

`write_crash_log` records an uncaught exception's traceback in a file of its own; the file
`fault.log` receives what `faulthandler` writes when the process dies in native code, and is
turned into a dated crash log at the next start (`collect_fault_log`).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from app.core.paths import log_dir

FAULT_LOG = "fault.log"


def write_crash_log(text: str, folder: Path | None = None) -> Path:
    """Write a traceback (with version information) to a new file; returns its path."""
    import platform  # only when a report is written: not at every start

    from app import __version__

    root = folder or log_dir()
    root.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = root / f"crash-{stamp}-{os.getpid()}.log"
    header = (
        f"Fanwen {__version__}, Python {sys.version.split()[0]}, {platform.platform()}\n"
        f"{time.strftime('%Y-%m-%d %H:%M:%S %z')}\n\n"
    )
    with path.open("a", encoding="utf-8") as handle:
        handle.write(header + text.rstrip() + "\n")
    return path


def fault_log_path(folder: Path | None = None) -> Path:
    """The file `faulthandler` writes into."""
    return (folder or log_dir()) / FAULT_LOG


def collect_fault_log(folder: Path | None = None) -> Path | None:
    """A native crash left a report in `fault.log` last time: keep it as a dated crash log."""
    source = fault_log_path(folder)
    with contextlib.suppress(OSError):
        if source.stat().st_size > 0:
            target = source.with_name(f"crash-{time.strftime('%Y%m%d-%H%M%S')}-native.log")
            os.replace(source, target)
            return target
    return None
