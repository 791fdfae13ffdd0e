"""The report as a PDF in the 公文 layout, drawn by Qt (QPdfWriter).

Needs a QGuiApplication for fonts; `ensure_gui_application()` makes one when the caller has none
(the command line), on the offscreen platform where there is no display to talk to.
"""

from __future__ import annotations

import os
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
    return fix_to_unicode(bytes(data.data()), report.unified_ideographs())
