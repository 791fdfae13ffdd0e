"""Reading a PDF back with poppler and checking it against the 公文 page (GB/T 9704).

Shared by the tests of the Qt PDF, the DOCX converted by LibreOffice and the HTML printed by
Chromium: `pdftotext -bbox-layout` gives every text line with its box, from which the checks
measure what a reader of the printed page would: A4, the text inside the 156 x 225 mm block,
lines on the 28.95 pt pitch (22 a page), two-character first-line indents, the title centred,
page numbers "— N —" below the text block, right on odd pages and left on even pages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest

from app.core.document import Document, Role
from app.core.export import layout
from app.core.export.text import document_text

PT = layout.mm_to_pt
PAGE_W, PAGE_H = PT(layout.PAGE_WIDTH_MM), PT(layout.PAGE_HEIGHT_MM)
LEFT = PT(layout.MARGIN_LEFT_MM)
RIGHT = PT(layout.PAGE_WIDTH_MM - layout.MARGIN_RIGHT_MM)
TOP = PT(layout.MARGIN_TOP_MM)
BOTTOM = PT(layout.MARGIN_TOP_MM + layout.TEXT_HEIGHT_MM)
PITCH = layout.LINE_PITCH_PT
PAGE_NUMBER = re.compile(r"^—(\d+)—$")


def require_tool(name: str, package: str) -> str:
    """The path of a program the test needs; skip when it is missing, but fail under CI."""
    path = shutil.which(name)
    if path:
        return path
    message = f"{name} is not installed (Debian package {package}; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(message + ": CI must run this test")
    pytest.skip(message)


def convert_with_libreoffice(docx: Path, env: dict[str, str] | None = None) -> Path:
    """Convert a DOCX to PDF beside it with LibreOffice headless (a private profile, no
    network); the PDF's path. `env`: the program's environment (fontconfig, say)."""
    soffice = require_tool("soffice", "libreoffice-writer")
    folder = docx.parent
    result = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        env=env,
    )
    pdf = docx.with_suffix(".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    return pdf


@dataclass(frozen=True)
class Line:
    """A line of text on a page, with its box in points from the page's top-left corner."""

    x_min: float
    y_min: float
    x_max: float
    y_max: float
    text: str  # without spaces

    @property
    def page_number(self) -> int | None:
        match = PAGE_NUMBER.match(self.text)
        return int(match.group(1)) if match else None


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: list[Line]

    def text_lines(self) -> list[Line]:
        return [line for line in self.lines if line.page_number is None]

    def page_numbers(self) -> list[Line]:
        return [line for line in self.lines if line.page_number is not None]


def read_pages(pdf: Path) -> list[Page]:
    """Every page of the PDF with its text lines."""
    require_tool("pdftotext", "poppler-utils")
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    pages = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        lines = []
        for line in re.finditer(
            r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
            match.group(3),
            re.S,
        ):
            words = "".join(unescape(w) for w in re.findall(r">([^<]*)</word>", line.group(5)))
            box = [float(line.group(i)) for i in range(1, 5)]
            lines.append(Line(*box, re.sub(r"\s+", "", words)))
        pages.append(Page(float(match.group(1)), float(match.group(2)), lines))
    return pages


def squeeze(text: str) -> str:
    """Text without any whitespace (pdftotext and the txt export lay out lines differently)."""
    return re.sub(r"\s+", "", text)


def pdf_text(pages: list[Page]) -> str:
    """The report's text as printed, without page numbers or whitespace."""
    return "".join(line.text for page in pages for line in page.text_lines())


def expected_text(document: Document) -> str:
    """The plain-text export, without whitespace."""
    return squeeze(document_text(document))


def predicted_pages(document: Document) -> int:
    """The page count the shared 公文 layout predicts for the document."""
    return layout.estimated_page_count([(p.text, p.role) for p in document.paragraphs])


def check_gongwen_pages(
    pages: list[Page], document: Document, tolerance: float = 2.0, vertical: bool = True
) -> None:
    """Assert the pages are laid out as a 公文: see the module docstring. `vertical=False` skips
    the line-pitch checks, for PDFs whose glyph boxes say nothing of the baseline (Chromium
    draws CJK text with Type 3 fonts, whose boxes poppler makes 2.5 lines tall)."""
    assert pages, "no pages"
    for number, page in enumerate(pages, start=1):
        assert abs(page.width - PAGE_W) < 1.5 and abs(page.height - PAGE_H) < 1.5, "not A4"
        lines = page.text_lines()
        assert lines, f"page {number} has no text"
        slots = []
        assert len(lines) <= layout.LINES_PER_PAGE, f"page {number}: {len(lines)} lines"
        for line in lines:
            assert line.x_min >= LEFT - tolerance, (number, line)
            assert line.x_max <= RIGHT + tolerance, (number, line)
            if not vertical:
                continue
            assert line.y_min >= TOP - 6 and line.y_max <= BOTTOM + tolerance, (number, line)
            # Exact line spacing: the foot of each glyph box is near the foot of its line.
            slot = round((line.y_max - TOP) / PITCH) - 1
            assert abs(line.y_max - (TOP + (slot + 1) * PITCH)) < 5, (number, line)
            slots.append(slot)
        assert len(set(slots)) == len(slots), f"page {number}: lines overlap"
        assert not slots or (min(slots) >= 0 and max(slots) < layout.LINES_PER_PAGE), slots
        if vertical and number < len(pages):
            assert max(slots) == layout.LINES_PER_PAGE - 1 or _starts_with_heading(
                pages[number], document
            ), f"page {number} is not full: {slots}"
        numbers = page.page_numbers()
        assert [line.page_number for line in numbers] == [number], f"page {number}: {numbers}"
        mark = numbers[0]
        assert mark.y_min > BOTTOM - (tolerance if vertical else PITCH / 2), mark
        middle = (mark.y_min + mark.y_max) / 2
        assert abs(middle - (BOTTOM + PT(layout.PAGE_NUMBER_BELOW_TEXT_MM))) < 6, mark
        inset = layout.PAGE_NUMBER_INSET_PT
        if number % 2:
            assert abs(mark.x_max - (RIGHT - inset)) < 4, f"odd page number not right: {mark}"
        else:
            assert abs(mark.x_min - (LEFT + inset)) < 4, f"even page number not left: {mark}"
    title = pages[0].text_lines()[0]
    assert abs((title.x_min + title.x_max) / 2 - (LEFT + RIGHT) / 2) < 3, "title not centred"
    indented = [
        line
        for page in pages
        for line in page.text_lines()
        if abs(line.x_min - (LEFT + layout.FIRST_LINE_INDENT_PT)) < tolerance
    ]
    first_lines = [p for p in document.paragraphs if p.role is not Role.TITLE]
    assert len(indented) == len(first_lines), "every paragraph's first line is indented 2 chars"
    widest = max(
        sum(1.0 if layout.is_wide(c) else 0.5 for c in line.text)
        for page in pages
        for line in page.text_lines()[1:]
    )
    assert widest <= layout.CHARS_PER_LINE, "more than 28 characters on a line"
    full = [
        line
        for page in pages
        for line in page.text_lines()
        if len(line.text) == layout.CHARS_PER_LINE and all(ord(c) > 0x2000 for c in line.text)
    ]
    assert full, "no line holds 28 Chinese characters"


def _starts_with_heading(page: Page, document: Document) -> bool:
    first = page.text_lines()[0].text
    return any(
        p.role in (Role.HEADING, Role.SUBHEADING) and squeeze(p.text).startswith(first)
        for p in document.paragraphs
    )
