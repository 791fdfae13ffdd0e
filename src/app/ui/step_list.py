"""The step navigator: 基本信息, the four sections by their headings, 预览与导出.

Each form step shows how many of its fields are filled and a done mark once all are filled
without problems. Counts come from the model's incremental bookkeeping, so refreshing one step
after a keystroke costs the same on a short report as on a long one.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
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
        flags = Qt.TextFlag.TextWordWrap
        title_rect = painter.boundingRect(
            QRect(left, rect.top() + PADDING, width, 10_000),
            flags | Qt.AlignmentFlag.AlignLeft,
            str(index.data(TITLE_ROLE) or ""),
        )
        painter.drawText(title_rect, flags | Qt.AlignmentFlag.AlignLeft, index.data(TITLE_ROLE))
        progress = index.data(PROGRESS_ROLE)
        if progress:
            painter.setFont(small_font)
            if not selected:
                painter.setPen(option.palette.color(group, QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRect(left, title_rect.bottom() + 2, width, QFontMetrics(small_font).height()),
                Qt.AlignmentFlag.AlignLeft,
                str(progress),
            )
        painter.restore()


def _mark_icon(text: str, color: str) -> QIcon:
    """A small round mark drawn at run time (no image files needed)."""
    pixmap = QPixmap(ICON_SIZE * 2, ICON_SIZE * 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    if text:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(color))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(2, 2, ICON_SIZE * 2 - 4, ICON_SIZE * 2 - 4)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPixelSize(ICON_SIZE + 4)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
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
        self._done = _mark_icon("✓", "#2e7d32")
        self._blank = _mark_icon("", "")
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
        for step in steps:
            self.refresh_step(step.id, model)
        if 0 <= current < len(steps):
            self.setCurrentRow(current)

    def refresh_step(self, step_id: str, model: ReportModel) -> None:
        """Update one step's counts and mark."""
        row = self._rows.get(step_id)
        if row is None:
            return
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
