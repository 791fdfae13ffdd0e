"""The report laid out on 公文 pages with Qt, for PDF, printing and the print preview.

Direct painting, not QTextDocument: the page must follow GB/T 9704 to the millimetre (margins
37 / 35 / 28 / 26 mm, 22 lines of 28 characters at an exact line pitch, page numbers "— N —"
right on odd and left on even pages), and QTextDocument can neither set an exact line pitch nor
place a page number per page parity. Every number comes from `app.core.export.layout`, the page
breaking from its `paginate()`, so the DOCX and this layout agree.

Text is laid out once at a fixed resolution (that of a PDF writer, 1200 dpi) with unhinted fonts,
and painted on any device by scaling: the PDF, the print preview and the printed page break
their lines in exactly the same places.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from app.core.document import Document, FieldRun, Paragraph, Role, Run, RunState, TextRun
from app.core.export import layout
from app.core.title_lines import title_lines
from app.printing import table_pages

#: Ends a line inside a paragraph (QChar::LineSeparator).
LINE_SEPARATOR = "\u2028"
#: The resolution text is laid out at, whatever the device it is painted on.
LAYOUT_DPI = 1200
#: Background of places still showing a placeholder, and of invalid values (forced exports).
HIGHLIGHT = {RunState.EMPTY: QColor("#fff176"), RunState.INVALID: QColor("#ff8a80")}


def points(value_pt: float) -> float:
    """Points in layout units (dots at LAYOUT_DPI)."""
    return value_pt * LAYOUT_DPI / layout.PT_PER_INCH


def millimetres(value_mm: float) -> float:
    """Millimetres in layout units."""
    return points(layout.mm_to_pt(value_mm))


def page_layout() -> QPageLayout:
    """A4 portrait with no device margins: the painter's origin is the paper's corner and the
    公文 margins are drawn by this module."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def _font(families: tuple[str, ...], size_pt: float) -> QFont:
    font = QFont()
    font.setFamilies(list(families))
    font.setPointSizeF(size_pt)
    font.setWeight(QFont.Weight.Normal)
    # Unhinted outlines and fractional advances: line breaks do not depend on the resolution.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    font.setKerning(False)
    return font


@dataclass(frozen=True, slots=True)
class PlacedLine:
    """One line of a paragraph on its page: the line's index in the paragraph's layout and
    where its box starts, relative to the text block's top-left corner (`line` -1: a table row,
    painted whole by `app.printing.table_pages`, its top at `y`)."""

    paragraph: int
    line: int
    x: float
    y: float


