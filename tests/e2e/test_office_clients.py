"""The exports opened by real clients: LibreOffice converts the DOCX to PDF, headless Chromium
prints the HTML page; poppler reads the PDFs back.

LibreOffice starts slowly, so the DOCX is converted once for the module. The tests skip when a
program is missing and fail instead under CI (`.ci/run` installs them from `.ci/debs`).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.core.document import Document
from app.core.export import ExportOptions, export_report
from app.core.library import find_template
from app.core.report import ReportModel
from pdf_pages import (
    check_gongwen_pages,
    convert_with_libreoffice,
    expected_text,
    pdf_text,
    predicted_pages,
    read_pages,
    require_tool,
)

pytestmark = pytest.mark.slow

#: The values of tests/conftest.py's `complete_values`, for module-scoped fixtures.
from tests.samples import COMPLETE_VALUES  # noqa: E402


@pytest.fixture(scope="module")
def complete_document() -> Document:
    model = ReportModel(find_template("sixin"), COMPLETE_VALUES)
    assert not model.problems()
    return model.document


@pytest.fixture(scope="module")
def libreoffice_pdf(tmp_path_factory, complete_document: Document) -> Path:
    """The complete report's DOCX converted to PDF by LibreOffice, once for the module."""
    folder = tmp_path_factory.mktemp("libreoffice")
    docx = folder / "报告.docx"
    export_report(complete_document, "docx", docx, ExportOptions(author="王小明"))
    return convert_with_libreoffice(docx)


@pytest.fixture(scope="module")
def chromium_pdf(tmp_path_factory, complete_document: Document) -> tuple[Path, str]:
    """The complete report's HTML printed to PDF by headless Chromium, and its stderr."""
    chromium = require_tool("chromium", "chromium")
    folder = tmp_path_factory.mktemp("chromium")
    html = folder / "报告.html"
    export_report(complete_document, "html", html)
    pdf = folder / "报告.pdf"
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={folder / 'profile'}",
            "--no-pdf-header-footer",  # the page carries its own page numbers
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0 and pdf.exists(), result.stderr
    return pdf, result.stderr


def test_libreoffice_text_equals_plain_text(libreoffice_pdf, complete_document) -> None:
    assert pdf_text(read_pages(libreoffice_pdf)) == expected_text(complete_document)


def test_libreoffice_pages_follow_the_gongwen_layout(libreoffice_pdf, complete_document) -> None:
    pages = read_pages(libreoffice_pdf)
    check_gongwen_pages(pages, complete_document)
    assert len(pages) == predicted_pages(complete_document)


def test_libreoffice_and_qt_give_the_same_pages(qapp, libreoffice_pdf, complete_document):
    from app.printing.pages import PagedReport

    assert len(read_pages(libreoffice_pdf)) == PagedReport(complete_document).page_count


def test_chromium_prints_the_html_without_network(chromium_pdf) -> None:
    _pdf, stderr = chromium_pdf
    assert "net::ERR" not in stderr
    assert "ERR_NAME_NOT_RESOLVED" not in stderr


def test_chromium_text_equals_plain_text(chromium_pdf, complete_document) -> None:
    pages = read_pages(chromium_pdf[0])
    assert pdf_text(pages) == expected_text(complete_document)


def test_chromium_pages_follow_the_gongwen_layout(chromium_pdf, complete_document) -> None:
    pages = read_pages(chromium_pdf[0])
    check_gongwen_pages(pages, complete_document, tolerance=3.0, vertical=False)
    assert len(pages) == predicted_pages(complete_document)
