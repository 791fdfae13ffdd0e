"""The interface's look set in code (`app.ui.look`): its Chinese font."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from app.ui import look


def faces_drawing(text: str, font: QFont) -> list[str]:
    """The font faces Qt draws `text` with in `font` (after its own fallback)."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def test_the_interface_draws_chinese_in_a_simplified_chinese_face(qapp):
    """Under a locale that is not Chinese (the test machines run C.UTF-8), the fallback Qt asks
    fontconfig for is the Japanese face of Noto Sans CJK: 门, 说, 过 in Japanese glyph forms."""
    from app.ui.application import create_application

    if "Noto Sans CJK SC" not in look.installed_families():
        pytest.skip("Noto Sans CJK (fonts-noto-cjk) is not installed")
    app = create_application()
    assert app.font().families()[0] in look.UI_FAMILIES
    for label_text in ("门说过范文填写助手", "已填 3/15", "单位名称（全称）"):
        faces = faces_drawing(label_text, QApplication.font())
        assert faces and all("CJK JP" not in face for face in faces), faces
        assert any(face.endswith("SC") for face in faces), faces


def test_the_chinese_family_comes_first_and_the_platforms_stays_after_it(qapp):
    platform = QFont("Fanwen Platform Sans", 10)
    chinese = look.chinese_ui_font(platform)
    installed = [f for f in look.UI_FAMILIES if f in look.installed_families()]
    if not installed:
        assert chinese.families() == platform.families()
        return
    assert chinese.families() == [*installed, "Fanwen Platform Sans"]
    assert chinese.pointSizeF() == 10


def test_families_it_does_not_know_come_last(qapp):
    known = sorted(look.installed_families())[0]
    assert look.installed_first(("Fanwen Missing Font", known)) == [known, "Fanwen Missing Font"]
