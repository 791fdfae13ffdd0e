"""The step navigator: 基本信息, the four sections by their headings, 预览与导出.

Each form step shows how many of its fields are filled and a done mark once all are filled
without problems. Counts come from the model's incremental bookkeeping, so refreshing one step
after a keystroke costs the same on a short report as on a long one.
"""

from __future__ import annotations

import functools

from PySide6 import QtCore
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.core.i18n import _
from app.core.report import ReportModel
from app.core.steps import Step
from app.ui.preview import escape_markup
from app.ui.qt_properties import (
    ACCESSIBLE_TEXT_ROLE,
    DECORATION_ROLE,
    TEXT_WORD_WRAP,
    USER_ROLE,
    set_properties,
)

ICON_SIZE = 18
#: Item data: the step's title, its progress line, and whether it is done.
TITLE_ROLE = USER_ROLE + 2
PROGRESS_ROLE = USER_ROLE + 3
DONE_ROLE = USER_ROLE + 1
PADDING = 8
#: How many of the widest titles the items' common height is measured from.
LONGEST_TITLES = 6


class StepDelegate(QStyledItemDelegate):
    """Draws a step as its (wrapped) title, a smaller progress line under it and the mark.

    Every step gets the same height, that of the tallest title: the list then lays items out
    without asking each one for its size, which matters because every change of a step's
    progress would otherwise re-measure all of them (hundreds on a long report).

    The item's background (selection, hover, focus) is the style's, drawn by the base class
    from an option without text or icon (`initStyleOption`); this class draws the rest. Nothing
    here names `QStyle` or `Qt`, whose Python enums are not built before the first paint
    (see app.ui.qt_properties; the cost is in docs/performance.md).
    """

    def __init__(self, parent: QListWidget) -> None:
        super().__init__(parent)
        self._list = parent
        self.titles: list[str] = []
        self._size: tuple[int, QSize] | None = None
        self._widest: tuple[tuple[tuple[str, ...], int, int], list[str]] | None = None
        self._texts: dict[tuple[str, int, str, int], QStaticText] = {}

    def set_titles(self, titles: list[str]) -> None:
        """The titles the uniform height is measured from."""
        self.titles = titles
        self._size = None

    def _longest(self, metrics: QFontMetrics) -> list[str]:
        """The titles that can wrap onto the most lines: the widest few on one line (a long
        report has hundreds of titles, and the list's width changes while it is laid out)."""
        key = (tuple(self.titles), metrics.height(), metrics.averageCharWidth())
        if self._widest is None or self._widest[0] != key:
            ranked = sorted(self.titles, key=metrics.horizontalAdvance, reverse=True)
            self._widest = (key, ranked[:LONGEST_TITLES])
        return self._widest[1]

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.88, 7.0))
        return title, small

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        width = max(option.rect.width() - ICON_SIZE - 3 * PADDING, 40)
        if option.widget is not None:
            width = max(option.widget.viewport().width() - ICON_SIZE - 3 * PADDING, 40)
        if self._size is not None and self._size[0] == width:
            return self._size[1]
        title_font, small_font = self._fonts(option)
        metrics = QFontMetrics(title_font)
        flags = TEXT_WORD_WRAP
        tallest = max(
            (
                metrics.boundingRect(QRect(0, 0, width, 10_000), flags, t).height()
                for t in self._longest(metrics)
            ),
            default=metrics.height(),
        )
        height = tallest + 2 * PADDING + QFontMetrics(small_font).height() + 2
        size = QSize(width + ICON_SIZE + 3 * PADDING, max(height, ICON_SIZE + 2 * PADDING))
        self._size = (width, size)
        return size

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # drawn by `paint`, wrapped, over the progress line
        option.icon = QIcon()  # drawn by `paint`, at the title's first line

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)  # the background, as the platform draws it
        item = self._list.item(index.row())
        selected = item is not None and item.isSelected()
        group = QPalette.ColorGroup.Active
        text_color = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        title_font, small_font = self._fonts(option)
        rect = option.rect
        icon = index.data(DECORATION_ROLE)
        icon_rect = QRect(rect.left() + PADDING, rect.top() + PADDING + 1, ICON_SIZE, ICON_SIZE)
        if isinstance(icon, QIcon) and not icon.isNull():
            icon.paint(painter, icon_rect)
        left = icon_rect.right() + PADDING
        width = rect.right() - PADDING - left
        painter.save()
        painter.setFont(title_font)
        title = self._text(str(index.data(TITLE_ROLE) or ""), width, title_font, text_color)
        painter.drawStaticText(left, rect.top() + PADDING, title)
        progress = index.data(PROGRESS_ROLE)
        if progress:
            if not selected:
                text_color = option.palette.color(group, QPalette.ColorRole.PlaceholderText)
            painter.setFont(small_font)
            top = rect.top() + PADDING + round(title.size().height()) + 1
            painter.drawStaticText(left, top, self._text(str(progress), -1, small_font, text_color))
        painter.restore()

    def _text(self, text: str, width: int, font: QFont, color: QColor) -> QStaticText:
        """`text` in `color`, wrapped in `width` (-1: one line), laid out once (a step's progress
        changes as the writer types, and its item is painted again each time; the title never
        changes). The colour is given as markup: setting the painter's pen would make PySide
        build the `Qt` namespace's enums (`QPainter.setPen` is overloaded on `Qt.PenStyle`)."""
        key = (text, width, font.key(), color.rgba())
        static = self._texts.get(key)
        if static is None:
            argb = color.name(QColor.NameFormat.HexArgb)
            static = QStaticText(f'<span style="color: {argb}">{escape_markup(text)}</span>')
            static.setTextWidth(width)
            static.prepare(QTransform(), font)
            if len(self._texts) > 4096:
                self._texts.clear()
            self._texts[key] = static
        return static


