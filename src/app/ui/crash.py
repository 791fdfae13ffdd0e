"""The crash handler: an uncaught exception must not cost the writer their work.

`install()` replaces `sys.excepthook` (PySide6 sends exceptions raised in slots and event
handlers there too) and turns on `faulthandler` into `fault.log` for crashes in native code.
On an exception, `handle_exception` writes every open window's draft to its autosave, logs the
traceback to a file under the user data folder, and tells the writer what happened and where
their draft is; the app keeps running.
"""

from __future__ import annotations

import contextlib
import faulthandler
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtWidgets import QApplication

from app.core.diagnostics import collect_fault_log, fault_log_path, write_crash_log
from app.core.i18n import _

_installed = False
_handling = False
#: The file faulthandler writes into: it must stay open for the life of the process.
_fault_file: IO[str] | None = None


def install() -> Path | None:
    """Install the hook and faulthandler; returns a native crash log left by the last run."""
    global _installed, _fault_file
    previous_native = collect_fault_log()
    if _installed:
        return previous_native
    _installed = True
    sys.excepthook = _hook
    with contextlib.suppress(OSError):
        path = fault_log_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        _fault_file = path.open("a", encoding="utf-8")
        faulthandler.enable(file=_fault_file, all_threads=True)
    return previous_native


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    handle_exception(exc_type, exc, tb)


def handle_exception(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path | None:
    """Save what can be saved, log the traceback, tell the writer. Returns the log's path."""
    global _handling
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    if _handling:  # an error while reporting an error: do not loop
        sys.stderr.write(text)
        return None
    _handling = True
    try:
        from app.ui.main_window import MainWindow

        saved: list[Path] = []
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        for window in windows:
            with contextlib.suppress(Exception):
                path = window.autosave.write_now()
                if path is not None:
                    saved.append(path)
        log: Path | None = None
        try:
            log = write_crash_log(text)
        except OSError:
            sys.stderr.write(text)
        if windows:
            windows[0].dialogs.crashed(_message(exc, saved, log))
        else:
            sys.stderr.write(text)
        return log
    finally:
        _handling = False


def _message(exc: BaseException, saved: list[Path], log: Path | None) -> str:
    lines = [_("An unexpected error occurred: {error}", error=f"{type(exc).__name__}: {exc}")]
    if saved:
        lines.append(_("Your draft has been saved automatically to {path}.", path=saved[0]))
    else:
        lines.append(_("There were no unsaved changes; nothing has been lost."))
    if log is not None:
        lines.append(_("The details are in {path}.", path=log))
    lines.append(_("Save your draft, then restart Fanwen if it does not work as it should."))
    return "\n\n".join(lines)
