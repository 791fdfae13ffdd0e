"""The start-up baseline: a bare PySide6 window with a QTextBrowser, shown and painted, then exit.

Does what `fanwen gui --smoke` does at the least: create the application, show a window with a
text browser holding a page of text, wait until the text browser has painted, exit 0 (the same
end point as the smoke run, which waits for the preview's first paint).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


class FirstPaint(QObject):
    """Quits the application once the watched widget has painted."""

    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.app.quit)  # runs after this paint is done
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    browser = QTextBrowser()
    browser.setHtml("<h1>Fanwen</h1>" + "<p>范文填写助手</p>" * 40)
    window.setCentralWidget(browser)
    window.resize(1200, 800)
    watch = FirstPaint(app)
    browser.viewport().installEventFilter(watch)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
