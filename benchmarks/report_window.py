"""A reference, not a budget: the bare window of `bare_window.py` showing the seed report.

    python3 benchmarks/report_window.py PAGE.html

The same window, text browser, size and end point (the first paint) as the bare window, but the
text browser shows the report the app's preview shows, as the preview's HTML with its fonts
(`PAGE.html`, written beforehand by the benchmark). The difference between this and the bare
window is what Qt itself needs to lay out and draw a page of Chinese text in the 公文 faces; the
difference between the app and this is the app's own cost.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bare_window import FirstPaint  # the same end point (run as a script: beside this file)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


def main() -> int:
    app = QApplication(sys.argv[:1])
    page = Path(sys.argv[1]).read_text(encoding="utf-8")
    window = QMainWindow()
    browser = QTextBrowser()
    font = QFont()
    font.setFamilies(["FangSong", "Noto Serif CJK SC", "SimSun"])
    font.setPointSizeF(12)
    browser.document().setDefaultFont(font)
    browser.document().setDocumentMargin(24)
    browser.setHtml(page)
    window.setCentralWidget(browser)
    window.resize(1200, 800)
    watch = FirstPaint(app)
    browser.viewport().installEventFilter(watch)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
