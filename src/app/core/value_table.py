"""Values out: a report's values as a table (label, key, value, unit) for the statistician who
checks the numbers (`fanwen values`), as .csv (UTF-8 with BOM, as Excel and WPS open it) or .xlsx.

The table reads back with ``fanwen fill`` (its key and value columns are recognised by their
headers). Written atomically: a failed write leaves no file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from app.core.atomic import atomic_write_bytes
from app.core.errors import ExportError
from app.core.i18n import _
from app.core.report import ReportModel

FORMATS = ("csv", "xlsx")


def header() -> list[str]:
    """The column titles, in the current language."""
    return [_("Label"), _("Key"), _("Value"), _("Unit of measure")]


def value_rows(model: ReportModel) -> list[list[str]]:
    """One row per field in document order: label, key, value (computed ones as computed;
    an invalid value as typed), unit."""
    rows = []
    for key in model.field_order():
        field = model.template.field(key)
        checked = model.checked.get(key)
        value = checked.text if checked is not None else ""
        rows.append([field.label, key, value, field.unit])
    return rows


def table_bytes(model: ReportModel, fmt: str) -> bytes:
    """The table in a format of `FORMATS`."""
    rows = [header(), *value_rows(model)]
    if fmt == "csv":
        text = io.StringIO()
        csv.writer(text, lineterminator="\r\n").writerows(rows)
        return ("\ufeff" + text.getvalue()).encode("utf-8")
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(model.template.title[:31] or "values")
    for index, row in enumerate(rows):
        number = model.checked.get(row[1]) if index else None
        cells: list[object] = list(row)
        if number is not None and number.valid and number.number is not None:
            value = number.number
            cells[2] = int(value) if value == value.to_integral_value() else float(value)
        sheet.append(cells)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def write_values(model: ReportModel, fmt: str, path: Path) -> None:
    """Write the table to `path` atomically; ExportError naming the file when it cannot be."""
    if fmt not in FORMATS:
        raise ExportError(
            _("Unknown table format “{format}” (known: {known}).", format=fmt, known="csv, xlsx")
        )
    try:
        atomic_write_bytes(Path(path), table_bytes(model, fmt))
    except OSError as exc:
        raise ExportError(
            _("{file}: cannot be written: {error}", file=path, error=exc.strerror or exc)
        ) from None
