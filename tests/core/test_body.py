"""The body's one parser (`app.core.body`): its cheap path reads what Jinja's parser reads, the
line plan renders as the whole body does, sign words in both spellings, and the editor's and the
importer's reading and writing of field places."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import body, render
from app.core.body import (
    ROLE_DIRECTIVES,
    ChangeCall,
    FieldCall,
    SignRef,
    call_of,
    parse_line,
    scan_tags,
)
from app.core.body_write import body_line
from app.core.document import Document, Role, TextRun
from app.core.kinds import CheckedValue
from app.core.template import Template

KEYS = ("unit_name", "meetings", "revenue_growth", "tax_revenue")
_key = st.sampled_from(KEYS)
_space = st.sampled_from(["", " ", "  ", "\t"])
_word = st.text(st.characters(blacklist_characters='"\\{}\n\r\ue000\ue001'), max_size=6)


_phrase = st.builds(
    lambda head, slot, tail: head + slot + tail, _word, st.sampled_from(["", "{}"]), _word
)


@st.composite
def _simple_tag(draw: st.DrawFn) -> str:
    """A `field()`, `sign()` or `change()` tag as the cheap path reads it (double quotes, any
    spacing)."""
    s = [draw(_space) for _ in range(12)]
    key = json.dumps(draw(_key))
    if draw(st.booleans()) and draw(st.booleans()):
        phrases = [json.dumps(draw(_phrase), ensure_ascii=False) for _ in range(3)]
        arguments = f"{s[1]}{key},{s[2]}{phrases[0]},{s[3]}{phrases[1]}{s[4]},{phrases[2]}{s[5]}"
        if draw(st.booleans()):
            placeholder = json.dumps(draw(_word), ensure_ascii=False)
            arguments += f",{s[6]}placeholder{s[8]}={s[9]}{placeholder}{s[10]}"
        return f"{{{{{s[0]}change({arguments}){s[7]}}}}}"
    if draw(st.booleans()):
        words = [json.dumps(draw(_word), ensure_ascii=False) for _ in range(2)]
        return f"{{{{{s[0]}sign({s[1]}{key}{s[2]},{s[3]}{words[0]}{s[4]},{s[5]}{words[1]}{s[6]}){s[7]}}}}}"
    arguments = f"{s[1]}{key}{s[2]}"
    if draw(st.booleans()):
        placeholder = json.dumps(draw(_word), ensure_ascii=False)
        arguments += f",{s[3]}placeholder{s[4]}={s[5]}{placeholder}{s[6]}"
    if draw(st.booleans()):
        arguments += f",{s[8]}magnitude{s[9]}={s[10]}{draw(st.sampled_from(['true', 'false']))}"
    return f"{{{{{s[0]}field({arguments}){s[7]}}}}}"


@given(_simple_tag())
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_the_cheap_path_reads_what_jinjas_parser_reads(text: str) -> None:
    (tag,) = scan_tags(text)
    cheap = call_of(tag)
    assert cheap is not None, text  # these are the tags the cheap path is for
    assert cheap == body._parsed_call(tag.expression)


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("{{ field('unit_name') }}", FieldCall("unit_name")),
        ('{{field("meetings",placeholder="X", magnitude=1)}}', FieldCall("meetings", "X", True)),
        ('{{ field("meetings", "某") }}', FieldCall("meetings", "某")),
        ('{{- field("meetings") -}}', FieldCall("meetings")),
        ('{{ sign("k", negative="降", positive="升") }}', SignRef("k", "升", "降")),
        ('{{ "{" }}', "{"),
        ('{{ field("a") ~ "b" }}', None),
        ("{{ field(key) }}", None),
        ('{{ value("a") }}', None),
        ('{{ field("a", colour="red") }}', None),
        ("{{ field( }}", None),
        (
            '{{ change("k", "同比增长{}%", "同比下降{}%", "与上年持平") }}',
            ChangeCall("k", "同比增长{}%", "同比下降{}%", "与上年持平"),
        ),
        (
            "{{ change('k', zero='持平', negative='降{}', positive='升{}', placeholder='X') }}",
            ChangeCall("k", "升{}", "降{}", "持平", "X"),
        ),
        ('{{ change("k", "增{}{}", "降{}", "平") }}', None),  # the value twice
        ('{{ change("k", "增{}", "降{ }", "平") }}', None),  # a brace that is not {}
        ('{{ change("k", "增{}", "降{}") }}', None),  # no phrase for no change
        ('{{ change("k", "增{}", "降{}", 0) }}', None),
    ],
)
def test_calls_in_any_spelling_jinja_reads(text: str, call: object) -> None:
    (tag,) = scan_tags(text)
    assert call_of(tag) == call


def test_an_if_negative_block_is_a_sign_word() -> None:
    line = parse_line(1, '同比{% if negative("k") %}下降{% else %}增长{% endif %}了')
    assert line is not None and line.pieces == ("同比", SignRef("k", "增长", "下降"), "了")
    line = parse_line(1, '{% if not negative("k") %}增{% else %}减{% endif %}')
    assert line is not None and line.pieces == (SignRef("k", "增", "减"),)
    for logic in (
        '{% if filled("k") %}有{% else %}无{% endif %}',
        '{% if negative("k") %}{{ field("k") }}{% else %}无{% endif %}',
        '{% if negative("k") %}降{% elif filled("k") %}升{% else %}无{% endif %}',
    ):
        line = parse_line(1, logic)
        assert line is not None and line.pieces is None, logic  # Jinja logic of its own
    assert parse_line(1, "{% set x = 1 %}") is None  # may reach other lines


_piece = st.one_of(
    st.text(st.characters(blacklist_characters="\n\r\ue000\ue001"), max_size=8),
    st.builds(FieldCall, _key, st.one_of(st.none(), _word), st.booleans()),
    st.builds(ChangeCall, _key, _phrase, _phrase, _phrase, st.one_of(st.none(), _word)),
)


#: The roles a paragraph's body line is written for (table rows: `app.core.import_tables`).
_LINE_ROLES = [role for role in Role if role is not Role.ROW]  # the 公文 parts too


@given(st.lists(_piece, max_size=6), st.sampled_from(_LINE_ROLES))
@settings(max_examples=200)
def test_a_written_line_reads_back(pieces: list[str | FieldCall | ChangeCall], role: Role) -> None:
    line = parse_line(1, body_line(role, "s1", pieces))
    assert line is not None and line.pieces is not None
    text = "".join(p for p in line.pieces if isinstance(p, str))
    places = [p for p in line.pieces if not isinstance(p, str)]
    assert places == [p for p in pieces if not isinstance(p, str)]
    prefix = {
        known: f"@{name} " for name, known in ROLE_DIRECTIVES.items() if known is not Role.BODY
    }
    prefix[Role.HEADING] = "@section s1 "
    wording = "".join(p for p in pieces if isinstance(p, str))
    if role not in prefix and not any(isinstance(p, FieldCall | ChangeCall) for p in pieces[:1]):
        prefix[role] = "@body " if wording.startswith("@") else ""  # a body line (or a row)
    assert text == prefix.get(role, "") + wording


_WHOLE = "\n{#- end -#}\n{%- if false %}{% endif %}"  # whitespace control: rendered as a whole
_CALLS = (
    '{{ field("KEY") }}',
    '{{ field("KEY", magnitude=true) }}',
    '{{ sign("KEY", "增长", "下降") }}',
    '{{ change("KEY", "同比增长{}%", "同比下降{}%", "与上年持平") }}',
    '{{ change("KEY", "增{}", "降", "平", placeholder="X.X") }}',
    '{% if negative("KEY") %}下降{% else %}增长{% endif %}',
    '{% if filled("KEY") %}有{% else %}无{% endif %}',
)
_line_part = st.one_of(
    st.text(st.characters(whitelist_categories=("Lo",)), min_size=1, max_size=4),
    st.builds(lambda call, key: call.replace("KEY", key), st.sampled_from(_CALLS), _key),
)


@given(
    st.lists(st.lists(_line_part, min_size=1, max_size=5), min_size=1, max_size=4),
    st.dictionaries(_key, st.sampled_from(["", "5", "-3.5", "0", "x"])),
)
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
def test_the_line_plan_renders_what_the_whole_body_renders(
    sixin: Template, lines: list[list[str]], raw: dict[str, str]
) -> None:
    text = "\n".join("".join(parts) + "。" for parts in lines)  # no line ends in a block tag
    by_line = dataclasses.replace(sixin, body=text)
    whole = dataclasses.replace(sixin, body=text + _WHOLE)
    checked: dict[str, CheckedValue] = {k: sixin.field(k).check(v) for k, v in raw.items()}
    planned = render.render_structure(by_line, checked)
    rendered = render.render_structure(whole, checked)
    assert planned.by_line and not rendered.by_line
    # the same paragraphs, the same places (an if-negative block is a sign word in the plan)
    assert _runs(render.build_document(by_line, planned, checked)) == _runs(
        render.build_document(whole, rendered, checked)
    )


def _runs(document: Document) -> list[tuple[str, list[object]]]:
    """Each paragraph's id and runs, adjacent wording joined."""
    result: list[tuple[str, list[object]]] = []
    for paragraph in document.paragraphs:
        runs: list[object] = []
        for run in paragraph.runs:
            if isinstance(run, TextRun) and runs and isinstance(runs[-1], TextRun):
                runs[-1] = TextRun(runs[-1].text + run.text)
            else:
                runs.append(run)
        result.append((paragraph.id, runs))
    return result


