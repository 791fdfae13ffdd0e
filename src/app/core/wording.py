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

A reworded paragraph is a list of wording, field places, sign words (``{"sign": "key",
"positive": "增长", "negative": "下降"}``) and change phrases (``{"change": "key", "positive":
"同比增长{}%", "negative": "同比下降{}%", "zero": "与上年持平", "placeholder": "XX"}``), so its
fields stay bound: the value typed in the form still fills them and still picks 增长, 下降 or
持平. (Drafts written before sign words were kept hold
the word as wording: `adapt` repairs them where the template shows which word it was, and lists
the others as `Adapted.frozen`.) ``original`` is the template paragraph's wording (fields as
``{key}``) when the change was made: if the template has changed since, the adaptation no longer
matches and is not applied (it is kept in the file and reported, never silently put elsewhere).
`app.core.report.ReportModel` applies the adaptations, so the preview and every export follow.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from app.core.body import (
    VALUE_SLOT,
    ChangeRef,
    FieldRef,
    ParagraphSpec,
    SignRef,
    change_problem,
    has_reserved,
)
from app.core.body import Piece as Piece  # what a reworded paragraph is made of
from app.core.errors import DraftError, FanwenError
from app.core.i18n import _
from app.core.template import Template


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
    """A paragraph's wording with each field place as ``{key}``, each sign word as its
    positive word and each change phrase as its rise phrase with ``{key}`` (as a render without
    values shows it): what an adaptation was made for."""
    return "".join(_signed(p) for p in pieces)


def _signed(piece: Piece) -> str:
    if isinstance(piece, str):
        return piece
    if isinstance(piece, SignRef):
        return piece.positive
    if isinstance(piece, ChangeRef):
        return piece.positive.replace(VALUE_SLOT, "{" + piece.key + "}", 1)
    return "{" + piece.key + "}"


def check_pieces(pieces: Sequence[Piece], template: Template) -> tuple[Piece, ...]:
    """New wording for a paragraph, checked: one line, known fields; adjacent text joined."""
    result: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, str):
            if "\n" in piece or "\r" in piece or "\u2029" in piece:
                raise FanwenError(_("A paragraph's wording must be one line, without line breaks."))
            if has_reserved(piece):
                raise FanwenError(_("The wording contains characters Fanwen reserves."))
            if not piece:
                continue
            if result and isinstance(result[-1], str):
                result[-1] = result[-1] + piece
            else:
                result.append(piece)
        elif isinstance(piece, FieldRef | SignRef | ChangeRef):
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
    if isinstance(piece, SignRef):
        return {"sign": piece.key, "positive": piece.positive, "negative": piece.negative}
    if isinstance(piece, ChangeRef):
        return {
            "change": piece.key,
            "positive": piece.positive,
            "negative": piece.negative,
            "zero": piece.zero,
            "placeholder": piece.blank,
        }
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
                elif (
                    isinstance(item, dict)
                    and isinstance(item.get("sign"), str)
                    and isinstance(item.get("positive"), str)
                    and isinstance(item.get("negative"), str)
                ):
                    items.append(SignRef(item["sign"], item["positive"], item["negative"]))
                elif isinstance(item, dict) and isinstance(item.get("change"), str):
                    items.append(_change_piece(item, name, where))
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


def _change_piece(item: dict[str, Any], name: str, where: str) -> ChangeRef:
    """A change phrase of a reworded paragraph in a draft file, checked as a body's would be."""
    phrases = (item.get("positive"), item.get("negative"), item.get("zero"))
    blank = item.get("placeholder", "XX")
    problem = change_problem(*phrases)
    if problem is not None or not isinstance(blank, str) or has_reserved(blank):
        raise DraftError(
            _(
                "{file}: “{where}.text” holds a change phrase that cannot be used: {problem}.",
                file=name,
                where=where,
                problem=problem or _("the placeholder must be text in quotes"),
            )
        )
    positive, negative, zero = (str(p) for p in phrases)
    return ChangeRef(item["change"], positive, negative, zero, blank)


# ------------------------------------------------------------------------- editing as text

_TOKEN = r"〔([^〔〕\n]{1,80})〕"


def wording_markup(pieces: Iterable[Piece], template: Template) -> str:
    """A paragraph as editable text: each field place written as 〔label〕 (〔key〕 when two
    fields share a label), each sign word as 〔增长/下降〕 (〔增长/下降·label〕 when the same words
    follow two fields in the paragraph), each change phrase as
    〔同比增长{}%/同比下降{}%/与上年持平·label〕."""
    pieces = tuple(pieces)
    labels = _label_counts(template)
    sign_keys: dict[tuple[str, ...], set[str]] = {}
    for piece in pieces:
        if isinstance(piece, SignRef | ChangeRef):
            sign_keys.setdefault(_words(piece), set()).add(piece.key)
    parts = []
    for piece in pieces:
        if isinstance(piece, str):
            parts.append(piece)
            continue
        label = template.field(piece.key).label if piece.key in template.fields_by_key else ""
        usable = label and labels.get(label) == 1 and not set("〔〕·/") & set(label)
        name = label if usable else piece.key
        if isinstance(piece, SignRef | ChangeRef):
            words = "/".join(_words(piece))
            # a change phrase holds the value: its token names the field
            shared = isinstance(piece, ChangeRef) or len(sign_keys[_words(piece)]) > 1
            parts.append(f"〔{words}·{name}〕" if shared else f"〔{words}〕")
        else:
            parts.append(f"〔{name}〕")
    return "".join(parts)