class PagedReport:
    """A document laid out on 公文 pages, ready to paint on a PDF writer or a printer."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._metrics_device = _LayoutDevice()
        self._layouts: list[QTextLayout] = []
        self._highlights: list[list[tuple[int, int, QColor]]] = []
        #: Table rows (by paragraph index), painted by `app.printing.table_pages`.
        self._rows: dict[int, table_pages.RowBox] = {}
        self.pages: list[list[PlacedLine]] = []
        self._lay_out()

    @property
    def page_count(self) -> int:
        """How many pages the report fills."""
        return len(self.pages)

    def unified_ideographs(self) -> dict[int, int]:
        """For each radical code point whose glyph, in a font the report uses, is the glyph of an
        ideograph in the report: that ideograph (see `app.printing.tounicode`)."""
        from app.printing.tounicode import RADICALS

        ideographs = sorted(
            {char for char in "".join(p.text for p in self.document.paragraphs)}
            - {chr(code) for code in RADICALS}
        )
        ideographs = [
            c for c in ideographs if "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"
        ]
        radicals = "".join(chr(code) for code in RADICALS)
        fonts = {}
        cells = [cell.text for row in self._rows.values() for cell in row.cells]
        for text_layout in [*self._layouts, *cells]:
            for run in text_layout.glyphRuns():
                raw = run.rawFont()
                fonts[(raw.familyName(), raw.styleName())] = raw
        replacements: dict[int, int] = {}
        for raw in fonts.values():
            by_glyph = dict(
                zip(raw.glyphIndexesForString("".join(ideographs)), ideographs, strict=True)
            )
            by_glyph.pop(0, None)
            for code, glyph in zip(RADICALS, raw.glyphIndexesForString(radicals), strict=True):
                if glyph and glyph in by_glyph:
                    replacements.setdefault(code, ord(by_glyph[glyph]))
        return replacements

    def line_counts(self) -> list[int]:
        """How many lines each paragraph takes."""
        return [text_layout.lineCount() for text_layout in self._layouts]

    # -------------------------------------------------------------- layout

    def _lay_out(self) -> None:
        width = millimetres(layout.TEXT_WIDTH_MM)
        char = points(layout.FIRST_LINE_INDENT_PT / 2)
        blocks: list[layout.Block] = []
        starts: list[tuple[float, float]] = []  # each paragraph's left edge and first line's
        paragraphs = self.document.paragraphs
        self._rows = table_pages.lay_out_tables(
            self.document.paragraphs,
            self._metrics_device.device,
            width,
            points(table_pages.CELL_PADDING_PT),
            lambda header: _font(
                layout.HEADING_FONTS if header else layout.BODY_FONTS, layout.TABLE_SIZE_PT
            ),
            HIGHLIGHT,
        )
        for index, paragraph in enumerate(paragraphs):
            row = self._rows.get(index)
            if row is not None:  # a table row: painted whole, its cells laid out apart
                self._layouts.append(QTextLayout())
                self._highlights.append([])
                starts.append((0.0, 0.0))
                blocks.append(layout.Block(lines=row.lines, keep_together=True))
                continue
            paragraph = _broken_title(paragraph)
            text_layout = self._paragraph_layout(paragraph)
            indents = layout.role_indents(paragraph.role, paragraph.text)
            left, first_indent = indents.left * char, indents.first * char
            starts.append((left, left + first_indent))
            text_layout.beginLayout()
            while True:
                line = text_layout.createLine()
                if not line.isValid():
                    break
                first = line.lineNumber() == 0
                line.setLineWidth(
                    width - left - indents.right * char - (first_indent if first else 0.0)
                )
            text_layout.endLayout()
            self._layouts.append(text_layout)
            self._highlights.append(_highlights(paragraph))
            following = paragraphs[index + 1].role if index + 1 < len(paragraphs) else None
            blocks.append(
                layout.Block(
                    lines=max(1, text_layout.lineCount()),
                    space_after=layout.lines_after(paragraph.role, following),
                    keep_with_next=layout.role_keeps_with_next(paragraph.role),
                )
            )
        placements, page_count = layout.paginate(blocks)
        self.pages = [[] for _ in range(page_count)]
        pitch = points(layout.LINE_PITCH_PT)
        for index, (placement, text_layout) in enumerate(
            zip(placements, self._layouts, strict=True)
        ):
            left, first_left = starts[index]
            if index in self._rows:
                self.pages[placement.page].append(
                    PlacedLine(index, -1, 0.0, placement.line * pitch)
                )
            for number in range(text_layout.lineCount()):
                line = text_layout.lineAt(number)
                slot = placement.line + number
                page = placement.page + slot // layout.LINES_PER_PAGE
                slot %= layout.LINES_PER_PAGE
                # Exact line spacing as Word and LibreOffice set it: the line's glyph box sits
                # on the foot of its line; any extra height goes above.
                y = (slot + 1) * pitch - (line.ascent() + line.descent())
                x = first_left if number == 0 else left
                self.pages[page].append(PlacedLine(index, number, x, y))

    def role_font(self, role: Role) -> QFont:
        """The font of a paragraph role: its 公文 font stack, size and character spacing."""
        font = _font(layout.ROLE_FONTS[role], layout.ROLE_SIZE_PT[role])
        if role in layout.BOLD_ROLES:
            font.setWeight(QFont.Weight.Bold)
        spacing = self._spacing_dots(role, font)
        if spacing:
            letter_spacing = self._metrics_device.letter_spacing_value(spacing)
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, letter_spacing)
        return font

    def _spacing_dots(self, role: Role, font: QFont) -> float:
        """The letter spacing, in layout units, that makes a character's advance exactly its size
        plus the layout's character spacing (Qt's own advance is a hair off the nominal size)."""
        if role is Role.TITLE:
            return 0.0
        pitch = points(layout.ROLE_SIZE_PT[role] + layout.BODY_CHAR_SPACING_PT)
        return pitch - self._metrics_device.advance(font, "字")

    def _paragraph_layout(self, paragraph: Paragraph) -> QTextLayout:
        font = self.role_font(paragraph.role)
        text_layout = QTextLayout(paragraph.text, font, self._metrics_device.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        if paragraph.role in layout.CENTRED_ROLES:
            option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        elif paragraph.role in layout.RIGHT_ROLES:
            option.setAlignment(Qt.AlignmentFlag.AlignRight)
        else:
            option.setAlignment(Qt.AlignmentFlag.AlignJustify)
        text_layout.setTextOption(option)
        text_layout.setFormats(self._formats(paragraph))
        text_layout.setCacheEnabled(True)
        return text_layout

    # -------------------------------------------------------------- painting

    def paint(
        self,
        device: QPagedPaintDevice,
        painter: QPainter | None = None,
        pages: Sequence[int] | None = None,
    ) -> None:
        """Paint the pages (0-based indexes; all by default) on `device`, a QPdfWriter or a
        QPrinter set to A4 and full page, starting a new sheet between pages."""
        own = painter is None
        if painter is None:
            painter = QPainter()
            if not painter.begin(device):
                raise OSError("cannot paint on the device")
        try:
            for count, index in enumerate(range(self.page_count) if pages is None else pages):
                if count:
                    device.newPage()
                self.paint_page(painter, device, index)
        finally:
            if own:
                painter.end()

    def paint_page(self, painter: QPainter, device: QPaintDevice, index: int) -> None:
        """Paint page `index` (0-based) with its page number."""
        painter.save()
        scale_x = device.logicalDpiX() / LAYOUT_DPI
        scale_y = device.logicalDpiY() / LAYOUT_DPI
        painter.scale(scale_x, scale_y)
        painter.setPen(QColor("black"))
        origin = QPointF(millimetres(layout.MARGIN_LEFT_MM), millimetres(layout.MARGIN_TOP_MM))
        for placed in self.pages[index]:
            if placed.line < 0:  # a table row
                table_pages.paint_row(
                    painter,
                    origin,
                    self._rows[placed.paragraph],
                    placed.y,
                    points(layout.LINE_PITCH_PT),
                    points(table_pages.CELL_PADDING_PT),
                    millimetres(layout.TEXT_HEIGHT_MM),
                )
                continue
            line = self._layouts[placed.paragraph].lineAt(placed.line)
            # The line knows its own x (alignment) inside the layout; move it to its page place.
            line.setPosition(QPointF(placed.x, placed.y))
            self._paint_highlights(painter, origin, placed.paragraph, line)
            # Glyph runs, not QTextLine.draw(): the print preview records text items in a
            # QPicture, which puts the last glyph of some justified lines at the line's start.
            text_layout = self._layouts[placed.paragraph]
            for run in text_layout.glyphRuns(line.textStart(), line.textLength()):
                painter.drawGlyphRun(origin, run)
        self._paint_page_number(painter, index + 1)
        painter.restore()

    def _paint_highlights(
        self, painter: QPainter, origin: QPointF, paragraph: int, line: QTextLine
    ) -> None:
        """The background of placeholders and invalid values on this line."""
        line_start = line.textStart()
        line_end = line_start + line.textLength()
        for start, end, colour in self._highlights[paragraph]:
            first, last = max(start, line_start), min(end, line_end)
            if first >= last:
                continue
            left = line.cursorToX(first)[0]
            right = line.cursorToX(last)[0]
            painter.fillRect(
                QRectF(origin.x() + left, origin.y() + line.y(), right - left, line.height()),
                colour,
            )

    def _paint_page_number(self, painter: QPainter, number: int) -> None:
        font = _font(layout.PAGE_NUMBER_FONTS, layout.PAGE_NUMBER_SIZE_PT)
        text = layout.page_number_text(number)
        painter.setFont(font)
        metrics = QFontMetricsF(font, self._metrics_device.device)
        width = metrics.horizontalAdvance(text)
        dash = metrics.tightBoundingRect("—")
        text_bottom = millimetres(layout.MARGIN_TOP_MM + layout.TEXT_HEIGHT_MM)
        # The dash's middle lies 7 mm below the text block.
        baseline = text_bottom + millimetres(layout.PAGE_NUMBER_BELOW_TEXT_MM) - dash.center().y()
        inset = points(layout.PAGE_NUMBER_INSET_PT)
        if layout.page_number_on_right(number):
            right = millimetres(layout.PAGE_WIDTH_MM - layout.MARGIN_RIGHT_MM) - inset
            x = right - width
        else:
            x = millimetres(layout.MARGIN_LEFT_MM) + inset
        painter.drawText(QPointF(x, baseline), text)

    def _formats(self, paragraph: Paragraph) -> list[QTextLayout.FormatRange]:
        """The quarter-character space Word and LibreOffice put between Chinese and Latin text
        (so that lines break where theirs do)."""
        ranges: list[QTextLayout.FormatRange] = []
        text = paragraph.text
        font = _font(layout.ROLE_FONTS[paragraph.role], layout.ROLE_SIZE_PT[paragraph.role])
        spacing = self._spacing_dots(paragraph.role, font)
        spacing += points(layout.ROLE_SIZE_PT[paragraph.role] * layout.AUTOSPACE_EM)
        spaced_format = QTextCharFormat()
        spaced_format.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        spaced_format.setFontLetterSpacing(self._metrics_device.letter_spacing_value(spacing))
        if paragraph.lead is not None:  # "（一）标题。正文……": the heading part in its font
            lead_format = QTextCharFormat()
            lead_format.setFont(self.role_font(paragraph.lead.role))
            length = sum(len(run.text) for run in paragraph.runs[: paragraph.lead.runs])
            ranges.append(_format_range(0, length, lead_format))
        for index in range(len(text) - 1):
            if layout.autospaced(text[index], text[index + 1]):
                ranges.append(_format_range(index, 1, spaced_format))
        return ranges


def _broken_title(paragraph: Paragraph) -> Paragraph:
    """A title with its line breaks (`app.core.title_lines`) as line separators, which end a
    line in a QTextLayout; any other paragraph as it is."""
    if paragraph.role is not Role.TITLE:
        return paragraph
    lines = title_lines(paragraph.runs)
    runs: list[Run] = []
    for number, line in enumerate(lines):
        if number:
            runs.append(TextRun(LINE_SEPARATOR))
        runs.extend(line)
    return paragraph._replace(runs=tuple(runs))


def _highlights(paragraph: Paragraph) -> list[tuple[int, int, QColor]]:
    """(start, end, colour) of the places still showing a placeholder or a bad value."""
    found = []
    position = 0
    for run in paragraph.runs:
        if isinstance(run, FieldRun) and run.state in HIGHLIGHT and run.text:
            found.append((position, position + len(run.text), HIGHLIGHT[run.state]))
        position += len(run.text)
    return found


def _format_range(start: int, length: int, text_format: QTextCharFormat) -> QTextLayout.FormatRange:
    format_range = QTextLayout.FormatRange()
    format_range.start = start
    format_range.length = length
    format_range.format = text_format
    return format_range


class _LayoutDevice:
    """A PDF writer that is never painted on: the device whose metrics every layout uses."""

    def __init__(self) -> None:
        self._bytes = QByteArray()
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.device = QPdfWriter(self._buffer)
        self.device.setResolution(LAYOUT_DPI)
        self.device.setPageLayout(page_layout())
        self.spacing_unit = self._spacing_unit()

    def advance(self, font: QFont, text: str) -> float:
        """The width of `text` in `font` on this device, in layout units."""
        probe = QTextLayout(text, font, self.device)
        probe.beginLayout()
        line = probe.createLine()
        line.setLineWidth(1e9)
        probe.endLayout()
        return float(line.naturalTextWidth())

    def _spacing_unit(self) -> float:
        """Layout units per unit of Qt's absolute letter spacing. Qt documents the spacing in
        pixels, but on a 1200 dpi PDF writer one unit moves a glyph by about 12 dots: measure."""
        font = _font(layout.BODY_FONTS, layout.BODY_SIZE_PT)
        count, step = 10, 10.0
        plain = self.advance(font, "字" * count)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, step)
        spaced = self.advance(font, "字" * count)
        unit = (spaced - plain) / (count * step)
        return unit if unit > 0 else LAYOUT_DPI / 96

    def letter_spacing_value(self, dots: float) -> float:
        """Qt's absolute letter spacing value that moves each glyph by `dots` layout units."""
        return dots / self.spacing_unit


def text_block_rect() -> QRectF:
    """The text block in layout units, for tests and drawing aids."""
    return QRectF(
        millimetres(layout.MARGIN_LEFT_MM),
        millimetres(layout.MARGIN_TOP_MM),
        millimetres(layout.TEXT_WIDTH_MM),
        millimetres(layout.TEXT_HEIGHT_MM),
    )
