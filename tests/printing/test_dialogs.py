"""Printing and the print preview, with the modal dialogs replaced (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QWidget

from app.core.document import Document
from app.core.library import find_template
from app.core.report import ReportModel
from app.printing import dialogs
from app.printing.pages import PagedReport
from pdf_pages import check_gongwen_pages, expected_text, pdf_text, read_pages


@pytest.fixture
def complete_document(complete_values: dict[str, str]) -> Document:
    return ReportModel(find_template("sixin"), complete_values).document


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_preview_shows_every_page(monkeypatch, window, complete_document) -> None:
    shown: list[QDialog] = []

    def fake_exec(dialog: QDialog) -> int:
        shown.append(dialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        shown.append(preview.pageCount())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs, "_exec", fake_exec)
    dialog = dialogs.print_preview(window, complete_document)
    assert shown[0] is dialog
    assert dialog.parent() is window
    expected = PagedReport(complete_document).page_count
    assert expected == 5
    assert shown[1] == expected


def test_print_writes_the_pdf_pages_to_the_printer(
    monkeypatch, window, complete_document, tmp_path: Path
) -> None:
    out = tmp_path / "printed.pdf"

    def accept_to_file(dialog: QDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "_exec", accept_to_file)
    assert dialogs.print_document(window, complete_document) is True
    pages = read_pages(out)
    check_gongwen_pages(pages, complete_document)
    assert pdf_text(pages) == expected_text(complete_document)


def test_print_only_the_chosen_pages(monkeypatch, window, complete_document, tmp_path) -> None:
    out = tmp_path / "pages-2-3.pdf"

    def accept_pages(dialog: QDialog) -> int:
        printer: QPrinter = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "_exec", accept_pages)
    assert dialogs.print_document(window, complete_document)
    pages = read_pages(out)
    assert [p.page_numbers()[0].page_number for p in pages] == [2, 3]


def test_cancelled_print_prints_nothing(monkeypatch, window, complete_document, tmp_path):
    monkeypatch.setattr(dialogs, "_exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert dialogs.print_document(window, complete_document) is False
    assert not list(tmp_path.glob("*.pdf"))
