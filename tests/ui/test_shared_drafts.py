"""Drafts that travel: a draft made from a template of the writer's own carries a copy of it,
and opens on a colleague's PC (a fresh profile) with that copy; a draft whose template is
neither there nor carried is refused with what to do."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.ui.helpers import fill

from app.core.library import find_template
from app.core.paths import user_templates_dir
from app.core.template_copy import KEY, is_older

REPO = Path(__file__).resolve().parents[2]


def make_own_template(template_id: str = "anquan", version: str = "1.0") -> Path:
    """A template of the writer's own: the built-in one under another id."""
    folder = user_templates_dir() / template_id
    shutil.copytree(REPO / "templates" / "sixin", folder)
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    text = text.replace('id = "sixin"', f'id = "{template_id}"', 1)
    text = text.replace('version = "1.0"', f'version = "{version}"', 1)
    schema.write_text(text, encoding="utf-8")
    assert find_template(template_id).id == template_id
    return folder


def test_a_draft_of_an_own_template_opens_in_a_fresh_profile(
    open_main_window, qtbot, tmp_path, monkeypatch
):
    make_own_template()
    window = open_main_window()
    assert window.template_actions.start_report(find_template("anquan"))
    fill(window, qtbot, {"unit_name": "江城市税务局", "meetings": "36"})
    draft = tmp_path / "安全报告.fanwen"
    assert window.files.write(draft)
    content = json.loads(draft.read_text(encoding="utf-8"))
    assert content["template"] == "anquan"
    assert content[KEY]["id"] == "anquan" and "template.toml" in content[KEY]["files"]
    assert window.close()  # saved and closed: the draft is sent to a colleague

    # A colleague's PC: a profile that has never seen “anquan”.
    monkeypatch.setenv("FANWEN_HOME", str(tmp_path / "colleague"))
    colleague = open_main_window()
    assert colleague.files.open_path(draft, ask=False)
    assert colleague.session.template.id == "anquan"
    assert colleague.model.value("unit_name") == "江城市税务局"
    assert colleague.forms.input_for("meetings").text() == "36"
    # Opened from the command line as well (`fanwen 安全报告.fanwen`).
    from app.ui.application import open_window

    other, error = open_window(draft)
    qtbot.addWidget(other)
    assert error is None and other.session.template.id == "anquan"
    other.dialogs.ask_save_changes = lambda name: None


def test_the_carried_copy_wins_over_an_older_installed_template(
    open_main_window, qtbot, tmp_path, monkeypatch
):
    make_own_template(version="2.0")
    window = open_main_window()
    window.template_actions.start_report(find_template("anquan"))
    draft = tmp_path / "新.fanwen"
    window.edit_value("unit_name", "某局")
    assert window.files.write(draft)
    assert window.close()
    monkeypatch.setenv("FANWEN_HOME", str(tmp_path / "older"))
    make_own_template(version="1.0")  # the colleague has an older one
    colleague = open_main_window()
    assert colleague.files.open_path(draft, ask=False)
    assert colleague.session.template.version == "2.0"
    assert is_older("1.2", "1.10") and not is_older("2.0", "1.9") and not is_older("a", "b")


def test_an_unknown_template_says_what_to_do(open_main_window, tmp_path):
    draft = tmp_path / "别人的.fanwen"
    draft.write_text(
        json.dumps({"template": "anquan", "values": {"unit_name": "某局"}}), encoding="utf-8"
    )
    window = open_main_window()
    errors = []
    window.dialogs.error = lambda title, message: errors.append(message)
    assert not window.files.open_path(draft, ask=False)
    (message,) = errors
    assert "anquan" in message and str(user_templates_dir()) in message
    assert "共享" in message  # the shared folder


def test_a_draft_on_the_command_line_finds_its_template_in_the_shared_folder_of_the_settings(
    open_main_window, tmp_path, fanwen_home
):
    """`fanwen 报告.fanwen` on an office PC whose shared template folder was chosen in the app
    (not through FANWEN_SHARED_TEMPLATES): the draft opens on that template."""
    from app.core import library
    from app.ui import settings as config

    shared = tmp_path / "共享模板"
    shutil.copytree(make_own_template("shared-one"), shared / "shared-one")
    shutil.rmtree(user_templates_dir() / "shared-one")
    config.Settings().set(config.SHARED_TEMPLATES, str(shared))
    draft = tmp_path / "报告.fanwen"
    draft.write_text(
        json.dumps({"template": "shared-one", "values": {"meetings": "12"}}), encoding="utf-8"
    )
    try:
        window = open_main_window(draft)
        assert window.open_error is None
        assert window.session.template.id == "shared-one"
        assert window.model.value("meetings") == "12"
    finally:
        library.set_shared_folder(None)
