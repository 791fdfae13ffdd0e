"""Translation of the app's messages, without Qt, from the one catalogue the interface uses too.

Source strings are English. Every translation lives in `resources/i18n/fanwen_<language>.ts`
(edited with Qt Linguist or by hand, compiled to the `.qm` beside it by
`scripts/update_translations.py`). The interface's `tr()` reads that `.qm` through QTranslator,
context by context; `_()` reads the same `.qm` here with the standard library, in the context
`CONTEXT`, so the command line prints Chinese without loading Qt (the `.qm`, not the `.ts`: it is
what every install ships, and quicker to read than XML). A sentence is translated once:
one used by the core or by more than one screen goes through `_()`; one of a single screen
through its `tr()`.

`_()` translates first and then fills in the named placeholders, so a translator sees the whole
sentence. Chinese is the default: our users read Chinese. The Qt layer switches the language with
`set_language()` together with its own translators.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

from app.core.paths import resources_dir

#: The catalogue's context for `_()` (the other contexts are the interface's classes).
CONTEXT = "app"
#: The catalogue's file name before `_<language>.qm` / `.ts`.
CATALOGUE = "fanwen"
#: The language of the source strings (no catalogue).
SOURCE_LANGUAGE = "en"

_language = "zh_CN"
#: language -> its catalogue (None: none), read on first use.
_loaded: dict[str, Catalogue | None] = {}

# The tags of a .qm file's message records (Qt's qm.cpp).
_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_HASHES = 0x42
_QM_MESSAGES = 0x69
_TAG_END = 1
_TAG_TRANSLATION = 3
_TAG_SOURCE = 6
_TAG_CONTEXT = 7
_TAG_COMMENT = 8
_NULL = 0xFFFFFFFF


def catalogue_path(language: str = "zh_CN") -> Path:
    """The compiled catalogue (.qm) of a language, read by `_()` and by Qt's QTranslator."""
    return resources_dir() / "i18n" / f"{CATALOGUE}_{language}.qm"


def read_qm(data: bytes) -> dict[tuple[str, str, str], str]:
    """Every message of a compiled catalogue: (context, source, disambiguation) -> translation.

    Messages with plural forms keep their first form. Raises ValueError when `data` is not a
    `.qm` file, or not one made with the source texts kept (lrelease's default).
    """
    return {
        (context.decode(), source.decode(), comment.decode()): translation.decode("utf-16-be")
        for context, source, comment, translation in _qm_records(data)
    }


def _qm_records(data: bytes) -> list[tuple[bytes, bytes, bytes, bytes]]:
    """The raw (context, source, disambiguation, UTF-16 translation) of each .qm message."""
    messages = _qm_sections(data).get(_QM_MESSAGES, b"")
    records = []
    position = 0
    try:
        while position < len(messages):
            record, position = _qm_record(messages, position)
            records.append(record)
    except (struct.error, IndexError) as exc:
        raise ValueError(f"a damaged .qm file: {exc}") from None
    return records


def _qm_sections(data: bytes) -> dict[int, bytes]:
    """The sections of a .qm file by their tag (hashes, messages, contexts, …)."""
    if not data.startswith(_QM_MAGIC):
        raise ValueError("not a Qt translation file (.qm)")
    sections = {}
    position = len(_QM_MAGIC)
    try:
        while position + 5 <= len(data):
            (length,) = struct.unpack_from(">I", data, position + 1)
            sections[data[position]] = data[position + 5 : position + 5 + length]
            position += 5 + length
    except struct.error as exc:
        raise ValueError(f"a damaged .qm file: {exc}") from None
    return sections


