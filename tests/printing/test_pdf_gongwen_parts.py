"""The 公文 parts on the printed page, measured as a reader would (pdftotext boxes): the app's
own PDF and the DOCX as LibreOffice prints it. An imported real notice (tests/data/gongwen):
the title broken between words and centred, the addressee flush left, the attachment note two
characters in with the next attachment after "附件：", signature and date ending four characters
in from the right margin (右空四字), an empty line above the note and the signature."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.document import Document
from app.core.export import export_report, layout
from app.core.importer import plan_import
from app.core.report import ReportModel
from app.printing import pages  # noqa: F401  # registers the PDF format
from pdf_pages import LEFT, PITCH, RIGHT, Line, convert_with_libreoffice, read_pages

NOTICE = Path(__file__).resolve().parents[1] / "data" / "gongwen" / "hunan_notice.txt"
CHAR = layout.BODY_SIZE_PT


def _notice() -> Document:
    return ReportModel(plan_import(NOTICE).editor.to_template(), {}).document


def _line(lines: list[Line], start: str) -> Line:
    return next(line for line in lines if line.text.startswith(start))


def check_parts(pdf: Path, tolerance: float) -> None:
    (page,) = read_pages(pdf)
    lines = page.text_lines()
    first, second = lines[0], lines[1]
    assert (first.text, second.text) == (
        "湖南省人民政府办公厅关于加强",
        "普通高等学校毕业生就业工作的通知",
    )
    for title_line in (first, second):
        assert abs((title_line.x_min + title_line.x_max) / 2 - (LEFT + RIGHT) / 2) < 3
    assert abs(_line(lines, "各市州").x_min - LEFT) < tolerance  # flush left
    note = _line(lines, "附件：")
    assert abs(note.x_min - (LEFT + 2 * CHAR)) < tolerance
    assert abs(_line(lines, "2.湖南省").x_min - (LEFT + 5 * CHAR)) < tolerance
    body_end = (
        _line(lines, "省、市、县")
        if any(line.text.startswith("省、市、县") for line in lines)
        else lines[lines.index(note) - 1]
    )
    assert note.y_max - body_end.y_max == pytest.approx(2 * PITCH, abs=2)  # one empty line
    signature, date = lines[-2], lines[-1]
    assert signature.text == "湖南省人民政府办公厅" and date.text == "XXXX年X月XX日"
    for part in (signature, date):
        assert abs(part.x_max - (RIGHT - 4 * CHAR)) < tolerance + 2, part  # 右空四字
    assert date.y_max - signature.y_max == pytest.approx(PITCH, abs=2)  # the date under it
    assert signature.y_max - _line(lines, "2.湖南省").y_max == pytest.approx(2 * PITCH, abs=2)


def test_the_apps_pdf(qapp, tmp_path: Path) -> None:
    path = tmp_path / "notice.pdf"
    export_report(_notice(), "pdf", path)
    check_parts(path, tolerance=2)


def test_the_docx_as_libreoffice_prints_it(tmp_path: Path) -> None:
    path = tmp_path / "notice.docx"
    export_report(_notice(), "docx", path)
    check_parts(convert_with_libreoffice(path), tolerance=3)
