"""The seed report, reproduced character for character from the template and a set of values."""

from __future__ import annotations

import re

from tests.samples import SEED

from app.core.export.html import render_html
from app.core.export.text import INDENT, document_text, encode_text
from app.core.report import ReportModel


def seed_report_lines() -> list[str]:
    """The report as the seed file has it: without the disclaimer, blank lines and indentation."""
    lines = SEED.read_text(encoding="utf-8").split("\n")[1:]
    return [line.strip("\t ") for line in lines if line.strip("\t ")]


def expected_lines(model: ReportModel) -> list[str]:
    """The seed's lines with each placeholder replaced, in order, by the value for that place."""
    runs = iter(model.document.field_runs())
    year = model.value("report_year")

    def substitute(line: str) -> str:
        line = re.sub(r"X+", lambda m: next(r for r in runs if r.key != "report_year").text, line)
        return line

    out = []
    for line in seed_report_lines():
        # "2018年1-X月份": the year is a field too; it comes before the month in document order
        out.append(substitute(line.replace("2018年", f"{year}年")))
    return out


def test_seed_has_49_placeholders():
    text = "\n".join(seed_report_lines())
    assert len(re.findall(r"XX", text)) == 22
    assert len(re.findall(r"(?<!X)X(?!X)", text)) == 27


def test_empty_draft_renders_the_seed_exactly(sixin):
    model = ReportModel(sixin)
    lines = [line.removeprefix(INDENT) for line in document_text(model.document).split("\n")]
    assert [line for line in lines if line] == [line for line in seed_report_lines()]


def test_complete_draft_reproduces_the_seed_with_values_in_all_places(sixin, complete_values):
    model = ReportModel(sixin, complete_values)
    assert model.blocking_problems() == []
    runs = model.document.field_runs()
    assert len(runs) == 50  # 49 placeholders and the year that was literal 2018
    assert all(run.state == "filled" for run in runs)
    got = [line.removeprefix(INDENT) for line in document_text(model.document).split("\n")]
    got = [line for line in got if line]
    assert got == expected_lines(model)
    # spot checks a reader would make
    text = "\n".join(got)
    assert "江城市税务局落实总局" in text and "江城市税务局始终坚持" in text
    assert "江城市税务局融思政" in text
    assert "2026年1-9月份" in text and "今年1-9月" in text
    assert "同比增长6.8%" in text
    assert "8月16日" in text


def test_negative_growth_reads_decrease(sixin, complete_values):
    model = ReportModel(sixin, {**complete_values, "revenue_growth": "-3.5"})
    text = document_text(model.document)
    assert "同比下降3.5%" in text
    assert "增长-" not in text and "下降-" not in text


def test_txt_export_is_utf8_bom_crlf_with_full_width_indent(sixin, complete_values):
    model = ReportModel(sixin, complete_values)
    data = encode_text(model.document)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[0] == "“四心”抓好思政工作助力机构改革"
    assert lines[1] == ""
    assert all(line.startswith("　　") for line in lines[2:] if line)
    assert encode_text(model.document, "gb18030").decode("gb18030") == text


def test_html_export_contains_every_paragraph(sixin, complete_values):
    from html.parser import HTMLParser

    model = ReportModel(sixin, complete_values)
    page = render_html(model.document)

    class Paragraphs(HTMLParser):
        def __init__(self):
            super().__init__()
            self.items: list[str] = []
            self.inside = False

        def handle_starttag(self, tag, attrs):
            if tag in ("p", "h1"):
                self.inside = True
                self.items.append("")

        def handle_endtag(self, tag):
            if tag in ("p", "h1"):
                self.inside = False

        def handle_data(self, data):
            if self.inside:
                self.items[-1] += data

    parser = Paragraphs()
    parser.feed(page)
    assert parser.items == expected_lines(model)
    assert '<meta charset="utf-8">' in page
    assert "<script" not in page and "http://" not in page and "https://" not in page
    assert "@page" in page and "A4" in page


def test_each_value_stands_before_its_unit(sixin, complete_values):
    """Every field lands in its own place: its value is followed by the unit the schema names."""
    model = ReportModel(sixin, complete_values)
    text = document_text(model.document)
    for field in sixin.fields:
        if field.unit:
            unit = field.unit.lstrip("余多")  # "XX余次" → the value is followed by 余/多 then 次
            value = complete_values[field.key]
            assert re.search(re.escape(value) + "[余多]?" + re.escape(unit), text), field.key
