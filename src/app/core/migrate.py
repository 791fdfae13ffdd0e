"""Opening a draft made with another version of its template.

Templates change: a field is added, removed or renamed. A draft records the template version it
was made with; when that differs from the template installed, `migrate_draft` places what it
can: values under a key the template renamed (the schema's ``[renamed]`` table) move to the new
key, values of known fields stay, and values the template no longer knows are reported and kept
(the model keeps unknown keys and writes them back on save), never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.core.draft import Draft
from app.core.i18n import _
from app.core.template import Template


@dataclass(frozen=True)
class Migration:
    """What opening a draft with this template did to its values."""

    values: dict[str, str]
    #: Values the template has no field for: kept in the draft, not shown in the report.
    unplaced: dict[str, str] = field(default_factory=dict)
    #: Keys moved to the field they were renamed to: old -> new.
    renamed: dict[str, str] = field(default_factory=dict)
    #: The template version the draft was made with, when it differs from the template's.
    from_version: str | None = None

    @property
    def changed(self) -> bool:
        """Whether there is something to tell the writer."""
        return bool(self.unplaced or self.renamed or self.from_version)


def renamed_keys(template: Template) -> Mapping[str, str]:
    """The template's renames: keys of earlier versions -> current keys."""
    renamed = template.extra.get("renamed")
    return renamed if isinstance(renamed, Mapping) else {}


def migrate_draft(template: Template, draft: Draft) -> Migration:
    """Place a draft's values in this template (see the module docstring)."""
    values = dict(draft.values)
    moved: dict[str, str] = {}
    for old, new in renamed_keys(template).items():
        if old in values and new not in values:
            values[new] = values.pop(old)
            moved[old] = new
    known = template.fields_by_key
    unplaced = {key: value for key, value in values.items() if key not in known}
    version = draft.template_version
    from_version = version if version is not None and version != template.version else None
    return Migration(values, unplaced, moved, from_version)


def migration_message(template: Template, migration: Migration, limit: int = 12) -> str:
    """What to tell the writer after opening a draft made with another template version."""
    lines: list[str] = []
    if migration.from_version is not None:
        lines.append(
            _(
                "This draft was made with version {old} of the template “{title}”; version "
                "{new} is installed.",
                old=migration.from_version,
                title=template.title,
                new=template.version,
            )
        )
    if migration.renamed:
        labels = "、".join(
            template.field(new).label for new in list(migration.renamed.values())[:limit]
        )
        lines.append(_("Values moved to renamed fields: {labels}.", labels=labels))
    if migration.unplaced:
        shown = [
            f"{key} = “{_shorten(value)}”"
            for key, value in list(migration.unplaced.items())[:limit]
        ]
        more = len(migration.unplaced) - len(shown)
        text = "; ".join(shown) + (_(" and {count} more", count=more) if more > 0 else "")
        lines.append(
            _(
                "These values have no place in this version of the template; they are kept in "
                "the draft file and written back when it is saved: {values}",
                values=text,
            )
        )
    return "\n".join(lines)


def _shorten(value: str, limit: int = 24) -> str:
    return value if len(value) <= limit else value[:limit] + "…"
