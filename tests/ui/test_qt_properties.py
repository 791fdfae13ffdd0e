"""The first window is built without PySide's Python enums of the `Qt` namespace and QStyle
(app.ui.qt_properties): the values it uses instead are Qt's, the widgets end up as configured,
and a real start-up does not build those enums."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle

from app.ui import qt_properties
from app.ui.qt_properties import set_properties, solid_brush


def test_the_ints_are_qts_values():
    assert Qt.ItemDataRole.DecorationRole.value == qt_properties.DECORATION_ROLE
    assert Qt.ItemDataRole.AccessibleTextRole.value == qt_properties.ACCESSIBLE_TEXT_ROLE
    assert Qt.ItemDataRole.UserRole.value == qt_properties.USER_ROLE
    assert Qt.TextFlag.TextWordWrap.value == qt_properties.TEXT_WORD_WRAP


def test_properties_set_by_their_names(qtbot):
    label, edit = QLabel(), QLineEdit()
    qtbot.addWidget(label)
    qtbot.addWidget(edit)
    set_properties(label, alignment="AlignRight|AlignVCenter")
    set_properties(edit, inputMethodHints="ImhPreferNumbers", alignment="AlignRight|AlignVCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert edit.inputMethodHints() == Qt.InputMethodHint.ImhPreferNumbers
    assert edit.alignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@pytest.mark.parametrize(
    ("name", "value"), [("alignment", "AlignRigth"), ("alignement", "AlignRight")]
)
def test_a_misspelt_property_or_value_is_an_error_not_a_no_op(qtbot, name, value):
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=name):
        set_properties(label, **{name: value})


def test_solid_brush_paints_its_colour(qapp):
    brush = solid_brush(QColor("#b9d7ff"))
    assert brush.style() == Qt.BrushStyle.SolidPattern
    assert brush.color() == QColor("#b9d7ff")
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.fillRect(image.rect(), brush)
    painter.end()
    assert image.pixelColor(2, 2) == QColor("#b9d7ff")


def test_toolbar_icons_are_the_styles_once_the_window_has_painted(window, qtbot):
    qtbot.waitUntil(window.preview.has_painted)
    style = window.style()
    expected = style.standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton).pixmap(16).toImage()
    qtbot.waitUntil(lambda: window.actions.save.icon().pixmap(16).toImage() == expected)


def test_step_titles_are_shown_as_written_not_as_markup(window):
    delegate = window.steps.delegate
    font = window.steps.font()
    static = delegate._text("<b>一、</b>&amp;", -1, font, QColor("black"))
    assert "&lt;b&gt;一、&lt;/b&gt;&amp;amp;" in static.text()


START_UP = textwrap.dedent(
    """
    import enum, runpy, sys
    made = []
    create = enum.EnumType._create_
    def record(cls, name, *args, **kwargs):
        made.append(name)
        return create(cls, name, *args, **kwargs)
    enum.EnumType._create_ = record
    sys.argv = ["fanwen", "gui", "--smoke"]
    try:
        runpy.run_module("app", run_name="__main__")
    except SystemExit as exit:
        assert not exit.code, exit.code
    print(" ".join(made))
    """
)


def test_the_first_window_does_not_build_the_qt_namespace_or_qstyle_enums(fanwen_home):
    """Those Python enums cost the start-up ~30 ms (docs/performance.md); one `Qt.X` or
    `QStyle` on the first window's path brings them back."""
    result = subprocess.run(
        [sys.executable, "-c", START_UP],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", FANWEN_HOME=str(fanwen_home)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    made = set(result.stdout.split())
    assert "QCborKnownTags" in made  # the recording works
    assert not made & {"AlignmentFlag", "ItemDataRole", "Key", "GlobalColor", "PenStyle"}
    assert not made & {"StandardPixmap", "PixelMetric", "ControlElement"}
    # nor those of QUrl and QSizePolicy, which come with later actions, nor those of the
    # shortcuts and the language choice, made right after the first paint (app.ui.window_actions)
    assert not made & {"ComponentFormattingOption", "PolicyFlag"}
    assert not made & {"StandardKey", "SequenceFormat", "ExclusionPolicy"}


def test_icons_due_after_the_first_paint_skip_a_window_already_deleted(qapp, qtbot, fanwen_home):
    """The icons come from a timer started at the first paint; a window closed and deleted
    before it fires (a quick quit, a test) must not raise from it."""
    import shiboken6

    from app.ui.application import open_window

    window, _error = open_window(None)
    window.show()
    qtbot.waitUntil(window.preview.has_painted)
    window.close()  # nothing typed: no question asked
    shiboken6.delete(window)
    window._after_first_paint()  # what the timer would call: nothing, no error
