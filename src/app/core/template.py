"""The template model: metadata, sections, fields and rules, as read from a template folder.

A template is data, never code: `templates/<id>/template.toml` declares everything a form needs,
`body.txt.j2` holds the report's wording with a `field("key")` where each placeholder stood.
Loading and checking the files is `app.core.loader`'s job; this module only holds the result.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

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


_TEMPLATE_ATTRIBUTES = (
    "id",
    "title",
    "version",
    "description",
    "sections",
    "fields",
    "rules",
    "body",
    "folder",
    "origin",
    "extra",
)


class Template:
    """A loaded, checked template; read-only.

    A plain class rather than a frozen dataclass: a dataclass compiles its generated methods
    each time the app starts (about 1 ms each for this one and for `Draft`, and the
    `dataclasses` module itself is 2 ms more), and nothing else on the way to the first
    window needs one.
    """

    id: str
    title: str
    version: str
    description: str
    sections: tuple[Section, ...]
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...]
    body: str
    folder: Path | None
    origin: Origin
    extra: Mapping[str, object]

    def __init__(
        self,
        id: str,
        title: str,
        version: str,
        description: str,
        sections: tuple[Section, ...],
        fields: tuple[Field, ...],
        rules: tuple[Rule, ...],
        body: str,
        folder: Path | None = None,
        origin: Origin = Origin.BUILTIN,
        extra: Mapping[str, object] | None = None,
    ) -> None:
        values = (id, title, version, description, sections, fields, rules, body, folder, origin)
        self.__dict__.update(zip(_TEMPLATE_ATTRIBUTES[:-1], values, strict=True))
        self.__dict__["extra"] = {} if extra is None else extra

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Template is read-only ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Template is read-only ({name})")

    def _items(self) -> tuple[object, ...]:
        return tuple(self.__dict__[name] for name in _TEMPLATE_ATTRIBUTES)

    def __eq__(self, other: object) -> bool:
        return type(other) is Template and other._items() == self._items()

    def __hash__(self) -> int:
        return hash(self._items())

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={self.__dict__[name]!r}" for name in _TEMPLATE_ATTRIBUTES)
        return f"Template({inner})"

    def replace(self, **changes: Any) -> Template:
        """A copy with these attributes changed."""
        values = {name: self.__dict__[name] for name in _TEMPLATE_ATTRIBUTES}
        values.update(changes)
        return Template(**values)

    @cached_property
    def fields_by_key(self) -> dict[str, Field]:
        """Fields by key."""
        return {f.key: f for f in self.fields}

    def field(self, key: str) -> Field:
        """The field with this key (KeyError when there is none)."""
        return self.fields_by_key[key]

    def section_fields(self, section_id: str) -> list[Field]:
        """The fields of one section, in schema order."""
        return [f for f in self.fields if f.section == section_id]

    @cached_property
    def rules_by_field(self) -> dict[str, tuple[Rule, ...]]:
        """For each field key, the rules that involve it."""
        index: dict[str, list[Rule]] = {}
        for rule in self.rules:
            for key in rule.fields:
                index.setdefault(key, []).append(rule)
        return {key: tuple(rules) for key, rules in index.items()}

    @property
    def sandboxed(self) -> bool:
        """Templates a user brings are rendered in Jinja's sandbox with limits."""
        return self.origin is not Origin.BUILTIN
