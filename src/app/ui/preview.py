"""The live preview: the report as it will be exported, drawn from the core's document model.

One QTextDocument block per paragraph of the `Document`, the blocks grouped in frames of
`CHUNK_PARAGRAPHS` (a change lays out its own frame and moves the frames after it as a whole, so a
keystroke costs the same on a 100-page report as on a one-page one; in a single flow Qt would
re-position every block after the change). A keystroke replaces, in the blocks of the paragraphs
the model says changed (`Update.paragraphs`), only the runs whose text or look changed, with their
own character format; a paragraph whose runs changed shape is set again from its HTML; the whole
document is built again only when its structure changes. Changes are made through a private
QTextCursor, never the view's own, so the view does not scroll; when a block above the visible
area changes height, the scroll position is moved by the same amount, so what the writer looks at
stays put.

Every value and placeholder is an anchor ``field:<key>``: clicking it asks for that field
(`fieldActivated`). Filled values, empty placeholders and invalid values have their own look;
the paragraphs of the focused field are highlighted and kept in view.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRectF, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHideEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.core.document import Document, FieldRun, Paragraph, Role, Run, RunState, TextRun
from app.ui import look, preview_parts
from app.ui.left_out_lines import LeftOutLines
from app.ui.preview_tables import row_formats, shown_paragraph, shown_paragraphs
from app.ui.qt_properties import solid_brush

if TYPE_CHECKING:
    from PySide6.QtCore import QUrl  # comes with a click on a link, not with the first window

FIELD_SCHEME = "field"

#: Font stacks in the spirit of the 公文 layout, with fallbacks found on Windows and Linux.
BODY_FAMILIES = (
    "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC",
    "SimSun", "serif",
)  # fmt: skip
TITLE_FAMILIES = ("方正小标宋简体", "FZXiaoBiaoSong-B05S", "Noto Serif CJK SC", "SimSun", "serif")
HEADING_FAMILIES = ("SimHei", "黑体", "Noto Sans CJK SC", "Microsoft YaHei", "sans-serif")
SUBHEADING_FAMILIES = ("KaiTi", "楷体", "STKaiti", "Noto Serif CJK SC", "serif")
GENERIC_FAMILIES = frozenset({"serif", "sans-serif"})


def font_stack(families: tuple[str, ...]) -> str:
    """A CSS font-family list: the families installed here first, in the stack's order, then
    the others (see `look.installed_first`; before there is an application, in their order)."""
    return _css_stack(tuple(look.installed_first(families)))


@functools.cache
def _css_stack(families: tuple[str, ...]) -> str:
    return ", ".join(f if f in GENERIC_FAMILIES else f"'{f}'" for f in families)


COLORS = {
    RunState.FILLED: ("#0d47a1", "#e3f0ff"),
    RunState.EMPTY: ("#5d4300", "#ffe08a"),
    RunState.INVALID: ("#b71c1c", "#ffd6d6"),
}
FOCUSED_FIELD_BACKGROUND = "#b9d7ff"
HIGHLIGHT = "#f2f6fc"
#: Space around the report, in pixels.
PAGE_MARGIN = 24
#: "To the end" for update rectangles.
UNBOUNDED = float(2**31 - 1)
#: Blocks laid out per idle slice (see `Preview._layout_ahead`).
LAYOUT_SLICE = 48
#: Paragraphs per frame (see the module docstring): small enough that laying out one frame is
#: cheap, large enough that few frames follow any change.
CHUNK_PARAGRAPHS = 32
#: The first report shown: characters laid out before the view knows its size (less than a screen of
#: the preview); the rest is shown once the view is filled (see `Preview._fill_view`).
FIRST_SCREEN_CHARS = 400
#: Paragraphs put back per idle slice after the first paint.
REVEAL_SLICE = 16


def escape_markup(text: str) -> str:
    """Text as HTML element content (the `html` module would load its 2,000 named entities at
    start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _units(text: str) -> int:
    """Length of `text` in a QTextDocument: UTF-16 code units (a character outside the BMP,
    as in some names, counts two)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def run_look(run: FieldRun, focused: bool) -> tuple[str, str, bool]:
    """Text colour, background and underline of a field's place."""
    color, background = COLORS[run.state]
    if focused:
        background = FOCUSED_FIELD_BACKGROUND
    return color, background, run.state is RunState.INVALID


def paragraph_inner_html(paragraph: Paragraph, focused: str | None = None) -> str:
    """The runs of a paragraph as inline HTML (the block itself is not included)."""
    parts = ['<span style="white-space:pre-wrap">']
    for run in paragraph.runs:
        text = escape_markup(run.text)
        if isinstance(run, FieldRun):
            color, background, underline = run_look(run, run.key == focused)
            decoration = "underline" if underline else "none"
            parts.append(
                f'<a href="{FIELD_SCHEME}:{run.key}" style="color:{color};'
                f'background-color:{background};text-decoration:{decoration}">{text}</a>'
            )
        else:
            parts.append(text)
    parts.append("</span>")
    return "".join(parts)


def _block_style(role: Role, indent_px: int) -> tuple[str, str]:
    stacks = {Role.SUBTITLE: font_stack(SUBHEADING_FAMILIES)}
    if (part := preview_parts.part_style(role, indent_px, stacks)) is not None:
        return part
    if role is Role.TITLE:
        return (
            'align="center"',
            f"font-family:{font_stack(TITLE_FAMILIES)};font-size:17pt;margin-top:6px;margin-bottom:14px;",
        )
    if role is Role.HEADING:
        return (
            "",
            f"font-family:{font_stack(HEADING_FAMILIES)};text-indent:{indent_px}px;margin-top:8px;"
            "margin-bottom:4px;",
        )
    if role is Role.SUBHEADING:
        return (
            "",
            f"font-family:{font_stack(SUBHEADING_FAMILIES)};text-indent:{indent_px}px;margin-bottom:4px;",
        )
    if role is Role.ROW:  # a table row: cells at tab stops (app.ui.preview_tables)
        return "", "font-size:11pt;margin-bottom:2px;"
    return "", f"text-indent:{indent_px}px;margin-bottom:4px;"


def paragraphs_html(
    paragraphs: Sequence[Paragraph], indent_px: int, focused: str | None = None
) -> str:
    """Paragraphs as HTML for a QTextDocument: one <p> (one block) per paragraph."""
    body = font_stack(BODY_FAMILIES)
    parts = [f'<html><body style="font-family:{body};font-size:12pt">']
    for paragraph in paragraphs:
        attributes, style = _block_style(paragraph.role, indent_px)
        parts.append(
            f'<p {attributes} style="{style}line-height:150%">'
            f"{paragraph_inner_html(paragraph, focused)}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)


def document_html(document: Document, indent_px: int, focused: str | None = None) -> str:
    """The whole report as HTML for a QTextDocument: one <p> (one block) per paragraph."""
    return paragraphs_html(shown_paragraphs(document), indent_px, focused)


def block_number(index: int) -> int:
    """The QTextDocument block showing paragraph `index`: each frame of paragraphs is preceded
    by one empty, hidden block of the document's top level (Qt puts one before and after every
    frame)."""
    return index + index // CHUNK_PARAGRAPHS + 1


def paragraph_of_block(number: int) -> int | None:
    """The paragraph block `number` shows (None for a hidden top-level block)."""
    frame, offset = divmod(number - 1, CHUNK_PARAGRAPHS + 1)
    if number < 1 or offset == CHUNK_PARAGRAPHS:
        return None
    return frame * CHUNK_PARAGRAPHS + offset


class ParagraphFormats:
    """The block and character formats of the preview, as Qt's HTML import makes them from
    `paragraphs_html` (so a report built run by run looks exactly like its HTML), taken from one
    small sample document and reused for every paragraph: building a long report from formats
    is several times faster than parsing its HTML."""

    def __init__(self, indent_px: int) -> None:
        self._indent_px = indent_px
        self._blocks: dict[Role, tuple[QTextBlockFormat, QTextCharFormat]] = {}
        self._texts: dict[Role, QTextCharFormat] = {}
        self._fields: dict[tuple[Role, RunState, bool], QTextCharFormat] = {}

    def prepare(self, roles: Iterable[Role]) -> None:
        """Read the formats of these roles, those not read yet, from one sample document (a
        report uses a few of the roles: the first window reads only those)."""
        missing = [role for role in dict.fromkeys(roles) if role not in self._blocks]
        if not missing:
            return
        states = list(RunState)
        sample_runs: list[Run] = [TextRun("t")]
        for number, state in enumerate(states):
            sample_runs.append(FieldRun("focused", f"{number}", state, "X"))
            sample_runs.append(FieldRun("other", f"{number}", state, "X"))
        paragraphs = [Paragraph("", role, "", tuple(sample_runs)) for role in missing]
        sample = QTextDocument()
        sample.setHtml(paragraphs_html(paragraphs, self._indent_px, focused="focused"))
        block = sample.begin()
        for role in missing:
            self._blocks[role] = (block.blockFormat(), block.charFormat())
            fragments = []
            iterator = block.begin()
            while not iterator.atEnd():
                fragments.append(iterator.fragment().charFormat())
                iterator += 1
            self._texts[role] = fragments[0]
            for number, state in enumerate(states):
                self._fields[(role, state, True)] = fragments[1 + 2 * number]
                self._fields[(role, state, False)] = fragments[2 + 2 * number]
            block = block.next()

    def block(self, role: Role) -> tuple[QTextBlockFormat, QTextCharFormat]:
        """The block format and the block's character format of a paragraph of `role`."""
        if role not in self._blocks:
            self.prepare((role,))
        return self._blocks[role]

    def text(self, role: Role) -> QTextCharFormat:
        """The format of the template's wording in a paragraph of `role`."""
        if role not in self._texts:
            self.prepare((role,))
        return self._texts[role]

    def field(self, role: Role, run: FieldRun, focused: bool) -> QTextCharFormat:
        """The format of a field's place: its look for its state, the link to its field."""
        if role not in self._blocks:
            self.prepare((role,))
        char_format = QTextCharFormat(self._fields[(role, run.state, focused)])
        char_format.setAnchorHref(f"{FIELD_SCHEME}:{run.key}")
        return char_format


class Preview(QTextBrowser):
    """The report, live. Owns its QTextDocument; the model stays in the core."""

    fieldActivated = Signal(str)
    #: The report's first paint is done (the start-up ends there, see app.ui.application).
    firstPainted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self._text = self._new_text()
        self.setDocument(self._text)
        self._cursor = QTextCursor(self._text)
        self._document: Document | None = None
        #: What each block shows: the paragraph and the focused key it was drawn with.
        self._shown: list[Paragraph] = []
        self._shown_focus: list[str | None] = []
        self._formats: dict[int, ParagraphFormats] = {}
        self._brushes: dict[str, QBrush] = {}
        self._focused: str | None = None
        self._highlighted: tuple[int, ...] = ()
        self._laid_out = 0
        self._layout_after_paint = False
        #: The first paragraph not shown yet (the first report of a new view shows one screen
        #: first, see `_hide_below_first_screen`); len(self._shown) when all are.
        self._hidden_from = 0
        self._painted = False
        self._resume_layout = False
        self._layout_timer = QTimer(self)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self._layout_ahead)
        #: How many full renders and block replacements were made (tests and benchmarks).
        self.full_renders = 0
        self.block_updates = 0
        #: Paragraphs left out of the report, drawn as lines between the blocks.
        self.left_out = LeftOutLines(self)

    # ------------------------------------------------------------------ rendering

    def indent_px(self) -> int:
        """Two characters of the body font: the first-line indent of a 公文 paragraph."""
        return QFontMetrics(self._text.defaultFont()).horizontalAdvance("中中")

    def _new_text(self) -> QTextDocument:
        text = QTextDocument(self)
        text.setUndoRedoEnabled(False)
        # The page margin is the frames' own (see `set_report`): a point in it then lies in a
        # frame, so clicks and selections there find the nearest paragraph.
        text.setDocumentMargin(0)
        font = QFont()
        font.setFamilies([f.strip("'") for f in font_stack(BODY_FAMILIES).split(", ")])
        font.setPointSizeF(12)
        text.setDefaultFont(font)
        return text

    def set_report(self, document: Document) -> None:
        """Draw the whole report (first show, or a change of structure), keeping in view the
        paragraph that was at the top.

        The report is built in a new document that no view lays out yet, then shown: Qt then
        lays out only what is visible at once and the rest in steps (as for `setHtml`), instead
        of the whole report after every insertion.
        """
        bar = self.verticalScrollBar()
        keep: tuple[int, float] | None = None
        if self._shown and bar.value() > 0:
            top = self.first_visible_paragraph()
            rect = self._text.documentLayout().blockBoundingRect(self.block(top))
            keep = (top, bar.value() - rect.top())
        self._document = document
        paragraphs = [preview_parts.shown(p) for p in shown_paragraphs(document)]
        formats = self._paragraph_formats()
        formats.prepare(paragraph.role for paragraph in paragraphs)
        char_px = self.indent_px() / 2 * 11 / 12
        rows = row_formats(document, lambda: formats.block(Role.ROW)[0], char_px)
        text = self._new_text()
        cursor = QTextCursor(text)
        cursor.beginEditBlock()
        frame_format = QTextFrameFormat()
        frame_format.setMargin(0)
        frame_format.setPadding(0)
        frame_format.setBorder(0)
        frame_format.setLeftMargin(PAGE_MARGIN)
        frame_format.setRightMargin(PAGE_MARGIN)
        for start in range(0, len(paragraphs), CHUNK_PARAGRAPHS):
            chunk = paragraphs[start : start + CHUNK_PARAGRAPHS]
            if start:
                # Qt drops the margins between blocks at a frame's edges: put back the space
                # a single flow has between these two paragraphs (the larger margin).
                above = formats.block(paragraphs[start - 1].role)[0].bottomMargin()
                below = formats.block(chunk[0].role)[0].topMargin()
                frame_format.setTopMargin(max(above, below))
            else:
                frame_format.setTopMargin(PAGE_MARGIN)
            last = start + CHUNK_PARAGRAPHS >= len(paragraphs)
            frame_format.setBottomMargin(PAGE_MARGIN if last else 0)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertFrame(frame_format)
            for number, paragraph in enumerate(chunk):
                block_format, block_char_format = formats.block(paragraph.role)
                block_format = preview_parts.block_format(paragraph, block_format)
                block_format = rows.get(start + number, block_format)
                if number == 0:  # the frame's own first block
                    cursor.setBlockFormat(block_format)
                    cursor.setBlockCharFormat(block_char_format)
                else:
                    cursor.insertBlock(block_format, block_char_format)
                self._insert_runs(cursor, paragraph, formats)
        frames = text.rootFrame().begin()
        while not frames.atEnd():
            block = frames.currentBlock()  # a top-level block: before or after a frame
            if block.isValid():
                block.setVisible(False)
            frames += 1
        hidden_from = len(paragraphs)
        if not self._painted:  # the first report of this view: one screen first
            hidden_from = self._hide_below_first_screen(text, paragraphs)
        cursor.endEditBlock()
        old, self._text = self._text, text
        self._cursor = QTextCursor(text)
        self.setDocument(text)
        old.deleteLater()
        self._shown = paragraphs
        self._hidden_from = hidden_from
        self._shown_focus = [self._focused] * len(paragraphs)
        self.full_renders += 1
        self._apply_highlight(self._highlighted, on=True)
        if keep is not None and paragraphs:
            index, offset = keep
            index = min(index, len(paragraphs) - 1)
            rect = text.documentLayout().blockBoundingRect(self.block(index))
            bar.setValue(round(rect.top() + offset))
        self._laid_out = 0
        # The idle layout starts once the report has been drawn: the writer sees it first.
        self._layout_after_paint = True
        self.left_out.make_room()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.left_out.press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.left_out.hover(event)

    def _hide_below_first_screen(self, text: QTextDocument, paragraphs: list[Paragraph]) -> int:
        """Hide the paragraphs after about one screen of text; returns the first one hidden.

        Qt lays a document out in steps of a few thousand characters, and a frame whole: the
        first show of a report would lay out (and shape in its CJK faces) much more than the
        writer sees. Hidden blocks are not laid out; `_fill_view` shows what the view needs
        before its first paint, and the rest comes back while the app is idle after it.
        """
        total = 0
        first_hidden = len(paragraphs)
        for index, paragraph in enumerate(paragraphs):
            if total >= FIRST_SCREEN_CHARS:
                first_hidden = index
                break
            total += sum(len(run.text) for run in paragraph.runs)
        for index in range(first_hidden, len(paragraphs)):
            text.findBlockByNumber(block_number(index)).setVisible(False)
        return first_hidden

    def _reveal_paragraphs(self, count: int) -> None:
        """Show the next `count` hidden paragraphs (Qt lays them out when asked)."""
        end = min(len(self._shown), self._hidden_from + count)
        if end <= self._hidden_from:
            return
        first = self.block(self._hidden_from)
        for index in range(self._hidden_from, end):
            self.block(index).setVisible(True)
        last = self.block(end - 1)
        self._hidden_from = end
        self._text.markContentsDirty(
            first.position(), last.position() + last.length() - first.position()
        )

    def _fill_view(self) -> None:
        """Before the first paint: show hidden paragraphs until the visible area is filled."""
        layout = self._text.documentLayout()
        needed = self.verticalScrollBar().value() + self.viewport().height()
        while self._hidden_from < len(self._shown):
            if layout.documentSize().height() > needed:
                return
            self._reveal_paragraphs(1)

    def show_everything(self) -> None:
        """Show every paragraph now (what needs the whole report's layout calls this)."""
        self._reveal_paragraphs(len(self._shown))

    def hideEvent(self, event: QHideEvent) -> None:
        # nothing to lay out for a view no one sees (a closed window): resumed when shown again
        self._resume_layout = self._layout_timer.isActive()
        self._layout_timer.stop()
        super().hideEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._resume_layout:
            self._resume_layout = False
            self._layout_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._hidden_from < len(self._shown) and not self._painted:
            self._fill_view()

    def _paragraph_formats(self) -> ParagraphFormats:
        indent = self.indent_px()
        formats = self._formats.get(indent)
        if formats is None:
            formats = self._formats[indent] = ParagraphFormats(indent)
        return formats

    def _insert_runs(
        self, cursor: QTextCursor, paragraph: Paragraph, formats: ParagraphFormats
    ) -> None:
        """Insert a paragraph's runs at the cursor, each in the format its HTML would get."""
        focused = self._focused
        for run, role in zip(paragraph.runs, paragraph.run_roles(), strict=True):
            if not run.text:
                continue
            if isinstance(run, FieldRun):
                cursor.insertText(run.text, formats.field(role, run, run.key == focused))
            else:
                cursor.insertText(run.text, formats.text(role))

    def _layout_ahead(self) -> None:
        """Lay out the document a slice at a time while the app is idle.

        Qt lays a long document out lazily; the first edit below the laid-out part would lay out
        everything before it at once (a long pause on a 100-page report). Doing it in small
        slices after each full render keeps every later keystroke cheap.
        """
        if self._hidden_from < len(self._shown):  # after the first paint: the rest of the report
            self._reveal_paragraphs(REVEAL_SLICE)
            return
        count = self._text.blockCount()
        if self._laid_out >= count - 1:
            self._layout_timer.stop()
            return
        self._laid_out = min(self._laid_out + LAYOUT_SLICE, count - 1)
        self._text.documentLayout().blockBoundingRect(self._text.findBlockByNumber(self._laid_out))

    def has_painted(self) -> bool:
        """Whether the report has been painted at least once."""
        return self._painted

    def layout_pending(self) -> bool:
        """Whether parts of the document are still waiting to be laid out."""
        return (
            self._layout_after_paint
            or self._layout_timer.isActive()
            or self._hidden_from < len(self._shown)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._painted and self._hidden_from < len(self._shown):
            self._fill_view()  # shown without a resize (a view that kept its size)
        first = not self._painted
        self._painted = True
        super().paintEvent(event)
        self.left_out.paint()
        if first:
            self.firstPainted.emit()
        if self._layout_after_paint:
            self._layout_after_paint = False
            self._layout_timer.start()

    def update_paragraphs(self, document: Document, indexes: Iterable[int]) -> None:
        """Redraw only these paragraphs (their blocks), leaving the rest of the document alone."""
        self._document = document
        bar = self.verticalScrollBar()
        layout = self._text.documentLayout()
        for index in indexes:
            block = self.block(index)
            if not block.isValid() or index >= len(self._shown):
                continue
            paragraph = preview_parts.shown(shown_paragraph(document.paragraphs[index]))
            old, old_focus = self._shown[index], self._shown_focus[index]
            if old == paragraph and old_focus == self._focused:
                continue
            # A block not laid out yet lies below the laid-out (visible) part: asking for its
            # rectangle would force the layout of everything before it.
            laid_out = block.layout().lineCount() > 0
            before = layout.blockBoundingRect(block) if laid_out else None
            above = before is not None and before.bottom() <= bar.value()
            # Qt repaints the whole view after any change inside a frame; the repaint is asked
            # for here instead, for the lines that changed (see `_repaint`).
            layout.blockSignals(laid_out)
            try:
                first = self._replace_runs(block, old, old_focus, paragraph)
                if first is None:
                    first = 0
                    cursor = self._cursor
                    cursor.beginEditBlock()
                    cursor.setPosition(block.position())
                    cursor.setPosition(
                        block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.removeSelectedText()
                    self._insert_runs(cursor, paragraph, self._paragraph_formats())
                    cursor.endEditBlock()
            finally:
                layout.blockSignals(False)
            self._shown[index] = paragraph
            self._shown_focus[index] = self._focused
            self.block_updates += 1
            if before is not None:
                after = self._repaint(self.block(index), before, first)
                delta = after.height() - before.height()
                if above and delta:
                    bar.setValue(bar.value() + round(delta))

    def _repaint(self, block: QTextBlock, before: QRectF, first: int) -> QRectF:
        """Ask for the repaint of a changed block (laid out before the change) from the line
        before the one holding position `first` (a line break may move back one character);
        everything below when its height changed. Returns the block's new rectangle."""
        layout = self._text.documentLayout()
        after = layout.blockBoundingRect(block)
        if after.height() != before.height():
            layout.documentSizeChanged.emit(layout.documentSize())  # the scroll bar's range
            self._update_area(QRectF(0, min(before.top(), after.top()), UNBOUNDED, UNBOUNDED))
            return after
        text_layout = block.layout()
        line = text_layout.lineForTextPosition(first)
        number = max(0, line.lineNumber() - 1) if line.isValid() else 0
        top = after.top() + text_layout.lineAt(number).y() - text_layout.boundingRect().top()
        self._update_area(QRectF(0, top, UNBOUNDED, after.bottom() - top))
        return after

    def _update_area(self, area: QRectF) -> None:
        """Repaint the visible part of an area of the document (as QTextEdit does when the
        layout asks for it)."""
        x, y = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        viewport = self.viewport()
        visible = QRectF(x, y, viewport.width(), viewport.height())
        rect = area.intersected(visible).toAlignedRect()
        if not rect.isEmpty():
            viewport.update(rect.translated(-x, -y))

    def _replace_runs(
        self, block: QTextBlock, old: Paragraph, old_focus: str | None, new: Paragraph
    ) -> int | None:
        """Replace, in `block`, the runs of `old` whose text or look differ in `new`, each with
        its own character format adjusted; returns where the first change is in the block, or
        None (nothing done) when the runs do not line up."""
        if len(old.runs) != len(new.runs) or (old.role, old.lead) != (new.role, new.lead):
            return None
        changes: list[tuple[int, Run, Run]] = []
        offset = 0
        for before, after in zip(old.runs, new.runs, strict=True):
            if type(before) is not type(after) or not before.text or not after.text:
                return None
            if isinstance(before, FieldRun):
                assert isinstance(after, FieldRun)
                if before.key != after.key:
                    return None
                if before.text != after.text or run_look(
                    before, before.key == old_focus
                ) != run_look(after, after.key == self._focused):
                    changes.append((offset, before, after))
            elif before.text != after.text:
                changes.append((offset, before, after))
            offset += _units(before.text)
        if offset != block.length() - 1:  # the block does not show what we think it does
            return None
        cursor = self._cursor
        cursor.beginEditBlock()
        try:
            for start, before, after in reversed(changes):
                position = block.position() + start
                cursor.setPosition(position + 1)
                char_format = cursor.charFormat()  # of the run's first character
                if isinstance(after, FieldRun):
                    self._apply_look(char_format, after, after.key == self._focused)
                cursor.setPosition(position)
                cursor.setPosition(position + _units(before.text), QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(after.text, char_format)
        finally:
            cursor.endEditBlock()
        return changes[0][0] if changes else block.length()

    def _apply_look(self, char_format: QTextCharFormat, run: FieldRun, focused: bool) -> None:
        color, background, underline = run_look(run, focused)
        char_format.setForeground(self._brush(color))
        char_format.setBackground(self._brush(background))
        char_format.setFontUnderline(underline)

    def _brush(self, color: str) -> QBrush:
        brush = self._brushes.get(color)
        if brush is None:
            brush = self._brushes[color] = solid_brush(QColor(color))
        return brush

    def block(self, index: int) -> QTextBlock:
        """The block showing paragraph `index`."""
        return self._text.findBlockByNumber(block_number(index))

    def block_count(self) -> int:
        """Blocks showing paragraphs: one per paragraph."""
        return len(self._shown)

    def block_text(self, index: int) -> str:
        """The text shown for paragraph `index`."""
        return self.block(index).text()

    def plain_text(self) -> str:
        """Everything the preview shows, one paragraph per line."""
        return "\n".join(self.block_text(i) for i in range(len(self._shown)))

    # ------------------------------------------------------------------ focus

    def set_focused_field(self, key: str | None, paragraphs: Sequence[int]) -> None:
        """Mark the field being edited, highlight its paragraphs and bring the first into view."""
        previous, previous_paragraphs = self._focused, self._highlighted
        indexes = tuple(paragraphs)
        self._focused = key
        if indexes != previous_paragraphs:
            self._apply_highlight(previous_paragraphs, on=False)
            self._apply_highlight(indexes, on=True)
            self._highlighted = indexes
        if self._document is not None and previous != key:
            self.update_paragraphs(self._document, sorted(set(previous_paragraphs) | set(indexes)))
        if indexes:
            self.reveal(indexes[0])

    def forget_focus(self) -> None:
        """Drop the focused field and its highlight (before another document is shown)."""
        self._focused = None
        self._highlighted = ()

    def _apply_highlight(self, indexes: Iterable[int], on: bool) -> None:
        fmt = QTextBlockFormat()
        if on:
            fmt.setBackground(self._brush(HIGHLIGHT))
        else:
            fmt.clearBackground()
        for index in indexes:
            block = self.block(index)
            if not block.isValid():
                continue
            cursor = QTextCursor(block)
            if on:
                cursor.mergeBlockFormat(fmt)
            else:
                current = block.blockFormat()
                current.clearBackground()
                cursor.setBlockFormat(current)

    def highlighted(self) -> tuple[int, ...]:
        """The paragraphs highlighted for the focused field."""
        return self._highlighted

    def reveal(self, index: int) -> None:
        """Scroll as little as needed to show paragraph `index` (its top when it is tall)."""
        if index >= self._hidden_from:  # not shown yet: it, and a screen after it
            self._reveal_paragraphs(index + 1 - self._hidden_from + REVEAL_SLICE)
        block = self.block(index)
        if not block.isValid():
            return
        rect = self._text.documentLayout().blockBoundingRect(block)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        margin = 12
        top, bottom = rect.top(), rect.bottom()
        if top < bar.value():
            bar.setValue(max(0, round(top) - margin))
        elif bottom > bar.value() + height:
            if rect.height() + 2 * margin > height:
                bar.setValue(round(top) - margin)
            else:
                bar.setValue(round(bottom) - height + margin)

    def first_visible_paragraph(self) -> int:
        """The index of the first paragraph (at least partly) in the visible area."""
        self.show_everything()
        layout = self._text.documentLayout()
        top = self.verticalScrollBar().value()
        low, high = 0, max(0, len(self._shown) - 1)
        while low < high:  # the first paragraph whose bottom is below the top of the view
            middle = (low + high) // 2
            if layout.blockBoundingRect(self.block(middle)).bottom() <= top:
                low = middle + 1
            else:
                high = middle
        return low

    def paragraph_at(self, point: QPoint) -> int | None:
        """The paragraph under a point of the viewport, or None (the page's margin)."""
        number = self.cursorForPosition(point).block().blockNumber()
        index = paragraph_of_block(number)
        return index if index is not None and index < len(self._shown) else None

    def paragraph_visible(self, index: int) -> bool:
        """Whether paragraph `index` is (at least partly) inside the visible area."""
        self.show_everything()
        block = self.block(index)
        rect = self._text.documentLayout().blockBoundingRect(block)
        top = self.verticalScrollBar().value()
        return rect.bottom() > top and rect.top() < top + self.viewport().height()

    # ------------------------------------------------------------------ clicks

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == FIELD_SCHEME and url.path():
            self.fieldActivated.emit(url.path())

    def field_at_paragraph(self, index: int, occurrence: int = 0) -> tuple[int, str] | None:
        """Position (in the document) and key of a field's anchor in a paragraph (for tests)."""
        block = self.block(index)
        iterator = block.begin()
        seen = 0
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref().startswith(f"{FIELD_SCHEME}:"):
                if seen == occurrence:
                    return fragment.position(), fmt.anchorHref().split(":", 1)[1]
                seen += 1
            iterator += 1
        return None
