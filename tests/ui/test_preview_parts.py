"""The 公文 parts in the live preview (app.ui.preview_parts): an imported real notice
(tests/data/gongwen) shows its title broken where the page breaks it, the addressee flush
left, the run-in heading in its level's font, signature and date right with four characters of
space, the attachments after "附件："."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.importer import plan_import
from app.core.report import ReportModel
from app.ui.preview import Preview
from app.ui.preview_parts import LINE_SEPARATOR

NOTICE = Path(__file__).resolve().parents[1] / "data" / "gongwen" / "hunan_notice.txt"


@pytest.fixture
def preview(qtbot):
    document = ReportModel(plan_import(NOTICE).editor.to_template(), {}).document
    view = Preview()
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.set_report(document)
    view.show()
    qtbot.waitExposed(view)
    view.show_everything()
    return view


def _index(view: Preview, start: str) -> int:
    return next(i for i in range(view.block_count()) if view.block_text(i).startswith(start))


def test_parts_in_the_preview(preview: Preview, tmp_path: Path) -> None:
    assert preview.block_text(0) == (
        "湖南省人民政府办公厅关于加强" + LINE_SEPARATOR + "普通高等学校毕业生就业工作的通知"
    )
    body = preview.block(_index(preview, "根据")).blockFormat()
    addressee = preview.block(_index(preview, "各市州")).blockFormat()
    assert body.textIndent() == preview.indent_px() and addressee.textIndent() == 0
    for start in ("湖南省人民政府办公厅", "XXXX"):
        index = next(
            i for i in range(1, preview.block_count()) if preview.block_text(i).startswith(start)
        )
        fmt = preview.block(index).blockFormat()
        assert fmt.alignment() & Qt.AlignmentFlag.AlignRight
        assert fmt.rightMargin() == pytest.approx(2 * preview.indent_px(), abs=1)
    note = preview.block(_index(preview, "附件")).blockFormat()
    second = preview.block(_index(preview, "2.湖南省")).blockFormat()
    assert note.leftMargin() == second.leftMargin() > 0
    assert note.textIndent() < 0 and second.textIndent() == 0
    run_in = preview.block(_index(preview, "一、充分认识"))
    lead = run_in.begin().fragment()
    assert lead.text() == "一、充分认识做好高校毕业生就业工作的重要性。"
    families = lead.charFormat().fontFamilies()
    assert families and "SimHei" in families  # the 黑体 stack
    rest = (run_in.begin().__iadd__(1)).fragment()
    assert "SimHei" not in (rest.charFormat().fontFamilies() or [])
    preview.grab().save(str(tmp_path / "preview.png"))
