"""The keystroke baseline: the least Qt must do for one key press to reach a preview.

    python3 -m benchmarks.bare_keystroke PAGE.json [--paced]

A bare PySide6 window (no app code) of the app's size, with a QLineEdit and a QTextBrowser
showing the report the app's preview shows (`PAGE.json`, written beforehand by
`keystroke.py --baseline-page`: the preview's HTML and the paragraph each of the app's edits
changes). Each edit: the paragraph is scrolled into view, the line edit holds that paragraph's
value so far and has the focus, the window is left idle; then the clock starts, one key is
pressed into the line edit with `QTest.keyClick`, and on its `textEdited` the one block holding
the value is replaced through QTextCursor (the block selected, the new text inserted); the clock
stops when the text browser's viewport has painted a region covering that block. The harness
and the end point are `keystroke.py`'s (`benchmarks.paint`), and so is the plan: the same
number of edits over the same paragraphs.

What the app does beyond this is its own: the model's update and checks, the form's row and
the step list's state, the status bar, the preview's runs with their looks.

Prints one JSON line (paced: first one line per edit with its time in seconds).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The app's own setting of Qt (app.ui.application.paint_on_the_main_thread): the same Qt, so
# that the ratio measures the app's work, not a switch.
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

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


class BareEditor(QMainWindow):
    """A line edit whose text goes into one paragraph of a text browser."""

    def __init__(self, page: str) -> None:
        super().__init__()
        left = QWidget(self)
        layout = QVBoxLayout(left)
        self.edit = QLineEdit(left)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.browser = QTextBrowser(self)
        text = self.browser.document()
        text.setUndoRedoEnabled(False)  # as the preview's
        font = QFont()
        font.setFamilies(["FangSong", "Noto Serif CJK SC", "SimSun"])
        font.setPointSizeF(12)
        text.setDefaultFont(font)
        text.setDocumentMargin(24)  # the preview's page margin
        self.browser.setHtml(page)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.browser)
        em = self.fontMetrics().horizontalAdvance("中")
        splitter.setSizes([em * 56, em * 38])  # the preview's share of the app's window
        self.setCentralWidget(splitter)
        #: The paragraph being edited, and its text before any edit.
        self.paragraph = 0
        self.original: list[str] = []
        block = text.begin()
        while block.isValid():
            self.original.append(block.text())
            block = block.next()
        self.edit.textEdited.connect(self.show_value)

    def show_value(self, value: str) -> None:
        """Put the value into its paragraph: the block selected, the new text inserted."""
        original = self.original[self.paragraph]
        middle = len(original) // 2
        cursor = QTextCursor(self.browser.document().findBlockByNumber(self.paragraph))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(original[:middle] + value + original[middle:])

    def go_to(self, paragraph: int, value: str) -> None:
        """Bring the paragraph into view and the line edit to its value, focused."""
        self.paragraph = paragraph
        self.browser.setTextCursor(
            QTextCursor(self.browser.document().findBlockByNumber(paragraph))
        )
        self.browser.ensureCursorVisible()
        self.edit.setText(value)
        self.edit.setFocus()


def measure(page_file: Path, pace: bool) -> dict[str, float]:
    app = QApplication([])
    data = json.loads(page_file.read_text(encoding="utf-8"))
    plan: list[int] = data["paragraphs"]
    window = BareEditor(data["html"])
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    watch = PaintWatch()
    window.browser.viewport().installEventFilter(watch)
    settle(app)
    QTest.keyClick(window.edit, "0")  # PySide's key enums made, as the app's warm-up does
    window.show_value("")
    settle(app)

    values: dict[int, str] = {}
    times: list[float] = []
    for number in paced(len(plan), pace):
        paragraph = plan[number]
        window.go_to(paragraph, values.get(paragraph, ""))
        settle(app)
        expected = values[paragraph] = values.get(paragraph, "") + str(1 + number % 9)
        block = window.browser.document().findBlockByNumber(paragraph)
        watch.regions.clear()
        start = time.perf_counter()
        QTest.keyClick(window.edit, expected[-1])
        wait_for_paint_of(app, watch, lambda block=block: block_rect(window.browser, block))
        elapsed = time.perf_counter() - start
        if expected not in block.text():
            raise RuntimeError(f"the text browser did not show the edit of paragraph {paragraph}")
        times.append(elapsed)
        report_time(elapsed, pace)
    return {
        **summary(times),
        "paragraphs": len(set(plan[: len(times)])),
        "blocks": window.browser.document().blockCount(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.bare_keystroke")
    parser.add_argument("page", type=Path, help="written by keystroke.py --baseline-page")
    parser.add_argument(
        "--paced", action="store_true", help="one edit per line on stdin, its time on stdout"
    )
    args = parser.parse_args()
    print_result(measure(args.page, args.paced))
    os._exit(0)  # no interpreter teardown of Qt objects (see benchmarks.__main__.run)


if __name__ == "__main__":
    main()
