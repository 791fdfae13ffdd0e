"""The template model: metadata, sections, fields and rules, as read from a template folder.

A template is data, never code: `templates/<id>/template.toml` declares everything a form needs,
`body.txt.j2` holds the report's wording with a `field("key")` where each placeholder stood.
Loading and checking the files is `app.core.loader`'s job; this module only holds the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from app.core.kinds import CheckedValue, FieldKind, check_value
from app.core.rules import Rule


class Origin(StrEnum):
    """Where a template comes from: shipped with Fanwen, the writer's own, or a shared folder."""

    BUILTIN = "builtin"
    USER = "user"
    SHARED = "shared"


class Section(NamedTuple):
    """A step of the form: "general" (基本信息) or one of the report's sections."""

    id: str
    label: str


class Field(NamedTuple):
    """One thing the writer fills in, possibly used in several places of the report."""

    key: str
    label: str
    kind: FieldKind
    section: str
    placeholder: str
    unit: str = ""
    hint: str = ""
    required: bool = True
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    #: Key of a field shown on the same row (a month followed by its day).
    pair: str | None = None

    def check(self, raw: str) -> CheckedValue:
        """Check a raw value against this field's kind and bounds."""
        return check_value(self.kind, raw, self.minimum, self.maximum)


@dataclass(frozen=True)
class Template:
    """A loaded, checked template; read-only."""

    id: str
    title: str
    version: str
    description: str
    sections: tuple[Section, ...]
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...]
    body: str
    folder: Path | None = None
    origin: Origin = Origin.BUILTIN
    #: Schema entries of other tools or later versions (``renamed``, ``body_file`` ...).
    extra: Mapping[str, object] = dataclass_field(default_factory=dict, hash=False)
    #: Fields by key, and for each field key the rules that involve it: derived from the
    #: fields and rules when the template is made (`__post_init__`), never compared.
    fields_by_key: Mapping[str, Field] = dataclass_field(init=False, repr=False, compare=False)
    rules_by_field: Mapping[str, tuple[Rule, ...]] = dataclass_field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        index: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for key in rule.fields:
                index.setdefault(key, []).append(rule)
        # Derived once here, as dataclasses document for frozen classes (object.__setattr__).
        object.__setattr__(self, "fields_by_key", {f.key: f for f in self.fields})
        object.__setattr__(
            self, "rules_by_field", {key: tuple(rules) for key, rules in index.items()}
        )

    def field(self, key: str) -> Field:
        """The field with this key (KeyError when there is none)."""
        return self.fields_by_key[key]

    def section_fields(self, section_id: str) -> list[Field]:
        """The fields of one section, in schema order."""
        return [f for f in self.fields if f.section == section_id]

    @property
    def sandboxed(self) -> bool:
        """Templates a user brings are rendered in Jinja's sandbox with limits."""
        return self.origin is not Origin.BUILTIN
