"""The 公文 page layout (GB/T 9704-2012), in numbers every paged output shares.

DOCX (python-docx), PDF and printing (Qt, in `app.printing`) and the HTML print stylesheet all lay
the report out on the same page: A4, margins 37 / 35 / 28 / 26 mm (top, bottom, left, right), a
text block of 156 x 225 mm holding 22 lines of 28 characters of 3号 (16 pt) 仿宋, the title in 2号
(22 pt) 小标宋, page numbers "— 1 —" in 4号 (14 pt) 宋体 below the text block, odd pages right and
even pages left, one character in from the edge.

Font stacks name the 公文 font first, then the fonts that stand in for it on Windows (the Simplified
Chinese supplemental fonts, SimSun), on macOS and on Linux (Noto / Source Han). No commercial
font is bundled: 方正小标宋 is used when the writer's machine has it.

`paginate()` is the page breaking every paged output follows (a heading is never left alone at the
foot of a page), so the number of pages of a report is predictable from its line counts.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.document import Role

# The 公文 parts' place on the line lives beside their recognition (the preview reads it without
# loading the exports); every paged output reads it from here.
from app.core.gongwen import ATTACHMENT_LABEL_CHARS as ATTACHMENT_LABEL_CHARS
from app.core.gongwen import ATTACHMENT_LEFT_CHARS as ATTACHMENT_LEFT_CHARS
from app.core.gongwen import BOLD_ROLES as BOLD_ROLES
from app.core.gongwen import CENTRED_ROLES as CENTRED_ROLES
from app.core.gongwen import RIGHT_ROLES as RIGHT_ROLES
from app.core.gongwen import SIGNATURE_RIGHT_CHARS as SIGNATURE_RIGHT_CHARS
from app.core.gongwen import Indents as Indents
from app.core.gongwen import role_indents as role_indents

MM_PER_INCH = 25.4
PT_PER_INCH = 72.0

PAGE_WIDTH_MM = 210.0
PAGE_HEIGHT_MM = 297.0
MARGIN_TOP_MM = 37.0
MARGIN_BOTTOM_MM = 35.0
MARGIN_LEFT_MM = 28.0  # the binding edge
MARGIN_RIGHT_MM = 26.0
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 156
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - MARGIN_BOTTOM_MM  # 225

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28

BODY_SIZE_PT = 16.0  # 3号
#: Table text: 4号, smaller than the body so that a table of several columns fits the line.
TABLE_SIZE_PT = 14.0
TITLE_SIZE_PT = 22.0  # 2号
PAGE_NUMBER_SIZE_PT = 14.0  # 4号

#: Exact line spacing: 579 twips = 28.95 pt; 22 lines fill the 225 mm text block (636.9 pt of
#: 637.8 pt), the value Word's own grid gives for "22 lines per page".
LINE_PITCH_TWIPS = 579
LINE_PITCH_PT = LINE_PITCH_TWIPS / 20
TEXT_WIDTH_PT = TEXT_WIDTH_MM / MM_PER_INCH * PT_PER_INCH  # 442.2
#: Body characters are set this much closer than their 16 pt size (Word's "condensed by 0.25 pt",
#: in whole 1/20 pt) so that 28 fit on the 156 mm line: 28 x 15.75 pt = 441 pt of 442.2 pt. Word's
#: own character grid does the same at 15.79 pt, but LibreOffice gives a 16 pt character two
#: cells of such a grid; spacing works alike in every reader.
BODY_CHAR_SPACING_PT = math.floor((TEXT_WIDTH_PT / CHARS_PER_LINE - BODY_SIZE_PT) * 20) / 20
#: Two characters of body text: the first-line indent of every paragraph but the title.
FIRST_LINE_INDENT_PT = 2 * BODY_SIZE_PT
#: The title stands alone, followed by one empty line.
TITLE_SPACE_AFTER_LINES = 1
#: The dash of the page number sits this far below the text block.
PAGE_NUMBER_BELOW_TEXT_MM = 7.0
#: Odd page numbers are one character in from the right edge of the text block, even ones from
#: the left edge (one character of the page number's own size).
PAGE_NUMBER_INSET_PT = PAGE_NUMBER_SIZE_PT

TITLE_FONTS = (
    "方正小标宋简体",
    "方正小标宋_GBK",
    "FZXiaoBiaoSong-B05S",
    "小标宋",
    "华文中宋",
    "STZhongsong",
    "宋体",
    "SimSun",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
)
HEADING_FONTS = ("黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC")
SUBHEADING_FONTS = (
    "楷体",
    "楷体_GB2312",
    "KaiTi",
    "STKaiti",
    "AR PL UKai CN",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
)
BODY_FONTS = (
    "仿宋",
    "仿宋_GB2312",
    "FangSong",
    "STFangsong",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "宋体",
    "SimSun",
)
PAGE_NUMBER_FONTS = ("宋体", "SimSun", "STSong", "Noto Serif CJK SC", "Source Han Serif SC")

ROLE_FONTS: dict[Role, tuple[str, ...]] = {
    Role.TITLE: TITLE_FONTS,
    Role.HEADING: HEADING_FONTS,
    Role.SUBHEADING: SUBHEADING_FONTS,
    Role.BODY: BODY_FONTS,
    # The 公文 parts (app.core.gongwen): a subtitle in 楷体, the rest in the body's 仿宋.
    Role.SUBTITLE: SUBHEADING_FONTS,
    Role.ADDRESSEE: BODY_FONTS,
    Role.HEADING3: BODY_FONTS,
    Role.HEADING4: BODY_FONTS,
    Role.ATTACHMENT: BODY_FONTS,
    Role.SIGNATURE: BODY_FONTS,
    Role.DATE: BODY_FONTS,
    Role.ROW: BODY_FONTS,
}
ROLE_SIZE_PT: dict[Role, float] = {
    role: {Role.TITLE: TITLE_SIZE_PT, Role.ROW: TABLE_SIZE_PT}.get(role, BODY_SIZE_PT)
    for role in Role
}


def lines_after(role: Role, following: Role | None) -> int:
    """Empty lines between a paragraph of `role` and the one `following` it: one after the
    title (after its subtitle when it has one), one before the attachment note and before the
    signature (or the date when there is none): 正文下空一行."""
    if role is Role.TITLE or role is Role.SUBTITLE:
        return 0 if following is Role.SUBTITLE else TITLE_SPACE_AFTER_LINES
    if following is Role.ATTACHMENT and role is not Role.ATTACHMENT:
        return 1
    if following is Role.SIGNATURE and role is not Role.SIGNATURE:
        return 1
    if following is Role.DATE and role not in RIGHT_ROLES:
        return 1
    return 0


def mm_to_pt(mm: float) -> float:
    """Millimetres in points."""
    return mm / MM_PER_INCH * PT_PER_INCH


def page_number_text(number: int) -> str:
    """A page number as the standard writes it: "— 1 —" (一字线 each side)."""
    return f"— {number} —"


def page_number_on_right(number: int) -> bool:
    """Odd pages carry their number on the right, even pages on the left."""
    return number % 2 == 1


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph as page breaking sees it: how many lines it takes, how many empty lines
    follow it, and whether it must stay on the page of the paragraph after it."""

    lines: int
    space_after: int = 0
    keep_with_next: bool = False
    #: Never broken across pages (a table row): moves whole to the next page when it does not
    #: fit in what is left of this one (a block taller than a page still starts a page).
    keep_together: bool = False


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a block starts: the page (0-based) and the line on that page (0-based)."""

    page: int
    line: int


def role_keeps_with_next(role: Role) -> bool:
    """Headings (and the title's subtitle, the signature above its date) never stay alone at
    the foot of a page."""
    return role in (
        Role.HEADING,
        Role.SUBHEADING,
        Role.HEADING3,
        Role.HEADING4,
        Role.SUBTITLE,
        Role.SIGNATURE,
    )


def paginate(
    blocks: Sequence[Block], lines_per_page: int = LINES_PER_PAGE
) -> tuple[list[Placement], int]:
    """Where each block starts, and how many pages the blocks fill.

    Lines flow into pages of `lines_per_page`; a paragraph may break across pages (no widow or
    orphan control, as 公文 practice sets it); empty lines after a paragraph vanish at the foot
    of a page; a block marked keep_with_next that would not have the next block's first line on
    its page moves to the next page, and so does a block marked keep_together that does not fit
    whole in the rest of the page.
    """
    placements: list[Placement] = []
    page, line = 0, 0
    for index, block in enumerate(blocks):
        if line >= lines_per_page:
            page, line = page + 1, 0
        has_next = index + 1 < len(blocks)
        needed = block.lines + block.space_after + 1  # with the next block's first line
        if block.keep_with_next and has_next and line > 0 and line + needed > lines_per_page:
            page, line = page + 1, 0
        if block.keep_together and line > 0 and line + block.lines > lines_per_page:
            page, line = page + 1, 0
        placements.append(Placement(page, line))
        line += block.lines
        while line > lines_per_page:
            page, line = page + 1, line - lines_per_page
        line = min(lines_per_page, line + block.space_after)
    return placements, page + 1


# ------------------------------------------------------------------ line estimate

#: Characters that may not begin a line (避头点) and that may not end one (避尾点).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〗〉”’…—·%‰℃,.;:?!)]}")
NO_LINE_END = frozenset("（《「『【〔〖〈“‘([{")
#: Word and LibreOffice put about a quarter of a character between Chinese and Latin letters
#: or digits (Word's autoSpaceDE / autoSpaceDN, LibreOffice's "Asian and non-Asian text").
AUTOSPACE_EM = 0.25
#: Latin letters and digits in the CJK fonts are about this wide (Noto CJK digits are 0.55 em,
#: 仿宋's 0.5 em); the estimate errs towards wider.
LATIN_EM = 0.6


def is_wide(char: str) -> bool:
    """Whether a character takes a full character cell (ideographs, full-width punctuation and
    the quotation marks Chinese text sets full width)."""
    return unicodedata.east_asian_width(char) in ("W", "F", "A")


def estimate_lines(text: str, role: Role) -> int:
    """How many lines a paragraph takes on the 156 mm line: a greedy line filler that keeps
    Latin words whole, keeps punctuation off the start of a line and opening brackets off its
    end (pushing the character before down with it), and adds the space Word and LibreOffice put
    between Chinese and Latin text. It is an estimate of what Word, LibreOffice and Qt do, close
    to the line in practice; the pages follow from it through `paginate()`."""
    if not text:
        return 1
    if role is Role.TITLE:
        from app.core.title_lines import break_offsets

        edges = (0, *break_offsets(text), len(text))
        if len(edges) > 2:
            return sum(_estimate(text[a:b], role) for a, b in itertools.pairwise(edges))
    return _estimate(text, role)


def _estimate(text: str, role: Role) -> int:
    size = ROLE_SIZE_PT[role]
    spacing = 0.0 if role is Role.TITLE else BODY_CHAR_SPACING_PT
    groups = _unbreakable_groups(text)
    widths: list[float] = []
    previous = ""
    for group in groups:
        width = 0.0
        for char in group:
            width += size * (1.0 if is_wide(char) else LATIN_EM) + spacing
            if previous and autospaced(previous, char):
                width += size * AUTOSPACE_EM
            previous = char
        widths.append(width)
    indents = role_indents(role, text)
    char_pt = BODY_SIZE_PT  # as FIRST_LINE_INDENT_PT: the size, whatever the spacing
    line_width = TEXT_WIDTH_PT - (indents.left + indents.right) * char_pt
    lines, used = 1, indents.first * char_pt
    for width in widths:
        if used + width > line_width + 0.01 and used > 0:
            lines, used = lines + 1, 0.0
        used += width
    return lines


def autospaced(before: str, after: str) -> bool:
    """Whether Word and LibreOffice put a quarter-character space between these two characters
    (a Chinese character next to a Latin letter or digit)."""

    def latin(char: str) -> bool:
        return char.isascii() and char.isalnum()

    def han(char: str) -> bool:
        return is_wide(char) and unicodedata.category(char).startswith("L")

    return (han(before) and latin(after)) or (latin(before) and han(after))


def _unbreakable_groups(text: str) -> list[str]:
    """The text cut where a line may break: between two wide characters, not inside a Latin
    word, not before a NO_LINE_START character, not after a NO_LINE_END one."""
    groups: list[str] = []
    for char in text:
        if not groups:
            groups.append(char)
            continue
        last = groups[-1][-1]
        joined = (
            char in NO_LINE_START
            or last in NO_LINE_END
            or (not is_wide(char) and not is_wide(last) and not char.isspace())
        )
        if joined:
            groups[-1] += char
        else:
            groups.append(char)
    return groups


def document_blocks(paragraphs: Sequence[tuple[str, Role]]) -> list[Block]:
    """The paragraphs (text and role) as blocks for `paginate()`, with estimated line counts."""
    roles: list[Role | None] = [role for _text, role in paragraphs]
    return [
        Block(
            lines=estimate_lines(text, role),
            space_after=lines_after(role, following),
            keep_with_next=role_keeps_with_next(role),
        )
        for (text, role), following in zip(paragraphs, [*roles[1:], None], strict=True)
    ]


def estimated_page_count(paragraphs: Sequence[tuple[str, Role]]) -> int:
    """How many pages the report fills in the 公文 layout, from estimated line counts."""
    return paginate(document_blocks(paragraphs))[1]
