"""The DOCX says what kind of face each 公文 font is, for a machine without it: Word and WPS
substitute by the font table's family, so 仿宋 (body), 楷体 and 小标宋 are serif faces ("roman")
and 黑体 (headings) a sans one ("swiss"), each with its other names."""

from __future__ import annotations

import io
import re
import zipfile

from app.core.export import layout, render_bytes
from app.core.library import find_template
from app.core.report import ReportModel


def _font_table() -> str:
    model = ReportModel(find_template("sixin"), {"unit_name": "江城市税务局"})
    data = render_bytes(model.document, "docx")
    return zipfile.ZipFile(io.BytesIO(data)).read("word/fontTable.xml").decode("utf-8")


def _entry(fonts: str, name: str) -> str:
    found = re.search(rf'<w:font w:name="{name}">(.*?)</w:font>', fonts, re.S)
    assert found, name
    return found.group(1)


def test_serif_faces_are_roman_and_the_heading_face_swiss():
    fonts = _font_table()
    for stack in (
        layout.BODY_FONTS,
        layout.SUBHEADING_FONTS,
        layout.TITLE_FONTS,
        layout.PAGE_NUMBER_FONTS,
    ):
        entry = _entry(fonts, stack[0])
        assert '<w:family w:val="roman"/>' in entry, stack[0]
        assert '<w:pitch w:val="variable"/>' in entry
    heading = _entry(fonts, layout.HEADING_FONTS[0])
    assert '<w:family w:val="swiss"/>' in heading
    assert "SimHei" in heading  # its other names
    assert "FangSong" in _entry(fonts, layout.BODY_FONTS[0])
