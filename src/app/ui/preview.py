"""The live preview: the report as it will be exported, drawn from the core's document model.

One QTextDocument block per paragraph of the `Document`. A keystroke replaces only the blocks of
the paragraphs the model says changed (`Update.paragraphs`); the whole document is set again only
when its structure changes. Changes are made through a private QTextCursor, never the view's own,
so the view does not scroll; when a block above the visible area changes height, the scroll
position is moved by the same amount, so what the writer looks at stays put.

Every value and placeholder is an anchor ``field:<key>``: clicking it asks for that field
(`fieldActivated`). Filled values, empty placeholders and invalid values have their own look;
the paragraphs of the focused field are highlighted and kept in view.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QWidget

from app.core.document import Document, FieldRun, Paragraph, Role, RunState

FIELD_SCHEME = "field"

#: Font stacks in the spirit of the 公文 layout, with fallbacks found on Windows and Linux.
BODY_FONTS = "'FangSong', '仿宋', 'FangSong_GB2312', 'STFangsong', 'Noto Serif CJK SC', " + (
    "'Source Han Serif SC', 'SimSun', serif"
)
TITLE_FONTS = "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'SimSun', serif"
HEADING_FONTS = "'SimHei', '黑体', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"
SUBHEADING_FONTS = "'KaiTi', '楷体', 'STKaiti', 'Noto Serif CJK SC', serif"

COLORS = {
    RunState.FILLED: ("#0d47a1", "#e3f0ff"),
    RunState.EMPTY: ("#5d4300", "#ffe08a"),
    RunState.INVALID: ("#b71c1c", "#ffd6d6"),
}
FOCUSED_FIELD_BACKGROUND = "#b9d7ff"
HIGHLIGHT = QColor("#f2f6fc")
#: Blocks laid out per idle slice (see `Preview._layout_ahead`).
LAYOUT_SLICE = 48


def paragraph_inner_html(paragraph: Paragraph, focused: str | None = None) -> str:
    """The runs of a paragraph as inline HTML (the block itself is not included)."""
    parts = ['<span style="white-space:pre-wrap">']
    for run in paragraph.runs:
        text = escape(run.text, quote=False)
        if isinstance(run, FieldRun):
            color, background = COLORS[run.state]
            if run.key == focused:
                background = FOCUSED_FIELD_BACKGROUND
            decoration = "underline" if run.state is RunState.INVALID else "none"
            parts.append(
                f'<a href="{FIELD_SCHEME}:{run.key}" style="color:{color};'
                f'background-color:{background};text-decoration:{decoration}">{text}</a>'
            )
        else:
            parts.append(text)
    parts.append("</span>")
    return "".join(parts)


def _block_style(role: Role, indent_px: int) -> tuple[str, str]:
    if role is Role.TITLE:
        return (
            'align="center"',
            f"font-family:{TITLE_FONTS};font-size:17pt;font-weight:600;"
            "margin-top:6px;margin-bottom:14px;",
        )
    if role is Role.HEADING:
        return (
            "",
            f"font-family:{HEADING_FONTS};text-indent:{indent_px}px;margin-top:8px;"
            "margin-bottom:4px;",
        )
    if role is Role.SUBHEADING:
        return (
            "",
            f"font-family:{SUBHEADING_FONTS};text-indent:{indent_px}px;margin-bottom:4px;",
        )
    return "", f"text-indent:{indent_px}px;margin-bottom:4px;"


def document_html(document: Document, indent_px: int, focused: str | None = None) -> str:
    """The whole report as HTML for a QTextDocument: one <p> (one block) per paragraph."""
    parts = [f'<html><body style="font-family:{BODY_FONTS};font-size:12pt">']
    for paragraph in document.paragraphs:
        attributes, style = _block_style(paragraph.role, indent_px)
        parts.append(
            f'<p {attributes} style="{style}line-height:150%">'
            f"{paragraph_inner_html(paragraph, focused)}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)


class Preview(QTextBrowser):
    """The report, live. Owns its QTextDocument; the model stays in the core."""

    fieldActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preview")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self._text = QTextDocument(self)
        self._text.setUndoRedoEnabled(False)
        self._text.setDocumentMargin(24)
        font = QFont()
        font.setFamilies(["FangSong", "Noto Serif CJK SC", "SimSun"])
        font.setPointSizeF(12)
        self._text.setDefaultFont(font)
        self.setDocument(self._text)
        self._cursor = QTextCursor(self._text)
        self._document: Document | None = None
        self._focused: str | None = None
        self._highlighted: tuple[int, ...] = ()
        self._laid_out = 0
        self._layout_timer = QTimer(self)
        self._layout_timer.setInterval(0)
        self._layout_timer.timeout.connect(self._layout_ahead)
        #: How many full renders and block replacements were made (tests and benchmarks).
        self.full_renders = 0
        self.block_updates = 0

    # ------------------------------------------------------------------ rendering

    def indent_px(self) -> int:
        """Two characters of the body font: the first-line indent of a 公文 paragraph."""
        return QFontMetrics(self._text.defaultFont()).horizontalAdvance("中中")

    def set_report(self, document: Document) -> None:
        """Draw the whole report (first show, or a change of structure); keeps the scroll."""
        bar = self.verticalScrollBar()
        position = bar.value()
        self._document = document
        self._text.setHtml(document_html(document, self.indent_px(), self._focused))
        self.full_renders += 1
        self._apply_highlight(self._highlighted, on=True)
        bar.setValue(position)
        self._laid_out = 0
        self._layout_timer.start()

    def _layout_ahead(self) -> None:
        """Lay out the document a slice at a time while the app is idle.

        Qt lays a long document out lazily; the first edit below the laid-out part would lay out
        everything before it at once (a long pause on a 100-page report). Doing it in small
        slices after each full render keeps every later keystroke cheap.
        """
        count = self._text.blockCount()
        if self._laid_out >= count - 1:
            self._layout_timer.stop()
            return
        self._laid_out = min(self._laid_out + LAYOUT_SLICE, count - 1)
        self._text.documentLayout().blockBoundingRect(self._text.findBlockByNumber(self._laid_out))

    def layout_pending(self) -> bool:
        """Whether parts of the document are still waiting to be laid out."""
        return self._layout_timer.isActive()

    def update_paragraphs(self, document: Document, indexes: Iterable[int]) -> None:
        """Redraw only these paragraphs (their blocks), leaving the rest of the document alone."""
        self._document = document
        bar = self.verticalScrollBar()
        layout = self._text.documentLayout()
        for index in indexes:
            block = self._text.findBlockByNumber(index)
            if not block.isValid():
                continue
            # A block not laid out yet lies below the laid-out (visible) part: asking for its
            # rectangle would force the layout of everything before it.
            laid_out = block.layout().lineCount() > 0
            before = layout.blockBoundingRect(block) if laid_out else None
            above = before is not None and before.bottom() <= bar.value()
            cursor = self._cursor
            cursor.setPosition(block.position())
            cursor.setPosition(
                block.position() + block.length() - 1, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.insertHtml(paragraph_inner_html(document.paragraphs[index], self._focused))
            self.block_updates += 1
            if above and before is not None:
                after = layout.blockBoundingRect(self._text.findBlockByNumber(index))
                delta = after.height() - before.height()
                if delta:
                    bar.setValue(bar.value() + round(delta))

    def block_count(self) -> int:
        """Blocks in the preview: one per paragraph."""
        return self._text.blockCount()

    def block_text(self, index: int) -> str:
        """The text shown for paragraph `index`."""
        return self._text.findBlockByNumber(index).text()

    def plain_text(self) -> str:
        """Everything the preview shows, one paragraph per line."""
        return self._text.toPlainText()

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
            fmt.setBackground(HIGHLIGHT)
        else:
            fmt.clearBackground()
        for index in indexes:
            block = self._text.findBlockByNumber(index)
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
        block = self._text.findBlockByNumber(index)
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

    def paragraph_visible(self, index: int) -> bool:
        """Whether paragraph `index` is (at least partly) inside the visible area."""
        block = self._text.findBlockByNumber(index)
        rect = self._text.documentLayout().blockBoundingRect(block)
        top = self.verticalScrollBar().value()
        return rect.bottom() > top and rect.top() < top + self.viewport().height()

    # ------------------------------------------------------------------ clicks

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == FIELD_SCHEME and url.path():
            self.fieldActivated.emit(url.path())

    def field_at_paragraph(self, index: int, occurrence: int = 0) -> tuple[int, str] | None:
        """Position (in the document) and key of a field's anchor in a paragraph (for tests)."""
        block = self._text.findBlockByNumber(index)
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
