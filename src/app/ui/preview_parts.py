"""How the live preview shows the 公文 parts (`app.core.gongwen`): the block style of each part
(centred subtitle, flush-left addressee, bold "1." headings, the attachment note hanging after
"附件：", signature and date right with four characters of space), the title's line breaks
(`app.core.title_lines`, the same as on paper) and the runs of a heading that opens a paragraph.

Kept beside `app.ui.preview`, which asks here for what differs by part.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat

from app.core import gongwen
from app.core.document import Paragraph, Role, Run, TextRun
from app.core.title_lines import title_lines

#: Ends a line inside a block of a QTextDocument (what <br> becomes).
LINE_SEPARATOR = "\u2028"


def part_style(role: Role, indent_px: int, stacks: dict[Role, str]) -> tuple[str, str] | None:
    """The block attributes and style of a 公文 part (None: not a part, the preview's own
    styles apply). `indent_px` is two characters; `stacks` the CSS font stacks by role."""
    char = indent_px / 2
    if role is Role.SUBTITLE:
        return 'align="center"', f"font-family:{stacks[Role.SUBTITLE]};margin-bottom:14px;"
    if role is Role.ADDRESSEE:
        return "", "text-indent:0px;margin-bottom:4px;"
    if role in (Role.HEADING3, Role.HEADING4):
        weight = "bold" if role in gongwen.BOLD_ROLES else "normal"
        return "", f"font-weight:{weight};text-indent:{indent_px}px;margin-bottom:4px;"
    if role is Role.ATTACHMENT:
        indents = gongwen.role_indents(role, "附")
        return "", (
            f"margin-left:{round(indents.left * char)}px;"
            f"text-indent:{round(indents.first * char)}px;margin-bottom:4px;"
        )
    if role in gongwen.RIGHT_ROLES:
        top = "margin-top:14px;" if role is Role.SIGNATURE else ""
        right = round(gongwen.SIGNATURE_RIGHT_CHARS * char)
        return 'align="right"', f"text-indent:0px;margin-right:{right}px;{top}margin-bottom:4px;"
    return None


def shown(paragraph: Paragraph) -> Paragraph:
    """The paragraph as the preview shows it: a title with its line breaks."""
    if paragraph.role is not Role.TITLE:
        return paragraph
    lines = title_lines(paragraph.runs)
    if len(lines) < 2:
        return paragraph
    runs: list[Run] = []
    for number, line in enumerate(lines):
        if number:
            runs.append(TextRun(LINE_SEPARATOR))
        runs.extend(line)
    return paragraph._replace(runs=tuple(runs))


def block_format(paragraph: Paragraph, role_format: QTextBlockFormat) -> QTextBlockFormat:
    """The block format of a paragraph: its role's, but an attachment after the first (no
    "附件：") does not hang."""
    if paragraph.role is Role.ATTACHMENT and not paragraph.text.lstrip().startswith("附"):
        continued = QTextBlockFormat(role_format)
        continued.setTextIndent(0)
        return continued
    return role_format
