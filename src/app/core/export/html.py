"""A self-contained HTML page laid out like a 公文 on screen and on paper.

Written through the one strict Jinja environment with autoescape (`resources/export/report.html`),
so every value is escaped; inline CSS only, no script, no external resource. A table is a
``<table>`` (header cells ``<th>``, merged cells with their ``rowspan``/``colspan``).
"""

from __future__ import annotations

from collections.abc import Sequence

from app.core.document import Document, FieldRun, Paragraph, Role, Run
from app.core.render import environment
from app.core.table import Table, blocks
from app.core.title_lines import title_lines

#: One item of a paragraph: text (None: a line break), field key, state, lead heading level.
Item = tuple[str | None, str | None, str | None, str | None]
Items = list[Item]


def _items(runs: Sequence[Run]) -> Items:
    return [_item(run, None) for run in runs]


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
        else (_classes(block), _paragraph_items(block))
        for block in blocks(document.paragraphs)
    ]
    template = environment().get_template("report.html")
    return template.render(title=document.title, paragraphs=paragraphs, lang=lang)


def _classes(paragraph: Paragraph) -> str:
    """The paragraph's role, and "continued" for an attachment after the first (no 附件：)."""
    if paragraph.role is Role.ATTACHMENT and not paragraph.text.lstrip().startswith("附"):
        return "attachment continued"
    return paragraph.role.value


def _paragraph_items(paragraph: Paragraph) -> Items:
    if paragraph.role is Role.TITLE:  # the title breaks between words (app.core.title_lines)
        items: Items = []
        for number, line in enumerate(title_lines(paragraph.runs)):
            if number:
                items.append((None, None, None, None))
            items.extend(_item(run, None) for run in line)
        return items
    roles = paragraph.run_roles()
    return [
        _item(run, role.value if role is not paragraph.role else None)
        for run, role in zip(paragraph.runs, roles, strict=True)
    ]


def _item(run: Run, lead: str | None) -> Item:
    if isinstance(run, FieldRun):
        return (run.text, run.key, run.state.value, lead)
    return (run.text, None, None, lead)
