"""Plain text for Chinese Windows users: UTF-8 with a BOM (or GB18030), CRLF line ends.

The title stands alone on the first line (its subtitle under it), followed by an empty line;
every other paragraph is indented with two full-width spaces, the way a 公文 is typed, but for
the 公文 parts (`app.core.export.layout`): the addressee flush left, the attachments after the
first lined up after "附件：", the signature and the date set right on the 28-character line,
four characters in, with an empty line above the attachment note and the signature. A table
is written as aligned columns (`table_lines`): a fixed-width font shows a Chinese character two columns wide, so the
columns are measured with `app.core.table.display_width`.
"""

from __future__ import annotations

from app.core.document import Document, Role
from app.core.export import layout
from app.core.table import Table, blocks, display_width

INDENT = "\u3000\u3000"
ENCODINGS = ("utf-8", "gb18030")


def document_lines(document: Document) -> list[str]:
    """The report as lines of text, without line ends."""
    lines: list[str] = []
    parts = list(blocks(document.paragraphs))
    for index, paragraph in enumerate(parts):
        if isinstance(paragraph, Table):
            lines.extend(table_lines(paragraph))
            continue
        after = parts[index + 1] if index + 1 < len(parts) else None
        following = Role.ROW if isinstance(after, Table) else after and after.role
        role, text = paragraph.role, paragraph.text
        if role in layout.CENTRED_ROLES or role is Role.ADDRESSEE:
            lines.append(text)
        elif role in layout.RIGHT_ROLES:
            lines.append(right_aligned(text))
        elif role is Role.ATTACHMENT:
            indents = layout.role_indents(role, text)
            lines.append("\u3000" * (indents.left + indents.first) + text)
        else:
            lines.append(INDENT + text)
        # The title's empty line follows it even as the last paragraph.
        lines.extend([""] * layout.lines_after(role, following))
    return lines


def right_aligned(text: str) -> str:
    """`text` ending four characters in from the end of the 28-character line (full-width
    spaces before it; a half-width one for an odd number of narrow characters)."""
    halves = sum(2 if layout.is_wide(c) else 1 for c in text)
    room = 2 * (layout.CHARS_PER_LINE - layout.SIGNATURE_RIGHT_CHARS) - halves
    if room <= 0:
        return text
    return "\u3000" * (room // 2) + " " * (room % 2) + text


#: Spaces between two columns of a table.
COLUMN_GAP = 2


def table_lines(table: Table) -> list[str]:
    """A table as lines of aligned columns: each cell padded with spaces to its column's width
    (a merged cell to its columns' width); a cell covered by the one above is left blank."""
    grid = table.grid()
    widths = [0] * table.columns
    for row in grid:
        for cell in row:
            if cell.colspan == 1:
                widths[cell.column] = max(widths[cell.column], display_width(cell.text))
    for row in grid:  # a merged cell wider than its columns widens the last of them
        for cell in row:
            if cell.colspan > 1:
                span = cell.column + cell.colspan
                room = sum(widths[cell.column : span]) + COLUMN_GAP * (cell.colspan - 1)
                widths[span - 1] += max(0, display_width(cell.text) - room)
    starts = [sum(widths[:column]) + COLUMN_GAP * column for column in range(len(widths))]
    lines = []
    for row in grid:
        parts: list[str] = []
        width = 0
        for cell in row:
            parts.append(" " * (starts[cell.column] - width) + cell.text)
            width = starts[cell.column] + display_width(cell.text)
        lines.append("".join(parts).rstrip(" "))
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
