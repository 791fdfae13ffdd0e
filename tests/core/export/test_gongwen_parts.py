"""The 公文 parts in every export made in the core: DOCX (as python-docx reads it back, what Word
shows in its paragraph dialog), HTML and plain text. An imported real notice (湖南省人民政府办公厅,
tests/data/gongwen) with addressee, a run-in heading, an attachment note, signature and date."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from app.core.document import Document, Role
from app.core.export import layout, render_bytes
from app.core.export.text import document_lines
from app.core.importer import plan_import
from app.core.report import ReportModel

NOTICE = Path(__file__).resolve().parents[2] / "data" / "gongwen" / "hunan_notice.txt"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def notice() -> Document:
    plan = plan_import(NOTICE)
    return ReportModel(plan.editor.to_template(), {}).document


def _paragraph(word: docx.document.Document, start: str) -> docx.text.paragraph.Paragraph:
    return next(p for p in word.paragraphs if p.text.startswith(start))


def _east_asian_font(run: docx.text.run.Run) -> str:
    return run._r.rPr.rFonts.get(f"{W}eastAsia")


def _indent(paragraph: docx.text.paragraph.Paragraph, name: str) -> str | None:
    ind = paragraph._p.pPr.find(f"{W}ind")
    if ind is None:
        ind = paragraph.style.element.pPr.find(f"{W}ind")
    return ind.get(f"{W}{name}")


def test_docx_parts(notice: Document) -> None:
    word = docx.Document(io.BytesIO(render_bytes(notice, "docx")))
    title = word.paragraphs[0]
    # the title breaks between words, as the published notice does: an explicit line break
    assert title.text == "湖南省人民政府办公厅关于加强\n普通高等学校毕业生就业工作的通知"
    addressee = _paragraph(word, "各市州")
    assert addressee.style.name == "公文主送机关"
    assert addressee.style.paragraph_format.first_line_indent == 0
    assert _indent(addressee, "firstLineChars") == "0"
    assert _indent(addressee, "leftChars") == "0"

    run_in = _paragraph(word, "一、充分认识")
    assert run_in.style.name == "Normal"
    lead, rest = run_in.runs[0], run_in.runs[1]
    assert lead.text == "一、充分认识做好高校毕业生就业工作的重要性。"
    assert _east_asian_font(lead) == layout.HEADING_FONTS[0]  # 黑体
    assert _east_asian_font(rest) == layout.BODY_FONTS[0]  # 仿宋

    note = _paragraph(word, "附件：")
    assert _indent(note, "leftChars") == "500" and _indent(note, "hangingChars") == "300"
    assert note.paragraph_format.space_after is None  # the empty line is above it
    second = _paragraph(word, "2.湖南省")
    assert _indent(second, "leftChars") == "500" and _indent(second, "firstLineChars") == "0"
    body_before = _paragraph(word, "二、积极引导")
    assert body_before.paragraph_format.space_after == Pt(layout.LINE_PITCH_PT)

    for start in ("湖南省人民政府办公厅", "XXXX年"):
        part = next(p for p in word.paragraphs[1:] if p.text.startswith(start))
        assert part.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert _indent(part, "rightChars") == "400"  # 右空四字
        assert part.style.paragraph_format.right_indent == Pt(4 * layout.BODY_SIZE_PT)
        assert _indent(part, "firstLineChars") == "0"
    assert [p.text for p in word.paragraphs[-2:]] == ["湖南省人民政府办公厅", "XXXX年X月XX日"]


def test_docx_heading_levels_three_and_four() -> None:
    from app.core.document import Paragraph, TextRun
    from app.core.gongwen import lead_heading

    runs, lead = lead_heading((TextRun("1.加强组织领导。成立领导小组。"),))
    document = Document(
        [
            Paragraph("a", Role.HEADING3, "", (TextRun("1.基本情况"),)),
            Paragraph("b", Role.HEADING4, "", (TextRun("（1）人员"),)),
            Paragraph("c", Role.BODY, "", runs, lead=lead),
            Paragraph("d", Role.SUBTITLE, "", (TextRun("——在全县大会上的讲话"),)),
        ]
    )
    word = docx.Document(io.BytesIO(render_bytes(document, "docx")))
    level3, level4, run_in, subtitle = word.paragraphs
    assert level3.style.name == "公文三级标题" and level3.style.font.bold
    assert level4.style.name == "公文四级标题" and not level4.style.font.bold
    assert _indent(level3, "firstLineChars") == "200"
    assert run_in.runs[0].bold and not run_in.runs[1].bold
    assert subtitle.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert subtitle.style.font.name == layout.SUBHEADING_FONTS[0]


def test_html_parts(notice: Document) -> None:
    page = render_bytes(notice, "html").decode("utf-8")
    assert "<h1>湖南省人民政府办公厅关于加强<br>普通高等学校毕业生就业工作的通知</h1>" in page
    assert '<p class="addressee">各市州' in page
    assert '<p class="body"><span class="lead heading">一、充分认识' in page
    assert '<p class="attachment">附件：1.' in page
    assert '<p class="attachment continued">2.' in page
    assert re.search(r'<p class="signature">湖南省人民政府办公厅</p>', page)
    assert '<p class="date"><span class="field empty"' in page
    assert "p.signature, p.date { text-align: right; text-indent: 0; margin-right: 64pt; }" in page
    assert "p.addressee { text-indent: 0; }" in page


def test_txt_parts(notice: Document) -> None:
    lines = document_lines(notice)
    assert lines[0] == "湖南省人民政府办公厅关于加强普通高等学校毕业生就业工作的通知"  # one line
    assert lines[2] == "各市州、县市区人民政府，省政府各厅委、各直属机构："  # flush left
    note = lines.index("\u3000\u3000附件：1.湖南省高校毕业生就业工作任务分解表")
    assert lines[note - 1] == ""
    assert lines[note + 1] == "\u3000" * 5 + "2.湖南省高校毕业生基层就业补助资金管理办法"
    signature, date = lines[-2:]
    assert lines[-3] == ""
    assert signature == "\u3000" * 14 + "湖南省人民政府办公厅"  # ends 4 characters in from 28
    # 7 narrow X and 3 characters: 13 half-widths; 48 - 13 = 35 halves of space before it
    assert date == "\u3000" * 17 + " " + "XXXX年X月XX日"
