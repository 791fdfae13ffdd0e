"""Every message of the import, editor, sandbox and wording modules has its Chinese entry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.core.i18n_zh import ZH_CN

CORE = Path(__file__).resolve().parents[2] / "src" / "app" / "core"
MODULES = ["importer.py", "placeholders.py", "sandbox.py", "template_edit.py", "wording.py"]


def _messages(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "_"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append(node.args[0].value)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_every_message_has_a_chinese_translation(module: str) -> None:
    messages = _messages(CORE / module)
    missing = [m for m in messages if m not in ZH_CN]
    assert missing == []
    for message in messages:
        # the same named placeholders on both sides
        assert sorted(_names(message)) == sorted(_names(ZH_CN[message])), message


def _names(text: str) -> list[str]:
    import string

    return [name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name]
