"""Issue 14 in the window: an Open that fails part-way, a value that could not be saved, and
two windows on one draft."""

from __future__ import annotations

import pytest
from tests.ui.test_files import Answers, type_value

from app.core.draft import Draft, load_draft, save_draft
from app.core.errors import TemplateError
from app.ui.draft_files import LockChoice, lock_file


def test_an_open_that_fails_part_way_leaves_title_path_and_draft(
    open_main_window, qtbot, tmp_path, monkeypatch
):
    first = tmp_path / "第一份.fanwen"
    second = tmp_path / "第二份.fanwen"
    save_draft(Draft(values={"unit_name": "第一份的单位"}), first)
    save_draft(Draft(values={"unit_name": "第二份的单位"}), second)
    second_bytes = second.read_bytes()
    window = open_main_window(first)
    answers = Answers(window)
    type_value(window, qtbot, "unit_name", "改")
    title = window.windowTitle()

    import app.core.session as session_module

    real = session_module.ReportModel

    def unbuildable(template, values, wording=None):
        if values.get("unit_name") == "第二份的单位":
            raise TemplateError("第二份.fanwen: the report cannot be built")
        return real(template, values, wording)

    monkeypatch.setattr(session_module, "ReportModel", unbuildable)
    assert not window.files.open_path(second, ask=False)
    assert len(answers.errors) == 1
    assert window.session.path == first.resolve()
    assert window.windowTitle() == title
    assert window.model.value("unit_name").endswith("改")
    # Save writes the draft that is open into its own file, never into the one that failed
    assert window.files.save()
    assert load_draft(first).values["unit_name"].endswith("改")
    assert second.read_bytes() == second_bytes
    assert not lock_file(second.resolve()).exists()  # its lock was given back


def test_a_value_with_a_lone_surrogate_is_saved(window, qtbot, tmp_path):
    path = tmp_path / "草稿.fanwen"
    Answers(window, save_to=path)
    window.edit_value("unit_name", "A\ud800B")
    assert window.files.save()  # used to fail, at every save and autosave
    assert load_draft(path).values["unit_name"] == "A\ufffdB"
    assert window.forms.input_for("unit_name").text() == "A\ufffdB"


@pytest.mark.parametrize("choice", [LockChoice.COPY, LockChoice.CANCEL])
def test_a_second_window_on_an_open_draft_is_told_and_offered_a_copy(
    open_main_window, qtbot, tmp_path, choice
):
    path = tmp_path / "共用.fanwen"
    save_draft(Draft(values={"unit_name": "共用的单位"}), path)
    first = open_main_window(path)
    assert first.session.path == path.resolve()
    assert lock_file(path.resolve()).exists()
    second = open_main_window()
    asked = []
    second.files.ask_locked = lambda name, holder: asked.append((name, holder)) or choice
    opened = second.files.open_path(path, ask=False)
    assert asked and asked[0][0] == path.name and asked[0][1].pid > 0
    if choice is LockChoice.COPY:
        assert opened and second.session.path is None  # a copy: saving asks for a name
        assert second.model.value("unit_name") == "共用的单位"
    else:
        assert not opened and second.session.path is None
        assert second.model.value("unit_name") == ""
    # the second window cannot save over the first one's draft either
    answers = Answers(second, save_to=path)
    before = path.read_bytes()
    assert not second.files.save_as()
    assert answers.errors and path.name in answers.errors[0]
    assert path.read_bytes() == before


def test_a_window_started_on_a_draft_open_elsewhere_holds_a_copy(open_main_window, tmp_path):
    path = tmp_path / "共用.fanwen"
    save_draft(Draft(values={"unit_name": "共用的单位"}), path)
    first = open_main_window(path)
    second = open_main_window(path)
    assert first.session.path == path.resolve()
    assert second.session.path is None and second.session.modified
    assert second.model.value("unit_name") == "共用的单位"


def test_the_lock_goes_with_the_draft(open_main_window, tmp_path):
    path = tmp_path / "草稿.fanwen"
    save_draft(Draft(values={"unit_name": "单位"}), path)
    window = open_main_window(path)
    assert lock_file(path.resolve()).exists()
    window.files.new_blank()
    assert not lock_file(path.resolve()).exists()


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_fifo_settings_file_does_not_stall_the_start(fanwen_home):
    import os

    from app.ui.settings import DRAFT_FOLDER, Settings
    from core.test_hardening import finishes

    fanwen_home.mkdir(parents=True, exist_ok=True)
    fifo = fanwen_home / "settings.ini"
    os.mkfifo(fifo)

    def use() -> str:
        settings = Settings()
        settings.set(DRAFT_FOLDER, "/tmp")
        return settings.get(DRAFT_FOLDER)

    assert finishes(use) == "/tmp"
    assert fifo.exists() and not fifo.is_file()  # left as it was
