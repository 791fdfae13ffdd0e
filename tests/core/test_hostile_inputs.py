"""Hypothesis: hostile drafts, values, templates and special files (issue 14).

Whatever is generated: no exception but the core's own one-line errors escapes, every refusal
is one line naming the file (or the field's problem is reported at the field), and nothing on
disk changes except the file that was asked for.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.draft import load_draft
from app.core.errors import DraftError, TemplateError
from app.core.export import export_report
from app.core.importer import read_source
from app.core.kinds import FieldKind, check_value
from app.core.library import find_template
from app.core.loader import load_template
from app.core.saving import save_draft_safely
from app.core.session import ReportSession
from app.core.template import Origin
from core.test_hardening import copy_template, finishes

#: Any character, lone surrogates and non-characters included, with the troublesome ones often.
hostile_char = st.one_of(
    st.characters(blacklist_categories=()),
    st.sampled_from(["\ud800", "\udfff", "\ufffe", "\uffff", "\x00", "\x0b", "\x0c", "\x1b"]),
)
hostile_text = st.text(hostile_char, max_size=30)
huge_number = st.integers(1, 3000).map(lambda n: "9" * n) | st.sampled_from(
    ["1e999999999", "-0", "NaN", "Infinity", "1" * 1_000_001, "１２３", "1,000,0"]
)
json_leaf = st.none() | st.booleans() | st.integers() | hostile_text | huge_number
json_value = st.recursive(
    json_leaf,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(hostile_text, children, max_size=3)
    ),
    max_leaves=10,
)
SIXIN_KEYS = ["unit_name", "report_year", "report_month", "meetings", "satisfaction_rate"]


def deep(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def hostile_draft_bytes(draw: st.DrawFn) -> bytes:
    """The bytes of a file offered as a draft: garbage, JSON of any shape, deep nesting, or a
    plausible draft with hostile values."""
    kind = draw(st.sampled_from(["bytes", "json", "deep", "draft"]))
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "json":
        content = draw(json_value)
        return json.dumps(content, ensure_ascii=draw(st.booleans())).encode(
            "utf-8", "surrogatepass"
        )
    if kind == "deep":
        depth = draw(st.integers(10, 5000))
        return f'{{"values": {{}}, "extra": {deep(depth)}}}'.encode()
    values = draw(
        st.dictionaries(
            st.sampled_from(SIXIN_KEYS) | hostile_text,
            hostile_text | huge_number | st.integers() | st.none(),
            max_size=6,
        )
    )
    extra = draw(st.dictionaries(hostile_text, json_value, max_size=2))
    content = {"format": "fanwen-draft", "version": 1, "template": "sixin", **extra}
    content["values"] = values
    return json.dumps(content, ensure_ascii=True).encode("utf-8")


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=hostile_draft_bytes())
def test_a_hostile_draft_is_opened_saved_and_exported_or_refused_in_one_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        path = folder / "hostile.fanwen"
        path.write_bytes(data)
        try:
            draft = load_draft(path)
        except DraftError as exc:
            message = str(exc)
            assert "\n" not in message and str(path) in message
            assert files_in(folder) == {"hostile.fanwen": data}  # nothing changed
            return
        assert files_in(folder) == {"hostile.fanwen": data}
        copy = folder / "copy.fanwen"
        save_draft_safely(draft, copy)
        assert load_draft(copy).values == draft.values
        session = ReportSession(find_template("sixin"), draft, path)
        for fmt in ("txt", "docx"):
            export_report(session.model.document, fmt, folder / f"out.{fmt}")
        assert set(files_in(folder)) == {"hostile.fanwen", "copy.fanwen", "out.txt", "out.docx"}
        assert (folder / "hostile.fanwen").read_bytes() == data


@settings(max_examples=80, deadline=None)
@given(kind=st.sampled_from(list(FieldKind)), raw=hostile_text | huge_number)
def test_any_value_is_checked_without_an_exception(kind: FieldKind, raw: str) -> None:
    checked = check_value(kind, raw)
    assert checked.error is None or "\n" not in checked.error


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.dictionaries(st.sampled_from(SIXIN_KEYS), hostile_text | huge_number, max_size=5))
def test_any_typed_value_can_be_saved_and_exported(tmp_path: Path, values: dict[str, str]) -> None:
    session = ReportSession(find_template("sixin"))
    for key, text in values.items():
        session.set_value(key, text)
    session.model.problems()
    save_draft_safely(session.current_draft(), tmp_path / "d.fanwen")
    for fmt in ("txt", "html", "docx"):
        export_report(session.model.document, fmt, tmp_path / f"out.{fmt}")


bound = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True)
    .map(repr)
    .map(lambda r: {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(r, r)),
    st.integers(-(10**60), 10**60).map(str),
    st.sampled_from(['"7"', "true", "[1]", "{}"]),
)
rule_source = st.one_of(
    hostile_text,
    st.integers(1, 60_000).map(lambda n: "meetings <= " + " + ".join(["meetings"] * n)),
    st.integers(1, 3000).map(lambda n: "meetings <= " + "-(" * n + "meetings" + ")" * n),
    st.sampled_from(["__import__('os')", "meetings.real < 1", "meetings ** 99999 > 1"]),
)
message = st.one_of(
    hostile_text,
    st.sampled_from(["{meetings.real}", "{meetings:>1000000000}", "{0}", "{", "}", "{{x}}"]),
)


def toml_string(text: str) -> str:
    return json.dumps(text.encode("utf-8", "replace").decode("utf-8"), ensure_ascii=True)


@st.composite
def hostile_schema_edit(draw: st.DrawFn) -> tuple[str, str]:
    """What is added to a copy of the built-in schema: a bound, a rule, or deep nesting."""
    kind = draw(st.sampled_from(["bound", "rule", "deep", "text"]))
    if kind == "bound":
        which = draw(st.sampled_from(["min", "max"]))
        return 'key = "meetings"', f'key = "meetings"\n{which} = {draw(bound)}'
    if kind == "rule":
        return "[[rules]]", (
            f'[[rules]]\nid = "hostile"\ncheck = {toml_string(draw(rule_source))}\n'
            f"message = {toml_string(draw(message))}\n\n[[rules]]"
        )
    if kind == "deep":
        return "[[rules]]", f"nested = {deep(draw(st.integers(10, 5000)))}\n\n[[rules]]"
    return 'key = "meetings"', f'key = "meetings"\nhint = {toml_string(draw(hostile_text))}'


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edit=hostile_schema_edit())
def test_a_hostile_template_loads_or_is_refused_in_one_line(
    tmp_path_factory: pytest.TempPathFactory, edit: tuple[str, str]
) -> None:
    folder = copy_template(tmp_path_factory.mktemp("t"))
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    old, new = edit
    schema.write_text(text.replace(old, new, 1), encoding="utf-8")
    before = files_in(folder)
    outcome = finishes(lambda: load_template(folder, Origin.SHARED), seconds=10)
    if isinstance(outcome, BaseException):
        assert isinstance(outcome, TemplateError), repr(outcome)
        assert "\n" not in str(outcome) and str(folder) in str(outcome)
    else:
        session = ReportSession(outcome)
        session.set_value("meetings", "3")
        for problem in session.model.problems():
            assert len(problem.message) < 10_000
    assert files_in(folder) == before


SPECIAL = ["fifo", "zero", "folder", "passwd", "missing"]


def make_special(path: Path, kind: str) -> bool:
    """Make `path` a special file of `kind`; False where this system cannot."""
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            return False
        os.mkfifo(path)
    elif kind == "zero":
        if not Path("/dev/zero").exists():
            return False
        path.symlink_to("/dev/zero")
    elif kind == "folder":
        path.mkdir()
    elif kind == "passwd":
        if not Path("/etc/passwd").is_file():
            return False
        path.symlink_to("/etc/passwd")
    return True


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(kind=st.sampled_from(SPECIAL), role=st.sampled_from(["draft", "body", "schema", "source"]))
def test_a_special_file_is_refused_in_one_line_without_blocking(
    tmp_path_factory: pytest.TempPathFactory, kind: str, role: str
) -> None:
    root = tmp_path_factory.mktemp("s")
    if role in ("body", "schema"):
        folder = copy_template(root)
        path = folder / ("body.txt.j2" if role == "body" else "template.toml")
        path.unlink()
    else:
        path = root / ("d.fanwen" if role == "draft" else "范文.txt")
    if not make_special(path, kind):
        return
    if role == "draft":
        outcome = finishes(lambda: load_draft(path))
        expected: type[Exception] = DraftError
    elif role == "source":
        outcome = finishes(lambda: read_source(path))
        expected = TemplateError
    else:
        outcome = finishes(lambda: load_template(path.parent, Origin.SHARED))
        expected = TemplateError
    if kind == "passwd" and role == "source":
        return  # a link the writer named themselves, to a text file: read like any text
    assert isinstance(outcome, expected), repr(outcome)
    assert "\n" not in str(outcome) and str(path) in str(outcome)
    assert "root:" not in str(outcome)
    if kind == "folder":
        shutil.rmtree(path)
