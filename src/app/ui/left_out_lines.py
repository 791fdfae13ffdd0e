"""Paragraphs left out of the report, shown in the preview as struck-through lines.

A paragraph the writer left out (不用此段) is not in the document, so the preview has no block
for it; without a trace it could be found again only through 编辑 > 段落与措辞. Here each one is
drawn as one grey, struck-through line where it stood, in room made above the paragraph that
follows it (a margin of that block: the preview keeps one block per paragraph), and a click on
the line asks for it back (`activated`), which the wording actions do through the session, as
one step of the history.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

from PySide6.QtCore import QObject, QPoint, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextBrowser


class LeftOut(NamedTuple):
    """A paragraph left out of the report, shown as one line above the paragraph `before`
    (the number of paragraphs: after the last)."""

    before: int
    paragraph_id: str
    text: str


class PreviewBlocks(Protocol):
    """What these lines need of the preview (`app.ui.preview.Preview`)."""

    def block(self, index: int) -> QTextBlock: ...
    def block_count(self) -> int: ...


#: The look of a left-out paragraph's line.
COLOR = "#8a8a8a"
HINT_COLOR = "#0d47a1"
BACKGROUND = "#f3f3f3"


class LeftOutLines(QObject):
    """The left-out paragraphs' lines of one preview."""

    #: A line was clicked: put that paragraph back (its template paragraph id).
    activated = Signal(str)

    def __init__(self, view: QTextBrowser) -> None:
        super().__init__(view)
        self.view = view
        #: Where the left-out paragraphs are (asked at every full render of the preview).
        self.source: Callable[[], Sequence[LeftOut]] | None = None
        self.items: tuple[LeftOut, ...] = ()

    def _blocks(self) -> PreviewBlocks:
        return self.view  # type: ignore[return-value]

    def height(self) -> int:
        """The height of one line."""
        return self.view.fontMetrics().height() + 8

    def label(self, item: LeftOut) -> str:
        """What a line says."""
        return self.tr("Left out: {text} (click to put it back)").format(text=item.text)

    def _anchor_block(self, item: LeftOut) -> tuple[QTextBlock, bool]:
        """The block the line is drawn against, and whether it is below it (at the end)."""
        blocks = self._blocks()
        at_end = item.before >= blocks.block_count()
        return blocks.block(blocks.block_count() - 1 if at_end else item.before), at_end

    def make_room(self) -> None:
        """After a full render: space for each line (the block formats are kept by the
        preview's updates of runs)."""
        self.items = tuple(self.source()) if self.source is not None else ()
        if not self.items or not self._blocks().block_count():
            return
        # The lines are not the document's: when its layout moves (paragraphs laid out or shown
        # after the first paint), the view is drawn again whole, lines included.
        viewport = self.view.viewport()
        self.view.document().documentLayout().update.connect(lambda _rect: viewport.update())
        room: dict[int, int] = {}
        for item in self.items:
            room[item.before] = room.get(item.before, 0) + self.height()
        done: set[int] = set()
        for item in self.items:
            if item.before in done:
                continue
            done.add(item.before)
            block, at_end = self._anchor_block(item)
            block_format = block.blockFormat()
            if at_end:
                block_format.setBottomMargin(block_format.bottomMargin() + room[item.before])
            else:
                block_format.setTopMargin(block_format.topMargin() + room[item.before])
            QTextCursor(block).setBlockFormat(block_format)

    def rects(self) -> list[tuple[QRectF, LeftOut]]:
        """Where each line is, in document coordinates."""
        layout = self.view.document().documentLayout()
        height = self.height()
        stacked: dict[int, int] = {}
        found = []
        for item in self.items:
            block, at_end = self._anchor_block(item)
            if not block.isValid() or not block.isVisible():
                continue
            rect = layout.blockBoundingRect(block)
            count = sum(1 for other in self.items if other.before == item.before)
            number = stacked.get(item.before, 0)
            stacked[item.before] = number + 1
            # A block's rectangle is its text's: the room made for the lines is the margin
            # just above it (below it, for lines after the last paragraph).
            top = (
                rect.bottom() + number * height
                if at_end
                else rect.top() - (count - number) * height
            )
            found.append((QRectF(rect.left(), top + 2, rect.width(), height - 4), item))
        return found

    def _offset(self) -> QPoint:
        view = self.view
        return QPoint(view.horizontalScrollBar().value(), view.verticalScrollBar().value())

    def paint(self) -> None:
        """Draw the lines (after the preview has drawn the document)."""
        if not self.items:
            return
        from PySide6.QtCore import Qt  # not before the first paint: see app.ui.qt_properties

        painter = QPainter(self.view.viewport())
        offset = self._offset()
        painter.translate(-offset.x(), -offset.y())
        plain = QFont(self.view.font())
        struck = QFont(plain)
        struck.setStrikeOut(True)
        metrics = self.view.fontMetrics()
        hint = self.tr("Click to put it back")
        for rect, item in self.rects():
            painter.fillRect(rect, QColor(BACKGROUND))
            inner = rect.adjusted(6, 0, -6, 0)
            # What to do, always whole, at the right; the words left out, struck through.
            hint_width = metrics.horizontalAdvance(hint)
            painter.setFont(plain)
            painter.setPen(QColor(HINT_COLOR))
            painter.drawText(
                inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, hint
            )
            text = metrics.elidedText(
                self.tr("Left out: {text}").format(text=item.text),
                Qt.TextElideMode.ElideRight,
                max(0, round(inner.width()) - hint_width - 24),
            )
            painter.setFont(struck)
            painter.setPen(QColor(COLOR))
            painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter, f"⋯ {text}")
        painter.end()

    def at(self, point: QPoint) -> LeftOut | None:
        """The left-out paragraph whose line is under a point of the viewport."""
        offset = self._offset()
        for rect, item in self.rects():
            if rect.contains(point.x() + offset.x(), point.y() + offset.y()):
                return item
        return None

    def press(self, event: QMouseEvent) -> bool:
        """A press on the preview: True when it was on a line (which then asks for its
        paragraph back, after the click: putting it back draws the report again)."""
        if not self.items:
            return False
        from PySide6.QtCore import Qt

        item = self.at(event.position().toPoint())
        if item is None or event.button() != Qt.MouseButton.LeftButton:
            return False
        event.accept()
        QTimer.singleShot(0, lambda: self.activated.emit(item.paragraph_id))
        return True

    def hover(self, event: QMouseEvent) -> None:
        """A pointing hand over a line."""
        item = self.at(event.position().toPoint()) if self.items else None
        if item is not None:
            from PySide6.QtCore import Qt

            self.view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            self.view.viewport().setToolTip(self.label(item))
