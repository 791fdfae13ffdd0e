"""Keystroke to preview in the real main window (offscreen), in a process of its own.

    python3 -m benchmarks.keystroke [--template FOLDER] [--edits N] [--refreshes N] [--paced]

Each edit: the field is brought up as the app does it for the writer (`focus_field`: its step
shown, the field scrolled into view and focused, the preview showing its paragraph), the app is
left to finish its idle work (a writer does not type the first key in the same
millisecond), then the clock starts, one key is pressed into the field with `QTest.keyClick`,
and events are processed until the preview's viewport has *painted* a region covering the
edited paragraph; the clock stops when that paint is done. The text of the paragraph is then
checked to contain the new value: a fast path that showed nothing would fail, not pass.

Beside it, measured the same way in the same window: the whole report set again with `setHtml`
until the preview has painted, and the app's own full re-render (`set_report`, what a change of
the report's structure costs). The budget's baseline is another program, `bare_keystroke.py`:
`--baseline-page` writes what it shows and edits (the same report, the same paragraphs), and
`--paced` lets the benchmark alternate the two processes key press by key press.

Prints one JSON line (paced: first one line per edit with its time in seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.library import find_template
from app.core.loader import load_template
from app.core.report import ReportModel
from app.core.template import Field, Origin, Template
from app.ui.application import create_application, started, warm_up
from app.ui.main_window import MainWindow
from app.ui.preview import document_html
from benchmarks.measure import median
from benchmarks.paint import (
    PaintWatch,
    block_rect,
    paced,
    print_result,
    report_time,
    settle,
    summary,
    wait_for_paint_of,
)


def load(template_folder: Path | None) -> Template:
    """The template measured: a user template's folder, or the seed."""
    if template_folder is None:
        return find_template("sixin")
    return load_template(template_folder, Origin.USER)


def edit_plan(template: Template, model: ReportModel, edits: int, seed: int) -> list[Field]:
    """The field of each edit: every field in turn in a shuffled order (the seed's ~50 fields a
    dozen times each); on the large template a random spread over the whole document. Computed
    fields are not typed (read-only): their inputs are, and they follow."""
    fields = [f for f in template.fields if model.paragraphs_of(f.key) and f.formula is None]
    random.Random(seed).shuffle(fields)
    return [fields[i % len(fields)] for i in range(edits)]


def write_baseline_page(template: Template, edits: int, seed: int, target: Path) -> None:
    """What the baseline (`bare_keystroke.py`) shows and edits: the report as the preview's
    HTML, and the paragraph each of the app's edits changes (the same plan, so the same
    paragraphs in the same order). Written here so the baseline runs no app code."""
    model = ReportModel(template)
    plan = edit_plan(template, model, edits, seed)
    page = document_html(model.document, 32)  # the preview's indent at 12 pt (96 dpi)
    paragraphs = [model.paragraphs_of(field.key)[0] for field in plan]
    target.write_text(json.dumps({"html": page, "paragraphs": paragraphs}), encoding="utf-8")


def settle_window(app: QApplication, window: MainWindow) -> None:
    """Let the app finish its idle work (preview layout, form rows built in slices) and every
    repaint it has asked for."""
    settle(
        app,
        lambda: (
            window.preview.layout_pending()
            or any(page.building() for page in window.forms.pages.values())
        ),
    )


def paragraph_rect(window: MainWindow, index: int) -> QRect:
    """Where paragraph `index` is on the preview's viewport."""
    return block_rect(window.preview, window.preview.block(index))


def measure(
    template_folder: Path | None, edits: int, refreshes: int, seed: int, pace: bool
) -> dict[str, float]:
    app = create_application()
    template = load(template_folder)
    window = MainWindow(template)
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    watch = PaintWatch()
    window.preview.viewport().installEventFilter(watch)
    settle_window(app, window)
    # What the app does once its window is up (`run_gui`: `started`, and the warm-up of
    # `after_start`, which also builds PySide's `Qt` enums that `QTest.keyClick` needs: left
    # out, the first timed press would pay for them).
    started()
    warm_up()
    settle_window(app, window)

    plan = edit_plan(template, window.model, edits, seed)
    times: list[float] = []
    for number in paced(len(plan), pace):
        field = plan[number]
        window.focus_field(field.key)  # its step, scrolled into view, focused: as the writer
        edit = window.forms.input_for(field.key)  # gets there (a click on it, F8, the preview)
        settle_window(app, window)
        char = str(1 + number % 9) if field.kind.is_number else chr(ord("a") + number % 26)
        expected = edit.text() + char
        index = window.model.paragraphs_of(field.key)[0]
        watch.regions.clear()
        start = time.perf_counter()
        QTest.keyClick(edit, char)
        wait_for_paint_of(app, watch, lambda index=index: paragraph_rect(window, index))
        elapsed = time.perf_counter() - start
        if window.model.value(field.key) != expected:
            raise RuntimeError(f"the edit of {field.key} did not reach the model")
        if expected not in window.preview.block_text(index):
            raise RuntimeError(f"the preview did not show the edit of {field.key}")
        times.append(elapsed)
        report_time(elapsed, pace)

    document = window.model.document
    # The app's own full re-render (what a change of the report's structure costs).
    renders: list[float] = []
    for _ in range(refreshes):
        settle_window(app, window)
        index = window.preview.first_visible_paragraph()
        watch.regions.clear()
        start = time.perf_counter()
        window.preview.set_report(document)
        wait_for_paint_of(app, watch, lambda index=index: paragraph_rect(window, index))
        renders.append(time.perf_counter() - start)
    # The whole report set again with `setHtml` on the preview's document (last: the preview
    # is a single flow afterwards).
    page = document_html(document, window.preview.indent_px())
    viewport = window.preview.viewport()
    top = QRect(0, 0, viewport.width(), 1)
    full: list[float] = []
    for _ in range(refreshes):
        settle_window(app, window)
        watch.regions.clear()
        start = time.perf_counter()
        window.preview.document().setHtml(page)
        wait_for_paint_of(app, watch, lambda: top)
        full.append(time.perf_counter() - start)
    return {
        **summary(times),
        "fields": len({field.key for field in plan}),
        "paragraphs": len(document.paragraphs),
        "full_refresh_ms": median(full) * 1000,
        "full_render_ms": median(renders) * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.keystroke")
    parser.add_argument("--template", type=Path, help="a template folder (default: the seed)")
    parser.add_argument("--edits", type=int, default=600)
    parser.add_argument("--refreshes", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--paced", action="store_true", help="one edit per line on stdin, its time on stdout"
    )
    parser.add_argument(
        "--baseline-page",
        type=Path,
        help="only write the baseline's page and edit plan to this file (bare_keystroke.py)",
    )
    args = parser.parse_args()
    if args.baseline_page is not None:
        write_baseline_page(load(args.template), args.edits, args.seed, args.baseline_page)
        print_result({})
    else:
        print_result(measure(args.template, args.edits, args.refreshes, args.seed, args.paced))
    os._exit(0)  # no interpreter teardown of Qt objects (see benchmarks.__main__.run)


if __name__ == "__main__":
    main()
