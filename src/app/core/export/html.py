"""A self-contained HTML page laid out like a 公文 on screen and on paper.

Written through the one strict Jinja environment with autoescape (`resources/export/report.html`),
so every value is escaped; inline CSS only, no script, no external resource.
"""

from __future__ import annotations

from app.core.document import Document, FieldRun
from app.core.render import environment


def render_html(document: Document, lang: str = "zh-CN") -> str:
    """The document as a standalone HTML page."""
    paragraphs = [
        (
            paragraph.role.value,
            [
                (run.text, run.key, run.state.value)
                if isinstance(run, FieldRun)
                else (run.text, None, None)
                for run in paragraph.runs
            ],
        )
        for paragraph in document.paragraphs
    ]
    template = environment().get_template("report.html")
    return template.render(title=document.title, paragraphs=paragraphs, lang=lang)
