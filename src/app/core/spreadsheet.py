"""Numbers from a spreadsheet: reading `.csv` / `.xlsx` tables and matching them to fields.

A table is read whole or not at all: anything wrong with it (not a spreadsheet, empty, too
large, a cell holding a formula error, merged cells) is one `SpreadsheetError` naming the file,
and nothing is filled. Two shapes are understood:

* two columns: a field's label (or key) and its value, one field a row;
* a header row of labels (or keys) and one row of values under it.

Each name is matched to a field by key, then by label (exactly, then ignoring spaces,
punctuation and a unit in brackets, then the one label containing it or contained in it). A name
that could be two fields is an error; a name that matches none is listed, never silently
dropped. Computed fields are never filled: their formulas make them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.template import Field, Template

#: A table larger than this is not a report's statistics: refused before it is read whole.
MAX_BYTES = 20 * 1024 * 1024
MAX_ROWS = 10_000
MAX_COLUMNS = 500
#: The first sheet's XML, unpacked: a compressed file of 20 MB may unpack to far more.
MAX_SHEET_BYTES = 200 * 1024 * 1024
#: What Excel and WPS write into a cell whose formula failed.
CELL_ERRORS = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, .et: the old binary formats


class SpreadsheetError(FanwenError):
    """A table that cannot be used: names the file and what is wrong."""


class Entry(NamedTuple):
    """One name and its value as the table has it; `where` says where (“B3”, “row 3”)."""

    name: str
    value: str
    where: str


class Match(NamedTuple):
    """An entry matched to a field."""

    entry: Entry
    key: str


class FillPlan(NamedTuple):
    """What filling a report from a table would do."""

    #: Field key -> the new value, in table order (only values that differ from the report's).
    values: dict[str, str]
    #: Each matched entry (also those whose value is already the report's).
    matched: list[Match]
    #: Entries that match no field.
    unmatched: list[Entry]
    #: Entries naming a computed field (not filled: its formula makes it).
    computed: list[Match]


# ---------------------------------------------------------------------- reading


def read_table(path: Path) -> list[list[str]]:
    """The first sheet of a .csv or .xlsx file as rows of text (trailing empty cells and rows
    dropped); SpreadsheetError for anything that is not a usable table."""
    path = Path(path)
    try:
        if path.is_dir():
            raise SpreadsheetError(_("{file}: is a folder, not a spreadsheet.", file=path))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise SpreadsheetError(
                _("{file}: too large for a table of figures (over {mb} MB).", file=path, mb=20)
            )
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise SpreadsheetError(_("{file}: file not found.", file=path)) from None
    except OSError as exc:
        raise SpreadsheetError(
            _("{file}: cannot be read: {error}", file=path, error=exc.strerror or exc)
        ) from None
    if head.startswith(b"PK"):
        rows = _read_xlsx(path)
    elif head.startswith(_OLE_MAGIC):
        raise SpreadsheetError(
            _(
                "{file}: an old .xls/.et spreadsheet: save it as .xlsx or .csv (UTF-8) first.",
                file=path,
            )
        )
    elif path.suffix.lower() in (".csv", ".txt", ".tsv"):
        rows = _read_csv(path)
    else:
        raise SpreadsheetError(
            _("{file}: not a spreadsheet (a .xlsx or .csv file is needed).", file=path)
        )
    rows = _trimmed(rows)
    if not rows:
        raise SpreadsheetError(_("{file}: the table is empty.", file=path))
    return rows


def _read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(
            _("{file}: not a spreadsheet (a .xlsx or .csv file is needed).", file=path)
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes nearly any bytes
        raise SpreadsheetError(_("{file}: not UTF-8 or GB18030 text.", file=path))
    sample = text[:4096]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    rows: list[list[str]] = []
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
            if number > MAX_ROWS:
                raise SpreadsheetError(_too_many_rows(path))
            if len(row) > MAX_COLUMNS:
                raise SpreadsheetError(_too_many_columns(path))
            rows.append(row)
    except csv.Error as exc:
        raise SpreadsheetError(
            _("{file}: not a valid CSV file: {error}", file=path, error=exc)
        ) from None
    return rows


def _read_xlsx(path: Path) -> list[list[str]]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            sheet = _first_sheet(archive, names)
            if sheet is not None and archive.getinfo(sheet).file_size > MAX_SHEET_BYTES:
                raise SpreadsheetError(_too_many_rows(path))
            if sheet is not None and _has_merged_cells(archive, sheet):
                raise SpreadsheetError(
                    _(
                        "{file}: the sheet has merged cells: unmerge them so each value has "
                        "its own cell.",
                        file=path,
                    )
                )
    except (zipfile.BadZipFile, KeyError, OSError):
        raise SpreadsheetError(
            _("{file}: not a spreadsheet (a .xlsx or .csv file is needed).", file=path)
        ) from None
    if sheet is None:
        raise SpreadsheetError(
            _("{file}: not a spreadsheet (a .xlsx or .csv file is needed).", file=path)
        )
    try:
        import openpyxl  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - a dependency; a broken install says so
        raise SpreadsheetError(
            _("{file}: reading .xlsx needs openpyxl, which is not installed.", file=path)
        ) from None
    rows: list[list[str]] = []
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            worksheet = book.worksheets[0]
            for number, row in enumerate(worksheet.iter_rows(values_only=True), 1):
                if number > MAX_ROWS:
                    raise SpreadsheetError(_too_many_rows(path))
                if len(row) > MAX_COLUMNS:
                    raise SpreadsheetError(_too_many_columns(path))
                cells = [_cell_text(value) for value in row]
                for column, text in enumerate(cells, 1):
                    if text in CELL_ERRORS:
                        raise SpreadsheetError(
                            _(
                                "{file}: cell {cell} holds a formula error ({error}): correct "
                                "it in the spreadsheet first.",
                                file=path,
                                cell=f"{_column_name(column)}{number}",
                                error=text,
                            )
                        )
                rows.append(cells)
        finally:
            book.close()
    except SpreadsheetError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(
            _("{file}: the spreadsheet cannot be read: {error}", file=path, error=exc)
        ) from None
    return rows


def _has_merged_cells(archive: zipfile.ZipFile, sheet: str) -> bool:
    """Whether the sheet's XML declares merged cells (read in pieces: it may be large)."""
    tail = b""
    with archive.open(sheet) as stream:
        while chunk := stream.read(1 << 20):
            if b"<mergeCell " in tail + chunk or b"<x:mergeCell " in tail + chunk:
                return True
            tail = chunk[-16:]
    return False


