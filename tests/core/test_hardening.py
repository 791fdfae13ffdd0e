"""Issue 14: hostile files, values and templates, each refused or cleaned where it comes in.

Each test names the failure class of the issue it covers; each failed on the app before the
fix (a crash, a hang, a file read outside its template, a value that could not be saved).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core import autosave
from app.core.atomic import remove_stale_temporaries
from app.core.cache_key import cache_key, entry_file
from app.core.draft import Draft, load_draft, parse_draft
from app.core.errors import DraftError, FanwenError, TemplateError
from app.core.export import export_report
from app.core.importer import check_new_id, read_source
from app.core.kinds import FieldKind, check_value, exportable_text
from app.core.library import find_template, load_library
from app.core.loader import ID_PATTERN, KEY_PATTERN, SCHEMA_CACHE_FORMAT, load_template
from app.core.paths import builtin_templates_dir, user_templates_dir
from app.core.rules import Rule, Severity
from app.core.saving import save_draft_safely
from app.core.session import ReportSession
from app.core.template import Origin

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")


def finishes(work: Callable[[], object], seconds: float = 5.0) -> object:
    """Run `work` in a thread and return what it returned or raised; fails when it hangs."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return outcome[0]


def copy_template(tmp_path: Path, template_id: str = "mine") -> Path:
    folder = tmp_path / template_id
    shutil.copytree(builtin_templates_dir() / "sixin", folder)
    schema = folder / "template.toml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace('id = "sixin"', f'id = "{template_id}"', 1),
        encoding="utf-8",
    )
    return folder


def assert_one_line(error: BaseException, *names: object) -> None:
    message = str(error)
    assert "\n" not in message and message
    for name in names:
        assert str(name) in message


# ---------------------------------------------------------------- 1 and 6: values that cannot be
# saved or exported


UNCARRIABLE = "A\ud800B\ufffeC\U0001ffffD\x00E\x0bF\x0cG\x1bH"


def test_exportable_text_takes_out_what_no_export_can_carry() -> None:
    assert exportable_text(UNCARRIABLE) == "A\ufffdBCDE\nF\nGH"
    assert exportable_text("一切正常\t的文字") == "一切正常\t的文字"


@pytest.mark.parametrize("fmt", ["txt", "html", "docx"])
def test_a_typed_value_with_a_lone_surrogate_saves_and_exports(tmp_path: Path, fmt: str) -> None:
    session = ReportSession(find_template("sixin"))
    change = session.set_value("unit_name", UNCARRIABLE)
    assert change.values["unit_name"] == exportable_text(UNCARRIABLE)  # the field shows it
    result = save_draft_safely(session.current_draft(), tmp_path / "d.fanwen")
    assert load_draft(tmp_path / "d.fanwen").values == result.draft.values
    export_report(session.model.document, fmt, tmp_path / f"out.{fmt}")
    assert (tmp_path / f"out.{fmt}").stat().st_size > 0


def test_a_draft_with_escaped_surrogates_and_non_characters_loads_saves_and_names_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "hostile.fanwen"
    path.write_text(
        '{"values": {"unit_name": "A\\ud800B\\ufffe", "meetings": 3, "other": "ok"},'
        ' "extra": "\\udfff"}',
        encoding="utf-8",
    )
    draft = load_draft(path)
    assert draft.values["unit_name"] == "A\ufffdB"
    assert draft.cleaned == ("unit_name",)
    save_draft_safely(draft, path)  # used to raise UnicodeEncodeError
    session = ReportSession(find_template("sixin"), draft, path)
    export_report(session.model.document, "docx", tmp_path / "out.docx")


def test_an_imported_text_with_form_feeds_and_vertical_tabs_is_clean(tmp_path: Path) -> None:
    source = tmp_path / "范文.txt"
    source.write_text("标题\x0c第一段XX。\x0b第二段\ufffe。\n", encoding="utf-8")
    paragraphs = read_source(source).paragraphs
    assert paragraphs == ("标题", "第一段XX。", "第二段。")


def test_a_template_title_with_characters_no_export_can_carry_still_exports(
    tmp_path: Path,
) -> None:
    folder = copy_template(tmp_path)
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    start = text.index("title = ")
    end = text.index("\n", start)
    schema.write_text(
        text[:start] + 'title = "标题\\u0000\\ufffe\\u000b完"' + text[end:], encoding="utf-8"
    )
    template = load_template(folder, Origin.SHARED)
    assert template.title == "标题\n完"
    session = ReportSession(template)
    export_report(session.model.document, "docx", tmp_path / "out.docx")


# ---------------------------------------------------------------- 3: cache poisoning


