"""One catalogue, each sentence translated once, complete and current.

`resources/i18n/fanwen_zh_CN.ts` holds the interface's `tr()` / `translate()` strings, extracted
afresh here with Qt's own `lupdate` (as a translator would), and the messages of `_()` in the
context "app" (tests/core/test_i18n.py checks those without Qt). A sentence without a finished
translation fails here, and so does one translated twice (the same English in two contexts
without a disambiguation), an entry no source uses, and a `.qm` that is not what `lrelease`
makes of the `.ts` today. `scripts/update_translations.py` brings the catalogue up to date.
"""

from __future__ import annotations

import ast
import importlib.util
import string
import sys
from pathlib import Path
from types import ModuleType

import pytest

from app.core import i18n

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "fanwen_zh_CN.ts"
QM = REPO / "resources" / "i18n" / "fanwen_zh_CN.qm"

#: Sentences still translated in two places, each waiting for one change in a module being
#: rewritten elsewhere; remove the line with the change (the test below fails until then).
KNOWN_DUPLICATES: dict[str, str] = {}


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """scripts/update_translations.py, loaded by file (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location(
        "fanwen_update_translations", REPO / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalogue(tool):
    return tool.read_ts(TS)


@pytest.fixture(scope="module")
def merged(tool, catalogue):
    """(catalogue as the sources want it, sentences new to it, entries no source uses)."""
    return tool.merge(catalogue, tool.wanted_messages())


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def describe(message) -> str:
    comment = f" ({message.comment})" if message.comment else ""
    return f"[{message.context}] {message.source!r}{comment}"


def test_every_sentence_has_a_finished_chinese_translation(tool, merged):
    wanted, added, _dropped = merged
    assert len(tool.ui_messages()) > 100  # the extraction itself works
    missing = [describe(m) for m in added] + [
        describe(m) for m in wanted if m.unfinished or not m.translation
    ]
    assert not missing, (
        "sentences without a Chinese translation (run scripts/update_translations.py, "
        "translate them in resources/i18n/fanwen_zh_CN.ts, run it again):\n" + "\n".join(missing)
    )


def test_no_entry_is_unused(merged):
    _wanted, _added, dropped = merged
    assert not dropped, "entries no source uses (scripts/update_translations.py drops them):\n" + (
        "\n".join(map(describe, dropped))
    )


def test_the_catalogue_is_as_the_tool_writes_it(tool, catalogue, merged):
    wanted, _added, _dropped = merged
    assert [m.key for m in catalogue] == [m.key for m in sorted(wanted, key=lambda m: m.context)], (
        "run scripts/update_translations.py"
    )


def test_every_sentence_is_translated_once(catalogue):
    contexts: dict[tuple[str, str], list[str]] = {}
    for message in catalogue:
        contexts.setdefault((message.source, message.comment), []).append(message.context)
    twice = {key: names for key, names in contexts.items() if len(names) > 1}
    new = [
        f"{source!r} in {names}: use _() (context {i18n.CONTEXT!r}) at every call site, or tell "
        "two meanings apart with tr(text, disambiguation)"
        for (source, _comment), names in twice.items()
        if source not in KNOWN_DUPLICATES
    ]
    assert not new, "sentences translated more than once:\n" + "\n".join(new)
    fixed = [source for source in KNOWN_DUPLICATES if (source, "") not in twice]
    assert not fixed, f"no longer translated twice, remove from KNOWN_DUPLICATES: {fixed}"


def test_a_tr_helper_translates_in_the_context_lupdate_files_its_strings_under():
    # lupdate files `tr("...")` under the enclosing class (module level: the empty context), so a
    # helper `tr()` translating in another context is never translated (crash.py's was).
    wrong = []
    for path in sorted((REPO / "src" / "app").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        scopes: list[tuple[str, ast.AST]] = [("", tree)]
        scopes += [(node.name, node) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
        for owner, scope in scopes:
            for function in ast.iter_child_nodes(scope):
                if not (isinstance(function, ast.FunctionDef) and function.name == "tr"):
                    continue
                for call in ast.walk(function):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute | ast.Name)
                        and getattr(call.func, "attr", getattr(call.func, "id", "")) == "translate"
                        and call.args
                        and isinstance(call.args[0], ast.Constant)
                        and call.args[0].value != owner
                    ):
                        wrong.append(
                            f"{path.name}:{call.lineno}: {call.args[0].value!r} in {owner!r}"
                        )
    assert not wrong, "tr() helpers translating in a context of their own:\n" + "\n".join(wrong)


def test_translations_keep_placeholders_and_title_mark(catalogue):
    for message in catalogue:
        assert placeholders(message.source) == placeholders(message.translation), describe(message)
        assert ("[*]" in message.source) == ("[*]" in message.translation), describe(message)


def test_shipped_qm_is_built_from_the_ts(tool, tmp_path):
    built = tmp_path / "built.qm"
    tool.compile_qm(TS, built)
    assert built.read_bytes() == QM.read_bytes(), (
        "resources/i18n/fanwen_zh_CN.qm is stale: run scripts/update_translations.py"
    )


def test_qt_and_the_core_read_the_same_translation(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.ui.translation import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        for source in ("Not filled in yet.", "&Go to field", "{file}: file not found."):
            assert QCoreApplication.translate(i18n.CONTEXT, source) == i18n._(source) != source
        assert QCoreApplication.translate("Dialogs", "Exported") == "已导出"
        column = "column: how many fields a template has"
        assert QCoreApplication.translate("TemplateChooser", "Fields", column) == "字段数"
        assert QCoreApplication.translate("FieldEditor", "Fields") == "字段"
    finally:
        translations.install("en")
    assert i18n._("&Go to field") == "&Go to field"


def test_qt_base_translation_is_found_and_loaded(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.ui.translation import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        assert translations.missing == []
        assert len(translations.translators()) == 3  # ours, Qt's, our supplement to Qt's
        # A standard button of Qt itself speaks Chinese, and so do the labels Qt's catalogue
        # has only without their mnemonic (qtbase_extra_zh_CN).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    finally:
        translations.install("en")
    assert translations.translators() == []
    assert sys.modules["app.core.i18n"].language() == "en"
