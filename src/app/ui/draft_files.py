"""The draft's file: new, open, save, save as, the recent list, and the question before a
report with unsaved changes is closed or replaced.

Everything here works on the report session (through its `SessionAdapter`), never on the window:
opening a draft loads it into the session, which tells the window to redraw. A draft that cannot
be opened is named with the reason and the session keeps the report it had; a save writes a
backup of the previous version and the new one atomically, and a failed save leaves the file as
it was and the draft modified (its autosave brought up to date).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.draft import SUFFIX, Draft, load_draft
from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.template import Template
from app.core.template_copy import template_for_draft
from app.ui import settings as config
from app.ui.autosave_control import AutosaveControl
from app.ui.session_adapter import SessionAdapter
from app.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from app.ui.dialogs import Dialogs


def safe_file_stem(text: str) -> str:
    """A file name made from a title: characters Windows forbids become “_”."""
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text).strip(" .")
    return cleaned or "report"


def default_folder(path: Path | None) -> Path:
    """Where file dialogs start: the draft's folder, else Documents, else home."""
    if path is not None:
        return path.parent
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def draft_filters() -> list[str]:
    """File dialog filters for drafts."""
    return [
        QCoreApplication.translate("DraftFiles", "Fanwen drafts (*{suffix})").format(suffix=SUFFIX)
    ]


def dropped_draft(mime: QMimeData) -> Path | None:
    """The draft file among what is dragged onto the window, if any."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile().lower().endswith(SUFFIX):
            return Path(url.toLocalFile())
    return None


def lock_file(path: Path) -> Path:
    """The lock beside a draft that says it is open: ``.报告.fanwen.lock``."""
    return path.with_name(f".{path.name}.lock")


class Holder(NamedTuple):
    """Who has a draft open: the process, the computer and the program."""

    pid: int
    host: str
    app: str


class LockChoice(Enum):
    """What to do with a draft another window or program has open."""

    COPY = "copy"
    CANCEL = "cancel"


class DraftLock:
    """The lock of one open draft (`QLockFile` beside it), so a second window or a second
    Fanwen on the same draft is told who has it instead of both overwriting each other's work.

    A lock left by a process that is gone is taken over (QLockFile checks that the process is
    still running); a folder where no lock can be made (read-only, a CD) opens the draft
    without one, since such a draft cannot be saved there anyway.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = QLockFile(str(lock_file(path)))
        self._file.setStaleLockTime(0)  # held as long as the draft is open, however long

    def acquire(self) -> Holder | None:
        """Take the lock; None when taken (or none can be made here), else who holds it."""
        if self._file.tryLock(0):
            return None
        if self._file.error() != QLockFile.LockError.LockFailedError:
            return None  # no lock can be made in this folder: open without one
        ok, pid, host, app = _lock_info(self._file)
        return Holder(pid, host, app) if ok else Holder(0, "", "")

    def release(self) -> None:
        """Give the lock up (the draft is closed or another is opened)."""
        if self._file.isLocked():
            self._file.unlock()


def _lock_info(lock: QLockFile) -> tuple[bool, int, str, str]:
    info = lock.getLockInfo()
    if isinstance(info, tuple) and len(info) == 3:  # PySide6 returns (pid, host, app)
        pid, host, app = info
        return True, int(pid), str(host), str(app)
    return False, 0, "", ""