def _first_sheet(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """The part name of the workbook's first sheet (as openpyxl reads it), or None."""
    if "xl/workbook.xml" not in names:
        return None
    workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
    first = re.search(r"<(?:\w+:)?sheet\b[^>]*\br:id=\"([^\"]+)\"", workbook)
    rels_name = "xl/_rels/workbook.xml.rels"
    if first is None or rels_name not in names:
        return None
    rels = archive.read(rels_name).decode("utf-8", "replace")
    for relation in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = relation.group(0)
        if f'Id="{first.group(1)}"' in tag:
            target = re.search(r'Target="([^"]+)"', tag)
            if target is None:
                return None
            part = target.group(1).lstrip("/")
            part = part if part.startswith("xl/") else "xl/" + part
            return part if part in names else None
    return None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    return str(value).strip()


def _column_name(number: int) -> str:
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _too_many_rows(path: Path) -> str:
    return _(
        "{file}: more than {rows} rows: not a table of one report's figures.",
        file=path,
        rows=MAX_ROWS,
    )


def _too_many_columns(path: Path) -> str:
    return _("{file}: more than {columns} columns.", file=path, columns=MAX_COLUMNS)


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    result = []
    for row in rows:
        cells = [cell.strip() for cell in row]
        while cells and not cells[-1]:
            cells.pop()
        result.append(cells)
    while result and not result[-1]:
        result.pop()
    return [row for row in result] if any(result) else []


# ---------------------------------------------------------------------- matching


def entries(rows: Sequence[Sequence[str]], template: Template, name: str) -> list[Entry]:
    """The table's (name, value) entries, whichever of the two shapes it has."""
    width = max(len(row) for row in rows)
    header = [cell for cell in rows[0]]
    columns = _named_columns(header)
    if columns is not None:  # a table of `fanwen values`: its key (or label) and value columns
        name_column, value_column = columns
        return [
            Entry(
                row[name_column],
                row[value_column] if value_column < len(row) else "",
                _("row {number}", number=number),
            )
            for number, row in enumerate(rows[1:], 2)
            if name_column < len(row) and row[name_column]
        ]
    two_headers = (
        len(rows) == 2
        and all(match_field(cell, template) for cell in header if cell)
        and not (rows[1] and match_field(rows[1][0], template))
    )
    if width > 2 or two_headers:
        body = [row for row in rows[1:] if any(row)]
        if not body:
            raise SpreadsheetError(
                _("{file}: a header row and no row of values under it.", file=name)
            )
        if len(body) > 1:
            raise SpreadsheetError(
                _(
                    "{file}: {count} rows of values under the header: one report takes one row.",
                    file=name,
                    count=len(body),
                )
            )
        values = body[0]
        return [
            Entry(cell, values[index] if index < len(values) else "", _column_name(index + 1))
            for index, cell in enumerate(header)
            if cell
        ]
    found = []
    for number, row in enumerate(rows, 1):
        if row and row[0]:
            found.append(
                Entry(row[0], row[1] if len(row) > 1 else "", _("row {number}", number=number))
            )
    return found


def _named_columns(header: Sequence[str]) -> tuple[int, int] | None:
    """(name column, value column) when the header names them as `fanwen values` writes them
    (in either language)."""
    titles = [cell.strip().lower() for cell in header]
    values = [index for index, title in enumerate(titles) if title in _VALUE_TITLES]
    if not values:
        return None
    for names in (_KEY_TITLES, _LABEL_TITLES):
        for index, title in enumerate(titles):
            if title in names:
                return index, values[0]
    return None


#: Column titles of a values table (`app.core.value_table.header` in both languages).
_KEY_TITLES = frozenset({"key", "键", "键名"})
_LABEL_TITLES = frozenset({"label", "标签", "名称"})
_VALUE_TITLES = frozenset({"value", "值", "数值"})


def plan_fill(
    rows: Sequence[Sequence[str]], template: Template, current: Mapping[str, str], name: str
) -> FillPlan:
    """What filling a report whose values are `current` from this table would change;
    SpreadsheetError (naming `name`) for a name that matches two fields or two names that
    match one field."""
    table = entries(rows, template, name)
    matched: list[Match] = []
    unmatched: list[Entry] = []
    computed: list[Match] = []
    taken: dict[str, Entry] = {}
    for entry in table:
        keys = match_field(entry.name, template)
        if len(keys) > 1:
            labels = "、".join(template.field(k).label for k in keys)
            raise SpreadsheetError(
                _(
                    "{file}: “{name}” ({where}) could be any of these fields: {labels}; name "
                    "the field exactly (its label or key).",
                    file=name,
                    name=entry.name,
                    where=entry.where,
                    labels=labels,
                )
            )
        if not keys:
            unmatched.append(entry)
            continue
        key = keys[0]
        if key in taken:
            raise SpreadsheetError(
                _(
                    "{file}: “{first}” ({first_where}) and “{second}” ({second_where}) are both "
                    "the field “{label}”.",
                    file=name,
                    first=taken[key].name,
                    first_where=taken[key].where,
                    second=entry.name,
                    second_where=entry.where,
                    label=template.field(key).label,
                )
            )
        taken[key] = entry
        if template.field(key).formula is not None:
            computed.append(Match(entry, key))
        else:
            matched.append(Match(entry, key))
    values = {
        match.key: match.entry.value
        for match in matched
        if match.entry.value and match.entry.value != current.get(match.key, "")
    }  # an empty cell does not clear a value
    return FillPlan(values, matched, unmatched, computed)


def read_fill(path: Path, template: Template, current: Mapping[str, str]) -> FillPlan:
    """`plan_fill` of the table in a file."""
    return plan_fill(read_table(path), template, current, str(path))


_BRACKETS = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]")
_PUNCTUATION = re.compile(r"[\s:：,，、.。;；\"'“”‘’]+")


def _normal(text: str) -> str:
    return _PUNCTUATION.sub("", _BRACKETS.sub("", text)).lower()


def match_field(name: str, template: Template) -> list[str]:
    """The keys of the fields `name` may mean: the best level of matching that finds any."""
    name = name.strip()
    if name in template.fields_by_key:
        return [name]
    fields: tuple[Field, ...] = template.fields
    exact = [f.key for f in fields if f.label == name]
    if exact:
        return exact
    normal = _normal(name)
    if not normal:
        return []
    same = [f.key for f in fields if _normal(f.label) == normal]
    if same:
        return same
    return [
        f.key
        for f in fields
        if (label := _normal(f.label)) and (normal in label or label in normal)
    ]
