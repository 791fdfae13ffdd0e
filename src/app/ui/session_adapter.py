"""The report session as Qt signals: the one way the widgets change a report.

`app.core.session.ReportSession` does the work and keeps the one undo history; this adapter runs
an operation on it and tells whoever listens what changed (`changed`), whether Undo and Redo
have something to do (`historyChanged`) and whether the draft is modified (`modifiedChanged`).
The window, the file commands, the wording and template actions all go through `perform`, so a
change made anywhere is drawn, counted, undoable and autosaved the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from app.core.draft import Draft
from app.core.session import Change, ReportSession
from app.core.template_copy import attach_copy


class SessionAdapter(QObject):
    """A `ReportSession` whose changes are signalled."""

    #: A `Change` from an operation (values, wording, another report, undo, redo).
    changed = Signal(object)
    #: Undo or Redo became (un)available, or what they would do changed.
    historyChanged = Signal()
    #: The draft became modified, or saved.
    modifiedChanged = Signal(bool)

    def __init__(self, session: ReportSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._modified = session.modified
        self._history = self._history_state()
        self._carried: tuple[object, object] = (None, None)
        self._carry_template()

    def perform(self, operation: Callable[[ReportSession], Change | None]) -> Change | None:
        """Run one operation on the session and signal what it changed."""
        change = operation(self.session)
        self._carry_template()
        if change is not None and (change.update.changed or change.replaced):
            self.changed.emit(change)
        self._signal_state()
        return change

    def undo(self) -> Change | None:
        """Take back the last change, whatever its kind."""
        return self.perform(ReportSession.undo)

    def redo(self) -> Change | None:
        """Do the last change taken back again."""
        return self.perform(ReportSession.redo)

    def mark_saved(self, draft: Draft, path: Path) -> None:
        """The draft was written to `path`."""
        self.session.mark_saved(draft, path)
        self._carry_template()
        self._signal_state()

    def _carry_template(self) -> None:
        """The session's draft carries a copy of its template when that is not built in (see
        app.core.template_copy): checked when the template or the draft object changes."""
        session = self.session
        if self._carried != (session.template, session.draft):
            attach_copy(session.draft, session.template)
            self._carried = (session.template, session.draft)

    def _history_state(self) -> tuple[bool, bool, str, str]:
        session = self.session
        return (session.can_undo(), session.can_redo(), session.undo_text(), session.redo_text())

    def _signal_state(self) -> None:
        history = self._history_state()
        if history != self._history:
            self._history = history
            self.historyChanged.emit()
        modified = self.session.modified
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)
