"""The autosave of one report session, and recovery of what an earlier session left.

A change schedules the autosave: it is written a second after the last change and never later
than two seconds after the first unsaved one (typing without a pause still gets saved). The
draft is turned into bytes in the GUI thread and written by `AutosaveWriter`'s thread, so no
disk pause falls on typing. A save or a close removes it. At start-up, `offer_recovery` offers
back the drafts of sessions that ended without saving.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.core.autosave import autosave_bytes, autosave_path, new_session
from app.core.autosave_writer import AutosaveWriter, perform
from app.core.errors import FanwenError
from app.core.library import find_template
from app.core.session import ReportSession
from app.core.template import Template
from app.ui.session_adapter import SessionAdapter

if TYPE_CHECKING:
    from pathlib import Path

    from app.core.autosave import AutosaveEntry
    from app.core.draft import Draft

#: The autosave is written this long after the last change...
AUTOSAVE_QUIET_MS = 1000
#: ...and never later than this after the first unsaved change.
AUTOSAVE_LATEST_MS = 2000
#: How long closing (or a write in this thread) waits for the autosave thread, in seconds.
AUTOSAVE_WAIT_S = 10.0


class AutosaveControl(QObject):
    """Autosave timers, the writer thread, and recovery for one session."""

    #: From the autosave thread, delivered in this object's thread.
    _failed = Signal(str)
    _written = Signal()

    def __init__(
        self,
        adapter: SessionAdapter,
        show_message: Callable[[str, int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.show_message = show_message
        #: This session's autosave name (see app.core.autosave).
        self.name = new_session()
        self.closing = False
        self._error_shown = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(AUTOSAVE_QUIET_MS)
        self._quiet.timeout.connect(self.write_in_background)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(AUTOSAVE_LATEST_MS)
        self._deadline.timeout.connect(self.write_in_background)
        self._writer = AutosaveWriter(
            on_error=lambda _path, exc: self._failed.emit(str(exc.strerror or exc)),
            on_written=lambda _path: self._written.emit(),
        )
        self._failed.connect(self._show_error)
        self._written.connect(self._succeeded)
        adapter.changed.connect(lambda _change: self.schedule())

    @property
    def path(self) -> Path:
        """The autosave file of this session."""
        return autosave_path(self.name)

    def schedule(self) -> None:
        """Write the autosave soon (see the module docstring)."""
        if self.closing:
            return
        self._quiet.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def _stop_timers(self) -> None:
        self._quiet.stop()
        self._deadline.stop()

    def draft(self) -> Draft:
        """The draft an autosave holds (a window adds the step it shows: app.ui.recovery)."""
        return self.adapter.session.current_draft()

    def write_in_background(self) -> None:
        """Hand the autosave to the writer thread (what the timers do)."""
        self._stop_timers()
        session = self.adapter.session
        if not session.modified:
            self._writer.remove(self.path)
            return
        self._writer.write(self.path, autosave_bytes(self.name, self.draft(), session.path))

    def write_now(self) -> Path | None:
        """Write the autosave now, in this thread (or remove it when nothing is unsaved):
        after a failed save, on a crash. Returns the file, or None."""
        self._stop_timers()
        self._writer.wait(AUTOSAVE_WAIT_S)  # what the thread has first
        session = self.adapter.session
        if not session.modified:
            with contextlib.suppress(OSError):
                perform(self.path, None)
            return None
        try:
            perform(self.path, autosave_bytes(self.name, self.draft(), session.path))
        except OSError as exc:
            self._show_error(str(exc.strerror or exc))
            return None
        self._succeeded()
        return self.path

    def settled(self, timeout: float = AUTOSAVE_WAIT_S) -> bool:
        """Wait until the writer thread has done what it was given (tests, closing)."""
        return self._writer.wait(timeout)

    def remove(self) -> None:
        """After a clean save, a close or another report: the autosave goes, after what the
        thread still had to write (an action of the writer's, so this waits for the disk)."""
        self._stop_timers()
        self._writer.remove(self.path)
        self._writer.wait(AUTOSAVE_WAIT_S)

    def _show_error(self, reason: str) -> None:
        if not self._error_shown:
            self._error_shown = True
            self.show_message(
                self.tr("The autosave could not be written: {error}").format(error=reason), 15000
            )

    def _succeeded(self) -> None:
        self._error_shown = False

    # ------------------------------------------------------------------ recovery

    def offer_recovery(self, ask: Callable[[str], bool]) -> bool:
        """At start-up: offer back drafts autosaved by sessions that ended without saving.

        Recovering restores every value and leaves the draft unsaved; declining sets the
        autosave aside (kept for a while) instead of deleting it.
        """
        from app.core.autosave import prune_declined, recoverable, set_aside
        from app.core.migrate import migrate_draft

        prune_declined()
        for entry in recoverable(exclude=self.name):
            try:
                template = find_template(entry.draft.template)
            except FanwenError:
                continue  # its template is not installed here: leave the file where it is
            if ask(describe_autosave(entry, template)):
                migration = migrate_draft(template, entry.draft)
                self.remove()
                load = functools.partial(
                    ReportSession.load,
                    template=template,
                    draft=entry.draft,
                    path=entry.original,
                    values=migration.values,
                    unsaved=True,
                )
                self.adapter.perform(load)
                self.write_now()
                with contextlib.suppress(OSError):
                    entry.path.unlink()
                return True
            with contextlib.suppress(OSError):
                set_aside(entry)
        return False


def describe_autosave(entry: AutosaveEntry, template: Template) -> str:
    """The question asked before a draft is recovered."""
    when = entry.saved_at
    stamp = when.strftime("%Y-%m-%d %H:%M") if when is not None else entry.saved
    name = (
        entry.original.name
        if entry.original is not None
        else QCoreApplication.translate("AutosaveControl", "an untitled draft")
    )
    filled = sum(1 for key in entry.draft.values if key in template.fields_by_key)
    return QCoreApplication.translate(
        "AutosaveControl",
        "Fanwen did not close properly last time. A draft was saved automatically at "
        "{time}: {name} ({title}, {filled} fields filled).\n\nRecover it?",
    ).format(time=stamp, name=name, title=template.title, filled=filled)
