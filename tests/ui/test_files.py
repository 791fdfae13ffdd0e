"""Files in the app: New, Open, Save, Save As, recent files, title mark, drop to open, the
close prompt, safe saves that fail cleanly, bad files, drafts from older template versions."""

from __future__ import annotations

import shutil
import sys

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from tests.ui.helpers import type_into

from app.core.draft import Draft, load_draft, save_draft
from app.core.paths import user_templates_dir
from app.ui.dialogs import SaveChoice
from app.ui.draft_files import dropped_draft
from faults import fill_the_disk


class Answers:
    """Stands in for the file dialogs and questions, recording what was asked."""

    def __init__(self, window, save_to=None, open_path=None, save_choice=SaveChoice.SAVE):
        self.save_to = save_to
        self.open_path = open_path
        self.save_choice = save_choice
        self.errors = []
        self.informations = []
        self.asked = []
        window.dialogs.save_file = lambda title, start, filters, selected: (self.save_to, "")
        window.dialogs.open_file = lambda title, start, filters: self.open_path
        window.dialogs.error = lambda title, message: self.errors.append(message)
        window.dialogs.information = lambda title, message: self.informations.append(message)
        window.dialogs.ask_save_changes = self.ask

    def ask(self, name):
        self.asked.append(name)
        return self.save_choice


def type_value(window, qtbot, key, text):
    window.focus_field(key)
    type_into(qtbot, window.forms.input_for(key), text)


def test_save_as_then_save_with_backup_title_and_recent(window, qtbot, tmp_path):
    answers = Answers(window, save_to=tmp_path / "九月报告")
    assert window.windowTitle() == "未命名[*] — 范文填写助手"
    assert not window.isWindowModified()
    type_value(window, qtbot, "unit_name", "江城市税务局")
    assert window.isWindowModified()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    path = tmp_path / "九月报告.fanwen"
    assert path.is_file() and answers.errors == []
    assert load_draft(path).values == {"unit_name": "江城市税务局"}
    assert load_draft(path).template_version == "1.0"
    assert not window.isWindowModified()
    assert window.windowTitle() == "九月报告.fanwen[*] — 范文填写助手"
    first = path.read_bytes()
    type_value(window, qtbot, "meetings", "36")
    assert window.files.save()
    assert (tmp_path / "九月报告.fanwen.bak").read_bytes() == first
    assert load_draft(path).values == {"unit_name": "江城市税务局", "meetings": "36"}
    assert window.files.recent()[0] == path.resolve()
    window.actions.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in window.actions.recent_menu.actions() if a.text()]
    assert texts[0] == "&1 九月报告.fanwen"


def test_open_new_and_recent(window, qtbot, tmp_path):
    first = tmp_path / "一.fanwen"
    second = tmp_path / "二.fanwen"
    save_draft(Draft(values={"unit_name": "一号单位"}), first)
    save_draft(Draft(values={"unit_name": "二号单位"}), second)
    answers = Answers(window, open_path=first, save_choice=SaveChoice.DISCARD)
    window.actions.open.trigger()
    assert window.forms.input_for("unit_name").text() == "一号单位"
    window.files.open_path(second)
    assert window.model.value("unit_name") == "二号单位"
    assert window.files.recent()[:2] == [second.resolve(), first.resolve()]
    type_value(window, qtbot, "meetings", "5")
    window.actions.new.trigger()  # asks first: the answer is "don't save"
    assert answers.asked == ["二.fanwen"]
    assert window.model.values == {}
    assert window.session.path is None
    assert not window.isWindowModified()
    window.files.open_recent(first.resolve())
    assert window.model.value("unit_name") == "一号单位"
    first.unlink()
    assert not window.files.open_recent(first.resolve())
    assert "一.fanwen" in answers.errors[-1]
    assert first.resolve() not in window.files.recent()


def test_cancel_keeps_the_draft_open(window, qtbot, tmp_path):
    answers = Answers(window, save_choice=SaveChoice.CANCEL)
    type_value(window, qtbot, "unit_name", "江城")
    assert not window.close()
    assert window.isVisible()
    window.files.new_blank()
    assert window.model.value("unit_name") == "江城"  # cancelled: nothing replaced
    assert len(answers.asked) == 2


def test_close_with_save_saves_or_stays_open(window, qtbot, tmp_path):
    answers = Answers(window, save_choice=SaveChoice.SAVE, save_to=None)
    type_value(window, qtbot, "unit_name", "江城")
    assert not window.close()  # the save dialog was cancelled: stay open
    answers.save_to = tmp_path / "关闭前保存"
    assert window.close()
    assert load_draft(tmp_path / "关闭前保存.fanwen").values == {"unit_name": "江城"}


def test_close_without_saving_removes_the_autosave(window, qtbot, fanwen_home):
    Answers(window, save_choice=SaveChoice.DISCARD)
    type_value(window, qtbot, "unit_name", "江城")
    assert window.autosave.write_now() is not None
    assert window.close()
    assert list((fanwen_home / "autosave").glob("*.fanwen-autosave")) == []


