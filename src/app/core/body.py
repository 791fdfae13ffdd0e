"""The template body's syntax, in one place: the one parser every reader of a body uses.

A body is Jinja2 text, one paragraph per line (see `app.core.render` for the directives). A
paragraph before values are put in is a `ParagraphSpec`: wording and the places the values
decide:

* `FieldRef` — a ``field("key")`` call: the field's value (its placeholder while empty);
* `SignRef` — a ``sign("key", "增长", "下降")`` call, or the same choice written
  ``{% if negative("key") %}下降{% else %}增长{% endif %}``: a word picked by the sign of the value;
* `ChangeRef` — ``change("key", "同比增长{}%", "同比下降{}%", "与上年持平")``: a phrase picked
  by the value (above, below or at zero), the value without its sign at ``{}``.

All stay bound to their field wherever the paragraph goes (a reworded paragraph keeps them), and
both are resolved when the document is built from the values (`app.core.render.build_paragraph`).

A table is a block of rows, ``@table`` / ``@header a | b`` or ``@row a | b`` / ``@endtable``: each
row is a `ParagraphSpec` of role `Role.ROW` whose `row` (`RowShape`) says where its cells end;
`split_output` cuts a rendered row into cells with `app.core.table.split_cells` (the cell syntax,
its escapes and merge marks are that module's).

Who reads what here:

* `app.core.render`: the line plan (`plan`, `parse_line`: each line's wording and calls, or Jinja
  logic of its own, or None when Jinja spans lines), `place_marker` and `split_output` (a rendered
  line back into paragraphs of wording and places; the marker characters are private to this
  module);
* `app.core.template_edit` (the field editor): `field_places`, `reads`, `rename`;
* `app.core.importer`: `has_reserved`;
* `app.core.change_phrases`, `app.core.template_edit`: `change_problem`;
* `app.core.body_write`: what writes a body (tags, escaped wording, a paragraph's line) for the
  importer and the field editor;
* `app.core.wording`, `app.core.report`, `app.core.structure_cache`: the paragraph types.

Tags are found by `scan_tags` (positions exact, for rewriting) and read by Jinja's own parser and
lexer; one regex reads the common double-quoted `field()`/`sign()`/`change()` tags first, so a plain body
imports no Jinja (tests/core/test_body.py checks that both read the same).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from app.core.document import Role, RowShape
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.table import TABLE_DIRECTIVES, cell_shapes, split_cells, table_state

if TYPE_CHECKING:  # Jinja is imported when a tag needs its parser: plain bodies never do
    import jinja2
    import jinja2.nodes


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


#: Where a `change()` phrase puts the value (without its sign).
VALUE_SLOT = "{}"


class ChangeRef(NamedTuple):
    """A `change()` call in the body: a phrase picked by the field's number, the value without
    its sign at ``{}``: `positive` (同比增长{}%), `negative` (同比下降{}%) or `zero` (与上年持平);
    `blank` stands for the value while the field is empty."""

    key: str
    positive: str
    negative: str
    zero: str
    blank: str

    @property
    def placeholder(self) -> str:
        """What this place shows while its field is empty: `positive` with the placeholder."""
        return self.positive.replace(VALUE_SLOT, self.blank, 1)

    def phrase(self, number: Decimal | None) -> str:
        """The phrase for a valid number (None: empty or not a number: `positive`)."""
        if number is None or number > 0:
            return self.positive
        return self.zero if number == 0 else self.negative


Piece = str | FieldRef | SignRef | ChangeRef
Place = FieldRef | SignRef | ChangeRef


def change_problem(positive: object, negative: object, zero: object) -> str | None:
    """What is wrong with the phrases of a `change()` call (in the writer's language), or None:
    each is text, at most one ``{}`` each, and no other braces."""
    if positive is None or negative is None or zero is None:
        return _("it needs three phrases: for a rise, for a fall and for no change")
    for phrase in (positive, negative, zero):
        if not isinstance(phrase, str):
            return _("each phrase must be text in quotes")
        if phrase.count(VALUE_SLOT) > 1:
            return _("“{phrase}” has “{{}}” more than once", phrase=phrase)
        if set("{}") & set(phrase.replace(VALUE_SLOT, "")):
            return _("“{phrase}” has a brace other than “{{}}”", phrase=phrase)
        if has_reserved(phrase) or "\n" in phrase or "\r" in phrase:
            return _("“{phrase}” is not one line of wording", phrase=phrase)
    return None


class ParagraphSpec(NamedTuple):
    """A paragraph before values are put in: wording and the places values decide."""

    id: str
    role: Role
    section: str
    pieces: tuple[Piece, ...]
    #: Where a table row's cells end (`Role.ROW`), None for any other paragraph.
    row: RowShape | None = None


class Structure(NamedTuple):
    """The rendered body, and the fields its Jinja logic reads (`logic_keys`: a change of one
    re-renders lines; a sign word is a place, not logic).

    `line_of` gives, for each paragraph, the body line it came from; `logic_lines` the body lines
    whose wording reads each logic field. When the body is rendered line by line (`by_line`), a
    change to a logic field re-renders only those lines.
    """

    paragraphs: tuple[ParagraphSpec, ...]
    logic_keys: frozenset[str]
    line_of: tuple[int, ...] = ()
    logic_lines: Mapping[str, frozenset[int]] = MappingProxyType({})
    by_line: bool = False


# ------------------------------------------------------------------------- markers

# The patterns of this module are strings, compiled on first use by `re` (which keeps them): a
# start-up from the kept structure parses no body and compiles none (docs/performance.md).
# Rendering puts a marker where a place is (`place_marker`) and `split_output` reads it back, so
# the writer's values never pass through Jinja. Nothing outside this module needs the characters.
_MARK_OPEN = "\ue000"
_MARK_CLOSE = "\ue001"
_MARKER = f"{_MARK_OPEN}(\\d+){_MARK_CLOSE}"
LAYOUT_SPACE = " \t\u3000\r"
# Only layout spaces separate a directive from its text: wording may itself begin with another
# space (a no-break space kept from the source), which must stay.
#: The directives that set a paragraph's role ("@section ID" also starts a section).
ROLE_DIRECTIVES: Mapping[str, Role] = MappingProxyType(
    {
        "title": Role.TITLE,
        "subtitle": Role.SUBTITLE,
        "addressee": Role.ADDRESSEE,
        "section": Role.HEADING,
        "subheading": Role.SUBHEADING,
        "heading3": Role.HEADING3,
        "heading4": Role.HEADING4,
        "attachment": Role.ATTACHMENT,
        "signature": Role.SIGNATURE,
        "date": Role.DATE,
        "body": Role.BODY,
    }
)
_DIRECTIVE = f"^@({'|'.join([*ROLE_DIRECTIVES, *sorted(TABLE_DIRECTIVES)])})(?:[ \t\u3000]+|$)"


def has_reserved(text: str) -> bool:
    """Whether `text` holds a character Fanwen reserves for its own use in a body."""
    return _MARK_OPEN in text or _MARK_CLOSE in text


def place_marker(index: int) -> str:
    """What a body's output holds where its `index`-th place is (read by `split_output`)."""
    return f"{_MARK_OPEN}{index}{_MARK_CLOSE}"


def split_output(
    lines: Sequence[str],
    places: Sequence[Place],
    body_name: str,
    section: str = "",
    in_table: bool = False,
) -> tuple[tuple[ParagraphSpec, ...], tuple[int, ...]]:
    """A body's output lines as paragraphs (directives read, markers made `places` again), and
    the index of the line each paragraph came from. `in_table`: the lines are rows of a table
    already open (one row rendered again)."""
    paragraphs: list[ParagraphSpec] = []
    line_of: list[int] = []
    counters: dict[str, int] = {}
    one_row = in_table
    table_opened = False  # the next row starts a table
    for line_index, raw_line in enumerate(lines):
        line = raw_line.strip(LAYOUT_SPACE)
        if not line:
            continue
        role = Role.BODY
        row: RowShape | None = None
        directive = re.match(_DIRECTIVE, line)
        kind = directive.group(1) if directive else ""
        if kind in TABLE_DIRECTIVES or in_table:
            in_table, table_opened = table_state(kind, in_table, table_opened, body_name)
            if kind not in ("header", "row"):
                continue
        if directive:
            rest = line[directive.end() :]
            role = ROLE_DIRECTIVES.get(kind, Role.BODY)
            if kind == "section":
                section_id, _sep, rest = rest.partition(" ")
                if not section_id:
                    raise TemplateError(_("{file}: “@section” needs a section id.", file=body_name))
                section = section_id
            line = rest.strip(LAYOUT_SPACE)  # "@body": a paragraph beginning with "@title" …
        if kind in ("header", "row"):
            role = Role.ROW
            pieces: list[Piece] = []
            sizes, merges = [], []
            for texts, merge in split_cells(line, LAYOUT_SPACE):
                cell = [p for text in texts for p in _pieces(text, places, body_name)]
                pieces.extend(cell)
                sizes.append(len(cell))
                merges.append(merge)
            row = RowShape(cell_shapes(sizes, merges), kind == "header", table_opened)
            table_opened = False
        else:
            pieces = _pieces(line, places, body_name)
        number = counters.get(section, 0)
        counters[section] = number + 1
        paragraphs.append(
            ParagraphSpec(f"{section or 'preamble'}.{number}", role, section, tuple(pieces), row)
        )
        line_of.append(line_index)
    if in_table and not one_row:
        raise TemplateError(_("{file}: “@table” without “@endtable”.", file=body_name))
    return tuple(paragraphs), tuple(line_of)


def _pieces(line: str, places: Sequence[Place], body_name: str) -> list[Piece]:
    """Wording with place markers as pieces (the markers made `places` again)."""
    pieces: list[Piece] = []
    position = 0
    for match in re.finditer(_MARKER, line):
        if match.start() > position:
            pieces.append(line[position : match.start()])
        index = int(match.group(1))
        if index >= len(places):
            raise TemplateError(_("{file}: the body contains reserved characters.", file=body_name))
        pieces.append(places[index])
        position = match.end()
    if position < len(line):
        pieces.append(line[position:])
    if any(isinstance(p, str) and has_reserved(p) for p in pieces):
        raise TemplateError(_("{file}: the body contains reserved characters.", file=body_name))
    return pieces


# ------------------------------------------------------------------------- tags and calls


class BodyTag(NamedTuple):
    """A ``{{ … }}``, ``{% … %}`` or ``{# … #}`` in a body: where it is and what it holds."""

    start: int
    end: int
    opener: str  # "{{", "{%" or "{#"
    inner: str
    closed: bool = True

    @property
    def trim(self) -> tuple[str, str]:
        """The whitespace control at each end ("-", "+" or "")."""
        inner = self.inner.strip()
        left = inner[0] if inner[:1] in ("-", "+") else ""
        right = inner[-1] if inner[-1:] in ("-", "+") and len(inner) > 1 else ""
        return left, right

    @property
    def expression(self) -> str:
        """What the tag holds, without its whitespace control."""
        left, right = self.trim
        return self.inner.strip().removeprefix(left).removesuffix(right).strip()


_OPENER = r"\{[{%#]"
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
# The rest of a tag whose strings hold no backslash, up to its closer: what `_tag_end` finds, in
# one step (the 100x template's 4,400 tags: 20 ms less to plan).
_PLAIN_TAG = {
    opener: (
        rf"""(?:[^"'\\{re.escape(closer[0])}]|{re.escape(closer[0])}(?!{re.escape(closer[1])})"""
        rf"""|"[^"\\]*"|'[^'\\]*')*{re.escape(closer)}"""
    )
    for opener, closer in (("{{", "}}"), ("{%", "%}"))
}
_RAW_START = r"^[-+]?\s*raw\s*[-+]?$"
_RAW_END = r"\{%[-+]?\s*endraw\s*[-+]?%\}"


def scan_tags(text: str) -> list[BodyTag]:
    """Every tag of a body (or of one line), in order: strings inside tags may hold ``}}``; raw
    blocks are text; a tag left open runs to the end (`closed` False)."""
    tags: list[BodyTag] = []
    position = 0
    while True:
        match = re.compile(_OPENER).search(text, position)
        if match is None:
            return tags
        opener = match.group(0)
        closer = _CLOSER[opener]
        if opener == "{#":
            end = text.find(closer, match.end())
            end = -1 if end < 0 else end + 2
        else:
            plain = re.compile(_PLAIN_TAG[opener]).match(text, match.end())
            end = plain.end() if plain else _tag_end(text, match.end(), closer)
        closed = end >= 0
        end = end if closed else len(text)
        inner = text[match.end() : end - 2] if closed else text[match.end() :]
        tags.append(BodyTag(match.start(), end, opener, inner, closed))
        position = end
        if opener == "{%" and re.match(_RAW_START, inner.strip()):
            raw_end = re.compile(_RAW_END).search(text, end)
            position = len(text) if raw_end is None else raw_end.start()


def _tag_end(text: str, index: int, closer: str) -> int:
    quote = ""
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif text.startswith(closer, index):
            return index + 2
        index += 1
    return -1


class FieldCall(NamedTuple):
    """A ``field()`` call with constant arguments (`placeholder` None: the field's own)."""

    key: str
    placeholder: str | None = None
    magnitude: bool = False


class ChangeCall(NamedTuple):
    """A ``change()`` call with constant arguments (`placeholder` None: the field's own)."""

    key: str
    positive: str
    negative: str
    zero: str
    placeholder: str | None = None

    @property
    def phrases(self) -> tuple[str, str, str]:
        """The phrases for a rise, a fall and no change."""
        return self.positive, self.negative, self.zero


def _change_call(
    key: str, positive: object, negative: object, zero: object, placeholder: object = None
) -> ChangeCall | None:
    """A `ChangeCall`, or None when its arguments are not usable (the line is then compiled by
    Jinja, and `app.core.render` says what is wrong)."""
    if change_problem(positive, negative, zero) or not isinstance(placeholder, str | None):
        return None
    assert isinstance(positive, str) and isinstance(negative, str) and isinstance(zero, str)
    return ChangeCall(key, positive, negative, zero, placeholder)


Call = FieldCall | SignRef | ChangeCall

#: What a body may call (`app.core.render` provides them; `app.core.sandbox` allows them).
FUNCTIONS = frozenset({"field", "value", "negative", "filled", "sign", "change"})
_PARAMETERS = {
    "field": ("key", "placeholder", "magnitude"),
    "sign": ("key", "positive", "negative"),
    "change": ("key", "positive", "negative", "zero", "placeholder"),
}

# The common tags, read without Jinja: a `field()` call, a `sign()` call or a `change()` call,
# each with double-quoted arguments. `_parsed_call` (Jinja's parser) reads every other tag and gives the
# same for these (tests/core/test_body.py checks that).
_SIMPLE = (
    r"\{\{\s*(?:"
    r"field\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*"
    r"(?:,\s*placeholder\s*=\s*\"([^\"\\{}]*)\"\s*)?"
    r"(?:,\s*magnitude\s*=\s*(true|false)\s*)?\)"
    r"|sign\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*,\s*\"([^\"\\{}]*)\"\s*,"
    r"\s*\"([^\"\\{}]*)\"\s*\)"
    r"|change\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*"
    r",\s*\"((?:[^\"\\{}]|\{\})*)\"\s*,\s*\"((?:[^\"\\{}]|\{\})*)\"\s*"
    r",\s*\"((?:[^\"\\{}]|\{\})*)\"\s*"
    r"(?:,\s*placeholder\s*=\s*\"([^\"\\{}]*)\"\s*)?\)"
    r")\s*\}\}"
)


def _simple_call(match: re.Match[str]) -> Call | None:
    """The call a `_SIMPLE` match reads (None: a `change()` whose phrases are not usable)."""
    if match[1] is not None:
        return FieldCall(match[1], match[2], match[3] == "true")
    if match[4] is not None:
        return SignRef(match[4], match[5], match[6])
    return _change_call(match[7], match[8], match[9], match[10], match[11])


def call_of(tag: BodyTag) -> Call | str | None:
    """What an output tag ``{{ … }}`` holds when it is one `field()`, `sign()` or `change()`
    call with constant arguments (a `FieldCall`, `SignRef` or `ChangeCall`), or a constant string
    (that text); None for anything else. Whitespace control is allowed (see `BodyTag.trim`)."""
    if tag.opener != "{{" or not tag.closed:
        return None
    if not tag.trim[0]:
        match = re.fullmatch(_SIMPLE, "{{" + tag.inner + "}}")
        if match is not None:
            return _simple_call(match)
    return _parsed_call(tag.expression)


@lru_cache(maxsize=4096)
def _parsed_call(expression: str) -> Call | str | None:
    """`call_of` read by Jinja's own parser."""
    import jinja2
    from jinja2 import nodes

    try:
        tree = _parser().parse("{{ " + expression + " }}")
    except jinja2.TemplateSyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], nodes.Output):
        return None
    outputs = tree.body[0].nodes
    if len(outputs) != 1:
        return None
    node = outputs[0]
    if isinstance(node, nodes.Const) and isinstance(node.value, str):
        return node.value
    return _call(node) if isinstance(node, nodes.Node) else None


