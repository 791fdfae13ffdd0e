"""The importer's reading of changes: "同比增长X%" in a 范文 becomes a signed value in words.

A 范文 writes a change as it happened that year (同比增长X.X%, 比上年下降X个百分点, 环比增长X%,
增速X%); the writer's year may be a fall or no change. `propose_change_phrases` turns each
field whose every place is such a phrase into a signed number (a percentage, or a decimal for 个百分点,
that may be negative) read by a ``change()`` place: -2.5 reads 同比下降2.5%, 0 reads
与上年同期持平 (`app.core.change_phrases.ZERO_PHRASES`). With the field empty the place reads as
the 范文 did, character for character. A 范文 that says 下降X% keeps its word for a positive
value (the field is the fall), and a negative value reads as a rise.
"""

from __future__ import annotations

from decimal import Decimal

from app.core.body import BodyPlace
from app.core.body_write import change_tag
from app.core.change_phrases import Phrases, phrase_around
from app.core.i18n import _
from app.core.kinds import FieldKind
from app.core.template_edit import TemplateEditor

#: The bounds of a signed change: a percentage cannot fall by more than 100 (a field that is
#: the fall: cannot be more than 100), a rise has no bound to speak of.
_FALL_LIMIT = Decimal(100)
_RISE_LIMIT = Decimal(1_000_000)


#: How much wording before a value a change phrase can take (比去年同期 + 增长了为: 9).
_WINDOW = 24


def propose_change_phrases(editor: TemplateEditor) -> list[str]:
    """Make each field of the proposal whose places all read as a change phrase a signed value
    with a ``change()`` place; returns the keys of the fields changed.

    The body is read once and written once (a 范文 of thousands of places stays linear)."""
    body = editor.body
    by_key: dict[str, list[BodyPlace]] = {}
    for place in editor.places():
        by_key.setdefault(place.key, []).append(place)
    replacements: list[tuple[int, int, str]] = []
    taken: set[int] = set()  # the body offsets a replacement covers
    changed = []
    for field in editor.fields:
        places = by_key.get(field.key, [])
        if not places or not field.kind.is_number or "formula" in field.settings:
            continue
        found: list[Phrases] = []
        for place in places:
            line_start = max(body.rfind("\n", place.tag.start - _WINDOW, place.tag.start) + 1, 0)
            start = max(line_start, place.tag.start - _WINDOW)
            line_end = body.find("\n", place.tag.end, place.tag.end + _WINDOW)
            after = body[place.tag.end : line_end if line_end >= 0 else place.tag.end + _WINDOW]
            phrases = phrase_around(body[start : place.tag.start], after)
            if place.phrases is not None or phrases is None:
                break
            found.append(phrases)
        if len(found) != len(places):
            continue
        spans = [
            (place.tag.start - phrases.before, place.tag.end + phrases.after)
            for place, phrases in zip(places, found, strict=True)
        ]
        if any(offset in taken for begin, end in spans for offset in (begin, end - 1)):
            continue  # two phrases sharing words: left as the 范文 wrote it
        for (begin, end), place, phrases in zip(spans, places, found, strict=True):
            words = (phrases.positive, phrases.negative, phrases.zero)
            tag = change_tag(field.key, words, place.placeholder, place.tag.trim)
            replacements.append((begin, end, tag))
            taken.update(range(begin, end))
        first = found[0]
        points = first.positive.endswith("个百分点")
        field.kind = FieldKind.DECIMAL if points else FieldKind.PERCENT
        if first.falling:
            field.minimum, field.maximum = -_RISE_LIMIT, _FALL_LIMIT
            hint = _(
                "Type a fall as a positive number and a rise as a negative one (such as -2.5: "
                "the text then reads “{rise}”); 0 reads “{zero}”.",
                rise=first.negative.replace("{}", "2.5"),
                zero=first.zero,
            )
        else:
            field.minimum = -_FALL_LIMIT
            field.maximum = _FALL_LIMIT if points else None
            hint = _(
                "Type a rise as a positive number and a fall as a negative one (such as -2.5: "
                "the text then reads “{fall}”); 0 reads “{zero}”.",
                fall=first.negative.replace("{}", "2.5"),
                zero=first.zero,
            )
        field.hint = f"{field.hint} {hint}".strip()
        changed.append(field.key)
    if replacements:
        pieces, last = [], 0
        for begin, end, tag in sorted(replacements):
            pieces += [body[last:begin], tag]
            last = end
        editor.body = "".join([*pieces, body[last:]])
    if changed:
        first_line, newline, rest = editor.body.partition("\n")
        if first_line.startswith("{#") and first_line.endswith("。 -#}"):
            editor.body = first_line.removesuffix("。 -#}") + SYNTAX_NOTE + newline + rest
    return changed


#: What the body's first comment line (the syntax it uses) says about change().
SYNTAX_NOTE = (
    '；change("键名", "同比增长{}%", "同比下降{}%", "与上年同期持平") 按数值为正、负、零'
    "选用一句，{} 处写数值（不带正负号）。 -#}"
)
