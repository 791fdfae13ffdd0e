"""The keystroke harness shared by the app's measurement (`keystroke.py`) and its baseline
(`bare_keystroke.py`): paints watched on a text view, the wait until the view is idle, the wait
until an edited paragraph has been painted, and the paced protocol that lets the benchmark
alternate the two processes one key press at a time. Plain PySide6: no app code.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent, QTextBlock
from PySide6.QtWidgets import QApplication, QTextEdit

from benchmarks.measure import percentile

#: A paint that never comes is a failure, not a long wait.
PAINT_TIMEOUT_S = 2.0


class PaintWatch(QObject):
    """Records the regions the watched widget (a text view's viewport) paints."""

    def __init__(self) -> None:
        super().__init__()
        self.regions: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.regions.append(event.region().boundingRect())
        return False

    def covers(self, rect: QRect) -> bool:
        return any(region.intersects(rect) for region in self.regions)


class Paints(QObject):
    """Counts paint events anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def block_rect(view: QTextEdit, block: QTextBlock) -> QRect:
    """Where `block` of the view's document is on the view's viewport."""
    rect = view.document().documentLayout().blockBoundingRect(block)
    return rect.toAlignedRect().translated(
        -view.horizontalScrollBar().value(), -view.verticalScrollBar().value()
    )


def settle(app: QApplication, busy: Callable[[], bool] = lambda: False) -> None:
    """Let the program finish its idle work (`busy()` says whether some is left) and every
    repaint it has asked for (a view scrolled to a paragraph paints on the next pass), so that
    a key press is timed alone."""
    paints = Paints()
    app.installEventFilter(paints)
    try:
        deadline = time.monotonic() + 30
        quiet = 0
        while quiet < 2:
            before = paints.count
            app.processEvents()
            quiet = 0 if busy() or paints.count != before else quiet + 1
            if time.monotonic() > deadline:
                raise RuntimeError("the window never became idle")
    finally:
        app.removeEventFilter(paints)


def wait_for_paint_of(app: QApplication, watch: PaintWatch, rect: Callable[[], QRect]) -> None:
    """Process events until the watched viewport has painted over `rect()` (asked again at each
    pass: the layout may move it); raises on timeout."""
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while True:
        app.processEvents()
        if watch.covers(rect()):
            return
        if time.perf_counter() > deadline:
            raise RuntimeError("the view did not repaint")


def paced(count: int, pace: bool) -> Iterator[int]:
    """The numbers of the edits to make. Paced (`--paced`, the benchmark's own run), each one
    waits for a line on stdin first, and the run ends early at the end of stdin: the benchmark
    alternates two processes one key press at a time, so that the host's load hits both."""
    for number in range(count):
        if pace and not sys.stdin.readline():
            return
        yield number


def report_time(seconds: float, pace: bool) -> None:
    """Tell the pacing benchmark one edit's time (one line on stdout)."""
    if pace:
        print(seconds, flush=True)


def summary(times: list[float]) -> dict[str, float]:
    """p50, p99 and max of the edits' times, in milliseconds."""
    return {
        "edits": len(times),
        "p50_ms": percentile(times, 0.50) * 1000,
        "p99_ms": percentile(times, 0.99) * 1000,
        "max_ms": max(times) * 1000,
    }


def print_result(result: dict[str, object]) -> None:
    """The result as the last line on stdout."""
    print(json.dumps(result), flush=True)
