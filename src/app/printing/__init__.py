"""PDF and printing through Qt, in the 公文 layout (the core itself never imports Qt).

Importing this package adds "pdf" to the core's export registry (`app.core.export.FORMATS`), so
the CLI and the app's export dialog offer it; Qt itself is imported only when a PDF is made or a
page printed. `print_document()` and `print_preview()` are what the app's File menu calls.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.export import FORMATS, ExportFormat, ExportOptions
from app.core.i18n import N_
from app.pyside_check import require_safe_pyside

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.core.document import Document


def _pdf(document: Document, options: ExportOptions) -> bytes:
    require_safe_pyside()  # the command line's first Qt call may be this one
    from app.printing.pdf import render_pdf

    return render_pdf(document, author=options.author)


def register() -> None:
    """Add "pdf" to the export registry (done on import; calling it again changes nothing)."""
    FORMATS.setdefault("pdf", ExportFormat("pdf", ".pdf", N_("PDF"), _pdf))


def print_document(parent: QWidget | None, document: Document) -> bool:
    """Ask for a printer and print the report; False when the writer cancels."""
    from app.printing.dialogs import print_document as run

    return run(parent, document)


def print_preview(parent: QWidget | None, document: Document) -> None:
    """Show the print preview of the report, from which it can be printed."""
    from app.printing.dialogs import print_preview as run

    run(parent, document)


register()
