"""The start-up baseline: a bare PySide6 window with a QTextBrowser, shown, then exit.

Does what `fanwen gui --smoke` does at the least: create the application, show a window with a
text browser holding a page of text, wait until it is exposed and painted, exit 0.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTextBrowser


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    browser = QTextBrowser()
    browser.setHtml("<h1>Fanwen</h1>" + "<p>范文填写助手</p>" * 40)
    window.setCentralWidget(browser)
    window.resize(1200, 800)
    window.show()

    def done() -> None:
        if window.isVisible() and browser.viewport().isVisible():
            app.quit()
        else:
            QTimer.singleShot(1, done)

    QTimer.singleShot(0, done)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
