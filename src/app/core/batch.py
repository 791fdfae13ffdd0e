"""A report per row (`fanwen batch`, 文件 > 批量生成): one table, one template, one file each.

The table's header row names the fields (labels or keys, matched as ``fanwen fill`` matches
them); every row below it is a report. Each file is named by one column (the unit's name, by
default the column of the field whose role is the unit's name), made safe as a file name. Rows
whose report is incomplete or invalid are listed and left out unless forced. The files are
made in a staging folder inside the output folder and moved into place only when every one of
them was written: a batch that fails leaves the output folder as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from app.core.document import Document
from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.report import ReportModel, problem_labels
from app.core.spreadsheet import SpreadsheetError, match_field, read_table
from app.core.template import Template

_FORBIDDEN = '<>:"/\\|?*'
MAX_STEM = 80


class BatchRow(NamedTuple):
    """One report of the batch: its row number in the table, its file name, its values and
    what is wrong with it (empty when it can be exported)."""

    number: int
    stem: str
    values: dict[str, str]
    problems: list[str]
    #: The report, made once when the rows are checked and exported as it is.
    document: Document


class BatchPlan(NamedTuple):
    """What a batch would do: the column -> field matches and the rows."""

    columns: dict[int, str]
    unmatched: list[str]
    rows: list[BatchRow]


def safe_stem(text: str, fallback: str) -> str:
    """A file name made from a cell: characters Windows forbids become “_”."""
    cleaned = "".join("_" if c in _FORBIDDEN or ord(c) < 32 else c for c in text)
    cleaned = cleaned.strip(" .")[:MAX_STEM].strip(" .")
    return cleaned or fallback


def plan_batch(
    rows: Sequence[Sequence[str]],
    template: Template,
    name: str,
    name_column: str | None = None,
) -> BatchPlan:
    """Match the header to the fields and make each row's values; SpreadsheetError naming the
    table for a header that cannot be used."""
    header = list(rows[0])
    columns: dict[int, str] = {}
    unmatched: list[str] = []
    for index, title in enumerate(header):
        if not title:
            continue
        keys = match_field(title, template)
        if len(keys) > 1:
            raise SpreadsheetError(
                _(
                    "{file}: column “{name}” could be any of these fields: {labels}; name the "
                    "field exactly (its label or key).",
                    file=name,
                    name=title,
                    labels="、".join(template.field(k).label for k in keys),
                )
            )
        if not keys or template.field(keys[0]).formula is not None:
            unmatched.append(title)
            continue
        if keys[0] in columns.values():
            raise SpreadsheetError(
                _(
                    "{file}: two columns are the field “{label}”.",
                    file=name,
                    label=template.field(keys[0]).label,
                )
            )
        columns[index] = keys[0]
    if not columns:
        raise SpreadsheetError(_("{file}: no column of the header names a field.", file=name))
    naming = _name_column(header, columns, template, name, name_column)
    body = [(number, row) for number, row in enumerate(rows[1:], 2) if any(row)]
    if not body:
        raise SpreadsheetError(_("{file}: a header row and no row of values under it.", file=name))
    made: list[BatchRow] = []
    taken: set[str] = set()
    for number, row in body:
        values = {
            key: row[index] for index, key in columns.items() if index < len(row) and row[index]
        }
        cell = row[naming] if naming < len(row) else ""
        stem = safe_stem(cell, _("row {number}", number=number))
        unique, counter = stem, 2
        while unique.casefold() in taken:
            unique, counter = f"{stem}-{counter}", counter + 1
        taken.add(unique.casefold())
        model = ReportModel(template, values)
        problems = problem_labels(model, model.blocking_problems())
        made.append(BatchRow(number, unique, values, problems, model.document))
    return BatchPlan(columns, unmatched, made)


def _name_column(
    header: Sequence[str],
    columns: dict[int, str],
    template: Template,
    name: str,
    wanted: str | None,
) -> int:
    if wanted:
        for index, title in enumerate(header):
            if title == wanted or columns.get(index) == wanted:
                return index
        raise SpreadsheetError(
            _("{file}: no column “{column}” to name the files by.", file=name, column=wanted)
        )
    for index, key in columns.items():
        if template.field(key).role == "unit_name" or key == "unit_name":
            return index
    return min(columns)


class BatchResult(NamedTuple):
    """What a batch wrote, and the rows it left out."""

    written: list[Path]
    skipped: list[BatchRow]


def run_batch(
    plan: BatchPlan,
    template: Template,
    fmt: str,
    folder: Path,
    force: bool = False,
    author: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> BatchResult:
    """Export a report per row of `plan` into `folder` (rows with problems only when
    `force`); every file or none (FanwenError naming what failed)."""
    from app.core.export import FORMATS, ExportOptions, render_bytes

    if fmt not in FORMATS:
        raise FanwenError(
            _(
                "Unknown export format “{format}” (known: {known}).",
                format=fmt,
                known=", ".join(FORMATS),
            )
        )
    suffix = FORMATS[fmt].suffix
    rows = [row for row in plan.rows if force or not row.problems]
    skipped = [row for row in plan.rows if row.problems and not force]
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".fanwen-batch-", dir=folder))
    except OSError as exc:
        raise FanwenError(
            _("{file}: cannot be written: {error}", file=folder, error=exc.strerror or exc)
        ) from None
    options = ExportOptions(author=author)
    written: list[Path] = []
    try:
        for done, row in enumerate(rows):
            if progress is not None:
                progress(done, len(rows))
            (staging / (row.stem + suffix)).write_bytes(render_bytes(row.document, fmt, options))
        for row in rows:
            target = folder / (row.stem + suffix)
            os.replace(staging / (row.stem + suffix), target)
            written.append(target)
    except OSError as exc:
        raise FanwenError(
            _("{file}: cannot be written: {error}", file=folder, error=exc.strerror or exc)
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if progress is not None:
        progress(len(rows), len(rows))
    return BatchResult(written, skipped)


def read_batch(path: Path, template: Template, name_column: str | None = None) -> BatchPlan:
    """`plan_batch` of the table in a file."""
    return plan_batch(read_table(path), template, str(path), name_column)
