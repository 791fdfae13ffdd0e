"""设置 > 公文字体替代 (Linux) and the export page's hint: the writer installs the fontconfig rule
from the app (XDG_CONFIG_HOME is a temporary folder: tests/conftest.py), fontconfig then gives
仿宋_GB2312 a serif face and 黑体 a sans one; a file not ours is left alone; after a DOCX export
the page offers the rule once, until it is installed or dismissed."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from tests.ui.test_export import Recorder, complete_window

from app.core import font_rule
from app.ui import settings as config
from app.ui.font_rule_actions import ACTION_NAME, FontHint
from pdf_pages import require_tool

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig: Linux")


def fc_family(name: str) -> str:
    fc_match = require_tool("fc-match", "fontconfig")
    return subprocess.run(
        [fc_match, "-f", "%{family[0]}", name], capture_output=True, text=True, check=True
    ).stdout


class Answers:
    """Stands in for the confirmation and the messages, and records them."""

    def __init__(self, window, go: bool = True):
        self.asked: list[str] = []
        self.told: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.fonts = window.numbers.fonts
        self.fonts.confirm = lambda title, text, button: self.asked.append(text) or go
        window.dialogs.information = lambda title, text: self.told.append((title, text))
        window.dialogs.error = lambda title, text: self.errors.append(text)


def settings_action(window) -> QAction:
    found = [a for a in window.actions.settings_menu.actions() if a.objectName() == ACTION_NAME]
    assert len(found) == 1
    return found[0]


def test_installing_from_the_settings_menu_gives_the_names_their_faces(window, qtbot):
    require_tool("fc-match", "fontconfig")
    action = settings_action(window)
    assert action.text() == "安装公文字体替代规则(&S)…"
    answers = Answers(window)
    path = font_rule.user_rule_path()
    action.trigger()
    # one sentence: what it does and where it writes
    assert len(answers.asked) == 1 and str(path) in answers.asked[0]
    assert "LibreOffice" in answers.asked[0]
    assert path.read_text(encoding="utf-8") == font_rule.rule_text()
    assert answers.told and "重新打开" in answers.told[0][1]  # open windows must restart
    assert fc_family("仿宋_GB2312") == "Noto Serif CJK SC"
    assert fc_family("黑体") == "Noto Sans CJK SC"

    window.actions.settings_menu.aboutToShow.emit()
    assert action.text() == "移除公文字体替代规则(&S)…"
    action.trigger()
    assert not path.exists()
    assert fc_family("仿宋_GB2312") != "Noto Serif CJK SC"
    assert action.text() == "安装公文字体替代规则(&S)…"
    assert not answers.errors
    window.actions.english.trigger()
    qtbot.waitUntil(lambda: action.text() == "Install &substitutes for the 公文 fonts…")


def test_cancelled_nothing_is_written(window):
    answers = Answers(window, go=False)
    settings_action(window).trigger()
    assert answers.asked and not answers.told
    assert not font_rule.user_rule_path().exists()


def test_a_file_that_is_not_ours_is_left_alone(window):
    path = font_rule.user_rule_path()
    path.parent.mkdir(parents=True)
    path.write_text("<fontconfig><!-- the writer's own --></fontconfig>\n", encoding="utf-8")
    answers = Answers(window)
    window.actions.settings_menu.aboutToShow.emit()
    window.numbers.fonts.install()
    assert len(answers.errors) == 1 and str(path) in answers.errors[0]
    assert (
        path.read_text(encoding="utf-8") == "<fontconfig><!-- the writer's own --></fontconfig>\n"
    )


def export_docx(window, tmp_path):
    window.show_step("export")
    Recorder(window, tmp_path / "报告.docx")
    assert window.export_report("docx") == tmp_path / "报告.docx"
    return window.forms.export_page.findChild(FontHint)


def test_after_a_docx_export_the_page_offers_the_rule_until_installed(
    open_main_window, tmp_path, complete_values, qtbot
):
    require_tool("fc-match", "fontconfig")  # CI: fonts-noto-cjk and no 仿宋: 仿宋 falls to sans
    window = complete_window(open_main_window, tmp_path, complete_values)
    window.show_step("export")
    Recorder(window, tmp_path / "报告.txt")
    window.export_report("txt")
    assert window.forms.export_page.findChild(FontHint) is None  # only after a DOCX
    hint = export_docx(window, tmp_path)
    assert hint is not None and hint.isVisible()
    assert "LibreOffice" in hint.label.text()
    answers = Answers(window)
    qtbot.mouseClick(hint.install_button, Qt.MouseButton.LeftButton)
    assert answers.asked and font_rule.rule_state() is font_rule.RuleState.INSTALLED
    assert not hint.isVisible()
    assert export_docx(window, tmp_path).isHidden()  # installed: not again


def test_dismissed_the_hint_stays_away(open_main_window, tmp_path, complete_values, qtbot):
    require_tool("fc-match", "fontconfig")
    window = complete_window(open_main_window, tmp_path, complete_values)
    hint = export_docx(window, tmp_path)
    assert hint is not None and hint.isVisible()
    qtbot.mouseClick(hint.dismiss_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert window.settings.get(config.FONT_HINT_DISMISSED) == "yes"
    assert not export_docx(window, tmp_path).isVisible()
    assert not font_rule.user_rule_path().exists()


def test_without_fontconfig_no_hint(open_main_window, tmp_path, complete_values, monkeypatch):
    window = complete_window(open_main_window, tmp_path, complete_values)
    monkeypatch.setenv("PATH", "")
    assert export_docx(window, tmp_path) is None


def test_elsewhere_than_linux_there_is_no_such_entry(open_main_window, monkeypatch):
    monkeypatch.setattr(font_rule, "supported", lambda: False)
    window = open_main_window()
    assert window.numbers.fonts is None
    assert not [a for a in window.actions.settings_menu.actions() if a.objectName() == ACTION_NAME]
