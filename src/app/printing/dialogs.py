"""Printing and the print preview, for the app's File menu (打印, 打印预览).

Both paint the same `PagedReport` as the PDF export, on a QPrinter set to A4 with the paper's
corner as origin, so the preview and the paper show the PDF's pages. Dialogs run through
`_exec()`, which tests replace (modal dialogs cannot run in a test).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from app.core.document import Document
from app.printing.pages import PagedReport, page_layout
from app.printing.tounicode import fix_to_unicode


def make_printer(document: Document) -> QPrinter:
    """A high-resolution printer set to A4 portrait, painting from the paper's corner."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setFullPage(True)
    printer.setDocName(document.title or "Fanwen")
    printer.setCreator("Fanwen")
    return printer


def print_on(printer: QPrinter, report: PagedReport) -> None:
    """Paint the report on `printer`, only the pages the writer chose when they chose some."""
    ranges = printer.pageRanges()
    pages = [
        index
        for index in range(report.page_count)
        if ranges.isEmpty() or ranges.contains(index + 1)
    ]
    report.paint(printer, pages=pages)
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        # "Print to file": the same text correction as the PDF export (app.printing.tounicode).
        path = Path(printer.outputFileName())
        with contextlib.suppress(OSError):
            path.write_bytes(fix_to_unicode(path.read_bytes(), report.unified_ideographs()))


def print_document(parent: QWidget | None, document: Document) -> bool:
    """Ask for a printer and print the report; False when the writer cancels."""
    report = PagedReport(document)
    printer = make_printer(document)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, report.page_count)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    if _exec(dialog) != QDialog.DialogCode.Accepted:
        return False
    print_on(printer, report)
    return True


def print_preview(parent: QWidget | None, document: Document) -> QPrintPreviewDialog:
    """Show the print preview of the report (from which the writer can print it); returns the
    dialog once it is closed."""
    report = PagedReport(document)
    printer = make_printer(document)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda target: print_on(target, report))
    _exec(dialog)
    return dialog


def _exec(dialog: QDialog) -> int:
    """Run a modal dialog (tests replace this)."""
    return dialog.exec()
