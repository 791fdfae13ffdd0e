"""Plain text for Chinese Windows users: UTF-8 with a BOM (or GB18030), CRLF line ends.

The title stands alone on the first line, followed by an empty line; every other paragraph is
indented with two full-width spaces, the way a 公文 is typed.
"""

from __future__ import annotations

from app.core.document import Document, Role

INDENT = "\u3000\u3000"
ENCODINGS = ("utf-8", "gb18030")


def document_lines(document: Document) -> list[str]:
    """The report as lines of text, without line ends."""
    lines: list[str] = []
    for paragraph in document.paragraphs:
        if paragraph.role is Role.TITLE:
            lines.extend([paragraph.text, ""])
        else:
            lines.append(INDENT + paragraph.text)
    return lines


def document_text(document: Document, newline: str = "\n") -> str:
    """The report as one string, every line ended with `newline`."""
    return "".join(line + newline for line in document_lines(document))


def encode_text(document: Document, encoding: str = "utf-8") -> bytes:
    """The bytes of a .txt export: UTF-8 with BOM, or GB18030; CRLF line ends."""
    text = document_text(document, "\r\n")
    if encoding == "gb18030":
        return text.encode("gb18030")
    if encoding in ("utf-8", "utf-8-sig", "utf8"):
        return text.encode("utf-8-sig")
    raise ValueError(f"unsupported encoding {encoding!r}")
