"""Tables opened by real clients: LibreOffice converts the DOCX, poppler reads the PDFs back;
the app's PDF puts each cell where LibreOffice puts it."""

from __future__ import annotations

from pathlib import Path

import pytest

import app.printing  # noqa: F401 - registers "pdf"
from app.core.export import export_report
from app.core.importer import plan_import
from app.core.library import find_template
from app.core.report import ReportModel
from pdf_pages import convert_with_libreoffice, read_pages

pytestmark = pytest.mark.slow

ECONOMY = Path(__file__).resolve().parents[1] / "data" / "tables" / "economy_tables.docx"
CELLS = ("指标", "单位", "本月", "累计", "同比增长%", "地区生产总值", "亿元", "125.6", "356.2")


def _centres(pdf: Path) -> dict[str, tuple[float, float]]:
    page = read_pages(pdf)[0]
    return {
        line.text: ((line.x_min + line.x_max) / 2, line.y_min)
        for line in page.text_lines()
        if line.text in CELLS
    }


def test_libreoffice_and_the_app_draw_an_imported_table_alike(qapp, tmp_path) -> None:
    template = find_template(plan_import(ECONOMY, template_id="economy").save().name)
    model = ReportModel(template)
    keys = {f.label: f.key for f in template.fields}
    model.set_value(keys["地区生产总值 本月"], "125.6")
    model.set_value(keys["地区生产总值 累计"], "356.2")
    docx = tmp_path / "表格.docx"
    export_report(model.document, "docx", docx)
    office = _centres(convert_with_libreoffice(docx))
    app_pdf = tmp_path / "表格.pdf"
    export_report(model.document, "pdf", app_pdf)
    ours = _centres(app_pdf)
    assert set(office) == set(CELLS) == set(ours)
    for word in CELLS:  # the same column, within a quarter of a character
        assert abs(office[word][0] - ours[word][0]) < 4, (word, office[word], ours[word])
    # the rows follow each other in both
    assert (
        office["地区生产总值"][1] > office["指标"][1] and ours["地区生产总值"][1] > ours["指标"][1]
    )
