"""The app's settings, declared in one place (key, type, default, description), kept with QSettings.

Settings live in an INI file at `app.core.paths.settings_file()`, so `FANWEN_HOME` relocates them
with everything else the app writes. Reading is forgiving: a value of the wrong type (a file
edited by hand, an older version) falls back to the default instead of failing.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from app.core.paths import settings_file
from app.core.safe_read import is_special_file

T = TypeVar("T")


class Setting(NamedTuple, Generic[T]):
    """One setting: where it is stored, its type, its default and what it is for."""

    key: str
    type: type
    default: T
    description: str


LANGUAGE: Setting[str] = Setting(
    "ui/language", str, "zh_CN", "Language of the interface and messages: zh_CN or en."
)
WINDOW_GEOMETRY: Setting[QByteArray] = Setting(
    "window/geometry", QByteArray, QByteArray(), "Main window size and position."
)
WINDOW_STATE: Setting[QByteArray] = Setting(
    "window/state", QByteArray, QByteArray(), "Main window toolbars and docks."
)
SPLITTER_STATE: Setting[QByteArray] = Setting(
    "window/splitter", QByteArray, QByteArray(), "Widths of the steps, form and preview panes."
)
LAST_STEP: Setting[str] = Setting(
    "window/last_step", str, "", "The step shown when the app was last closed."
)
FIELD_EDITOR_GEOMETRY: Setting[QByteArray] = Setting(
    "window/field_editor", QByteArray, QByteArray(), "Size and position of the field editor."
)
EXPORT_FORMAT: Setting[str] = Setting(
    "export/format", str, "txt", "The export format chosen last (a name from FORMATS)."
)
TXT_ENCODING: Setting[str] = Setting(
    "export/txt_encoding", str, "utf-8", "Encoding of txt exports: utf-8 (with BOM) or gb18030."
)
EXPORT_FOLDER: Setting[str] = Setting("export/folder", str, "", "The folder exported to last.")
EXPORT_AUTHOR: Setting[str] = Setting(
    "export/author", str, "", "The author written into the properties of DOCX and PDF exports."
)
DRAFT_FOLDER: Setting[str] = Setting(
    "files/folder", str, "", "The folder a draft was opened from or saved to last."
)
RECENT_FILES: Setting[list[str]] = Setting(
    "files/recent", list, [], "Drafts opened or saved recently, newest first."
)
SHARED_TEMPLATES: Setting[str] = Setting(
    "templates/shared_folder",
    str,
    "",
    "An office's shared, read-only template folder (FANWEN_SHARED_TEMPLATES overrides it).",
)
FONT_HINT_DISMISSED: Setting[str] = Setting(
    "export/font_hint_dismissed",
    str,
    "",
    "“yes”: the export page no longer offers the 公文 fonts' substitutes (Linux).",
)

#: Every setting the app knows.
ALL: tuple[Setting[Any], ...] = (
    LANGUAGE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    SPLITTER_STATE,
    LAST_STEP,
    FIELD_EDITOR_GEOMETRY,
    EXPORT_FORMAT,
    TXT_ENCODING,
    EXPORT_FOLDER,
    EXPORT_AUTHOR,
    DRAFT_FOLDER,
    RECENT_FILES,
    SHARED_TEMPLATES,
    FONT_HINT_DISMISSED,
)

LANGUAGES = ("zh_CN", "en")
RECENT_LIMIT = 8


class Settings:
    """Typed access to the settings file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else settings_file()
        if is_special_file(self.path):  # a FIFO would block the start: not read, not written
            spare = tempfile.mkdtemp(prefix="fanwen-settings-")
            weakref.finalize(self, shutil.rmtree, spare, True)
            self.path = Path(spare) / self.path.name
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        """The stored value, or the default when absent or of the wrong type."""
        value = self._store.value(setting.key)
        if value is None:
            return _copy(setting.default)
        if setting.type is list:
            # QSettings gives a one-element list back as a plain string.
            if isinstance(value, str):
                value = [value] if value else []
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                return value  # type: ignore[return-value]
            return _copy(setting.default)
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else _copy(setting.default)  # type: ignore[return-value]
        if setting.type is str:
            return value if isinstance(value, str) else _copy(setting.default)  # type: ignore[return-value]
        return _copy(setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value."""
        if setting.type is list and isinstance(value, list) and not value:
            self._store.remove(setting.key)
            return
        self._store.setValue(setting.key, value)

    def sync(self) -> None:
        """Write pending changes to the file."""
        self._store.sync()

    def language(self) -> str:
        """The interface language, one of LANGUAGES."""
        language = self.get(LANGUAGE)
        return language if language in LANGUAGES else LANGUAGE.default


def _copy(value: T) -> T:
    if isinstance(value, list):
        return list(value)  # type: ignore[return-value]
    if isinstance(value, QByteArray):
        return QByteArray(value)  # type: ignore[return-value]
    return value