def test_dropping_a_draft_opens_it(window, qtbot, tmp_path):
    path = tmp_path / "拖进来.fanwen"
    save_draft(Draft(values={"unit_name": "拖放单位"}), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: window.model.value("unit_name") == "拖放单位")
    assert window.session.path == path.resolve()
    other = QMimeData()
    other.setUrls([QUrl.fromLocalFile(str(tmp_path / "picture.png"))])
    assert dropped_draft(other) is None


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("corrupt.fanwen", b'{"values": {"a": ', "JSON"),
        ("empty.fanwen", b"", "空"),
        ("foreign.fanwen", b'{"format": "something-else", "values": {}}', "不是"),
        ("binary.fanwen", bytes(range(256)), "不是"),
        ("newer.fanwen", b'{"format": "fanwen-draft", "version": 99, "values": {}}', "更新"),
        ("unknown.fanwen", b'{"template": "no-such-template", "values": {}}', "no-such-template"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_is_left_untouched(
    window, qtbot, tmp_path, name, content, reason
):
    answers = Answers(window)
    type_value(window, qtbot, "unit_name", "正在写的")
    path = tmp_path / name
    path.write_bytes(content)
    assert not window.files.open_path(path, ask=False)
    assert len(answers.errors) == 1
    assert name in answers.errors[0] and reason in answers.errors[0]
    assert path.read_bytes() == content
    assert window.model.value("unit_name") == "正在写的"  # the current draft is kept
    assert window.isWindowModified()


def test_a_save_interrupted_mid_write_keeps_the_old_file_and_the_draft(
    open_main_window, qtbot, tmp_path, monkeypatch, fanwen_home
):
    path = tmp_path / "报告.fanwen"
    save_draft(Draft(values={"unit_name": "旧的单位"}), path)
    before = path.read_bytes()
    window = open_main_window(path)
    answers = Answers(window)
    type_value(window, qtbot, "meetings", "36")
    fill_the_disk(monkeypatch)
    assert not window.files.save()
    assert "磁盘已满" in answers.errors[0] and "报告.fanwen" in answers.errors[0]
    assert path.read_bytes() == before  # byte for byte
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert window.isWindowModified()
    assert window.model.values == {"unit_name": "旧的单位", "meetings": "36"}
    monkeypatch.undo()
    assert window.files.save()
    assert load_draft(path).values == {"unit_name": "旧的单位", "meetings": "36"}
    assert not window.isWindowModified()


@pytest.mark.skipif(sys.platform == "win32", reason="folder modes are POSIX")
def test_save_into_a_read_only_folder_reports_and_loses_nothing(
    window, qtbot, read_only_folder, fanwen_home
):
    answers = Answers(window, save_to=read_only_folder / "报告")
    type_value(window, qtbot, "unit_name", "江城市税务局")
    assert not window.files.save()
    assert "权限" in answers.errors[0] and "报告.fanwen" in answers.errors[0]
    assert list(read_only_folder.iterdir()) == []
    assert window.isWindowModified()
    assert window.model.value("unit_name") == "江城市税务局"
    autosaves = list((fanwen_home / "autosave").glob("*.fanwen-autosave"))
    assert len(autosaves) == 1  # the autosave was brought up to date at once
    assert "江城市税务局" in autosaves[0].read_text(encoding="utf-8")


def test_draft_from_an_older_template_version(open_main_window, tmp_path, qtbot, repo_root):
    folder = user_templates_dir() / "sixin2"
    shutil.copytree(repo_root / "templates" / "sixin", folder)
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    text = text.replace('id = "sixin"', 'id = "sixin2"').replace(
        'version = "1.0"', 'version = "2.0"'
    )
    schema.write_text(text + '\n[renamed]\nmeeting_count = "meetings"\n', encoding="utf-8")
    path = tmp_path / "旧版.fanwen"
    save_draft(
        Draft(
            template="sixin2",
            template_version="1.0",
            values={"unit_name": "江城", "meeting_count": "36", "dropped": "旧字段的值"},
        ),
        path,
    )
    before = path.read_bytes()
    window = open_main_window()
    answers = Answers(window, save_choice=SaveChoice.DISCARD)
    assert window.files.open_path(path)
    assert path.read_bytes() == before  # opening changes nothing on disk
    assert window.forms.input_for("meetings").text() == "36"
    assert window.forms.input_for("unit_name").text() == "江城"
    message = answers.informations[0]
    assert "1.0" in message and "2.0" in message and "dropped" in message
    assert window.isWindowModified()  # the renamed key is written on the next save
    assert window.files.save()
    saved = load_draft(path)
    assert saved.values == {"unit_name": "江城", "meetings": "36", "dropped": "旧字段的值"}
    assert saved.template_version == "2.0"
