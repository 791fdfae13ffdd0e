"""Every message of the app (core, CLI, importer, editor, sandbox, wording: each `_()` under
src/app) has a Chinese translation with the same placeholders."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from app.core import i18n
from app.core.i18n_zh import ZH_CN

SOURCES = Path(__file__).resolve().parents[2] / "src" / "app"


def _message_strings() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted(SOURCES.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, f"{path.name}:{node.lineno}")
    return found


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_core_message_has_a_chinese_translation():
    messages = _message_strings()
    assert len(messages) > 50
    missing = [f"{where}: {text!r}" for text, where in messages.items() if text not in ZH_CN]
    assert not missing, "untranslated messages:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders():
    for source, translation in ZH_CN.items():
        assert _fields(source) == _fields(translation), source


def test_language_switch():
    assert i18n._("Not filled in yet.") == "尚未填写。"
    i18n.set_language("en")
    assert i18n._("Not filled in yet.") == "Not filled in yet."
    assert i18n._("{file}: file not found.", file="a.fanwen") == "a.fanwen: file not found."