def test_sign_words_follow_the_value_without_a_re_render(sixin: Template) -> None:
    line = '收入同比{% if negative("revenue_growth") %}下降{% else %}增长{% endif %}了'
    template = dataclasses.replace(sixin, body=line)
    structure = render.render_structure(template, {})
    assert structure.logic_keys == frozenset()  # a place, not logic: no line is re-rendered
    for raw, word in (("-1", "下降"), ("2", "增长"), ("", "增长"), ("x", "增长")):
        checked = {"revenue_growth": sixin.field("revenue_growth").check(raw)}
        (paragraph,) = render.build_document(template, structure, checked).paragraphs
        assert paragraph.text == f"收入同比{word}了"


def test_the_editor_reads_places_and_renames_calls() -> None:
    text = (
        '{# field("a") #}共{{ field("a") }}个，{{ field(\'a\', placeholder="X") }}'
        '{% if negative("a") and value( "b" ) %}降{% endif %}{{ sign("a", "增", "减") }}'
        '{{- field("b", magnitude=true) }}a("a")'
    )
    places = body.field_places(text, "a")
    assert [(p.key, p.placeholder) for p in places] == [("a", None), ("a", "X")]
    assert [p.key for p in body.field_places(text)] == ["a", "a", "b"]
    assert body.field_places(text, "b")[0].tag.trim == ("-", "")
    renamed = body.rename(text, "a", "c")
    assert renamed == (
        '{# field("a") #}共{{ field("c") }}个，{{ field(\'c\', placeholder="X") }}'
        '{% if negative("c") and value( "b" ) %}降{% endif %}{{ sign("c", "增", "减") }}'
        '{{- field("b", magnitude=true) }}a("a")'
    )
    assert body.reads(text, "b") and body.reads(renamed, "c") and not body.reads(renamed, "a")
    assert not body.reads('{# value("z") #}value("z")', "z")


