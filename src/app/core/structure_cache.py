"""A template's structure without values (`render.render_structure(template, {})`), kept on disk.

Loading a template renders its body once with no values, to check it and to start new reports
from; on a long template (a 100-page report) that costs tens of milliseconds at every start. The
result depends only on the template and on this version of the app, so it is kept as JSON in the
user folder (`cache/structures`), under the key `content_key` (`app.core.cache_key`): all it
depends on, so an edited body or field is a different entry. Each entry records its whole key
and the template id it was made for, and is used only when both are the same, exactly. Like the
schema cache (`app.core.loader`), a cache entry that cannot be read, written or understood is
only skipped, and what is read is checked as if it were input.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from app.core.body import ChangeRef, FieldRef, ParagraphSpec, Piece, SignRef, Structure
from app.core.cache_key import cache_key, entry_file
from app.core.document import CellShape, Merge, Role, RowShape
from app.core.errors import FanwenError
from app.core.safe_read import Limit, read_file
from app.core.template import Template

#: Bumped when the structure's form or the way it is rendered changes.
FORMAT = 5


def content_key(template: Template) -> str:
    """The key (`app.core.cache_key.cache_key`) of a template's blank structure: everything it
    depends on, namely its id and origin, whether it runs sandboxed, the fields' keys and
    placeholders (what the body's `field()` reads) and its body. An entry is used only when the
    key it stores is this one exactly."""
    fields = "\1".join(f"{f.key}\2{f.placeholder}" for f in template.fields)
    return cache_key(
        f"structures{FORMAT}",
        str(template.origin),
        template.id,
        str(template.sandboxed),
        fields,
        template.body,
    )


def cache_file(key: str) -> Path:
    """Where the structure of the template whose `content_key` is `key` is kept."""
    return entry_file("structures", key)


def load(path: Path, template: Template, key: str) -> Structure | None:
    """The structure of `template` (whose `content_key` is `key`) kept at `path`, or None when
    there is none or the entry was made for something else."""
    with contextlib.suppress(
        OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError, FanwenError
    ):
        data = json.loads(read_file(path, Limit.CACHE))  # a regular file, of a bounded size
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
                elif type(piece) is dict and "change" in piece and piece["change"] in keys:
                    pieces.append(
                        ChangeRef(
                            piece["change"],
                            _text(piece["positive"]),
                            _text(piece["negative"]),
                            _text(piece["zero"]),
                            _text(piece["placeholder"]),
                        )
                    )
                elif type(piece) is dict and piece["sign"] in keys:
                    pieces.append(
                        SignRef(piece["sign"], _text(piece["positive"]), _text(piece["negative"]))
                    )
                elif type(piece) is list and piece[0] in keys:
                    pieces.append(FieldRef(piece[0], _text(piece[1]), _flag(piece[2])))
                else:
                    return None  # a field the template does not have: not this template's
            row = _row(item[4]) if len(item) > 4 else None
            if (row is None) != (roles[item[1]] is not Role.ROW) or (
                row is not None and sum(cell.size for cell in row.cells) != len(pieces)
            ):
                return None
            paragraphs.append(
                ParagraphSpec(_text(item[0]), roles[item[1]], _text(item[2]), tuple(pieces), row)
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
        if isinstance(p, ChangeRef):
            return {
                "change": p.key,
                "positive": p.positive,
                "negative": p.negative,
                "zero": p.zero,
                "placeholder": p.blank,
            }
        return {"sign": p.key, "positive": p.positive, "negative": p.negative}

    data = {
        "key": key,
        "template": template.id,
        "paragraphs": [
            [spec.id, spec.role.value, spec.section, [piece_data(p) for p in spec.pieces]]
            + ([_row_data(spec.row)] if spec.row is not None else [])
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


def _row_data(row: RowShape) -> object:
    return [[[cell.size, cell.merge.value] for cell in row.cells], row.header, row.starts]


def _row(value: object) -> RowShape:
    """A table row's shape as `_row_data` wrote it (TypeError or ValueError when it is not)."""
    if not isinstance(value, list) or len(value) != 3 or not isinstance(value[0], list):
        raise TypeError("not a row")
    cells = []
    for cell in value[0]:
        if not isinstance(cell, list) or len(cell) != 2 or type(cell[0]) is not int:
            raise TypeError("not a cell")
        if cell[0] < 0:
            raise ValueError("not a cell")
        cells.append(CellShape(cell[0], Merge(cell[1])))
    return RowShape(tuple(cells), _flag(value[1]), _flag(value[2]))


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value
