"""The app's settings file read without Qt: what the command line takes from the app.

The desktop app keeps its settings with QSettings in an INI file (`app.core.paths.settings_file`,
under FANWEN_HOME when set); the `fanwen` command reads the same file here, with configparser,
so a value set in the app (the author written into DOCX and PDF properties) is the command's
default too. One store, read by both; only the app writes it.

QSettings writes a string as it is, or in double quotes when it holds a comma, a semicolon, a
quote or spaces at its ends, with backslash escapes inside (\\", \\\\, \\n, \\xHHHH for what it
cannot write plainly); a value of another type starts with "@". This reads strings only.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from app.core.paths import settings_file

#: The setting the desktop app keeps the export author under (app.ui.settings.EXPORT_AUTHOR).
EXPORT_AUTHOR = "export/author"

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b"}
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{1,4}|0[0-7]{0,3}|.)")


def unescape(text: str) -> str:
    """A QSettings INI value (one string) as the string it stands for."""
    value = text.strip()
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        value = value[1:-1]

    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] == "x" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code[0] == "0":
            return chr(int(code, 8))
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(replace, value)


def read_setting(key: str, path: Path | None = None) -> str | None:
    """The string stored under `key` ("group/name"), or None when it is absent, not a string or
    the file cannot be read."""
    group, _slash, name = key.rpartition("/")
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    try:
        with open(path or settings_file(), encoding="utf-8") as file:
            parser.read_file(file)
    except (OSError, UnicodeDecodeError, configparser.Error):
        return None
    section = group or "General"
    if not parser.has_option(section, name):
        return None
    raw = parser.get(section, name)
    if raw.startswith("@") and not raw.startswith("@@"):
        return None  # a QByteArray, a QVariant: not a string
    return unescape(raw.removeprefix("@"))


def export_author(given: str | None = None) -> str:
    """The author for an export: the one given (``--author``, even ""), else the one the app
    remembers."""
    return given if given is not None else (read_setting(EXPORT_AUTHOR) or "")
