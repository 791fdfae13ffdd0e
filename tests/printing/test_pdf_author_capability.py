"""The PDF's author on a PySide6 without QPdfWriter.setAuthor (6.8.0.2, the arm64 .deb's: the
newest PySide6 with wheels for Kylin V10's glibc 2.31 on arm64). The app must check the
capability, not the version: this test hides setAuthor from the writer the export uses and
expects the author in the PDF's document information all the same.

The app adds the author to the finished file as a PDF incremental update (`pdf.add_author`)
when QPdfWriter cannot set it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.export import ExportOptions, export_report
from app.core.library import find_template
from app.core.report import ReportModel


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")
def test_pdf_has_its_author_when_qpdfwriter_cannot_set_it(
    qapp, complete_values: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.printing import pdf

    class WriterWithoutAuthor(pdf.QPdfWriter):  # type: ignore[misc]
        def __getattribute__(self, name: str) -> object:
            if name == "setAuthor":
                raise AttributeError(name)
            return super().__getattribute__(name)

    monkeypatch.setattr(pdf, "QPdfWriter", WriterWithoutAuthor)
    document = ReportModel(find_template("sixin"), complete_values).document
    path = tmp_path / "报告.pdf"
    export_report(document, "pdf", path, ExportOptions(author="王小明"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Author:          王小明" in info.stdout
