"""Exporting and printing the report of a session: problems first, then the file dialog, then
the write; and opening what was written with the system's program.

The export page (the last step) and Ctrl+E both come here; the document written is the session
model's, the same the preview shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.report import problem_labels
from app.ui import settings as config
from app.ui.draft_files import default_folder, safe_file_stem
from app.ui.session_adapter import SessionAdapter
from app.ui.settings import Settings

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl

    from app.core.export import ExportFormat
    from app.ui.dialogs import Dialogs
    from app.ui.export_page import ExportPage


def export_formats() -> dict[str, ExportFormat]:
    """The export formats, loaded on first use (pdf among them: `app.printing` adds it)."""
    import app.printing  # noqa: F401
    from app.core.export import FORMATS

    return FORMATS


def file_url(path: Path) -> QUrl:
    """A local file's URL (QUrl is imported here: the first window needs none)."""
    from PySide6.QtCore import QUrl

    return QUrl.fromLocalFile(str(path))


def format_for(path: Path, chosen_filter: str, default: str) -> str:
    """The format a file name asks for by its suffix, else the filter chosen, else `default`."""
    from app.ui.export_page import format_description

    formats = export_formats()
    suffix = path.suffix.lower()
    for name, export_format in formats.items():
        if export_format.suffix == suffix:
            return name
    for name in formats:
        if chosen_filter == format_description(name):
            return name
    return default


class ExportFlow(QObject):
    """Export, print and print preview of one session's report."""

    #: The writer chose to go to a field with a problem instead of exporting.
    goToField = Signal(str)

    def __init__(
        self,
        adapter: SessionAdapter,
        settings: Settings,
        dialogs: Callable[[], Dialogs],
        export_page: Callable[[], ExportPage | None],
        show_message: Callable[[str, int], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self.settings = settings
        self._dialogs = dialogs
        self._export_page = export_page
        self.show_message = show_message
        self.parent_widget = parent
        self._exporting = False

    @property
    def dialogs(self) -> Dialogs:
        return self._dialogs()

    def export(self, fmt: str | None = None) -> Path | None:
        """Export the report: problems first, then the file dialog, then write; None if not."""
        if self._exporting:  # a second Ctrl+E while the first one's dialogs are up
            return None
        self._exporting = True
        try:
            return self._export(fmt)
        finally:
            self._exporting = False

    def _go_on_despite_problems(self) -> bool:
        from app.ui.dialogs import ExportChoice, ProblemLine

        model = self.adapter.session.model
        blocking = model.blocking_problems()
        if not blocking:
            return True
        lines = [
            ProblemLine(problem.keys[0], line)
            for problem, line in zip(blocking, problem_labels(model, blocking), strict=True)
        ]
        choice, key = self.dialogs.export_problems(lines)
        if choice is ExportChoice.GO_TO and key is not None:
            self.goToField.emit(key)
            return False
        return choice is ExportChoice.EXPORT_ANYWAY

    def _export(self, fmt: str | None) -> Path | None:
        if not self._go_on_despite_problems():
            return None
        from app.core.export import ExportOptions, export_report
        from app.ui.dialogs import AfterExport
        from app.ui.export_page import format_description

        session = self.adapter.session
        formats = export_formats()
        name = fmt or self.settings.get(config.EXPORT_FORMAT)
        if name not in formats:
            name = next(iter(formats))
        folder = self.settings.get(config.EXPORT_FOLDER)
        start_folder = (
            Path(folder) if folder and Path(folder).is_dir() else default_folder(session.path)
        )
        stem = session.path.stem if session.path is not None else session.template.title
        start = start_folder / (safe_file_stem(stem) + formats[name].suffix)
        filters = [format_description(n) for n in formats]
        path, chosen = self.dialogs.save_file(
            self.tr("Export the report"), start, filters, format_description(name)
        )
        if path is None:
            return None
        name = format_for(path, chosen, name)
        if path.suffix.lower() != formats[name].suffix:
            path = path.with_name(path.name + formats[name].suffix)
        from app.core.saving import same_file

        if session.path is not None and same_file(path, session.path):
            self.dialogs.error(
                self.tr("Export failed"),
                _(
                    "{file}: the export would replace the draft itself; choose another name.",
                    file=path,
                ),
            )
            return None
        author = self.settings.get(config.EXPORT_AUTHOR)
        page = self._export_page()
        if page is not None:  # as typed, even when the field still has the focus
            author = page.author_name()
            self.settings.set(config.EXPORT_AUTHOR, author)
        try:
            options = ExportOptions(encoding=self.settings.get(config.TXT_ENCODING), author=author)
            export_report(session.model.document, name, path, options)
        except FanwenError as exc:
            self.dialogs.error(self.tr("Export failed"), str(exc))
            return None
        except (OSError, ValueError) as exc:
            self.dialogs.error(
                self.tr("Export failed"),
                _("{file}: cannot be written: {error}", file=path, error=exc),
            )
            return None
        self.settings.set(config.EXPORT_FORMAT, name)
        self.settings.set(config.EXPORT_FOLDER, str(path.parent))
        if page is not None:
            page.set_format(name)
            if name == "docx":  # LibreOffice here would show it in one sans face?
                from app.ui.font_rule_actions import offer_hint

                offer_hint(self.parent_widget, page, self.settings)
        self.show_message(self.tr("Exported to {path}").format(path=path), 8000)
        after = self.dialogs.exported(path)
        if after is AfterExport.OPEN_FILE:
            self.open_url(file_url(path))
        elif after is AfterExport.OPEN_FOLDER:
            self.open_url(file_url(path.parent))
        return path

    def print_report(self) -> None:
        """Print the report as it stands, in the 公文 layout of the PDF export."""
        from app.printing import print_document

        print_document(self.parent_widget, self.adapter.session.model.document)

    def print_preview(self) -> None:
        """Show the pages as they will print (placeholders still to fill are highlighted)."""
        from app.printing import print_preview

        print_preview(self.parent_widget, self.adapter.session.model.document)

    def open_url(self, url: QUrl) -> None:
        """Open a file or folder with the system's program; say so when that fails."""
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(url):
            self.dialogs.error(
                self.tr("Cannot open"),
                self.tr("No program could open {path}.").format(path=url.toLocalFile()),
            )
