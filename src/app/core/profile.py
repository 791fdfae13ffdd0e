"""The unit profile (单位信息): what every report of the writer's unit says the same way.

A field that declares a role in its template (``role = "unit_name"``) is filled from the
profile in every new report, whatever the template (`new_draft`). The profile is a small JSON
file beside the settings (`FANWEN_HOME` relocates both), so the command line reads it too,
without Qt. A profile that cannot be read is treated as empty: it never stops a report.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from pathlib import Path

from app.core.atomic import atomic_write_bytes
from app.core.draft import Draft
from app.core.i18n import N_
from app.core.paths import user_dir
from app.core.template import Template

#: Each role a field may declare, with its label in the profile (translated where shown).
ROLES: dict[str, str] = {
    "unit_name": N_("Unit name"),
    "unit_short_name": N_("Short name"),
    "person_in_charge": N_("Person in charge"),
    "contact_person": N_("Contact person"),
    "phone": N_("Phone"),
    "address": N_("Address"),
}
PROFILE_FILE = "profile.json"
#: A value longer than this is not a unit's name or phone number.
MAX_VALUE = 500


def profile_path() -> Path:
    """Where the profile is kept: beside the settings."""
    return user_dir() / PROFILE_FILE


def load_profile(path: Path | None = None) -> dict[str, str]:
    """The profile: role -> text, only known roles with text; {} when there is none."""
    path = path or profile_path()
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(path.read_bytes()[: 64 * 1024])
        if isinstance(data, dict):
            return {
                role: value.strip()[:MAX_VALUE]
                for role, value in data.items()
                if role in ROLES and isinstance(value, str) and value.strip()
            }
    return {}


def save_profile(profile: Mapping[str, str], path: Path | None = None) -> None:
    """Keep the profile (atomically; OSError when it cannot be written)."""
    path = path or profile_path()
    data = {role: profile[role].strip() for role in ROLES if profile.get(role, "").strip()}
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode())


def profile_values(template: Template, profile: Mapping[str, str]) -> dict[str, str]:
    """The values the profile gives this template's fields (those that declare a role)."""
    return {
        field.key: profile[field.role]
        for field in template.fields
        if field.role and profile.get(field.role)
    }


def new_draft(template: Template, profile: Mapping[str, str] | None = None) -> Draft:
    """An empty draft of `template`, its role fields filled from the profile (the stored one
    unless given)."""
    values = profile_values(template, load_profile() if profile is None else profile)
    return Draft(template=template.id, template_version=template.version, values=values)