def parse_markup(
    text: str, template: Template, original: Iterable[Piece] = ()
) -> tuple[Piece, ...]:
    """Editable text back into wording and places: 〔label〕 or 〔key〕 of a field of the template
    is that field (placed as in `original`); 〔增长/下降〕 is the sign word of `original` with
    those words (〔增长/下降·label〕 names its field), 〔rise/fall/no change〕 its change phrase;
    any other 〔…〕 is wording."""
    labels = _label_counts(template)
    by_label = {f.label: f.key for f in template.fields if labels.get(f.label) == 1}
    refs: dict[str, FieldRef] = {}
    signs: dict[tuple[str, ...], set[str]] = {}
    blanks: dict[str, str] = {}
    for piece in original:
        if isinstance(piece, FieldRef):
            refs.setdefault(piece.key, piece)
        elif isinstance(piece, SignRef | ChangeRef):
            signs.setdefault(_words(piece), set()).add(piece.key)
            if isinstance(piece, ChangeRef):
                blanks.setdefault(piece.key, piece.blank)
    pieces: list[Piece] = []
    position = 0
    for match in re.finditer(_TOKEN, text):
        name = match.group(1)
        place: Piece | None = None
        key = name if name in template.fields_by_key else by_label.get(name)
        if key is not None:
            place = refs.get(key) or FieldRef(key, template.field(key).placeholder)
        else:
            words, _dot, who = name.partition("·")
            split = tuple(words.split("/"))
            if len(split) in (2, 3) and who:
                key = who if who in template.fields_by_key else by_label.get(who)
            elif len(split) in (2, 3) and len(signs.get(split, ())) == 1:
                key = next(iter(signs[split]))
            if key is not None and len(split) == 2:
                place = SignRef(key, split[0], split[1])
            elif key is not None and change_problem(*split) is None:
                blank = blanks.get(key) or template.field(key).placeholder
                place = ChangeRef(key, split[0], split[1], split[2], blank)
        if place is None:
            continue
        pieces.append(text[position : match.start()])
        pieces.append(place)
        position = match.end()
    pieces.append(text[position:])
    return check_pieces(pieces, template)


def _words(piece: SignRef | ChangeRef) -> tuple[str, ...]:
    """The words a sign or change place picks from, as its markup token lists them."""
    if isinstance(piece, ChangeRef):
        return piece.positive, piece.negative, piece.zero
    return piece.positive, piece.negative


def _label_counts(template: Template) -> dict[str, int]:
    counts: dict[str, int] = {}
    for field in template.fields:
        counts[field.label] = counts.get(field.label, 0) + 1
    return counts


class Adapted(NamedTuple):
    """A report's paragraphs after its adaptations (`adapt`)."""

    specs: list[ParagraphSpec]
    #: Ids of adaptations that no longer match the template (not applied).
    stale: list[str]
    #: Adaptations whose reworded text had frozen a sign word, mended (by paragraph id).
    repaired: dict[str, Adaptation]
    #: Ids of applied rewordings that may hold a word the template derives from a value.
    frozen: list[str]


def adapt(
    specs: Sequence[ParagraphSpec],
    signatures: Mapping[str, str],
    wording: Mapping[str, Adaptation],
    template: Template,
    derived: Container[str] = frozenset(),
) -> Adapted:
    """The paragraphs of a report after its adaptations.

    A reworded paragraph that froze a sign word (drafts written before rewording kept it bound)
    is repaired where the template shows which word it was (`repair_pieces`); one that may still
    hold a word derived from a value is listed in `frozen`, as is any rewording of a paragraph in
    `derived` (ids of paragraphs whose template wording Jinja logic picks from values).
    """
    result: list[ParagraphSpec] = []
    applied: set[str] = set()
    repaired: dict[str, Adaptation] = {}
    frozen: list[str] = []
    for spec in specs:
        adaptation = wording.get(spec.id)
        if adaptation is None or signatures.get(spec.id) != adaptation.original:
            result.append(spec)
            continue
        if adaptation.off:
            applied.add(spec.id)
            continue
        pieces = adaptation.pieces or ()
        if spec.row is not None or any(
            not isinstance(p, str) and p.key not in template.fields_by_key for p in pieces
        ):  # a table row is left out whole or kept: rewording it would lose its cells
            result.append(spec)
            continue
        mended = repair_pieces(spec.pieces, pieces)
        if mended is not None:
            pieces = mended
            repaired[spec.id] = adaptation._replace(pieces=mended)
        if spec.id in derived or holds_frozen_word(spec.pieces, pieces):
            frozen.append(spec.id)
        applied.add(spec.id)
        result.append(ParagraphSpec(spec.id, spec.role, spec.section, tuple(pieces)))
    stale = [paragraph for paragraph in wording if paragraph not in applied]
    return Adapted(result, stale, repaired, frozen)