def _mark_icon(done: bool, color: str = "#2e7d32") -> QIcon:
    """A small round check mark drawn at run time (no image file, and no font: a glyph would
    send Qt looking through the system's fonts for one that has "✓"); not done: a blank."""
    pixmap = QPixmap(ICON_SIZE * 2, ICON_SIZE * 2)
    pixmap.fill(QColor(0, 0, 0, 0))
    if done:
        qt = QtCore.Qt
        size = ICON_SIZE * 2
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(color))
        painter.setPen(qt.PenStyle.NoPen)
        painter.drawEllipse(2, 2, size - 4, size - 4)
        pen = QPen(QColor("white"))
        pen.setWidthF(size * 0.12)
        pen.setCapStyle(qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(qt.BrushStyle.NoBrush)
        painter.drawPolyline(
            [
                QPointF(size * 0.28, size * 0.52),
                QPointF(size * 0.44, size * 0.68),
                QPointF(size * 0.73, size * 0.34),
            ]
        )
        painter.end()
    pixmap.setDevicePixelRatio(2)
    return QIcon(pixmap)


class StepList(QListWidget):
    """The list of steps with their progress."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps")
        self.setWordWrap(True)
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setSpacing(2)
        self.setUniformItemSizes(True)  # see StepDelegate
        set_properties(self, horizontalScrollBarPolicy="ScrollBarAlwaysOff")
        self._steps: tuple[Step, ...] = ()
        self._rows: dict[str, int] = {}
        #: While set, item changes cannot change an item's height (see `dataChanged`).
        self._same_sizes = False
        self._blank = _mark_icon(False)
        self.setAccessibleName(_("Steps"))
        self.delegate = StepDelegate(self)
        self.setItemDelegate(self.delegate)

    @functools.cached_property
    def _done(self) -> QIcon:
        """The done mark, drawn when a step is first done (a new report has none)."""
        return _mark_icon(True)

    def set_steps(self, steps: tuple[Step, ...], model: ReportModel) -> None:
        """Show these steps."""
        self._steps = steps
        self._rows = {step.id: row for row, step in enumerate(steps)}
        self.delegate.set_titles([step.title for step in steps])
        current = self.currentRow()
        self.blockSignals(True)
        self.clear()
        for step in steps:
            item = QListWidgetItem(step.title, self)
            item.setData(USER_ROLE, step.id)
            item.setData(TITLE_ROLE, step.title)
        self.blockSignals(False)
        for row in range(len(steps)):
            self._refresh_item(row, model)  # sizes may change here: the full update
        if 0 <= current < len(steps):
            self.setCurrentRow(current)

    def refresh_step(self, step_id: str, model: ReportModel) -> None:
        """Update one step's counts and mark."""
        row = self._rows.get(step_id)
        if row is None:
            return
        self._same_sizes = True
        try:
            self._refresh_item(row, model)
        finally:
            self._same_sizes = False

    def _refresh_item(self, row: int, model: ReportModel) -> None:
        step, item = self._steps[row], self.item(row)
        if step.section is None:
            item.setIcon(self._blank)
            item.setToolTip(step.title)
            return
        filled, total, flagged = model.section_counts(step.section)
        done = filled == total and flagged == 0
        progress = self.tr("{filled}/{total} filled").format(filled=filled, total=total)
        text = f"{step.title}\n{progress}"
        if item.text() != text:
            item.setText(text)
            item.setData(PROGRESS_ROLE, progress)
        if bool(item.data(DONE_ROLE)) != done or item.icon().isNull():
            item.setIcon(self._done if done else self._blank)
        state = self.tr("done") if done else progress
        tooltip = f"{step.title} — {state}"
        if item.toolTip() != tooltip:
            item.setToolTip(tooltip)
            item.setData(ACCESSIBLE_TEXT_ROLE, f"{step.title}, {state}")
        if bool(item.data(DONE_ROLE)) != done:
            item.setData(DONE_ROLE, done)

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: list[int] | None = None,
    ) -> None:
        if self._same_sizes:
            # A step's progress, mark and tooltip never change its height (the title and the
            # progress line are always there): repaint the item, and skip QListView's re-layout
            # of every item, which on a 100-section report costs more than the keystroke.
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles or [])
        else:
            super().dataChanged(top_left, bottom_right, roles or [])

    def is_done(self, step_id: str) -> bool:
        """Whether the step shows its done mark."""
        row = self._rows.get(step_id)
        return row is not None and bool(self.item(row).data(DONE_ROLE))

    def resizeEvent(self, event: object) -> None:  # the wrapped titles need new heights
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.scheduleDelayedItemsLayout()

    def step_ids(self) -> list[str]:
        """The ids of the steps, in order."""
        return [step.id for step in self._steps]
