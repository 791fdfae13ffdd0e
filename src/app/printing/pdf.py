"""The report as a PDF in the 公文 layout, drawn by Qt (QPdfWriter).

Needs a QGuiApplication for fonts; `ensure_gui_application()` makes one when the caller has none
(the command line), on the offscreen platform where there is no display to talk to.
"""

from __future__ import annotations

import os
import re
import sys

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QGuiApplication, QPainter, QPdfWriter

from app.core.document import Document
from app.core.errors import ExportError
from app.core.i18n import _
from app.printing.pages import LAYOUT_DPI, PagedReport, page_layout
from app.printing.tounicode import fix_to_unicode

_application: QGuiApplication | None = None


def use_offscreen_platform() -> None:
    """Select Qt's offscreen platform for a process that needs no window (the CLI), unless the
    environment chose one. Windows and macOS keep their native platform, which needs no display
    session to draw a PDF."""
    if sys.platform.startswith(("win", "darwin")):
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new headless one."""
    global _application
    existing = QGuiApplication.instance()
    if existing is not None:
        return existing  # type: ignore[return-value]
    use_offscreen_platform()
    _application = QGuiApplication([sys.argv[0] if sys.argv else "fanwen"])
    return _application


def render_pdf(document: Document, author: str = "") -> bytes:
    """The report as the bytes of a PDF file."""
    ensure_gui_application()
    report = PagedReport(document)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setPageLayout(page_layout())
    writer.setTitle(document.title)
    # QPdfWriter.setAuthor came with Qt 6.9: on an older PySide6 (the arm64 bundle's) the
    # document information is written into the finished file instead (`add_author`).
    can_set_author = hasattr(writer, "setAuthor")
    if can_set_author:
        writer.setAuthor(author)
    writer.setCreator("Fanwen")
    painter = QPainter()
    if not painter.begin(writer):
        raise ExportError(_("The PDF cannot be drawn."))
    try:
        report.paint(writer, painter)
    finally:
        painter.end()
    buffer.close()
    pdf = fix_to_unicode(bytes(data.data()), report.unified_ideographs())
    return pdf if can_set_author else add_author(pdf, author, document.title)


_LAST_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)


def _pdf_text(text: str) -> bytes:
    """A PDF text string in UTF-16 with its byte order mark, written as hex (nothing to escape)."""
    return b"<feff" + text.encode("utf-16-be").hex().encode("ascii") + b">"


def add_author(pdf: bytes, author: str, title: str = "", creator: str = "Fanwen") -> bytes:
    """The PDF with a document information dictionary of its own (title, author, creator), as
    an incremental update: the PDF standard's way to change a file, where a new Info object, a
    cross-reference section for it and a trailer pointing back to the previous one are
    appended and nothing before them moves. For a Qt without `QPdfWriter.setAuthor` (before
    6.9, whose information strings some readers cannot parse either). Unchanged when the file
    does not end as a PDF written by Qt does."""
    start = pdf.rfind(b"trailer")
    trailer = _LAST_TRAILER.match(pdf, start) if start >= 0 else None
    size = re.search(rb"/Size\s+(\d+)", trailer.group(1)) if trailer else None
    if trailer is None or size is None:
        return pdf
    number = int(size.group(1))
    info = b"/Title %s\n/Author %s\n/Creator %s\n" % (
        _pdf_text(title),
        _pdf_text(author),
        _pdf_text(creator),
    )
    entries = re.sub(rb"/(Size|Info|Prev)\s+\d+(\s+0\s+R)?", b"", trailer.group(1))
    offset = len(pdf)
    update = b"%d 0 obj\n<<\n%s>>\nendobj\n" % (number, info)
    xref = offset + len(update)
    update += b"xref\n%d 1\n%010d 00000 n \ntrailer\n<<%s/Size %d\n/Info %d 0 R\n/Prev %s\n>>\n" % (
        number,
        offset,
        entries,
        number + 1,
        number,
        trailer.group(2),
    )
    return pdf + update + b"startxref\n%d\n%%%%EOF\n" % xref
