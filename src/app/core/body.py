"""The template body's syntax, in one place: what a body line says and how one is written.

A body is Jinja2 text, one paragraph per line (see `app.core.render` for the directives). A
paragraph before values are put in is a `ParagraphSpec`: wording and the places the values
decide. Two kinds of place exist:

* `FieldRef` — a ``field("key")`` call: the field's value (its placeholder while empty);
* `SignRef` — a ``sign("key", "增长", "下降")`` call: a word picked by the sign of the value.

Both stay bound to their field wherever the paragraph goes (a reworded paragraph keeps them), and
both are resolved when the document is built from the values (`app.core.render.build_paragraph`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from app.core.document import Role


class FieldRef(NamedTuple):
    """A `field()` call in the body: which field, and how this place shows it."""

    key: str
    placeholder: str
    magnitude: bool = False


class SignRef(NamedTuple):
    """A `sign()` call in the body: `negative` when the field's number is below zero, else
    `positive` (增长/下降)."""

    key: str
    positive: str
    negative: str

    @property
    def placeholder(self) -> str:
        """What this place shows while its field is empty (or not a number): `positive`."""
        return self.positive

    def word(self, negative: bool) -> str:
        """The word for a value below zero (`negative`) or not."""
        return self.negative if negative else self.positive


Piece = str | FieldRef | SignRef
Place = FieldRef | SignRef


class ParagraphSpec(NamedTuple):
    """A paragraph before values are put in: wording and the places values decide."""

    id: str
    role: Role
    section: str
    pieces: tuple[Piece, ...]


class Structure(NamedTuple):
    """The rendered body without values, and the fields its wording depends on.

    `line_of` gives, for each paragraph, the body line it came from; `logic_lines` the body lines
    whose wording reads each logic field. When the body is rendered line by line (`by_line`), a
    change to a logic field re-renders only those lines.
    """

    paragraphs: tuple[ParagraphSpec, ...]
    logic_keys: frozenset[str]
    line_of: tuple[int, ...] = ()
    logic_lines: Mapping[str, frozenset[int]] = MappingProxyType({})
    by_line: bool = False
