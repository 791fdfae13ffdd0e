"""The step navigator: 基本信息, the four sections by their headings, 预览与导出.

Each form step shows how many of its fields are filled and a done mark once all are filled
without problems. Counts come from the model's incremental bookkeeping, so refreshing one step
after a keystroke costs the same on a short report as on a long one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
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
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.core.report import ReportModel
from app.core.steps import Step

ICON_SIZE = 18
#: Item data: the step's title, its progress line, and whether it is done.
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3
DONE_ROLE = Qt.ItemDataRole.UserRole + 1
PADDING = 8


class StepDelegate(QStyledItemDelegate):
    """Draws a step as its (wrapped) title, a smaller progress line under it and the mark.

    Every step gets the same height, that of the tallest title: the list then lays items out
    without asking each one for its size, which matters because every change of a step's
    progress would otherwise re-measure all of them (hundreds on a long report).
    """

    def __init__(self, parent: QListWidget) -> None:
        super().__init__(parent)
        self.titles: list[str] = []
        self._size: tuple[int, QSize] | None = None
        self._titles: dict[tuple[str, int, str], QStaticText] = {}

    def set_titles(self, titles: list[str]) -> None:
        """The titles the uniform height is measured from."""
        self.titles = titles
        self._size = None

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
        flags = Qt.TextFlag.TextWordWrap
        tallest = max(
            (
                metrics.boundingRect(QRect(0, 0, width, 10_000), flags, t).height()
                for t in self.titles
            ),
            default=metrics.height(),
        )
        height = tallest + 2 * PADDING + QFontMetrics(small_font).height() + 2
        size = QSize(width + ICON_SIZE + 3 * PADDING, max(height, ICON_SIZE + 2 * PADDING))
        self._size = (width, size)
        return size

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background and selection as the platform draws them, without text or icon.
        background = QStyleOptionViewItem(option)
        background.text = ""
        background.icon = QIcon()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active
        text_color = option.palette.color(
            group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        title_font, small_font = self._fonts(option)
        rect = option.rect
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        icon_rect = QRect(rect.left() + PADDING, rect.top() + PADDING + 1, ICON_SIZE, ICON_SIZE)
        if isinstance(icon, QIcon) and not icon.isNull():
            icon.paint(painter, icon_rect)
        left = icon_rect.right() + PADDING
        width = rect.right() - PADDING - left
        painter.save()
        painter.setPen(text_color)
        painter.setFont(title_font)
        title = self._title_text(str(index.data(TITLE_ROLE) or ""), width, title_font)
        painter.drawStaticText(left, rect.top() + PADDING, title)
        progress = index.data(PROGRESS_ROLE)
        if progress:
            painter.setFont(small_font)
            if not selected:
                painter.setPen(option.palette.color(group, QPalette.ColorRole.PlaceholderText))
            top = rect.top() + PADDING + round(title.size().height()) + 1
            painter.drawText(
                QRect(left, top, width, QFontMetrics(small_font).height()),
                Qt.AlignmentFlag.AlignLeft,
                str(progress),
            )
        painter.restore()

    def _title_text(self, title: str, width: int, font: QFont) -> QStaticText:
        """A step's wrapped title, laid out once (a step's progress changes as the writer
        types, and its item is painted again each time; the title never changes)."""
        key = (title, width, font.key())
        text = self._titles.get(key)
        if text is None:
            text = QStaticText(title)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextWidth(width)
            text.prepare(QTransform(), font)
            if len(self._titles) > 4096:
                self._titles.clear()
            self._titles[key] = text
        return text


def _mark_icon(done: bool, color: str = "#2e7d32") -> QIcon:
    """A small round check mark drawn at run time (no image file, and no font: a glyph would
    send Qt looking through the system's fonts for one that has "✓")."""
    pixmap = QPixmap(ICON_SIZE * 2, ICON_SIZE * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    if done:
        size = ICON_SIZE * 2
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(2, 2, size - 4, size - 4)
        pen = QPen(QColor("white"))
        pen.setWidthF(size * 0.12)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
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
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._steps: tuple[Step, ...] = ()
        self._rows: dict[str, int] = {}
        #: While set, item changes cannot change an item's height (see `dataChanged`).
        self._same_sizes = False
        self._done = _mark_icon(True)
        self._blank = _mark_icon(False)
        self.setAccessibleName(self.tr("Steps"))
        self.delegate = StepDelegate(self)
        self.setItemDelegate(self.delegate)

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
            item.setData(Qt.ItemDataRole.UserRole, step.id)
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
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{step.title}, {state}")
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
