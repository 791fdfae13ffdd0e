"""The PDF drawn by Qt: the 公文 page read back with poppler, its text, highlights, metadata."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.core.document import Document
from app.core.export import FORMATS, ExportOptions, export_report
from app.core.library import find_template
from app.core.report import ReportModel
from app.printing.pages import PagedReport
from app.printing.tounicode import fix_to_unicode
from pdf_pages import (
    check_gongwen_pages,
    expected_text,
    pdf_text,
    predicted_pages,
    read_pages,
    require_tool,
)


@pytest.fixture
def complete_document(complete_values: dict[str, str]) -> Document:
    model = ReportModel(find_template("sixin"), complete_values)
    assert not model.problems()
    return model.document


@pytest.fixture
def complete_pdf(qapp, complete_document: Document, tmp_path: Path) -> Path:
    path = tmp_path / "报告.pdf"
    export_report(complete_document, "pdf", path, ExportOptions(author="王小明"))
    return path


def test_pdf_is_registered_without_loading_qt() -> None:
    assert FORMATS["pdf"].suffix == ".pdf"
    code = (
        "import sys, app.printing, app.core.export as e\n"
        "print('pdf' in e.FORMATS, any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["True", "False"]


def test_pages_follow_the_gongwen_layout(complete_pdf: Path, complete_document: Document) -> None:
    pages = read_pages(complete_pdf)
    check_gongwen_pages(pages, complete_document)
    assert len(pages) == predicted_pages(complete_document)
    assert len(pages) == PagedReport(complete_document).page_count


def test_text_equals_the_plain_text_export(complete_pdf: Path, complete_document) -> None:
    """Copying text out of the PDF gives the report's characters (心, not the radical ⼼)."""
    assert pdf_text(read_pages(complete_pdf)) == expected_text(complete_document)


def test_document_properties(complete_pdf: Path, complete_document: Document) -> None:
    require_tool("pdfinfo", "poppler-utils")
    info = subprocess.run(
        ["pdfinfo", str(complete_pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert f"Title:           {complete_document.title}" in info
    assert "Author:          王小明" in info
    assert "Page size:       595 x 842 pts (A4)" in info


def test_forced_export_highlights_placeholders(qapp, tmp_path: Path) -> None:
    require_tool("pdftoppm", "poppler-utils")
    from PySide6.QtGui import QImage

    model = ReportModel(find_template("sixin"), {"unit_name": "江城市税务局"})
    path = tmp_path / "未完成.pdf"
    export_report(model.document, "pdf", path)
    assert pdf_text(read_pages(path)) == expected_text(model.document)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    yellow = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if (c := image.pixelColor(x, y)).red() > 230 and c.green() > 220 and c.blue() < 150
    )
    assert yellow > 20, "the empty placeholders (XX, X) are not highlighted"


def test_complete_report_has_no_highlight(complete_pdf: Path, tmp_path: Path) -> None:
    require_tool("pdftoppm", "poppler-utils")
    from PySide6.QtGui import QImage

    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(complete_pdf), str(tmp_path / "c")], check=True
    )
    for png in tmp_path.glob("c*.png"):
        image = QImage(str(png))
        colours = {
            image.pixelColor(x, y).name()
            for y in range(0, image.height(), 3)
            for x in range(0, image.width(), 3)
        }
        assert all(
            abs(int(c[1:3], 16) - int(c[3:5], 16)) < 40
            and abs(int(c[3:5], 16) - int(c[5:7], 16)) < 40
            for c in colours
        ), f"{png.name}: coloured ink on a complete report"


def test_values_with_markup_are_drawn_literally(qapp, tmp_path: Path) -> None:
    model = ReportModel(find_template("sixin"), {"unit_name": "<b>某&局</b>{{ x }}"})
    path = tmp_path / "r.pdf"
    export_report(model.document, "pdf", path)
    assert "<b>某&局</b>{{x}}" in pdf_text(read_pages(path))


def test_fix_to_unicode_rewrites_destinations_only() -> None:
    cmap = (
        b"1 beginbfrange\n<0001> <0003> [<2F3C> <5FC3> <2EA0>]\nendbfrange\n"
        b"2 beginbfchar\n<2F3C> <2F2F>\n<0005> <00660069>\nendbfchar\n"
    )
    pdf = (
        b"%PDF-1.4\n1 0 obj\n<< /ToUnicode 7 0 R >>\nendobj\n7 0 obj\n<< /Length "
        + str(len(cmap)).encode()
        + b" >>\nstream\n"
        + cmap
        + b"\nendstream\nendobj\n"
    )
    fixed = fix_to_unicode(pdf, {0x2F3C: 0x5FC3, 0x2EA0: 0x6C11, 0x2F2F: 0x5DE5})
    assert len(fixed) == len(pdf)
    assert b"[<5FC3> <5FC3> <6C11>]" in fixed
    assert b"<2F3C> <5DE5>" in fixed  # the source code of a bfchar stays
    assert b"<0005> <00660069>" in fixed


def test_many_qt_calls_do_not_abort_the_interpreter() -> None:
    """A PDF makes tens of thousands of Qt calls that return nothing; the PySide6 releases that
    lose a reference to None at each are refused (app.pyside_check)."""
    code = (
        "import app.printing\n"
        "from PySide6.QtCore import QPointF\n"
        "point = QPointF()\n"
        "for _ in range(50000):\n"
        "    point.setX(1.0)\n"
        "print('done')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"


def _long_report() -> Document:
    from app.core.document import Paragraph, Role, TextRun

    paragraphs = [
        Paragraph(
            "preamble.0",
            Role.TITLE,
            "",
            (TextRun("关于二〇二六年度全市税务系统思想政治工作情况和下一步工作打算的报告"),),
        )
    ]
    body = "按照上级部署，围绕中心工作，扎实推进各项任务，取得了明显成效。" * 5
    for section in range(1, 5):
        heading = "一二三四"[section - 1] + "、主要工作和成效"
        paragraphs.append(
            Paragraph(f"s{section}.0", Role.HEADING, f"s{section}", (TextRun(heading),))
        )
        for sub in range(1, 4):
            paragraphs.append(
                Paragraph(
                    f"s{section}.{sub}a",
                    Role.SUBHEADING,
                    f"s{section}",
                    (TextRun("（" + "一二三"[sub - 1] + "）加强组织领导"),),
                )
            )
            paragraphs.append(
                Paragraph(f"s{section}.{sub}b", Role.BODY, f"s{section}", (TextRun(body),))
            )
    return Document(paragraphs)


def test_a_long_report_with_every_role(qapp, tmp_path: Path) -> None:
    """A two-line title, headings, subheadings (楷体) and pages that break inside paragraphs."""
    document = _long_report()
    path = tmp_path / "long.pdf"
    export_report(document, "pdf", path)
    pages = read_pages(path)
    check_gongwen_pages(pages, document)
    assert pdf_text(pages) == expected_text(document)
    report = PagedReport(document)
    assert report.line_counts()[0] == 2  # the title takes two lines
    assert len(pages) == report.page_count == predicted_pages(document)
    assert len(pages) >= 5


def test_role_fonts_name_the_gongwen_fonts_first(qapp) -> None:
    from app.core.document import Role

    report = PagedReport(_long_report())
    expected = {
        Role.TITLE: ("方正小标宋简体", 22),
        Role.HEADING: ("黑体", 16),
        Role.SUBHEADING: ("楷体", 16),
        Role.BODY: ("仿宋", 16),
    }
    for role, (family, size) in expected.items():
        font = report.role_font(role)
        assert font.families()[0] == family
        assert font.pointSizeF() == size
