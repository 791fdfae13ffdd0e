"""The Chinese translation is complete: a UI string without a finished translation fails here.

Strings are extracted afresh from the sources with Qt's own `lupdate` (as a translator would),
and each must have a finished translation in the `.ts` kept in the repository; the shipped `.qm`
must be what `lrelease` makes of that `.ts` today.
"""

from __future__ import annotations

import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest

REPO = Path(__file__).resolve().parents[2]
UI_SOURCES = sorted((REPO / "src" / "app" / "ui").glob("*.py"))
TS = REPO / "resources" / "i18n" / "fanwen_zh_CN.ts"
QM = REPO / "resources" / "i18n" / "fanwen_zh_CN.qm"


def qt_tool(name: str) -> Path:
    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return candidate
    pytest.fail(f"{name} not found beside PySide6 (PySide6-Essentials ships it)")


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(context, source) -> (translation, type attribute)."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found[(name, message.findtext("source") or "")] = (
                translation.text or "",
                translation.get("type"),
            )
    return found


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_ui_string_has_a_finished_chinese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    result = subprocess.run(
        [str(qt_tool("lupdate")), *map(str, UI_SOURCES), "-ts", str(fresh), "-locations", "none"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    extracted = messages(fresh)
    assert len(extracted) > 40  # the extraction itself works
    committed = messages(TS)
    missing = [
        f"{context}: {source!r}"
        for (context, source) in extracted
        if (context, source) not in committed
        or not committed[(context, source)][0]
        or committed[(context, source)][1] in ("unfinished", "obsolete", "vanished")
    ]
    assert not missing, "UI strings without a Chinese translation:\n" + "\n".join(missing)


def test_translations_keep_placeholders_and_title_mark():
    for (context, source), (translation, _kind) in messages(TS).items():
        assert placeholders(source) == placeholders(translation), (context, source)
        assert ("[*]" in source) == ("[*]" in translation), (context, source)


def test_shipped_qm_is_built_from_the_ts(tmp_path):
    built = tmp_path / "built.qm"
    result = subprocess.run(
        [str(qt_tool("lrelease")), str(TS), "-qm", str(built)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert built.read_bytes() == QM.read_bytes(), (
        "resources/i18n/fanwen_zh_CN.qm is stale: run pyside6-lrelease on the .ts"
    )


def test_qt_base_translation_is_found_and_loaded(qapp):
    from PySide6.QtCore import QCoreApplication

    from app.ui.translation import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        assert translations.missing == []
        assert len(translations.translators()) == 2
        # A standard button of Qt itself speaks Chinese.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        translations.install("en")
    assert translations.translators() == []
    assert sys.modules["app.core.i18n"].language() == "en"