def _call(node: jinja2.nodes.Node) -> Call | None:
    """A `field()`, `sign()` or `change()` call node with constant arguments, as a call."""
    from jinja2 import nodes

    if not isinstance(node, nodes.Call) or not isinstance(node.node, nodes.Name):
        return None
    parameters = _PARAMETERS.get(node.node.name)
    if parameters is None or node.dyn_args is not None or node.dyn_kwargs is not None:
        return None
    if len(node.args) > len(parameters):
        return None
    bound: dict[str, object] = {}
    for name, value in zip(parameters, node.args, strict=False):
        bound[name] = value
    for keyword in node.kwargs:
        if keyword.key not in parameters or keyword.key in bound:
            return None
        bound[keyword.key] = keyword.value
    if not all(isinstance(value, nodes.Const) for value in bound.values()):
        return None
    values = {name: value.value for name, value in bound.items() if isinstance(value, nodes.Const)}
    key = values.get("key")
    if not isinstance(key, str):
        return None
    if node.node.name == "field":
        placeholder = values.get("placeholder")
        return FieldCall(
            key,
            placeholder if isinstance(placeholder, str) else None,
            bool(values.get("magnitude", False)),
        )
    if node.node.name == "change":
        rise, fall, zero = (values.get(name) for name in ("positive", "negative", "zero"))
        return _change_call(key, rise, fall, zero, values.get("placeholder"))
    if "positive" not in values or "negative" not in values:
        return None
    return SignRef(key, str(values["positive"]), str(values["negative"]))


