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

from app.core.body import change_tag
from app.core.change_phrases import Phrases, phrase_around
from app.core.i18n import _
from app.core.kinds import FieldKind
from app.core.template_edit import TemplateEditor

#: The bounds of a signed change: a percentage cannot fall by more than 100 (a field that is
#: the fall: cannot be more than 100), a rise has no bound to speak of.
_FALL_LIMIT = Decimal(100)
_RISE_LIMIT = Decimal(1_000_000)


def propose_change_phrases(editor: TemplateEditor) -> list[str]:
    """Make each field of the proposal whose places all read as a change phrase a signed value
    with a ``change()`` place; returns the keys of the fields changed."""
    changed = []
    for field in list(editor.fields):
        if not field.kind.is_number or "formula" in field.settings:
            continue
        places = editor.places(field.key)
        found: list[Phrases] = []
        for place in places:
            line_start = editor.body.rfind("\n", 0, place.tag.start) + 1
            line_end = editor.body.find("\n", place.tag.end)
            before = editor.body[line_start : place.tag.start]
            after = editor.body[place.tag.end : line_end if line_end >= 0 else len(editor.body)]
            phrases = phrase_around(before, after) if place.phrases is None else None
            if phrases is None:
                break
            found.append(phrases)
        if not places or len(found) != len(places):
            continue
        body = editor.body
        for place, phrases in reversed(list(zip(places, found, strict=True))):
            words = (phrases.positive, phrases.negative, phrases.zero)
            tag = change_tag(field.key, words, place.placeholder, place.tag.trim)
            start, end = place.tag.start - phrases.before, place.tag.end + phrases.after
            body = body[:start] + tag + body[end:]
        editor.body = body
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
