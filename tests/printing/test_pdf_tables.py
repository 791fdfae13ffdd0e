"""Tables in the app's PDF: on the 公文 line grid, drawn with borders, rows never split."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.core.document import CellShape as Cell
from app.core.document import Document, Paragraph, Role, RowShape, TextRun
from app.core.export import export_report, layout
from app.core.loader import load_template
from app.core.report import ReportModel
from app.printing.pages import PagedReport
from pdf_pages import read_pages, require_tool
from samples import write_table_template


def _model(tmp_path: Path) -> ReportModel:
    model = ReportModel(load_template(write_table_template(tmp_path / "tables")))
    for key, value in {"gdp_month": "125.6", "gdp_total": "356.2", "project": "滨河"}.items():
        model.set_value(key, value)
    return model


def test_each_cell_is_printed_in_its_column(qapp, tmp_path: Path) -> None:
    model = _model(tmp_path)
    path = tmp_path / "表格.pdf"
    export_report(model.document, "pdf", path)
    lines = read_pages(path)[0].text_lines()
    words = {line.text: line for line in lines}
    header = [words[w] for w in ("指标", "单位", "本月", "累计", "同比增长%")]
    row = [words[w] for w in ("地区生产总值", "亿元", "125.6", "356.2", "增长XX")]
    assert [h.x_min for h in header] == sorted(h.x_min for h in header)
    for head, cell in zip(header, row, strict=True):  # centred under its header
        assert abs((head.x_min + head.x_max) / 2 - (cell.x_min + cell.x_max) / 2) < 2
        assert cell.y_min > head.y_min
    assert "注：A|B为测算口径" in words


def test_the_table_has_its_borders(qapp, tmp_path: Path) -> None:
    require_tool("pdftoppm", "poppler-utils")
    from PySide6.QtGui import QImage

    path = tmp_path / "表格.pdf"
    export_report(_model(tmp_path).document, "pdf", path)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    dark_rows = [
        y
        for y in range(image.height())
        if sum(1 for x in range(0, image.width(), 2) if image.pixelColor(x, y).value() < 128)
        > image.width() * 0.3  # a line across most of the text width: a border
    ]
    assert len(dark_rows) >= 8  # the top, the rows' and the bottom borders of both tables


def _rows(count: int, lines_in_third: int = 1) -> Document:
    paragraphs = [Paragraph("p.0", Role.BODY, "", (TextRun("表前"),))]
    for number in range(count):
        text = "很长的单元格文字" * 12 if number == 2 and lines_in_third > 1 else f"第{number}行"
        shape = RowShape((Cell(1), Cell(1)), header=number == 0, starts=number == 0)
        runs = (TextRun(text), TextRun("XX"))
        paragraphs.append(Paragraph(f"p.{number + 1}", Role.ROW, "", runs, shape))
    return Document(paragraphs)


def test_rows_take_whole_lines_and_are_never_split_across_pages(qapp) -> None:
    report = PagedReport(_rows(60, lines_in_third=3))
    placed = [p for page in report.pages for p in page if p.line < 0]
    assert len(placed) == 60  # every row drawn once
    pitch = placed[1].y - placed[0].y
    assert placed[3].y - placed[2].y > 2 * pitch  # the long cell wraps: its row is taller
    slots = round(report.pages[0][-1].y / pitch) if report.pages[0][-1].line < 0 else 0
    assert slots < layout.LINES_PER_PAGE
    assert report.page_count >= 3
    for page in report.pages:
        for row in (p for p in page if p.line < 0):
            assert row.y + pitch <= layout.LINES_PER_PAGE * pitch + 1  # inside the page