def test_a_schema_cache_entry_is_used_only_for_exactly_its_schema(tmp_path: Path) -> None:
    folder = copy_template(tmp_path)
    template = load_template(folder, Origin.USER)  # writes the entry
    text = (folder / "template.toml").read_text(encoding="utf-8")
    key = cache_key(f"schemas{SCHEMA_CACHE_FORMAT}", str(Origin.USER), folder.name, text)
    entry = entry_file("schemas", key)
    poisoned = json.loads(entry.read_bytes())
    poisoned["data"]["template"]["title"] = "攻击者的标题"
    poisoned["key"] = key + " "  # a colliding name, another key
    entry.write_text(json.dumps(poisoned, ensure_ascii=False), encoding="utf-8")
    assert load_template(folder, Origin.USER).title == template.title
    # the same schema from another origin or folder is another key
    assert key != cache_key(f"schemas{SCHEMA_CACHE_FORMAT}", str(Origin.SHARED), folder.name, text)
    assert key != cache_key(f"schemas{SCHEMA_CACHE_FORMAT}", str(Origin.USER), "sixin", text)


# ---------------------------------------------------------------- 4: reading outside the template


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="no /etc/passwd")
@pytest.mark.parametrize("name", ["body.txt.j2", "template.toml"])
def test_a_template_file_that_is_a_link_is_not_read(tmp_path: Path, name: str) -> None:
    folder = copy_template(tmp_path)
    (folder / name).unlink()
    (folder / name).symlink_to("/etc/passwd")
    with pytest.raises(TemplateError) as error:
        load_template(folder, Origin.SHARED)
    assert_one_line(error.value, folder / name)
    assert "root:" not in str(error.value)


# ---------------------------------------------------------------- 5: special files


@needs_fifo
def test_a_fifo_draft_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.fanwen"
    os.mkfifo(fifo)
    outcome = finishes(lambda: load_draft(fifo))
    assert isinstance(outcome, DraftError)
    assert_one_line(outcome, fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_link_to_dev_zero_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.fanwen"
    link.symlink_to("/dev/zero")
    outcome = finishes(lambda: load_draft(link))
    assert isinstance(outcome, DraftError)
    assert_one_line(outcome, link)


@needs_fifo
def test_a_fifo_autosave_does_not_stall_the_start(fanwen_home: Path) -> None:
    folder = fanwen_home / "autosave"
    folder.mkdir(parents=True)
    os.mkfifo(folder / f"stuck{autosave.AUTOSAVE_SUFFIX}")
    assert finishes(autosave.recoverable) == []


@needs_fifo
def test_a_fifo_body_or_import_source_is_refused(tmp_path: Path) -> None:
    folder = copy_template(tmp_path)
    (folder / "body.txt.j2").unlink()
    os.mkfifo(folder / "body.txt.j2")
    outcome = finishes(lambda: load_template(folder, Origin.SHARED))
    assert isinstance(outcome, TemplateError)
    assert_one_line(outcome, folder / "body.txt.j2")
    source = tmp_path / "范文.txt"
    os.mkfifo(source)
    outcome = finishes(lambda: read_source(source))
    assert isinstance(outcome, TemplateError)
    assert_one_line(outcome, source)


def test_a_zip_bomb_docx_is_refused_fast_and_unread(tmp_path: Path) -> None:
    """A real Word document whose text part unpacks to 130 MiB (of layout spaces, which pack
    to almost nothing): refused from the zip directory, before anything is unpacked."""
    import io

    import docx

    made = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("标题")
    document.save(made)
    bomb = tmp_path / "炸弹.docx"
    with (
        zipfile.ZipFile(io.BytesIO(made.getvalue())) as original,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        for item in original.infolist():
            data = original.read(item)
            if item.filename != "word/document.xml":
                package.writestr(item, data)
                continue
            head, tail = data.split(b"</w:body>")
            with package.open(item.filename, "w") as part:
                part.write(head)
                spaces = b" " * (1024 * 1024)
                for _ in range(130):  # 130 MiB unpacked, about 130 KiB packed
                    part.write(spaces)
                part.write(b"</w:body>" + tail)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    started = time.monotonic()
    with pytest.raises(TemplateError) as error:
        read_source(bomb)
    assert time.monotonic() - started < 2
    assert_one_line(error.value, bomb, "128")


# ---------------------------------------------------------------- 7: bounds


def test_a_million_digit_number_is_an_error_at_its_field_not_a_crash() -> None:
    started = time.monotonic()
    checked = check_value(FieldKind.INTEGER, "1" * 1_000_001)
    assert checked.error and time.monotonic() - started < 1
    session = ReportSession(find_template("sixin"))
    session.set_value("meetings", "9" * 1_000_001)
    assert any(p.keys == ("meetings",) for p in session.model.problems() if p.blocking)


def _edit_schema(folder: Path, old: str, new: str) -> None:
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    assert old in text
    schema.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ('key = "meetings"', 'key = "meetings"\nmax = nan', "max"),
        ('key = "meetings"', 'key = "meetings"\nmax = inf', "max"),
        ('key = "meetings"', 'key = "meetings"\nmax = 1' + "0" * 40, "max"),
        ('key = "meetings"', 'key = "meetings"\nmax = 1' + "0" * 5000, "template.toml"),
        (
            'check = "problems_rectified <= problems_found"',
            'check = "problems_rectified <= ' + " + ".join(["problems_found"] * 50_000) + '"',
            "check",
        ),
        (
            'check = "problems_rectified <= problems_found"',
            'check = "problems_rectified <= ' + "-(" * 100 + "problems_found" + ")" * 100 + '"',
            "check",
        ),
        ("（{problems_rectified}）", "（{problems_rectified.nosuch}）", "message"),
        ("（{problems_rectified}）", "（{problems_rectified:>1000000000}）", "message"),
        ("（{problems_rectified}）", "（{0}{unit_name}", "message"),
    ],
)
def test_hostile_schema_values_are_one_line_errors(
    tmp_path: Path, old: str, new: str, where: str
) -> None:
    folder = copy_template(tmp_path)
    _edit_schema(folder, old, new)
    started = time.monotonic()
    with pytest.raises(TemplateError) as error:
        load_template(folder, Origin.SHARED)
    assert time.monotonic() - started < 5
    assert_one_line(error.value, folder / "template.toml", where)


