"""Outputs made from the document model: plain text, HTML and DOCX here; PDF beside them.

`FORMATS` is the registry of formats the app and the CLI offer. PDF is drawn with Qt, which the
core never imports: `app.printing` adds "pdf" to this registry when it is imported.

`export_report()` is the one entry point the app and the CLI call: it renders to bytes first and
writes atomically, so a failure never leaves a partial file behind.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.core.atomic import atomic_write_bytes
from app.core.document import Document
from app.core.errors import ExportError
from app.core.i18n import N_, _

#: The longest author a DOCX document property holds (Office's limit).
AUTHOR_MAX = 255


def clean_author(text: str) -> str:
    """An author as document properties can hold it: control characters (which XML cannot
    carry) dropped, runs of whitespace one space, no surrounding spaces. Raises ExportError when
    it is longer than `AUTHOR_MAX`."""
    kept = "".join(c if not unicodedata.category(c).startswith("C") else " " for c in text)
    author = " ".join(kept.split())
    if len(author) > AUTHOR_MAX:
        raise ExportError(
            _(
                "The author is {length} characters long; documents hold at most {limit}.",
                length=len(author),
                limit=AUTHOR_MAX,
            )
        )
    return author


@dataclass(frozen=True)
class ExportOptions:
    """Choices that apply to some formats."""

    encoding: str = "utf-8"  # txt: "utf-8" (written with a BOM) or "gb18030"
    author: str = ""  # docx/pdf document properties (cleaned: see `clean_author`)

    def __post_init__(self) -> None:
        object.__setattr__(self, "author", clean_author(self.author))


@dataclass(frozen=True)
class ExportFormat:
    """One output format: its name, file suffix and how the document becomes bytes."""

    name: str
    suffix: str
    description: str
    render: Callable[[Document, ExportOptions], bytes]


def _text(document: Document, options: ExportOptions) -> bytes:
    from app.core.export.text import encode_text

    return encode_text(document, options.encoding)


def _html(document: Document, options: ExportOptions) -> bytes:
    from app.core.export.html import render_html

    return render_html(document).encode("utf-8")


def _docx(document: Document, options: ExportOptions) -> bytes:
    from app.core.export.docx import render_docx  # python-docx loads on first use

    return render_docx(document, author=options.author)


FORMATS: dict[str, ExportFormat] = {
    "txt": ExportFormat("txt", ".txt", N_("Plain text"), _text),
    "html": ExportFormat("html", ".html", N_("Web page"), _html),
    "docx": ExportFormat("docx", ".docx", N_("Word document"), _docx),
}


def render_bytes(document: Document, fmt: str, options: ExportOptions | None = None) -> bytes:
    """The document in format `fmt`, as the bytes of the file."""
    try:
        export_format = FORMATS[fmt]
    except KeyError:
        raise ExportError(
            _(
                "Unknown export format “{format}” (known: {known}).",
                format=fmt,
                known=", ".join(FORMATS),
            )
        ) from None
    return export_format.render(document, options or ExportOptions())


def export_report(
    document: Document, fmt: str, path: Path, options: ExportOptions | None = None
) -> None:
    """Write the document to `path` in format `fmt`, atomically."""
    data = render_bytes(document, fmt, options)
    path = Path(path)
    if path.is_dir():
        raise ExportError(_("{file}: is a folder.", file=path))
    try:
        atomic_write_bytes(path, data)
    except FileNotFoundError:
        raise ExportError(_("{file}: the folder does not exist.", file=path)) from None
    except PermissionError:
        raise ExportError(
            _("{file}: permission denied; choose another place.", file=path)
        ) from None
    except OSError as exc:
        raise ExportError(
            _("{file}: cannot be written: {error}", file=path, error=exc.strerror or exc)
        ) from None
