"""A template's structure without values (`render.render_structure(template, {})`), kept on disk.

Loading a template renders its body once with no values, to check it and to start new reports
from; on a long template (a 100-page report) that costs tens of milliseconds at every start. The
result depends only on the template and on this version of the app, so it is kept as JSON in the
user folder (`cache/structures`), under a SHA-256 of what it depends on (`content_key`): an
edited body or field is a different entry. Each entry records the key and the template id it was
made for, and is used only by that template. Like the schema cache (`app.core.loader`), a cache
entry that cannot be read, written or understood is only skipped, and what is read is checked as
if it were input.
"""

from __future__ import annotations

import contextlib
import importlib
import json
from pathlib import Path
from typing import Any

from app import __version__
from app.core.body import FieldRef, ParagraphSpec, Piece, SignRef, Structure
from app.core.document import Role
from app.core.template import Template

#: Bumped when the structure's form or the way it is rendered changes.
FORMAT = 3


def content_key(template: Template) -> str:
    """A SHA-256 (hex) of everything a template's blank structure depends on: its id and
    origin, the fields' keys and placeholders (what the body's `field()` reads), its body, and
    this version of the app."""
    digest = _sha256()
    fields = "\1".join(f"{f.key}\2{f.placeholder}" for f in template.fields)
    for part in (
        str(FORMAT),
        __version__,
        template.id,
        str(template.origin),
        str(template.sandboxed),
        fields,
        template.body,
    ):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return str(digest.hexdigest())


def _sha256() -> Any:
    """A new SHA-256 hash: hashlib's own built-in implementation (what `hashlib.sha256` is when
    OpenSSL is absent, as in the bundles). `import hashlib` also loads OpenSSL (`_hashlib`): 3.6
    MiB more peak memory at start-up, the whole margin of the start-up memory budget."""
    for name in ("_sha256", "_sha2"):  # Python 3.11; 3.12 and later
        with contextlib.suppress(ImportError):
            return importlib.import_module(name).sha256()
    import hashlib  # pragma: no cover - a Python built without them

    return hashlib.sha256()  # pragma: no cover


def cache_file(key: str) -> Path:
    """Where the structure of the template whose `content_key` is `key` is kept."""
    from app.core.paths import user_dir

    return user_dir() / "cache" / "structures" / f"{key}.json"


def load(path: Path, template: Template, key: str) -> Structure | None:
    """The structure of `template` (whose `content_key` is `key`) kept at `path`, or None when
    there is none or the entry was made for something else."""
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError, AttributeError):
        data = json.loads(path.read_bytes())
        if data["key"] != key or data["template"] != template.id:
            return None  # never another template's structure
        keys = template.fields_by_key
        roles = {role.value: role for role in Role}
        paragraphs = []
        for item in data["paragraphs"]:
            pieces: list[Piece] = []
            for piece in item[3]:
                if type(piece) is str:
                    pieces.append(piece)
                elif type(piece) is dict and piece["sign"] in keys:
                    pieces.append(
                        SignRef(piece["sign"], _text(piece["positive"]), _text(piece["negative"]))
                    )
                elif type(piece) is list and piece[0] in keys:
                    pieces.append(FieldRef(piece[0], _text(piece[1]), _flag(piece[2])))
                else:
                    return None  # a field the template does not have: not this template's
            paragraphs.append(
                ParagraphSpec(_text(item[0]), roles[item[1]], _text(item[2]), tuple(pieces))
            )
        logic_keys = frozenset(_text(key) for key in data["logic_keys"])
        if not logic_keys <= keys.keys():
            return None
        line_of = tuple(int(n) for n in data["line_of"])
        logic_lines = {
            _text(key): frozenset(int(n) for n in lines)
            for key, lines in data["logic_lines"].items()
        }
        return Structure(
            tuple(paragraphs), logic_keys, line_of, logic_lines, _flag(data["by_line"])
        )
    return None


def store(path: Path, structure: Structure, template: Template, key: str) -> None:
    """Keep the structure of `template` (whose `content_key` is `key`) at `path` (failing to is
    not an error)."""

    def piece_data(p: Piece) -> object:
        if isinstance(p, FieldRef):
            return [p.key, p.placeholder, p.magnitude]
        if isinstance(p, str):
            return p
        return {"sign": p.key, "positive": p.positive, "negative": p.negative}

    data = {
        "key": key,
        "template": template.id,
        "paragraphs": [
            [spec.id, spec.role.value, spec.section, [piece_data(p) for p in spec.pieces]]
            for spec in structure.paragraphs
        ],
        "logic_keys": sorted(structure.logic_keys),
        "line_of": list(structure.line_of),
        "logic_lines": {key: sorted(lines) for key, lines in structure.logic_lines.items()},
        "by_line": structure.by_line,
    }
    with contextlib.suppress(OSError, TypeError, ValueError):
        from app.core.atomic import atomic_write_bytes

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value
