"""LibreOffice on a Linux PC without the 公文 fonts: with the writer's fontconfig rule
(`fanwen fonts --install`, 设置 > 安装公文字体替代规则) the exported DOCX's title and body come
out in a serif CJK face and its 一、 headings in a sans one; without it, all in one sans face.

The rule is installed in the test's own XDG_CONFIG_HOME (tests/conftest.py), which LibreOffice's
fontconfig reads; `pdftohtml -xml` tells which font each line of the PDF is set in.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from app.core import font_rule
from app.core.document import Role
from app.core.export import ExportOptions, export_report
from app.core.library import find_template
from app.core.report import ReportModel
from pdf_pages import convert_with_libreoffice, require_tool

pytestmark = pytest.mark.slow


def fonts_of_lines(pdf: Path) -> list[tuple[str, set[str]]]:
    """Every line of the PDF: its text and the font families it is set in (a line may be in
    several pieces: LibreOffice splits a large font into subsets)."""
    pdftohtml = require_tool("pdftohtml", "poppler-utils")
    xml = subprocess.run(
        [pdftohtml, "-xml", "-stdout", "-i", "-q", str(pdf)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    # (a font is declared on the first page that uses it)
    families = dict(re.findall(r'<fontspec id="(\d+)"[^>]* family="([^"]+)"', xml))
    lines: list[tuple[str, set[str]]] = []
    for page in re.findall(r"<page .*?</page>", xml, re.S):
        pieces: dict[int, list[tuple[int, str, str]]] = {}
        for top, left, font, text in re.findall(
            r'<text top="(\d+)" left="(\d+)"[^>]*font="(\d+)"[^>]*>(.*?)</text>', page
        ):
            text = re.sub(r"<[^>]+>|\s", "", text)
            pieces.setdefault(int(top), []).append((int(left), text, families[font]))
        for _top, row in sorted(pieces.items()):
            row.sort()
            lines.append(("".join(t for _l, t, _f in row), {f for _l, _t, f in row}))
    return lines


def exported_pdf(folder: Path, values: dict[str, str]) -> tuple[Path, ReportModel]:
    folder.mkdir()
    model = ReportModel(find_template("sixin"), values)
    docx = folder / "报告.docx"
    export_report(model.document, "docx", docx, ExportOptions())
    return convert_with_libreoffice(docx), model


def fonts_by_role(model: ReportModel, lines: list[tuple[str, set[str]]]) -> dict[Role, set[str]]:
    """The fonts of the PDF's lines that begin a paragraph, by the paragraph's role."""
    found: dict[Role, set[str]] = {}
    for paragraph in model.document.paragraphs:
        text = re.sub(r"\s", "", paragraph.text)
        first = next((f for line, f in lines if len(line) >= 6 and text.startswith(line)), None)
        assert text == "" or first is not None, text
        if first is not None:
            found.setdefault(paragraph.role, set()).update(first)
    return found


def test_with_the_rule_the_body_is_serif_and_the_headings_sans(tmp_path, complete_values):
    require_tool("pdffonts", "poppler-utils")
    font_rule.install_rule()
    pdf, model = exported_pdf(tmp_path / "with", complete_values)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    assert "NotoSerifCJK" in fonts.stdout and "NotoSansCJK" in fonts.stdout
    roles = fonts_by_role(model, fonts_of_lines(pdf))
    assert set(roles) == {Role.TITLE, Role.HEADING, Role.BODY}
    assert all("NotoSerifCJK" in f for f in roles[Role.TITLE] | roles[Role.BODY]), roles
    assert all("NotoSansCJK" in f for f in roles[Role.HEADING]), roles


def test_without_the_rule_everything_is_in_one_sans_face(tmp_path, complete_values):
    assert font_rule.rule_state() is font_rule.RuleState.ABSENT
    pdf, model = exported_pdf(tmp_path / "without", complete_values)
    roles = fonts_by_role(model, fonts_of_lines(pdf))
    used = set().union(*roles.values())
    assert used and not any("Serif" in f for f in used), roles
