"""A self-contained HTML page laid out like a 公文 on screen and on paper.

Written through the one strict Jinja environment with autoescape (`resources/export/report.html`),
so every value is escaped; inline CSS only, no script, no external resource. A table is a
``<table>`` (header cells ``<th>``, merged cells with their ``rowspan``/``colspan``).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.document import Document, FieldRun, Run
from app.core.render import environment
from app.core.table import Table, blocks

Items = list[tuple[str, str | None, str | None]]


def _items(runs: Sequence[Run]) -> Items:
    return [
        (run.text, run.key, run.state.value)
        if isinstance(run, FieldRun)
        else (run.text, None, None)
        for run in runs
    ]


def _table(table: Table) -> list[tuple[bool, list[tuple[Items, int, int]]]]:
    """Each row: whether it is a header row, and its cells (items, rowspan, colspan)."""
    return [
        (
            bool(paragraph.row and paragraph.row.header),
            [(_items(cell.runs), cell.rowspan, cell.colspan) for cell in row],
        )
        for paragraph, row in zip(table.rows, table.grid(), strict=True)
    ]


def render_html(document: Document, lang: str = "zh-CN") -> str:
    """The document as a standalone HTML page."""
    paragraphs: list[tuple[str, object]] = [
        ("table", _table(block))
        if isinstance(block, Table)
        else (block.role.value, _items(block.runs))
        for block in blocks(document.paragraphs)
    ]
    template = environment().get_template("report.html")
    return template.render(title=document.title, paragraphs=paragraphs, lang=lang)
