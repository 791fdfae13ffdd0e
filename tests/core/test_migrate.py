"""Drafts from older template versions, and saving with a backup that never damages a file."""

from __future__ import annotations

import tomllib

import pytest
from tests.samples import REPO

from app.core.draft import Draft
from app.core.errors import TemplateError
from app.core.loader import template_from_schema
from app.core.migrate import migrate_draft, migration_message


def sixin_v2(extra: str = "") -> object:
    """The seed template as a version 2.0 whose `meetings` was once called `meeting_count`."""
    folder = REPO / "templates" / "sixin"
    data = tomllib.loads((folder / "template.toml").read_text(encoding="utf-8") + extra)
    data["template"]["version"] = "2.0"
    return template_from_schema(data, folder)


def test_renamed_fields_are_declared_in_the_schema():
    template = sixin_v2('\n[renamed]\nmeeting_count = "meetings"\n')
    assert template.extra["renamed"] == {"meeting_count": "meetings"}
    with pytest.raises(TemplateError, match=r"renamed\.old"):
        sixin_v2('\n[renamed]\nold = "no_such_field"\n')
    with pytest.raises(TemplateError, match=r"renamed\.meetings"):
        sixin_v2('\n[renamed]\nmeetings = "talk_cadres"\n')


def test_older_draft_places_what_it_can_and_keeps_the_rest():
    template = sixin_v2('\n[renamed]\nmeeting_count = "meetings"\n')
    draft = Draft(
        template="sixin",
        template_version="1.0",
        values={"unit_name": "江城市税务局", "meeting_count": "36", "retired_field": "旧的内容"},
    )
    migration = migrate_draft(template, draft)
    assert migration.values["meetings"] == "36"
    assert "meeting_count" not in migration.values
    assert migration.renamed == {"meeting_count": "meetings"}
    assert migration.unplaced == {"retired_field": "旧的内容"}
    assert migration.values["retired_field"] == "旧的内容"  # kept for saving back
    message = migration_message(template, migration)
    assert "1.0" in message and "2.0" in message
    assert "retired_field" in message and "旧的内容" in message
    assert "改革座谈会、动员会、培训会次数" in message


def test_same_version_needs_no_message(sixin):
    migration = migrate_draft(
        sixin, Draft(template_version=sixin.version, values={"meetings": "3"})
    )
    assert not migration.changed
