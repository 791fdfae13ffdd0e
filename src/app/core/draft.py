"""Draft files (`.fanwen`): the writer's values for one template, as JSON.

    {"format": "fanwen-draft", "version": 1, "template": "sixin", "template_version": "1.0",
     "created": "...", "modified": "...", "values": {"unit_name": "某某市税务局", ...}}

A draft may also hold ``"wording"``: paragraphs of the template switched off or reworded for this
report (see `app.core.wording`). A hand-written ``{"template": "sixin", "values": {"KEY": VALUE}}``
loads too (the template
defaults to "sixin"; numbers may be JSON numbers or strings). Values are kept as the text the
writer typed; values that fail validation are loaded and flagged, never dropped; keys the
template does not know and top-level entries this version does not know are kept and written
back. Saving is atomic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.atomic import atomic_write_bytes
from app.core.errors import DraftError
from app.core.i18n import _
from app.core.kinds import exportable_text
from app.core.safe_read import Limit, read_file

if TYPE_CHECKING:
    from app.core.wording import Adaptation

FORMAT_MARKER = "fanwen-draft"
FORMAT_VERSION = 1
DEFAULT_TEMPLATE = "sixin"
SUFFIX = ".fanwen"
#: How deeply a draft's JSON may nest: a draft needs four levels; writing back a deeper one
#: could exhaust the stack.
MAX_DEPTH = 32
_SURROGATE = "[\ud800-\udfff]"
_KNOWN = {
    "format",
    "version",
    "template",
    "template_version",
    "created",
    "modified",
    "values",
    "wording",
}


@dataclass
class Draft:
    """One draft: which template, the raw values, and what else the file held."""

    template: str = DEFAULT_TEMPLATE
    values: dict[str, str] = field(default_factory=dict)
    template_version: str | None = None
    created: str | None = None
    modified: str | None = None
    #: Top-level entries written by a newer or other tool, kept as they were.
    extra: dict[str, Any] = field(default_factory=dict)
    #: Paragraphs switched off or reworded for this report, by paragraph id.
    wording: dict[str, Adaptation] = field(default_factory=dict)
    #: Keys of the values that held characters no export can carry, taken out when the file
    #: was read (see `kinds.exportable_text`), so the writer can be told.
    cleaned: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def to_json(self) -> str:
        """The draft as the text of a `.fanwen` file."""
        return json.dumps(self.to_data(), ensure_ascii=False, indent=2) + "\n"

    def to_data(self) -> dict[str, Any]:
        """The draft as the JSON object of a `.fanwen` file."""
        data: dict[str, Any] = {
            "format": FORMAT_MARKER,
            "version": FORMAT_VERSION,
            "template": self.template,
        }
        if self.template_version is not None:
            data["template_version"] = self.template_version
        if self.created is not None:
            data["created"] = self.created
        if self.modified is not None:
            data["modified"] = self.modified
        for key, value in self.extra.items():
            data.setdefault(key, value)
        data["values"] = dict(self.values)
        if self.wording:
            from app.core.wording import wording_data

            data["wording"] = wording_data(self.wording)
        return data


def now_iso() -> str:
    """The local time with its offset, to the second: the drafts' timestamps."""
    from datetime import datetime  # with the first save, not at start-up (docs/performance.md)

    return datetime.now().astimezone().isoformat(timespec="seconds")


