"""The app's messages (`app.core.i18n._`) come from the one catalogue, read without Qt.

Every `_()` / `N_()` message under src/app has a finished Chinese translation in the "app"
context of `resources/i18n/fanwen_zh_CN.ts`, with the same placeholders; the compiled `.qm` that
Qt loads is what `_()` reads too, so the command line prints Chinese without PySide6. (That every
interface string is translated exactly once is tests/ui/test_translations.py, which needs
Qt's lupdate.)
"""

from __future__ import annotations

import importlib.util
import string
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import i18n

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "fanwen_zh_CN.ts"


@pytest.fixture(scope="module")
def catalogue_tool() -> ModuleType:
    """scripts/update_translations.py, loaded by file (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "fanwen_update_translations", REPO / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def _ts_messages() -> dict[tuple[str, str, str], tuple[str, str | None]]:
    """(context, source, disambiguation) -> (translation, its type attribute), from the .ts."""
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = (translation.text or "", translation.get("type"))
    return found


def test_every_message_has_a_finished_chinese_translation(catalogue_tool):
    messages = catalogue_tool.app_messages()
    assert len(messages) > 150  # the extraction itself works
    assert "Not filled in yet." in messages and "Plain text" in messages  # _() and N_()
    catalogue = _ts_messages()
    missing = [
        f"{where}: {text!r}"
        for text, where in messages.items()
        if (i18n.CONTEXT, text, "") not in catalogue
        or not catalogue[(i18n.CONTEXT, text, "")][0]
        or catalogue[(i18n.CONTEXT, text, "")][1] is not None
    ]
    assert not missing, (
        "messages without a Chinese translation (run scripts/update_translations.py, "
        "translate them in resources/i18n/fanwen_zh_CN.ts, run it again):\n" + "\n".join(missing)
    )


def test_no_unused_message_in_the_catalogue(catalogue_tool):
    used = catalogue_tool.app_messages()
    unused = [
        source
        for (context, source, _comment) in _ts_messages()
        if context == i18n.CONTEXT and source not in used
    ]
    assert not unused, "catalogue messages no `_()` uses any more:\n" + "\n".join(unused)


def test_translations_keep_the_placeholders():
    for (context, source, _comment), (translation, _kind) in _ts_messages().items():
        assert _fields(source) == _fields(translation), (context, source)


def test_the_tool_and_the_app_agree_on_the_context(catalogue_tool):
    assert catalogue_tool.APP_CONTEXT == i18n.CONTEXT


def test_the_compiled_catalogue_holds_every_translation_of_the_ts():
    # lrelease keeps a disambiguation only where a context needs it to tell two apart
    compiled = {
        (context, source): text
        for (context, source, _comment), text in i18n.read_qm(
            i18n.catalogue_path("zh_CN").read_bytes()
        ).items()
    }
    finished = {
        (context, source): text
        for (context, source, _comment), (text, kind) in _ts_messages().items()
        if kind is None
    }
    assert compiled == finished


def test_every_message_is_found_by_its_hash_as_qt_finds_it():
    # `_()` reads only the messages whose hash matches; the whole file read says the same
    data = i18n.catalogue_path("zh_CN").read_bytes()
    catalogue = i18n.Catalogue(data)
    messages = {
        source: text
        for (context, source, comment), text in i18n.read_qm(data).items()
        if context == i18n.CONTEXT and not comment
    }
    assert len(messages) > 100
    for source, text in messages.items():
        assert catalogue.get(source, source) == (text or source), source


def test_qts_hash_of_a_source_text():
    # values from Qt's elfHash (qtranslator.cpp), which lrelease writes into the .qm
    assert i18n.qm_hash(b"") == 1  # never 0
    assert i18n.qm_hash(b"A") == 0x41
    assert i18n.qm_hash(b"AB") == (0x41 << 4) + 0x42
    assert i18n.qm_hash(b"x" * 100) < 2**32


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.text(max_size=20))
def test_a_damaged_catalogue_gives_the_source_text_never_an_error(tail, text):
    hashes = struct.pack(">II", i18n.qm_hash(text.encode()), 0)
    data = QM_MAGIC + b"\x42" + struct.pack(">I", len(hashes)) + hashes + b"\x69"
    data += struct.pack(">I", len(tail)) + tail
    try:
        catalogue = i18n.Catalogue(data)
    except ValueError:
        return  # refused whole: English, as for a missing file
    assert isinstance(catalogue.get(text, text), str)


def test_language_switch():
    assert i18n._("Not filled in yet.") == "尚未填写。"
    assert i18n._("{file}: file not found.", file="a.fanwen") == "a.fanwen：找不到文件。"
    i18n.set_language("en")
    assert i18n.language() == "en"
    assert i18n._("Not filled in yet.") == "Not filled in yet."
    assert i18n._("{file}: file not found.", file="a.fanwen") == "a.fanwen: file not found."


def test_a_format_description_is_marked_and_translated_later():
    from app.core.export import FORMATS

    assert i18n.N_("Plain text") == "Plain text"
    assert FORMATS["txt"].description == "Plain text"
    assert i18n._(FORMATS["txt"].description) == "纯文本"


def test_an_unknown_message_stays_in_english():
    assert i18n._("No such sentence {n}", n=1) == "No such sentence 1"


QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


@pytest.mark.parametrize(
    "content",
    [
        None,  # no file
        b"",
        b"not a catalogue",
        QM_MAGIC + b"\x69\x00\x00\x00\x02\x63\x00",  # an unknown tag
        QM_MAGIC + b"\x69\x00\x00\x00\x03\x06\x00\x00",  # cut short
        QM_MAGIC + b"\x69\x00\x00\x00\x01\x01",  # a message without its source
    ],
)
def test_without_a_readable_catalogue_messages_are_english(tmp_path, monkeypatch, content):
    if content is not None:
        (tmp_path / "i18n").mkdir()
        (tmp_path / "i18n" / "fanwen_xx.qm").write_bytes(content)
    monkeypatch.setattr(i18n, "resources_dir", lambda: tmp_path)
    i18n.set_language("xx")
    try:
        assert i18n._("Not filled in yet.") == "Not filled in yet."
    finally:
        i18n._loaded.pop("xx", None)


def test_a_qm_without_source_texts_is_refused():
    with pytest.raises(ValueError):
        i18n.read_qm(b"plain text, not a .qm file")


def test_the_command_line_prints_chinese_without_qt(tmp_path):
    code = (
        "import sys\n"
        "from app.cli import main\n"
        f"code = main(['check', {str(tmp_path / 'missing.fanwen')!r}])\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 was imported'\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8"
    )
    assert "PySide6 was imported" not in result.stderr
    assert "找不到文件" in result.stdout + result.stderr, result.stdout + result.stderr


def test_translations_are_taken_from_the_former_dict_catalogue(catalogue_tool, tmp_path):
    # what a branch that still adds to app/core/i18n_zh.py is merged with
    former = tmp_path / "i18n_zh.py"
    former.write_text(
        'ZH_CN: dict[str, str] = {"Not filled in yet.": "尚未填写。"}\n'
        'ZH_CN.update({"{count} fields": "{count} 个字段"})\n'
        'ZH_CN["New " "message"] = "新消息"\n',
        encoding="utf-8",
    )
    taken = catalogue_tool.read_translations(former)
    assert taken == {
        ("Not filled in yet.", ""): "尚未填写。",
        ("{count} fields", ""): "{count} 个字段",
        ("New message", ""): "新消息",
    }
    message = catalogue_tool.Message
    catalogue, filled = catalogue_tool.fill(
        [
            message("app", "New message"),
            message("app", "Other"),
            message("X", "Y", "", "是", False),
        ],
        taken,
    )
    assert filled == [message("app", "New message", "", "新消息", False)]
    assert [m.unfinished for m in catalogue] == [False, True, False]
