"""Adapting a template's wording for one report: a paragraph switched off, or reworded.

A 范文 is a model, not a text to copy: the writer drops a sub-point that does not apply
(三是……) and rewords a sentence. Such changes belong to the draft, not to the template: each is
an `Adaptation` of one template paragraph, named by the paragraph's id (``s1.3``: the fourth
paragraph of section s1), stored in the draft file::

    "wording": {
      "s1.3": {"original": "三是典型示范……{model_branch}党支部……", "off": true},
      "s3.1": {"original": "一是整合办税资源。……", "text": ["全面梳理了", {"field": "shared_items",
               "placeholder": "XX"}, "项共有业务。"]}
    }

A reworded paragraph is a list of wording and field places, so its fields stay bound: the value
typed in the form still fills them. ``original`` is the template paragraph's wording (fields as
``{key}``) when the change was made: if the template has changed since, the adaptation no longer
matches and is not applied (it is kept in the file and reported, never silently put elsewhere).
`app.core.report.ReportModel` applies the adaptations, so the preview and every export follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from app.core.errors import DraftError, FanwenError
from app.core.i18n import _
from app.core.render import MARK_CLOSE, MARK_OPEN, FieldRef, ParagraphSpec
from app.core.template import Template

Piece = str | FieldRef


class WordingState(StrEnum):
    """How a template paragraph stands in a report."""

    ORIGINAL = "original"
    OFF = "off"
    EDITED = "edited"


class Adaptation(NamedTuple):
    """One template paragraph switched off or reworded in a draft."""

    paragraph: str
    original: str
    off: bool = False
    pieces: tuple[Piece, ...] | None = None

    @property
    def state(self) -> WordingState:
        """Off or edited."""
        return WordingState.OFF if self.off else WordingState.EDITED


def signature(pieces: Iterable[Piece]) -> str:
    """A paragraph's wording with each field place as ``{key}``: what an adaptation was made
    for."""
    return "".join(p if isinstance(p, str) else "{" + p.key + "}" for p in pieces)


def check_pieces(pieces: Sequence[Piece], template: Template) -> tuple[Piece, ...]:
    """New wording for a paragraph, checked: one line, known fields; adjacent text joined."""
    result: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str):
            if "\n" in piece or "\r" in piece or "\u2029" in piece:
                raise FanwenError(_("A paragraph's wording must be one line, without line breaks."))
            if MARK_OPEN in piece or MARK_CLOSE in piece:
                raise FanwenError(_("The wording contains characters Fanwen reserves."))
            if not piece:
                continue
            if result and isinstance(result[-1], str):
                result[-1] = result[-1] + piece
            else:
                result.append(piece)
        elif isinstance(piece, FieldRef):
            if piece.key not in template.fields_by_key:
                raise FanwenError(
                    _(
                        "The wording names a field the template does not have: “{key}”.",
                        key=piece.key,
                    )
                )
            result.append(piece)
        else:  # pragma: no cover - a programming error
            raise TypeError(f"not a wording piece: {piece!r}")
    return tuple(result)


# ------------------------------------------------------------------------- draft files


def wording_data(wording: Mapping[str, Adaptation]) -> dict[str, Any]:
    """The adaptations as JSON data for a draft file."""
    data: dict[str, Any] = {}
    for paragraph, adaptation in wording.items():
        entry: dict[str, Any] = {"original": adaptation.original}
        if adaptation.off:
            entry["off"] = True
        if adaptation.pieces is not None:
            entry["text"] = [_piece_data(p) for p in adaptation.pieces]
        data[paragraph] = entry
    return data


def _piece_data(piece: Piece) -> Any:
    if isinstance(piece, str):
        return piece
    entry: dict[str, Any] = {"field": piece.key, "placeholder": piece.placeholder}
    if piece.magnitude:
        entry["magnitude"] = True
    return entry


def parse_wording(data: object, name: str) -> dict[str, Adaptation]:
    """The ``wording`` entry of a draft file; anything malformed is a DraftError naming it."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DraftError(
            _("{file}: the draft's “wording” must be an object of paragraph changes.", file=name)
        )
    wording: dict[str, Adaptation] = {}
    for paragraph, entry in data.items():
        where = f"wording.{paragraph}"
        if not isinstance(entry, dict):
            raise DraftError(_("{file}: “{where}” must be an object.", file=name, where=where))
        original = entry.get("original", "")
        off = entry.get("off", False)
        text = entry.get("text")
        if not isinstance(original, str) or not isinstance(off, bool):
            raise DraftError(
                _("{file}: “{where}” is not a paragraph change.", file=name, where=where)
            )
        pieces: tuple[Piece, ...] | None = None
        if text is not None:
            if not isinstance(text, list):
                raise DraftError(
                    _("{file}: “{where}.text” must be a list.", file=name, where=where)
                )
            items: list[Piece] = []
            for item in text:
                if isinstance(item, str):
                    items.append(item)
                elif (
                    isinstance(item, dict)
                    and isinstance(item.get("field"), str)
                    and isinstance(item.get("placeholder", "XX"), str)
                ):
                    items.append(
                        FieldRef(
                            item["field"],
                            item.get("placeholder", "XX"),
                            bool(item.get("magnitude", False)),
                        )
                    )
                else:
                    raise DraftError(
                        _(
                            "{file}: “{where}.text” holds something that is neither wording "
                            "nor a field.",
                            file=name,
                            where=where,
                        )
                    )
            pieces = tuple(items)
        if not off and pieces is None:
            continue  # nothing changed: nothing to keep
        wording[str(paragraph)] = Adaptation(str(paragraph), original, off, pieces)
    return wording