def parse_draft(data: bytes, name: str) -> Draft:
    """Parse the bytes of a draft file; `name` is used in error messages."""
    if not data.strip():
        raise DraftError(_("{file}: the file is empty.", file=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DraftError(_("{file}: not a Fanwen draft (not a text file).", file=name)) from None
    try:
        content = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise DraftError(
            _(
                "{file}: not a Fanwen draft (damaged JSON at line {line}, column {column}).",
                file=name,
                line=exc.lineno,
                column=exc.colno,
            )
        ) from None
    except (ValueError, RecursionError):
        raise DraftError(_("{file}: not a Fanwen draft (damaged JSON).", file=name)) from None
    if not isinstance(content, dict):
        raise DraftError(_("{file}: not a Fanwen draft.", file=name))
    raw_values = content.get("values", {})
    content = _clean_content(content, name)
    marker = content.get("format")
    if marker is not None and marker != FORMAT_MARKER:
        raise DraftError(_("{file}: not a Fanwen draft.", file=name))
    if marker is None and "values" not in content:
        raise DraftError(_("{file}: not a Fanwen draft (it has no “values”).", file=name))
    version = content.get("version", FORMAT_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise DraftError(_("{file}: the draft's “version” is not a whole number.", file=name))
    if version > FORMAT_VERSION:
        raise DraftError(
            _(
                "{file}: made by a newer version of Fanwen (draft format {version}); please "
                "update Fanwen to open it.",
                file=name,
                version=version,
            )
        )
    template = content.get("template", DEFAULT_TEMPLATE)
    if not isinstance(template, str) or not template:
        raise DraftError(_("{file}: the draft's “template” must be a template id.", file=name))
    if not isinstance(raw_values, dict):
        raise DraftError(
            _("{file}: the draft's “values” must be an object of field values.", file=name)
        )
    values: dict[str, str] = {}
    for key, value in content.get("values", {}).items():
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
            raise DraftError(
                _("{file}: value “{key}” must be text or a number.", file=name, key=key)
            )
        values[key] = value if isinstance(value, str) else _number_text(value)
    # A value (or key) that had something taken out; numbers come in as numbers, unchanged.
    cleaned = [
        key
        for key, value in values.items()
        if key not in raw_values or (isinstance(raw_values[key], str) and raw_values[key] != value)
    ]
    from app.core.wording import parse_wording

    wording = parse_wording(content.get("wording"), name)
    draft = Draft(
        template=template,
        values=values,
        template_version=_optional_text(content.get("template_version")),
        created=_optional_text(content.get("created")),
        modified=_optional_text(content.get("modified")),
        extra={k: v for k, v in content.items() if k not in _KNOWN},
        wording=wording,
        cleaned=tuple(cleaned),
    )
    return draft


def load_draft(path: Path) -> Draft:
    """Read a draft file; every problem is a DraftError naming the file."""
    path = Path(path)
    return parse_draft(read_file(path, Limit.DRAFT, DraftError), str(path))


def save_draft(draft: Draft, path: Path) -> None:
    """Write a draft atomically (the old file stays whole if anything fails); sets `modified`."""
    stamp = now_iso()
    if draft.created is None:
        draft.created = stamp
    draft.modified = stamp
    atomic_write_bytes(Path(path), draft.to_json().encode("utf-8"))


def _number_text(value: int | Decimal) -> str:
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if ("E" in text or "e" in text) and value.is_finite() and abs(value.adjusted()) <= 30:
        return format(value, "f")  # 1E+2 from JSON "1e2": write it out as a plain number
    return text


def _clean_content(content: dict[str, Any], name: str) -> dict[str, Any]:
    """The one place a draft's text comes in: what is exported (values, wording) loses what no
    export can carry (`kinds.exportable_text`); the rest, kept and written back, and the keys
    of the values, only what cannot be written at all (lone surrogates)."""
    cleaned: dict[str, Any] = {}
    for key, value in content.items():
        if key == "values" and isinstance(value, dict):
            cleaned[key] = {
                _writable(k): _cleaned(v, exportable_text, name) for k, v in value.items()
            }
        else:
            clean = exportable_text if key == "wording" else _writable
            cleaned[_writable(key)] = _cleaned(value, clean, name)
    return cleaned


def _cleaned(value: Any, clean: Callable[[str], str], name: str, depth: int = 0) -> Any:
    """Every text in `value` (keys too) passed through `clean`."""
    if depth > MAX_DEPTH:
        raise DraftError(_("{file}: not a Fanwen draft (nested too deeply).", file=name))
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {clean(k): _cleaned(v, clean, name, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v, clean, name, depth + 1) for v in value]
    return value


def _writable(text: str) -> str:
    """`text` with each lone surrogate (which UTF-8 cannot hold) as U+FFFD."""
    return re.sub(_SURROGATE, "\ufffd", text)


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")