def _sign_block(source: str, tags: Sequence[BodyTag], index: int) -> SignRef | None:
    """``{% if negative("k") %}下降{% else %}增长{% endif %}`` starting at `tags[index]`: the
    same as ``sign("k", "增长", "下降")``."""
    if index + 2 >= len(tags):
        return None
    first, middle, last = tags[index : index + 3]
    if (
        any(t.opener != "{%" or not t.closed or any(t.trim) for t in (first, middle, last))
        or not first.expression.startswith("if")
        or middle.expression != "else"
        or last.expression != "endif"
    ):
        return None
    return _parsed_sign_block(source[first.start : last.end])


@lru_cache(maxsize=1024)
def _parsed_sign_block(text: str) -> SignRef | None:
    import jinja2
    from jinja2 import nodes

    try:
        tree = _parser().parse(text)
    except jinja2.TemplateSyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], nodes.If):
        return None
    block = tree.body[0]
    if block.elif_:
        return None
    words = [_text_of(block.body), _text_of(block.else_)]
    test = block.test
    flipped = isinstance(test, nodes.Not)
    call = test.node if isinstance(test, nodes.Not) else test
    if None in words or not (isinstance(call, nodes.Call) and isinstance(call.node, nodes.Name)):
        return None
    if call.node.name != "negative" or call.kwargs or call.dyn_args or call.dyn_kwargs:
        return None
    if len(call.args) != 1 or not isinstance(call.args[0], nodes.Const):
        return None
    key = call.args[0].value
    if not isinstance(key, str):
        return None
    below, other = (words[1], words[0]) if flipped else (words[0], words[1])
    assert below is not None and other is not None
    return SignRef(key, other, below)