def test_only_this_module_knows_the_reserved_characters() -> None:
    assert body.has_reserved("a\ue000b") and not body.has_reserved("ab")
    package = Path(body.__file__).parent.parent
    for module in package.rglob("*.py"):
        if module.name != "body.py":
            text = module.read_text(encoding="utf-8")
            assert "MARK_OPEN" not in text and "\\ue000" not in text, module


@given(st.text(st.sampled_from("{}%#\"'\\ab-"), max_size=40))
@settings(max_examples=500)
def test_tags_are_found_as_the_character_scan_finds_them(text: str) -> None:
    """`scan_tags` reads a tag without backslashes in one regex step; the same as char by char."""
    fast = scan_tags(text)
    plain = body._PLAIN_TAG
    try:
        body._PLAIN_TAG = {opener: re.compile("(?!)") for opener in plain}  # never matches
        slow = scan_tags(text)
    finally:
        body._PLAIN_TAG = plain
    assert fast == slow


@given(
    st.lists(st.one_of(_simple_tag(), st.sampled_from(["{", "}", "{{ x }}", "a", "{% if 1 %}"])))
)
@settings(max_examples=300)
def test_the_quick_line_reads_what_the_tag_by_tag_reading_reads(parts: list[str]) -> None:
    source = "".join(parts)
    quick = body._quick_line(1, source)
    if quick is not None:
        tags = scan_tags(source)
        assert all(call_of(tag) is not None for tag in tags)
        assert quick.pieces == _joined(tag_by_tag(source))


def tag_by_tag(source: str) -> tuple[object, ...]:
    """`parse_line` without its quick path."""
    quick = body._quick_line
    try:
        body._quick_line = lambda number, source: None
        line = parse_line(1, source)
    finally:
        body._quick_line = quick
    assert line is not None and line.pieces is not None
    return line.pieces


def _joined(pieces: tuple[object, ...]) -> tuple[object, ...]:
    result: list[object] = []
    for piece in pieces:
        if isinstance(piece, str) and result and isinstance(result[-1], str):
            result[-1] += piece
        else:
            result.append(piece)
    return tuple(result)