def ask_locked(parent: QWidget | None, name: str, holder: Holder) -> LockChoice:
    """Tell the writer that `name` is open elsewhere; offer to open a copy of it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("DraftFiles", "The draft is open elsewhere"))
    box.setText(
        QCoreApplication.translate(
            "DraftFiles",
            "“{name}” is already open in another Fanwen window (process {pid} on {host}).",
        ).format(name=name, pid=holder.pid, host=holder.host or "?")
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "DraftFiles",
            "Two windows saving one file would overwrite each other's work. You can open a "
            "copy: it is untitled, and saving it asks for a new name.",
        )
    )
    copy = box.addButton(
        QCoreApplication.translate("DraftFiles", "Open a &copy"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    return LockChoice.COPY if box.clickedButton() is copy else LockChoice.CANCEL


class DraftFiles(QObject):
    """The file commands of one report session."""

    #: The draft's file changed (saved, saved as, opened): the title follows.
    pathChanged = Signal()

    def __init__(
        self,
        adapter: SessionAdapter,
        autosave: AutosaveControl,
        settings: Settings,
        dialogs: Callable[[], Dialogs],
        show_message: Callable[[str, int], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.autosave = autosave
        self.settings = settings
        self._dialogs = dialogs
        self.show_message = show_message
        #: Asked when a draft is open elsewhere (tests replace it).
        self.ask_locked: Callable[[str, Holder], LockChoice] = lambda name, holder: ask_locked(
            self.dialogs.parent, name, holder
        )
        #: The lock of the draft's file, while one is held.
        self.lock: DraftLock | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.release_lock)
        self._lock_startup_draft()

    def _lock_startup_draft(self) -> None:
        """The draft the window was made on is locked too; when it is open elsewhere, this
        window holds an untitled copy (saving asks for a new name) and says so."""
        session = self.adapter.session
        if session.path is None:
            return
        lock = DraftLock(session.path)
        holder = lock.acquire()
        if holder is None:
            self.lock = lock
            return
        name = session.path.name
        session.path = None
        session.mark_unsaved()
        self.show_message(
            self.tr(
                "“{name}” is open in another Fanwen window (process {pid}): this is a copy; "
                "saving it asks for a new name."
            ).format(name=name, pid=holder.pid),
            30000,
        )

    def release_lock(self) -> None:
        """Give up the lock of the draft (closing)."""
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _claim(self, path: Path) -> DraftLock | Holder | None:
        """The lock of `path`: the one held already, a new one taken, or who holds it."""
        if self.lock is not None and self.lock.path == path:
            return self.lock
        lock = DraftLock(path)
        holder = lock.acquire()
        return holder if holder is not None else lock

    def _keep_lock(self, lock: DraftLock | None) -> None:
        """`lock` is now the draft's (the one held before, if another, is given up)."""
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock = lock

    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs()

    def _start_folder(self) -> Path:
        folder = self.settings.get(config.DRAFT_FOLDER)
        path = self.adapter.session.path
        return Path(folder) if folder and Path(folder).is_dir() else default_folder(path)

    # ------------------------------------------------------------------ closing a report

    def maybe_save(self) -> bool:
        """Before the draft is closed or replaced: ask about unsaved changes.

        True when it is fine to go on (saved, or the writer chose not to save); False when the
        writer cancelled or the save failed.
        """
        session = self.adapter.session
        if not session.modified:
            return True
        from app.ui.dialogs import SaveChoice

        name = session.path.name if session.path is not None else _("Untitled")
        answer = self.dialogs.ask_save_changes(name)
        if answer is SaveChoice.SAVE:
            return self.save()
        return answer is SaveChoice.DISCARD

    def load(
        self,
        template: Template,
        draft: Draft,
        path: Path | None,
        values: dict[str, str] | None = None,
        unsaved: bool = False,
    ) -> bool:
        """Show another report in the session (its autosave starts afresh); False, with the
        reason shown, when its report cannot be built (the session keeps the one it had)."""
        try:
            self.adapter.perform(lambda s: s.load(template, draft, path, values, unsaved))
        except FanwenError as exc:
            self.dialogs.error(_("Cannot open the draft"), str(exc))
            return False
        if path is None:
            self._keep_lock(None)
        self.autosave.remove()
        self.pathChanged.emit()
        if unsaved:
            self.autosave.schedule()
        return True

    def new_blank(self) -> None:
        """Start an empty draft of the same template."""
        if not self.maybe_save():
            return
        self.start_report(self.adapter.session.template, ask=False)

    def start_report(self, template: Template, ask: bool = True) -> bool:
        """A new, empty report of `template` (after asking about unsaved changes); False when
        the writer keeps the current report."""
        if ask and not self.maybe_save():
            return False
        draft = Draft(template=template.id, template_version=template.version)
        return self.load(template, draft, None)

    # ------------------------------------------------------------------ open

    def open(self) -> None:
        """Ask for a draft file and open it."""
        if not self.maybe_save():
            return
        path = self.dialogs.open_file(
            self.tr("Open a draft"), self._start_folder(), draft_filters()
        )
        if path is not None:
            self.open_path(path, ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a draft file (asking first about unsaved changes when `ask`).

        A file that cannot be opened (corrupt, empty, foreign, from a newer Fanwen, for an
        unknown template) is named with the reason and left untouched; the current draft stays.
        """
        from app.core.migrate import migrate_draft, migration_message

        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            draft = load_draft(path)
            template = template_for_draft(draft)  # or the copy it carries
            migration = migrate_draft(template, draft)
        except FanwenError as exc:
            message = str(exc)
            if str(path) not in message:
                message = _("{file}: {error}", file=path, error=message)
            self.dialogs.error(_("Cannot open the draft"), message)
            return False
        resolved = path.resolve()
        claimed = self._claim(resolved)
        if isinstance(claimed, Holder):
            if self.ask_locked(resolved.name, claimed) is LockChoice.CANCEL:
                return False
            return self.load(template, draft, None, migration.values, unsaved=True)
        if not self.load(template, draft, resolved, migration.values, bool(migration.renamed)):
            if claimed is not self.lock:
                claimed.release()  # the report could not be built: the old draft stays
            return False
        self._keep_lock(claimed)
        self.settings.set(config.DRAFT_FOLDER, str(resolved.parent))
        self.add_recent(resolved)
        if migration.changed:
            self.dialogs.information(
                self.tr("The template has changed"), migration_message(template, migration)
            )
        return True

    # ------------------------------------------------------------------ save

    def save(self) -> bool:
        """Save to the draft's file (asking for one the first time); False when not saved."""
        path = self.adapter.session.path
        if path is None:
            return self.save_as()
        return self.write(path)

    def save_as(self) -> bool:
        """Save under a new name."""
        session = self.adapter.session
        stem = session.path.stem if session.path is not None else session.template.title
        start = self._start_folder() / (safe_file_stem(stem) + SUFFIX)
        filters = draft_filters()
        path, _chosen = self.dialogs.save_file(
            self.tr("Save the draft"), start, filters, filters[0]
        )
        if path is None:
            return False
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.write(path)

    def write(self, path: Path) -> bool:
        """Write the draft to `path` safely (backup, then atomic write).

        On failure the writer is told why, the draft stays in memory and marked unsaved, the
        autosave is brought up to date, and the file on disk is untouched.
        """
        from app.core.saving import save_draft_safely

        resolved = Path(path).resolve()
        claimed = self._claim(resolved)
        if isinstance(claimed, Holder):
            self.dialogs.error(
                self.tr("The draft was not saved"),
                self.tr(
                    "{file}: open in another Fanwen window (process {pid} on {host}); save "
                    "under another name."
                ).format(file=resolved, pid=claimed.pid, host=claimed.host or "?"),
            )
            self.autosave.write_now()
            return False
        try:
            result = save_draft_safely(self.adapter.session.current_draft(), Path(path))
        except FanwenError as exc:
            if claimed is not self.lock:
                claimed.release()
            self.dialogs.error(self.tr("The draft was not saved"), str(exc))
            self.autosave.write_now()
            return False
        self._keep_lock(claimed)
        self.adapter.mark_saved(result.draft, resolved)
        self.autosave.remove()
        self.settings.set(config.DRAFT_FOLDER, str(resolved.parent))
        self.add_recent(resolved)
        self.pathChanged.emit()
        message = self.tr("Saved to {path}").format(path=resolved)
        if result.backup_error:
            message += " " + self.tr("(no backup of the previous version: {error})").format(
                error=result.backup_error
            )
        self.show_message(message, 8000)
        return True

    # ------------------------------------------------------------------ recent files

    def recent(self) -> list[Path]:
        """Drafts opened or saved recently, newest first."""
        return [Path(p) for p in self.settings.get(config.RECENT_FILES)]

    def add_recent(self, path: Path) -> None:
        """Put a draft at the top of the recent list."""
        entries = [str(path)] + [
            p for p in self.settings.get(config.RECENT_FILES) if p != str(path)
        ]
        self.settings.set(config.RECENT_FILES, entries[: config.RECENT_LIMIT])

    def clear_recent(self) -> None:
        """Forget the recent drafts."""
        self.settings.set(config.RECENT_FILES, [])

    def open_recent(self, path: Path) -> bool:
        """Open a recent draft; one that has gone is taken off the list."""
        if not path.exists():
            self.dialogs.error(
                _("Cannot open the draft"),
                _("{file}: file not found.", file=path),
            )
            self.settings.set(
                config.RECENT_FILES,
                [p for p in self.settings.get(config.RECENT_FILES) if p != str(path)],
            )
            return False
        return self.open_path(path)