def _text_of(body: list[jinja2.nodes.Node]) -> str | None:
    """The text a block's body outputs when it is only wording; None otherwise."""
    from jinja2 import nodes

    if not body:
        return ""
    if len(body) != 1 or not isinstance(body[0], nodes.Output):
        return None
    parts = body[0].nodes
    if len(parts) != 1 or not isinstance(parts[0], nodes.TemplateData):
        return None
    text = parts[0].data
    return text if isinstance(text, str) and not has_reserved(text) else None


@lru_cache(maxsize=1)
def _parser() -> jinja2.Environment:
    """An environment to parse with (never to render): Jinja's syntax, as the body's."""
    import jinja2

    return jinja2.Environment(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


# ------------------------------------------------------------------------- the line plan


class Line(NamedTuple):
    """One body line: its wording and places read here (`pieces`), or Jinja logic of its own
    (`pieces` None: compiled alone)."""

    number: int
    source: str
    pieces: tuple[str | Call, ...] | None


_LINE_SAFE_TAGS = {"if", "elif", "else", "endif", "for", "endfor"}
_OPENERS = {"if": "endif", "for": "endfor"}


@lru_cache(maxsize=64)
def plan(body: str) -> tuple[Line, ...] | None:
    """The body as independent lines, or None when Jinja constructs span lines (the body is then
    rendered as a whole)."""
    lines: list[Line] = []
    for number, source in line_sources(body):
        line = parse_line(number, source)
        if line is None:
            return None
        lines.append(line)
    return tuple(lines)


@lru_cache(maxsize=64)
def line_sources(body: str) -> tuple[tuple[int, str], ...]:
    """The body's lines that render to something (a comment line renders to nothing), with
    their line numbers: what `plan` reads, one entry per planned line."""
    sources = []
    for number, source in enumerate(body.split("\n"), start=1):
        stripped = source.strip()
        if stripped.startswith("{#") and stripped.endswith("#}") and "#}" not in stripped[2:-2]:
            continue
        sources.append((number, source))
    return tuple(sources)


def parse_line(number: int, source: str) -> Line | None:
    """One line of the plan; None when its Jinja may reach other lines."""
    quick = _quick_line(number, source)
    if quick is not None:
        return quick
    tags = scan_tags(source)
    pieces: list[str | Call] = []
    position = 0
    index = 0
    while index < len(tags):
        tag = tags[index]
        found: Call | str | None = None
        if not any(tag.trim):
            found = call_of(tag) if tag.opener == "{{" else _sign_block(source, tags, index)
        if found is None:
            return _logic_line(number, source, tags)
        if tag.start > position:
            pieces.append(source[position : tag.start])
        pieces.append(found)
        if tag.opener == "{%":
            index += 2  # the block's else and endif
        position = tags[index].end
        index += 1
    if position < len(source):
        pieces.append(source[position:])
    return Line(number, source, tuple(pieces))


def _quick_line(number: int, source: str) -> Line | None:
    """`parse_line` for the common line, whose every tag `_SIMPLE` reads (most lines of every
    body: 2,000 lines of the 100x template planned in 12 ms less); None for any other line."""
    if "{%" in source or "{#" in source:
        return None
    pieces: list[str | Call] = []
    position = 0
    for match in re.finditer(_SIMPLE, source):
        if (
            "{{" in source[position : match.start()]
            or source[match.start() - 1 : match.start()] == "{"
        ):
            return None  # another tag, or a brace that Jinja reads as this tag's start
        call = _simple_call(match)
        if call is None:
            return None
        if match.start() > position:
            pieces.append(source[position : match.start()])
        pieces.append(call)
        position = match.end()
    if "{{" in source[position:]:
        return None
    if position < len(source):
        pieces.append(source[position:])
    return Line(number, source, tuple(pieces))


def _logic_line(number: int, source: str, tags: Sequence[BodyTag]) -> Line | None:
    """A line with Jinja logic of its own, or None when that logic may reach other lines."""
    depth: list[str] = []
    for tag in tags:
        if not tag.closed or tag.opener == "{#" or any(tag.trim):
            return None  # open, a comment, or whitespace control that may join lines
        if tag.opener != "{%":
            continue
        name = tag.expression.split(None, 1)[0] if tag.expression else ""
        if name not in _LINE_SAFE_TAGS:
            return None  # set, macro, include, ...: may reach other lines
        if name in _OPENERS:
            depth.append(_OPENERS[name])
        elif name.startswith("end") and (not depth or depth.pop() != name):
            return None
    if depth:
        return None
    return Line(number, source, None)


# ------------------------------------------------------------------------- the field editor


class BodyPlace(NamedTuple):
    """One ``{{ field("key") }}`` or ``{{ change("key", …) }}`` (its `phrases`) in a body: a
    place the field fills, and where its tag is."""

    tag: BodyTag
    key: str
    placeholder: str | None
    magnitude: bool
    phrases: tuple[str, str, str] | None = None

    @property
    def start(self) -> int:
        """Where the tag starts in the body."""
        return self.tag.start


def field_places(body: str, key: str | None = None) -> list[BodyPlace]:
    """The `field()` and `change()` places of a body (of field `key`), in body order."""
    found = []
    for tag in scan_tags(body):
        if tag.opener != "{{" or (key is not None and key not in tag.inner):
            continue
        call = call_of(tag)
        if key is not None and not (isinstance(call, FieldCall | ChangeCall) and call.key == key):
            continue
        if isinstance(call, FieldCall):
            found.append(BodyPlace(tag, call.key, call.placeholder, call.magnitude))
        elif isinstance(call, ChangeCall):
            found.append(BodyPlace(tag, call.key, call.placeholder, True, call.phrases))
    return found


def reads(body: str, key: str) -> bool:
    """Whether any call in the body (a place, a sign word or a condition) names field `key`."""
    return any(_key_strings(body, tag, key) for tag in scan_tags(body))


def rename(body: str, old: str, new: str) -> str:
    """The body with every call that names field `old` naming `new` instead (places, sign words
    and conditions: ``negative("old")``); comments and wording are left alone."""
    pieces = []
    position = 0
    for tag in scan_tags(body):
        for start, end in _key_strings(body, tag, old):
            quote = body[start]
            pieces.append(body[position:start])
            pieces.append(f"{quote}{new}{quote}")
            position = end
    pieces.append(body[position:])
    return "".join(pieces)


def _key_strings(body: str, tag: BodyTag, key: str) -> list[tuple[int, int]]:
    """Where, in `body`, the tag's calls of the body's functions give `key` as their first
    argument: read with Jinja's own lexer."""
    import jinja2

    if tag.opener == "{#" or not tag.closed or key not in tag.inner:
        return []
    text = body[tag.start : tag.end]
    try:
        tokens = [(kind, value) for _line, kind, value in _parser().lexer.tokeniter(text, None)]
    except jinja2.TemplateSyntaxError:
        return []
    if sum(len(value) for _kind, value in tokens) != len(text):
        return []  # not the text itself: positions unknown, nothing to change
    found = []
    offset = tag.start
    significant: list[tuple[str, str]] = []
    for kind, value in tokens:
        if (
            kind == "string"
            and value[1:-1] == key
            and len(significant) >= 2
            and significant[-2][0] == "name"
            and significant[-2][1] in FUNCTIONS
            and significant[-1] == ("operator", "(")
        ):
            found.append((offset, offset + len(value)))
        if kind != "whitespace":
            significant.append((kind, value))
        offset += len(value)
    return found