def repair_pieces(template: Sequence[Piece], pieces: Sequence[Piece]) -> tuple[Piece, ...] | None:
    """A rewording that froze a sign word, with the word bound again; None when there is
    nothing to repair.

    Where the template has a change phrase (`ChangeRef`) and the rewording has, for that
    field, the phrase written out around the value (同比 + 增长, frozen or a sign word, + the
    value + %: how the template read before it had change phrases), the phrase becomes the
    change place again, so that 0 reads 与上年持平 there too.

    Where the template has a sign word right before a value of the same field (同比〔增长/下降〕
    〔增减〕) and the rewording has neither word's place for that field but one of the words
    right before that field's value, the word becomes the sign word again.
    """
    result = list(pieces)
    changed = False
    for piece in template:
        if isinstance(piece, ChangeRef) and not any(
            isinstance(p, ChangeRef) and p.key == piece.key for p in result
        ):
            changed = _bind_change(result, piece) or changed
    for index, piece in enumerate(template[:-1]):
        following = template[index + 1]
        if not (
            isinstance(piece, SignRef)
            and isinstance(following, FieldRef)
            and following.key == piece.key
        ):
            continue
        if any(isinstance(p, SignRef) and p.key == piece.key for p in result):
            continue
        position = 1
        while position < len(result):
            before, place = result[position - 1], result[position]
            if isinstance(place, FieldRef) and place.key == piece.key and isinstance(before, str):
                word = next(
                    (w for w in (piece.positive, piece.negative) if w and before.endswith(w)), None
                )
                if word is not None:
                    rest = before[: len(before) - len(word)]
                    result[position - 1 : position] = [rest, piece] if rest else [piece]
                    changed = True
                    position += 1
            position += 1
    return tuple(result) if changed else None


def _bind_change(pieces: list[Piece], change: ChangeRef) -> bool:
    """`repair_pieces` for one change phrase: each value of its field written between the
    words of its rise or fall phrase becomes the change place (in `pieces`)."""
    changed = False
    index = 0
    while index < len(pieces):
        place = pieces[index]
        if not (isinstance(place, FieldRef) and place.key == change.key and place.magnitude):
            index += 1
            continue
        first = index
        sign = pieces[index - 1] if index > 0 else None
        # a bound sign word reads as its rise word; a frozen one is in the wording before
        word = sign.positive if isinstance(sign, SignRef) and sign.key == place.key else None
        if word is not None:
            first -= 1
        before = pieces[first - 1] if first > 0 and isinstance(pieces[first - 1], str) else ""
        after = pieces[index + 1] if index + 1 < len(pieces) else ""
        after_text = after if isinstance(after, str) else ""
        assert isinstance(before, str)
        phrases = (change.positive,) if word is not None else (change.positive, change.negative)
        for phrase in phrases:
            head, slot, tail = phrase.partition(VALUE_SLOT)
            written = before + (word or "")
            if not slot or not written.endswith(head) or not after_text.startswith(tail):
                continue
            if word is not None and not head.endswith(word):
                continue
            left, right = written[: len(written) - len(head)], after_text[len(tail) :]
            span_start = first - 1 if before else first
            span_end = index + 2 if after_text else index + 1
            pieces[span_start:span_end] = [
                *([left] if left else []),
                change,
                *([right] if right else []),
            ]
            index = span_start + (1 if left else 0)
            changed = True
            break
        index += 1
    return changed


def holds_frozen_word(template: Sequence[Piece], pieces: Sequence[Piece]) -> bool:
    """Whether a rewording may hold, as plain wording, a word the template picks by a value:
    a sign word or change phrase of the template whose place the rewording lost while one of
    its words (a phrase's words before the value) is still in the text."""
    kept = {p.key for p in pieces if isinstance(p, SignRef | ChangeRef)}
    text = "".join(p for p in pieces if isinstance(p, str))
    return any(
        isinstance(p, SignRef | ChangeRef)
        and p.key not in kept
        and any(word and word in text for word in _derived_words(p))
        for p in template
    )


def _derived_words(piece: SignRef | ChangeRef) -> tuple[str, ...]:
    """The words a place picks by the value: a sign's two words; a change phrase's words
    before the value without what they share (增长, 下降), and its phrase for no change."""
    if isinstance(piece, SignRef):
        return piece.positive, piece.negative
    rise, fall = (phrase.partition(VALUE_SLOT)[0] for phrase in (piece.positive, piece.negative))
    shared = next(
        (n for n, (a, b) in enumerate(zip(rise, fall, strict=False)) if a != b),
        min(len(rise), len(fall)),
    )
    return rise[shared:], fall[shared:], piece.zero.replace(VALUE_SLOT, "")
