"""Translation of the core's user-facing messages.

Source strings are English; `_()` looks them up in the active language's catalogue and then fills
in the named placeholders (translation first, formatting second, so a translator sees the whole
sentence). Chinese is the default: our users read Chinese. The Qt layer switches the language with
`set_language()` together with its own translators.
"""

from __future__ import annotations

from typing import Any

from app.core.i18n_zh import ZH_CN

_language = "zh_CN"

CATALOGUES: dict[str, dict[str, str]] = {"zh_CN": ZH_CN}


def set_language(language: str) -> None:
    """Select the language of core messages: "zh_CN" or "en"."""
    global _language
    _language = language


def language() -> str:
    """The language core messages are given in."""
    return _language


def _(text: str, /, **params: Any) -> str:
    """Translate `text` into the active language, then format its `{name}` placeholders."""
    translated = CATALOGUES.get(_language, {}).get(text, text)
    return translated.format(**params) if params else translated
