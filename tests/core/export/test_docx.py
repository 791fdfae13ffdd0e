"""The DOCX export: the 公文 layout and Chinese fonts, read back from the package's XML."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt

from app.core.document import Document, FieldRun, Paragraph, Role, RunState, TextRun
from app.core.export import FORMATS, ExportOptions, export_report, layout, render_bytes
from app.core.library import find_template
from app.core.report import ReportModel

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(document: Document, author: str = "") -> bytes:
    return render_bytes(document, "docx", ExportOptions(author=author))


@pytest.fixture
def complete_docx(complete_values: dict[str, str]) -> tuple[ReportModel, bytes]:
    model = ReportModel(find_template("sixin"), complete_values)
    assert not model.problems()
    return model, _docx(model.document, author="王小明")


def _all_roles() -> Document:
    return Document(
        [
            Paragraph("preamble.0", Role.TITLE, "", (TextRun("关于某项工作的报告"),)),
            Paragraph("s1.0", Role.HEADING, "s1", (TextRun("一、总体情况"),)),
            Paragraph("s1.1", Role.SUBHEADING, "s1", (TextRun("（一）主要做法"),)),
            Paragraph(
                "s1.2",
                Role.BODY,
                "s1",
                (
                    TextRun("全年共召开会议"),
                    FieldRun("meetings", "12", RunState.FILLED, "XX"),
                    TextRun("次，走访"),
                    FieldRun("visits", "X", RunState.EMPTY, "X"),
                    TextRun("户，满意率"),
                    FieldRun("rate", "101", RunState.INVALID, "X"),
                    TextRun("%。"),
                ),
            ),
        ]
    )


def _style(styles_xml: bytes, style_id: str) -> str:
    text = styles_xml.decode("utf-8")
    match = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', text, re.S)
    assert match, f"style {style_id} missing"
    return match.group(0)


def test_docx_is_registered_and_loads_python_docx_lazily() -> None:
    assert FORMATS["docx"].suffix == ".docx"
    code = (
        "import sys, app.core.export, app.core.report\n"
        "print('docx' in sys.modules, 'app.core.export.docx' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.split() == ["False", "False"]


def test_complete_report_text_is_reproduced_exactly(complete_docx, complete_values) -> None:
    model, data = complete_docx
    word = open_docx(io.BytesIO(data))
    assert [p.text for p in word.paragraphs] == [p.text for p in model.document.paragraphs]
    text = "".join(p.text for p in word.paragraphs)
    for key in ("unit_name", "adopted_research", "tax_revenue", "satisfaction_rate"):
        assert complete_values[key] in text


def test_page_is_a4_with_gongwen_margins(complete_docx) -> None:
    section = open_docx(io.BytesIO(complete_docx[1])).sections[0]
    expected = {
        "page_width": 210,
        "page_height": 297,
        "top_margin": 37,
        "bottom_margin": 35,
        "left_margin": 28,
        "right_margin": 26,
    }
    for name, mm in expected.items():
        assert abs(getattr(section, name) - Mm(mm)) < Mm(0.1), name


def test_no_theme_font_and_no_japanese_theme_language(complete_docx) -> None:
    package = zipfile.ZipFile(io.BytesIO(complete_docx[1]))
    for name in package.namelist():
        if name.endswith(".xml"):
            xml = package.read(name).decode("utf-8")
            assert "eastAsiaTheme" not in xml, name
            assert "majorEastAsia" not in xml and "minorEastAsia" not in xml, name
    settings = package.read("word/settings.xml").decode("utf-8")
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', settings)
    assert "ja-JP" not in settings
    styles = package.read("word/styles.xml")
    assert re.search(rb'<w:lang [^>]*w:eastAsia="zh-CN"', styles)


@pytest.mark.parametrize(
    ("style_id", "font", "half_points"),
    [
        ("Normal", "仿宋", 32),
        ("FanwenTitle", "方正小标宋简体", 44),
        ("FanwenHeading1", "黑体", 32),
        ("FanwenHeading2", "楷体", 32),
    ],
)
def test_styles_name_their_east_asian_font(complete_docx, style_id, font, half_points) -> None:
    styles = zipfile.ZipFile(io.BytesIO(complete_docx[1])).read("word/styles.xml")
    style = _style(styles, style_id)
    rfonts = re.search(r"<w:rFonts [^>]*/>", style)
    assert rfonts, style
    for slot in ("ascii", "hAnsi", "eastAsia"):
        assert f'w:{slot}="{font}"' in rfonts.group(0)
    assert f'<w:sz w:val="{half_points}"/>' in style


def test_body_paragraph_format(complete_docx) -> None:
    word = open_docx(io.BytesIO(complete_docx[1]))
    normal = word.styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.line_spacing == Pt(28.95)
    assert 22 * normal.line_spacing.pt <= layout.TEXT_HEIGHT_MM / 25.4 * 72
    assert normal.first_line_indent == Pt(32)
    assert normal.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    styles = zipfile.ZipFile(io.BytesIO(complete_docx[1])).read("word/styles.xml")
    assert re.search(r'<w:ind [^>]*w:firstLineChars="200"', _style(styles, "Normal"))
    # 28 characters of 16 pt condensed by 0.25 pt fit the 156 mm line; 29 do not.
    assert '<w:spacing w:val="-5"/>' in _style(styles, "Normal")
    width = layout.TEXT_WIDTH_PT
    assert 28 * 15.75 <= width < 29 * 15.75
    title = word.styles["公文标题"].paragraph_format
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert title.first_line_indent == 0


def test_every_run_names_the_font_of_its_paragraph(complete_docx) -> None:
    fonts = {
        "FanwenTitle": "方正小标宋简体",
        "FanwenHeading1": "黑体",
        "FanwenHeading2": "楷体",
        None: "仿宋",
    }
    word = open_docx(io.BytesIO(_docx(_all_roles())))
    seen = set()
    for paragraph in word.paragraphs:
        style_id = paragraph.style.style_id if paragraph.style.name != "Normal" else None
        for run in paragraph.runs:
            rfonts = run._r.rPr.find(f"{W}rFonts")
            assert rfonts.get(f"{W}eastAsia") == fonts[style_id], paragraph.text
            assert rfonts.get(f"{W}hint") == "eastAsia"
            seen.add(style_id)
    assert seen == set(fonts)
    names = [p.style.name for p in word.paragraphs]
    assert names == ["公文标题", "公文一级标题", "公文二级标题", "Normal"]


def test_values_are_plain_and_placeholders_highlighted() -> None:
    word = open_docx(io.BytesIO(_docx(_all_roles())))
    body = word.paragraphs[3]
    highlights = {run.text: run.font.highlight_color for run in body.runs}
    assert highlights["12"] is None  # a filled value is plain text
    assert highlights["全年共召开会议"] is None
    assert str(highlights["X"]).startswith("YELLOW")  # forced export: still a placeholder
    assert str(highlights["101"]).startswith("RED")  # forced export: an invalid value


def test_complete_report_has_no_highlight(complete_docx) -> None:
    xml = zipfile.ZipFile(io.BytesIO(complete_docx[1])).read("word/document.xml")
    assert b"w:highlight" not in xml


def test_page_numbers_odd_right_even_left(complete_docx) -> None:
    word = open_docx(io.BytesIO(complete_docx[1]))
    assert word.settings.odd_and_even_pages_header_footer
    section = word.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        assert paragraph.alignment == alignment
        xml = paragraph._p.xml
        assert 'w:fldCharType="begin"' in xml and "> PAGE </w:instrText>" in xml
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")
        for run in paragraph.runs:
            assert run._r.rPr.find(f"{W}rFonts").get(f"{W}eastAsia") == "宋体"
    assert section.footer.paragraphs[0].paragraph_format.right_indent == Pt(14)
    assert section.even_page_footer.paragraphs[0].paragraph_format.left_indent == Pt(14)
    assert word.styles["Footer"].font.size == Pt(14)


def test_document_properties(complete_docx) -> None:
    model, data = complete_docx
    props = open_docx(io.BytesIO(data)).core_properties
    assert props.title == model.document.title == "“四心”抓好思政工作助力机构改革"
    assert props.author == "王小明"
    assert props.comments == ""
    app = zipfile.ZipFile(io.BytesIO(data)).read("docProps/app.xml").decode("utf-8")
    assert "Microsoft" not in app


def test_font_table_offers_fallbacks(complete_docx) -> None:
    fonts = zipfile.ZipFile(io.BytesIO(complete_docx[1])).read("word/fontTable.xml").decode()
    assert "ＭＳ" not in fonts and 'w:charset w:val="80"' not in fonts  # no Japanese face
    for stack in (layout.TITLE_FONTS, layout.BODY_FONTS, layout.HEADING_FONTS):
        entry = re.search(rf'<w:font w:name="{stack[0]}">(.*?)</w:font>', fonts, re.S)
        assert entry, stack[0]
        assert f'<w:altName w:val="{",".join(stack[1:])}"/>' in entry.group(1)
        assert '<w:charset w:val="86"/>' in entry.group(1)


def test_property_elements_are_in_schema_order(complete_docx) -> None:
    """Word refuses a document whose pPr / rPr children are out of order."""
    from app.core.export.docx import _PPR_ORDER, _RPR_ORDER

    package = zipfile.ZipFile(io.BytesIO(complete_docx[1]))
    from lxml import etree

    for name in ("word/styles.xml", "word/document.xml", "word/footer1.xml"):
        root = etree.fromstring(package.read(name))
        for tag, order in (("pPr", _PPR_ORDER), ("rPr", _RPR_ORDER)):
            for element in root.iter(f"{W}{tag}"):
                names = [etree.QName(child).localname for child in element]
                known = [n for n in names if n in order]
                assert known == sorted(known, key=order.index), (name, names)


def test_values_with_markup_are_literal(tmp_path) -> None:
    template = find_template("sixin")
    model = ReportModel(template, {"unit_name": "<b>某&局</b>{{ x }}"})
    path = tmp_path / "报告.docx"
    export_report(model.document, "docx", path)
    word = open_docx(str(path))
    assert word.paragraphs[1].text.count("<b>某&局</b>{{ x }}") == 1
