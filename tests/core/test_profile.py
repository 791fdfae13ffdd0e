"""The unit profile: kept beside the settings, filled into every new report's role fields."""

from __future__ import annotations

import json
import shutil

import pytest

from app.core.errors import TemplateError
from app.core.loader import load_template
from app.core.profile import load_profile, new_draft, profile_path, save_profile
from app.core.session import ReportSession
from conftest import REPO

PROFILE = {
    "unit_name": "江城市税务局",
    "contact_person": "李明",
    "phone": "027-12345678",
}


@pytest.fixture(scope="module")
def monthly():
    return load_template(REPO / "templates" / "monthly")


def test_the_profile_is_kept_under_fanwen_home(fanwen_home):
    assert load_profile() == {}
    save_profile({**PROFILE, "address": "  ", "unknown": "x"})
    assert profile_path() == fanwen_home / "profile.json"
    assert load_profile() == PROFILE


def test_a_damaged_profile_is_empty(fanwen_home):
    fanwen_home.mkdir(parents=True, exist_ok=True)
    profile_path().write_text("{not json", encoding="utf-8")
    assert load_profile() == {}
    profile_path().write_text(json.dumps({"unit_name": 3, "phone": "110"}), encoding="utf-8")
    assert load_profile() == {"phone": "110"}


def test_every_new_report_of_every_template_takes_it(monthly, sixin):
    save_profile(PROFILE)
    assert new_draft(monthly).values == PROFILE
    assert new_draft(sixin).values == {"unit_name": "江城市税务局"}
    session = ReportSession(monthly)
    assert session.model.value("contact_person") == "李明"
    assert not session.modified
    # an opened draft keeps its own values
    opened = ReportSession(monthly, new_draft(monthly, {}))
    assert opened.model.values == {}


def test_roles_are_checked(tmp_path):
    folder = tmp_path / "monthly"
    shutil.copytree(REPO / "templates" / "monthly", folder)
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace('role = "phone"', 'role = "fax"'), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"fields\[4\]\.role"):
        load_template(folder)
    schema.write_text(
        text.replace('label = "本月税费收入"', 'label = "本月税费收入"\nrole = "phone"'),
        encoding="utf-8",
    )
    with pytest.raises(TemplateError, match=r"fields\[5\]\.role"):
        load_template(folder)