def test_a_schema_nested_thousands_deep_is_one_line(tmp_path: Path) -> None:
    folder = copy_template(tmp_path)
    schema = folder / "template.toml"
    schema.write_text(
        schema.read_text(encoding="utf-8") + "\ndeep = " + "[" * 5000 + "]" * 5000 + "\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as error:
        load_template(folder, Origin.SHARED)
    assert_one_line(error.value, schema)


def test_a_body_nested_thousands_deep_is_one_line(tmp_path: Path) -> None:
    folder = copy_template(tmp_path)
    body = folder / "body.txt.j2"
    body.write_text(
        body.read_text(encoding="utf-8")
        + "{% if true %}" * 3000
        + "深"
        + "{% endif %}" * 3000
        + "\n",
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as error:
        load_template(folder, Origin.SHARED)
    assert_one_line(error.value, folder)


def test_a_rule_message_never_reaches_into_values() -> None:
    rule = Rule("r", Severity.ERROR, "{a.real} {a:>1000000000} {a} {{a}} {b}", ("a",))
    assert rule.format_message({"a": "7"}) == "{a.real} {a:>1000000000} 7 {a} {b}"


def test_one_broken_template_never_hides_the_good_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = user_templates_dir()
    root.mkdir(parents=True)
    good = copy_template(root.parent / "x", "good")
    shutil.move(good, root / "good")
    bad = copy_template(root.parent / "x", "bad")
    shutil.move(bad, root / "bad")
    _edit_schema(root / "bad", 'key = "meetings"', 'key = "meetings"\nmax = nan')
    odd = copy_template(root.parent / "x", "odd")
    shutil.move(odd, root / "odd")

    import app.core.library as library

    real = library.load_template

    def crashing(folder: Path, origin: Origin = Origin.BUILTIN):
        if folder.name == "odd":
            raise IndexError("a bug no check foresaw")
        return real(folder, origin)

    monkeypatch.setattr(library, "load_template", crashing)
    loaded = load_library()
    assert {"sixin", "good"} <= set(loaded.templates)
    broken = {b.folder.name: b.error for b in loaded.broken}
    assert set(broken) == {"bad", "odd"}
    assert "template.toml" in broken["bad"] and "a bug no check foresaw" in broken["odd"]


# ---------------------------------------------------------------- 8: small ones


def test_ids_and_keys_with_a_trailing_line_break_are_refused() -> None:
    assert ID_PATTERN.match("mine") and not ID_PATTERN.match("mine\n")
    assert KEY_PATTERN.match("key") and not KEY_PATTERN.match("key\n")
    with pytest.raises(FanwenError):
        check_new_id("mine\n")


def test_stale_temporaries_beside_a_draft_are_removed_by_its_next_save(tmp_path: Path) -> None:
    path = tmp_path / "报告.fanwen"
    stale = tmp_path / ".报告.fanwen.k3j9x2.tmp"
    fresh = tmp_path / ".报告.fanwen.a1b2c3.tmp"
    other = tmp_path / ".其他.fanwen.zzzzzz.tmp"
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"half")
    old = time.time() - 7200
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    save_draft_safely(Draft(values={"unit_name": "新"}), path)
    assert not stale.exists() and fresh.exists() and other.exists()
    assert remove_stale_temporaries(tmp_path / "其他.fanwen") == 1


def test_a_recovered_autosave_original_is_not_trusted_blindly(tmp_path: Path) -> None:
    real = tmp_path / "真的.fanwen"
    real.write_text('{"values": {}}', encoding="utf-8")
    assert autosave.trusted_original(str(real)) == real
    for recorded in (
        "relative.fanwen",
        str(tmp_path / "gone.fanwen"),
        str(tmp_path),
        "/etc/passwd",
        str(tmp_path / "x\0.fanwen"),
        42,
        None,
    ):
        assert autosave.trusted_original(recorded) is None


def test_a_deeply_nested_draft_is_one_line() -> None:
    data = b'{"values": {}, "extra": ' + b"[" * 500 + b"]" * 500 + b"}"
    with pytest.raises(DraftError) as error:
        parse_draft(data, "deep.fanwen")
    assert_one_line(error.value, "deep.fanwen")
