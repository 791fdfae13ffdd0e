"""Keystroke to preview in the real main window (offscreen), in a process of its own.

    python3 -m benchmarks.keystroke [--template FOLDER] [--edits N] [--refreshes N]

Each edit: the field is brought up as the app does it for the writer (`focus_field`: its step
shown, the field scrolled into view and focused, the preview showing its paragraph), the app is
left to finish its idle work (a writer does not type the first key in the same
millisecond), then the clock starts, one key is pressed into the field with `QTest.keyClick`,
and events are processed until the preview's viewport has *painted* a region covering the
edited paragraph; the clock stops when that paint is done. The text of the paragraph is then
checked to contain the new value: a fast path that showed nothing would fail, not pass.

The baseline, measured the same way in the same window: the whole report set again with
`setHtml` until the preview has painted; beside it, the app's own full re-render (`set_report`,
what a change of the report's structure costs).

Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.library import find_template
from app.core.loader import load_template
from app.core.template import Origin
from app.ui.application import create_application, started, warm_up
from app.ui.main_window import MainWindow
from app.ui.preview import document_html
from benchmarks.measure import median, percentile

#: A paint that never comes is a failure, not a long wait.
PAINT_TIMEOUT_S = 2.0


class PaintWatch(QObject):
    """Records the regions the preview's viewport paints."""

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


def block_rect(window: MainWindow, index: int) -> QRect:
    """Where paragraph `index` is on the preview's viewport."""
    preview = window.preview
    rect = preview.document().documentLayout().blockBoundingRect(preview.block(index))
    return rect.toAlignedRect().translated(
        -preview.horizontalScrollBar().value(), -preview.verticalScrollBar().value()
    )


class Paints(QObject):
    """Counts paint events anywhere in the application."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def settle(app: QApplication, window: MainWindow) -> None:
    """Let the app finish its idle work (preview layout, form rows built in slices) and every
    repaint it has asked for (a page scrolled to a field paints on the next pass), so that a
    key press is timed alone."""
    paints = Paints()
    app.installEventFilter(paints)
    try:
        deadline = time.monotonic() + 30
        quiet = 0
        while quiet < 2:
            before = paints.count
            app.processEvents()
            busy = window.preview.layout_pending() or any(
                page.building() for page in window.forms.pages.values()
            )
            quiet = 0 if busy or paints.count != before else quiet + 1
            if time.monotonic() > deadline:
                raise RuntimeError("the window never became idle")
    finally:
        app.removeEventFilter(paints)


def wait_for_paint(app: QApplication, watch: PaintWatch, window: MainWindow, index: int) -> None:
    """Process events until the preview has painted paragraph `index` (raises on timeout)."""
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while True:
        app.processEvents()
        if watch.covers(block_rect(window, index)):
            return
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the preview did not repaint paragraph {index}")


def wait_for_paint_of(app: QApplication, watch: PaintWatch, rect: QRect) -> None:
    """Process events until the preview has painted over `rect` (raises on timeout)."""
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while True:
        app.processEvents()
        if watch.covers(rect):
            return
        if time.perf_counter() > deadline:
            raise RuntimeError("the preview did not repaint")


def measure(
    template_folder: Path | None, edits: int, refreshes: int, seed: int
) -> dict[str, float]:
    app = create_application()
    template = (
        load_template(template_folder, Origin.USER) if template_folder else find_template("sixin")
    )
    window = MainWindow(template)
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    watch = PaintWatch()
    window.preview.viewport().installEventFilter(watch)
    settle(app, window)
    # What the app does once its window is up (`run_gui`: `started`, and the warm-up of
    # `after_start`, which also builds PySide's `Qt` enums that `QTest.keyClick` needs: left
    # out, the first timed press would pay for them).
    started()
    warm_up()
    settle(app, window)

    rng = random.Random(seed)
    fields = [f for f in template.fields if window.model.paragraphs_of(f.key)]
    rng.shuffle(fields)
    # Every field in turn (the seed's ~50 fields a dozen times each); on the large template a
    # random spread over the whole document.
    plan = [fields[i % len(fields)] for i in range(edits)]
    times: list[float] = []
    for number, field in enumerate(plan):
        window.focus_field(field.key)  # its step, scrolled into view, focused: as the writer
        edit = window.forms.input_for(field.key)  # gets there (a click on it, F8, the preview)
        settle(app, window)
        char = str(1 + number % 9) if field.kind.is_number else chr(ord("a") + number % 26)
        expected = edit.text() + char
        index = window.model.paragraphs_of(field.key)[0]
        watch.regions.clear()
        start = time.perf_counter()
        QTest.keyClick(edit, char)
        wait_for_paint(app, watch, window, index)
        elapsed = time.perf_counter() - start
        if window.model.value(field.key) != expected:
            raise RuntimeError(f"the edit of {field.key} did not reach the model")
        if expected not in window.preview.block_text(index):
            raise RuntimeError(f"the preview did not show the edit of {field.key}")
        times.append(elapsed)

    document = window.model.document
    # The app's own full re-render (what a change of the report's structure costs).
    renders: list[float] = []
    for _ in range(refreshes):
        settle(app, window)
        index = window.preview.first_visible_paragraph()
        watch.regions.clear()
        start = time.perf_counter()
        window.preview.set_report(document)
        wait_for_paint(app, watch, window, index)
        renders.append(time.perf_counter() - start)
    # The baseline the budget is compared with: the whole report set again with `setHtml` on
    # the preview's document (last: the preview is a single flow afterwards).
    page = document_html(document, window.preview.indent_px())
    viewport = window.preview.viewport()
    top = QRect(0, 0, viewport.width(), 1)
    full: list[float] = []
    for _ in range(refreshes):
        settle(app, window)
        watch.regions.clear()
        start = time.perf_counter()
        window.preview.document().setHtml(page)
        wait_for_paint_of(app, watch, top)
        full.append(time.perf_counter() - start)
    return {
        "edits": len(times),
        "fields": len(fields),
        "paragraphs": len(document.paragraphs),
        "p50_ms": percentile(times, 0.50) * 1000,
        "p99_ms": percentile(times, 0.99) * 1000,
        "max_ms": max(times) * 1000,
        "full_refresh_ms": median(full) * 1000,
        "full_render_ms": median(renders) * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.keystroke")
    parser.add_argument("--template", type=Path, help="a template folder (default: the seed)")
    parser.add_argument("--edits", type=int, default=600)
    parser.add_argument("--refreshes", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    result = measure(args.template, args.edits, args.refreshes, args.seed)
    print(json.dumps(result))
    sys.stdout.flush()
    os._exit(0)  # no interpreter teardown of Qt objects (see benchmarks.__main__.run)


if __name__ == "__main__":
    main()