class Catalogue:
    """The translations of CONTEXT in one compiled catalogue, looked up as QTranslator does it:
    by the hash of the source text in the file's sorted hash table, reading only the messages
    with that hash (reading every message first costs more than all the lookups of a session).
    A damaged or missing message gives the source text, as Qt does without its catalogue."""

    def __init__(self, data: bytes) -> None:
        sections = _qm_sections(data)
        self._hashes = sections.get(_QM_HASHES, b"")
        self._messages = sections.get(_QM_MESSAGES, b"")
        self._found: dict[str, str] = {}

    def get(self, text: str, default: str) -> str:
        """The translation of `text` (no disambiguation), or `default`."""
        found = self._found.get(text)
        if found is None:
            try:
                found = self._look_up(text.encode())
            except (struct.error, IndexError, ValueError):
                found = ""  # a damaged message: the source text, as for a missing one
            self._found[text] = found
        return found or default

    def _look_up(self, source: bytes) -> str:
        hashes, wanted = self._hashes, qm_hash(source)
        low, high = 0, len(hashes) // 8
        while low < high:  # the first entry whose hash is not below `wanted`
            middle = (low + high) // 2
            if struct.unpack_from(">I", hashes, middle * 8)[0] < wanted:
                low = middle + 1
            else:
                high = middle
        context = CONTEXT.encode()
        for entry in range(low, len(hashes) // 8):
            value, offset = struct.unpack_from(">II", hashes, entry * 8)
            if value != wanted:
                break
            record, _end = _qm_record(self._messages, offset)
            if record[:3] == (context, source, b"") and record[3]:
                return record[3].decode("utf-16-be")
        return ""


def qm_hash(source: bytes) -> int:
    """Qt's ELF hash of a message's source text and (empty) disambiguation (qtranslator.cpp)."""
    value = 0
    for byte in source:
        value = ((value << 4) + byte) & 0xFFFFFFFF
        high = value & 0xF0000000
        if high:
            value ^= high >> 24
        value &= ~high & 0xFFFFFFFF
    return value or 1


def _qm_record(messages: bytes, position: int) -> tuple[tuple[bytes, bytes, bytes, bytes], int]:
    """The (context, source, disambiguation, UTF-16 translation) of the message at `position`,
    and the position after it. ValueError for a tag lrelease does not write or a message without
    its source text (a .qm made without them); struct.error or IndexError when cut short."""
    fields: dict[int, bytes | None] = {_TAG_CONTEXT: None, _TAG_SOURCE: None, _TAG_COMMENT: b""}
    translation: bytes | None = None
    while (tag := messages[position]) != _TAG_END:
        (length,) = struct.unpack_from(">I", messages, position + 1)
        position += 5
        value = b""
        if length != _NULL:
            value = messages[position : position + length]
            position += length
        if tag == _TAG_TRANSLATION:
            translation = value if translation is None else translation  # first plural form
        elif tag in fields:
            fields[tag] = value
        else:
            raise ValueError(f"unknown message tag {tag} in a .qm file")
    context, source, comment = fields[_TAG_CONTEXT], fields[_TAG_SOURCE], fields[_TAG_COMMENT]
    if context is None or source is None or comment is None:
        raise ValueError("a .qm message without its source text")
    return (context, source, comment, translation or b""), position + 1


def _catalogue(language: str) -> Catalogue | None:
    """The catalogue of `language` (None when it has none, or it cannot be read)."""
    if language not in _loaded:
        catalogue = None
        if language != SOURCE_LANGUAGE:
            try:
                catalogue = Catalogue(catalogue_path(language).read_bytes())
            except (OSError, ValueError):
                catalogue = None  # as Qt does without its catalogue: the English source
        _loaded[language] = catalogue
    return _loaded[language]


def set_language(language: str) -> None:
    """Select the language of messages: "zh_CN" or "en"."""
    global _language
    _language = language


def language() -> str:
    """The language messages are given in."""
    return _language


def _(text: str, /, **params: Any) -> str:
    """Translate `text` into the active language, then format its `{name}` placeholders."""
    catalogue = _catalogue(_language)
    translated = catalogue.get(text, text) if catalogue is not None else text
    return translated.format(**params) if params else translated


def N_(text: str, /) -> str:  # gettext_noop, under the name xgettext and Babel know
    """Mark `text` for the catalogue without translating it (translated later with `_()`)."""
    return text
