"""Writing a template body: what `app.core.body` reads back.

The importer writes a 范文's paragraphs as body lines (`body_line`), the field editor writes a
place's tag again for another field (`place_tag`), and the change-phrase proposal and editor
write `change()` places (`change_tag`); wording is escaped so it renders as itself
(`escape_literal`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from app.core.body import ROLE_DIRECTIVES, BodyPlace, ChangeCall, FieldCall
from app.core.document import Role


def escape_literal(text: str) -> str:
    """Text that renders as itself in a body: every ``{`` written as an expression.

    Escaping every brace (not only ``{{``, ``{%`` and ``{#``) keeps a literal ``{`` from joining
    a field tag that follows it.
    """
    return text.replace("{", '{{ "{" }}')


def field_tag(
    key: str,
    placeholder: str | None = None,
    magnitude: bool = False,
    trim: tuple[str, str] = ("", ""),
) -> str:
    """The body text of one field place: ``{{ field("key", placeholder="××") }}``."""
    arguments = [json.dumps(key, ensure_ascii=False)]
    if placeholder is not None:
        arguments.append("placeholder=" + json.dumps(placeholder, ensure_ascii=False))
    if magnitude:
        arguments.append("magnitude=true")
    return "{{" + trim[0] + " field(" + ", ".join(arguments) + ") " + trim[1] + "}}"


def change_tag(
    key: str,
    phrases: Sequence[str],
    placeholder: str | None = None,
    trim: tuple[str, str] = ("", ""),
) -> str:
    """The body text of one `change()` place: ``{{ change("key", "增{}", "降{}", "平") }}``."""
    arguments = [json.dumps(text, ensure_ascii=False) for text in (key, *phrases)]
    if placeholder is not None:
        arguments.append("placeholder=" + json.dumps(placeholder, ensure_ascii=False))
    return "{{" + trim[0] + " change(" + ", ".join(arguments) + ") " + trim[1] + "}}"


def place_tag(place: BodyPlace, key: str, placeholder: str | None) -> str:
    """A place's tag written again for field `key` and `placeholder`, keeping the rest."""
    if place.phrases is not None:
        return change_tag(key, place.phrases, placeholder, place.tag.trim)
    return field_tag(key, placeholder, place.magnitude, place.tag.trim)


def body_line(role: Role, section: str, pieces: Sequence[str | FieldCall | ChangeCall]) -> str:
    """The body line of a paragraph of wording and places (what `parse_line` reads back): its
    directive, its wording escaped, its places as `field()` or `change()` calls."""
    line = "".join(
        escape_literal(p)
        if isinstance(p, str)
        else change_tag(p.key, p.phrases, p.placeholder)
        if isinstance(p, ChangeCall)
        else field_tag(p.key, p.placeholder, p.magnitude)
        for p in pieces
    )
    if role is Role.HEADING:
        return f"@section {section} " + line
    directive = next((name for name, known in ROLE_DIRECTIVES.items() if known is role), "body")
    if directive == "body":  # a table row is written by `app.core.import_tables.body_lines`
        return "@body " + line if line.startswith("@") else line
    return f"@{directive} " + line
