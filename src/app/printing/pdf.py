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
    # author is added to the finished file instead (`add_author`).
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
    return pdf if can_set_author or not author else add_author(pdf, author)


_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.S)


def add_author(pdf: bytes, author: str) -> bytes:
    """The PDF with `author` in its document information, as an incremental update (the PDF
    standard's way to change a file: the new Info object, a cross-reference section for it and
    a trailer pointing back to the old one are appended; nothing before them moves). Unchanged
    when the file is not laid out as Qt writes it."""
    trailer = _TRAILER.search(pdf)
    info_ref = re.search(rb"/Info\s+(\d+)\s+0\s+R", trailer.group(1)) if trailer else None
    if trailer is None or info_ref is None:
        return pdf
    number = int(info_ref.group(1))
    info = re.search(rb"(?<!\d)%d 0 obj\s*<<(.*?)>>\s*endobj" % number, pdf, re.S)
    if info is None:
        return pdf
    entries = re.sub(rb"/Author\s*(\(.*?\)|<[0-9A-Fa-f]*>)", b"", info.group(1), flags=re.S)
    hex_author = ("feff" + author.encode("utf-16-be").hex()).encode("ascii")
    offset = len(pdf)
    update = b"%d 0 obj\n<<%s/Author <%s>\n>>\nendobj\n" % (number, entries, hex_author)
    xref = offset + len(update)
    old = trailer.group(1)
    old = re.sub(rb"/Prev\s+\d+", b"", old)
    update += b"xref\n%d 1\n%010d 00000 n \ntrailer\n<<%s/Prev %s\n>>\nstartxref\n%d\n%%%%EOF\n" % (
        number,
        offset,
        old,
        trailer.group(2),
        xref,
    )
    return pdf + update
