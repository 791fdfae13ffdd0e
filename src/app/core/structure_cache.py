"""A template's structure without values (`render.render_structure(template, {})`), kept on disk.

Loading a template renders its body once with no values, to check it and to start new reports
from; on a long template (a 100-page report) that costs tens of milliseconds at every start. The
result depends only on the template and on this version of the app, so it is kept as JSON in the
user folder (`cache/structures`), under a name made from them: an edited body or field is a
different entry. Like the schema cache (`app.core.loader`), a cache entry that cannot be read,
written or understood is only skipped, and what is read is checked as if it were input.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__
from app.core.document import Role
from app.core.template import Template

if TYPE_CHECKING:
    from app.core.render import Structure

#: Bumped when the structure's form or the way it is rendered changes.
FORMAT = 2


def cache_file(template: Template) -> Path:
    """Where the structure of `template` is kept."""
    from app.core.paths import user_dir

    # What the body's rendering reads of the fields: which there are, and their placeholders.
    fields = "\1".join(f"{f.key}\2{f.placeholder}" for f in template.fields)
    source = "\0".join(
        (str(FORMAT), __version__, template.id, str(template.sandboxed), fields, template.body)
    )
    raw = source.encode("utf-8", "surrogatepass")
    key = f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}-{len(raw):x}"
    return user_dir() / "cache" / "structures" / f"{key}.json"


def load(path: Path, template: Template) -> Structure | None:
    """The structure of `template` kept at `path` (its `cache_file`), or None."""
    from app.core.body import FieldRef, ParagraphSpec, Piece, SignRef
    from app.core.render import Structure

    with contextlib.suppress(OSError, ValueError, TypeError, KeyError, AttributeError):
        data = json.loads(path.read_bytes())
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


def store(path: Path, structure: Structure) -> None:
    """Keep a template's structure at `path` (its `cache_file`; failing to is not an error)."""
    from app.core.body import FieldRef, Piece

    def piece_data(p: Piece) -> object:
        if isinstance(p, FieldRef):
            return [p.key, p.placeholder, p.magnitude]
        if isinstance(p, str):
            return p
        return {"sign": p.key, "positive": p.positive, "negative": p.negative}

    data = {
        "paragraphs": [
            [
                spec.id,
                spec.role.value,
                spec.section,
                [piece_data(p) for p in spec.pieces],
            ]
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
