"""The app's File menu prints and previews in the 公文 layout; the export offers DOCX and PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QDialog

from app.printing import dialogs
from app.printing.pages import PagedReport
from app.ui.dialogs import AfterExport
from pdf_pages import check_gongwen_pages, expected_text, pdf_text, read_pages


def _fill(window, values: dict[str, str]) -> None:
    for key, value in values.items():
        window.model.set_value(key, value)


def test_export_page_offers_docx_and_pdf(window) -> None:
    buttons = window.forms.export_page.format_buttons
    assert {"txt", "html", "docx", "pdf"} <= set(buttons)
    assert buttons["docx"].text() == "Word 文档 (*.docx)"
    assert buttons["pdf"].text() == "PDF 文档 (*.pdf)"


def test_file_menu_has_print_and_preview(window) -> None:
    texts = [action.text() for action in window.actions.file_menu.actions()]
    assert "打印(&P)…" in texts and "打印预览(&V)…" in texts


def test_print_preview_shows_the_report_pages(window, monkeypatch, complete_values) -> None:
    _fill(window, complete_values)
    counts: list[int] = []

    def fake_exec(dialog: QDialog) -> int:
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()
        counts.append(preview.pageCount())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs, "_exec", fake_exec)
    window.actions.print_preview.trigger()
    assert counts == [PagedReport(window.model.document).page_count] == [5]


def test_export_pdf_from_the_app(window, monkeypatch, complete_values, tmp_path: Path) -> None:
    _fill(window, complete_values)
    target = tmp_path / "报告.pdf"
    monkeypatch.setattr(window.dialogs, "save_file", lambda *args: (target, args[-1]))
    monkeypatch.setattr(window.dialogs, "exported", lambda path: AfterExport.NOTHING)
    assert window.export_report("pdf") == target
    pages = read_pages(target)
    check_gongwen_pages(pages, window.model.document)
    assert pdf_text(pages) == expected_text(window.model.document)