# ------------------------------------------------------------------------- editing as text

_TOKEN = re.compile(r"〔([^〔〕\n]{1,80})〕")


def wording_markup(pieces: Iterable[Piece], template: Template) -> str:
    """A paragraph as editable text: each field place written as 〔label〕 (〔key〕 when two
    fields share a label)."""
    labels = _label_counts(template)
    parts = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
        else:
            label = template.field(piece.key).label if piece.key in template.fields_by_key else ""
            usable = label and labels.get(label) == 1 and "〔" not in label and "〕" not in label
            parts.append(f"〔{label if usable else piece.key}〕")
    return "".join(parts)


def parse_markup(
    text: str, template: Template, original: Iterable[Piece] = ()
) -> tuple[Piece, ...]:
    """Editable text back into wording and field places: 〔label〕 or 〔key〕 of a field of the
    template is that field (placed as in `original`); any other 〔…〕 is wording."""
    labels = _label_counts(template)
    by_label = {f.label: f.key for f in template.fields if labels.get(f.label) == 1}
    refs: dict[str, FieldRef] = {}
    for piece in original:
        if isinstance(piece, FieldRef):
            refs.setdefault(piece.key, piece)
    pieces: list[Piece] = []
    position = 0
    for match in _TOKEN.finditer(text):
        name = match.group(1)
        key = name if name in template.fields_by_key else by_label.get(name)
        if key is None:
            continue
        pieces.append(text[position : match.start()])
        pieces.append(refs.get(key) or FieldRef(key, template.field(key).placeholder))
        position = match.end()
    pieces.append(text[position:])
    return check_pieces(pieces, template)


def _label_counts(template: Template) -> dict[str, int]:
    counts: dict[str, int] = {}
    for field in template.fields:
        counts[field.label] = counts.get(field.label, 0) + 1
    return counts


def adapt(
    specs: Sequence[ParagraphSpec],
    signatures: Mapping[str, str],
    wording: Mapping[str, Adaptation],
    template: Template,
) -> tuple[list[ParagraphSpec], list[str]]:
    """The paragraphs of a report after its adaptations, and the ids of adaptations that no
    longer match the template (not applied)."""
    result: list[ParagraphSpec] = []
    applied: set[str] = set()
    for spec in specs:
        adaptation = wording.get(spec.id)
        if adaptation is None or signatures.get(spec.id) != adaptation.original:
            result.append(spec)
            continue
        if adaptation.off:
            applied.add(spec.id)
            continue
        pieces = adaptation.pieces or ()
        if any(isinstance(p, FieldRef) and p.key not in template.fields_by_key for p in pieces):
            result.append(spec)
            continue
        applied.add(spec.id)
        result.append(ParagraphSpec(spec.id, spec.role, spec.section, tuple(pieces)))
    stale = [paragraph for paragraph in wording if paragraph not in applied]
    return result, stale
