"""The phrases of a year-on-year change: 同比增长X% / 同比下降X% / 与上年持平, in one table.

A ``change("key", "同比增长{}%", "同比下降{}%", "与上年持平")`` place (`app.core.body.ChangeRef`)
reads a signed number in words. This module knows the words: which comparison a 范文 makes
(同比, 比上年, 环比 …) and what no change reads as for it (`ZERO_PHRASES`), which verb is the
opposite of which (增长/下降, 增加/减少, 提高/降低), and how to find such a phrase around a
value in a body. Two readers use it:

* the importer (`app.core.import_changes`): "同比增长X%" in a 范文 becomes a signed field with a
  change place (`phrase_around`);
* the field editor (`app.core.template_edit.TemplateEditor.change_phrases`): the phrases of a
  field's change places, or of a ``sign()`` word followed by the value (how templates wrote it
  before), shown and edited in words (`body_phrases`, `with_phrases`).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from app.core.body import (
    VALUE_SLOT,
    BodyPlace,
    FieldCall,
    SignRef,
    call_of,
    field_places,
    scan_tags,
)
from app.core.body_write import change_tag

#: What no change reads as, by the comparison the wording makes (longest first when matched).
ZERO_PHRASES: dict[str, str] = {
    "同比": "与上年同期持平",
    "比上年同期": "与上年同期持平",
    "较上年同期": "与上年同期持平",
    "比去年同期": "与上年同期持平",
    "较去年同期": "与上年同期持平",
    "比上年": "与上年持平",
    "较上年": "与上年持平",
    "比去年": "与上年持平",
    "较去年": "与上年持平",
    "环比": "与上月持平",
    "比上月": "与上月持平",
    "较上月": "与上月持平",
    "": "持平",
}
#: The verb a fall (or, for a 范文 that says 下降, a rise) is written with.
OPPOSITES: dict[str, str] = {
    "增长": "下降",
    "增加": "减少",
    "上升": "下降",
    "提高": "降低",
    "增速": "下降",
    "增幅": "下降",
    "下降": "增长",
    "减少": "增加",
    "降低": "提高",
}
#: Verbs that say the number went down: a 范文's "同比下降X%" is a field whose positive value is
#: a fall.
FALLING = frozenset({"下降", "减少", "降低"})
#: What may follow the value in such a phrase.
UNITS = ("%", "％", "个百分点")

_REFERENCES = "|".join(sorted((r for r in ZERO_PHRASES if r), key=len, reverse=True))
_VERBS = "|".join(sorted(OPPOSITES, key=len, reverse=True))
_MEASURE = re.compile(r"([^，。；：、,.;:!?！？（）()\s{}]{1,4})(?=[，。；：、,.;:!?！？）)]|$)")
_BEFORE = re.compile(rf"(?P<reference>{_REFERENCES})?(?P<verb>{_VERBS})(?P<le>了)?(?P<be>为)?$")


class Phrases(NamedTuple):
    """A change phrase found around a value: how much wording before (`before`) and after
    (`after`) it takes, and its phrases (with ``{}`` for the value)."""

    before: int
    after: int
    positive: str
    negative: str
    zero: str
    #: The 范文's own wording says the number went down (下降X%): a positive value is a fall.
    falling: bool = False


def phrase_around(before: str, after: str) -> Phrases | None:
    """The change phrase made of the wording right `before` a value and right `after` it
    (同比增长 | X | %), or None when they do not make one."""
    match = _BEFORE.search(before)
    unit = next((u for u in UNITS if after.startswith(u)), None)
    if match is None or unit is None:
        return None
    reference = match["reference"] or ""
    verb = match["verb"]
    head = match.group(0)
    positive = head + VALUE_SLOT + unit
    opposite = OPPOSITES[verb]
    if verb in ("增速", "增幅"):  # 增速X% falls as 下降X%
        negative = reference + opposite + VALUE_SLOT + unit
    else:
        negative = reference + opposite + (match["le"] or "") + (match["be"] or "") + VALUE_SLOT
        negative += unit
    zero = ZERO_PHRASES[reference]
    return Phrases(len(head), len(unit), positive, negative, zero, verb in FALLING)


# ------------------------------------------------------------------------- the field editor


class BodyPhrases(NamedTuple):
    """The phrases a field's value is read with in a body: rise, fall, no change."""

    positive: str
    negative: str
    zero: str


def body_phrases(body: str, key: str) -> BodyPhrases | None:
    """The phrases of field `key`: those of its first ``change()`` place, or those a ``sign()``
    word followed by the value makes (with the comparison before it and the unit after it; no
    change then reads as a rise of 0, as such a template does); None when the field has
    neither."""
    for place in field_places(body, key):
        if place.phrases is not None:
            return BodyPhrases(*place.phrases)
    pairs = _sign_pairs(body, key)
    return pairs[0][2] if pairs else None


def with_phrases(body: str, key: str, phrases: BodyPhrases) -> str:
    """The body with every change place of field `key` using `phrases`, and every ``sign()``
    word followed by its value made one change place with them."""
    pieces = []
    position = 0
    spans: list[tuple[int, int, BodyPlace | None]] = [
        (place.tag.start, place.tag.end, place)
        for place in field_places(body, key)
        if place.phrases is not None
    ]
    spans += [(start, end, None) for start, end, _found in _sign_pairs(body, key)]
    for start, end, place in sorted(spans, key=lambda span: span[0]):
        pieces.append(body[position:start])
        trim = place.tag.trim if place is not None else ("", "")
        placeholder = (
            place.placeholder if place is not None else _sign_pair_placeholder(body[start:end], key)
        )
        pieces.append(change_tag(key, phrases, placeholder, trim))
        position = end
    pieces.append(body[position:])
    return "".join(pieces)


def _sign_pairs(body: str, key: str) -> list[tuple[int, int, BodyPhrases]]:
    """Each ``sign("key", …)`` tag followed at once by ``field("key", magnitude=true)``: the
    span of body text it stands in (with the comparison before and the unit after) and the
    phrases it reads as."""
    found = []
    tags = scan_tags(body)
    for first, second in pairwise(tags):
        sign, value = call_of(first), call_of(second)
        if not (
            isinstance(sign, SignRef)
            and isinstance(value, FieldCall)
            and sign.key == value.key == key
            and value.magnitude
            and first.end == second.start
            and not any(first.trim) + any(second.trim)
        ):
            continue
        line_start = body.rfind("\n", 0, first.start) + 1
        before = body[line_start : first.start]
        reference = re.search(rf"(?:{_REFERENCES})$", before)
        head = reference.group(0) if reference else ""
        line_end = body.find("\n", second.end)
        after = body[second.end : line_end if line_end >= 0 else len(body)]
        unit = next((u for u in UNITS if after.startswith(u)), None)
        if unit is None:  # a measure word up to the end of the clause (个；)
            measure = _MEASURE.match(after)
            unit = measure.group(1) if measure else ""
        rise = head + sign.positive + VALUE_SLOT + unit
        fall = head + sign.negative + VALUE_SLOT + unit
        found.append(
            (first.start - len(head), second.end + len(unit), BodyPhrases(rise, fall, rise))
        )
    return found


def _sign_pair_placeholder(text: str, key: str) -> str | None:
    """The placeholder the value of a sign pair (within `text`) shows, None: the field's."""
    for place in field_places(text, key):
        return place.placeholder
    return None
