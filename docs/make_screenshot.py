"""Make docs/screenshot.png: the main window mid-way through a report.

Run under Xvfb with CJK fonts (Debian: xvfb, fonts-noto-cjk), from the repository root:

    FANWEN_HOME=$(mktemp -d) PYTHONPATH=src xvfb-run -a -s "-screen 0 1600x1000x24" \\
        python3 docs/make_screenshot.py docs/screenshot.png
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer

from app.ui.application import create_application, open_window

#: What a writer has typed so far: 基本信息 and part of section one, one slip in it.
VALUES = {
    "unit_name": "江城市税务局",
    "report_year": "2026",
    "report_month": "9",
    "meetings": "36",
    "talk_cadres": "420",
    "demoted_cadres": "58",
    "military_cadres": "37",
    "opinion_categories": "4",
    "opinion_items": "2",
}


def main() -> None:
    target = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png"
    app = create_application()
    window, _error = open_window(None)
    window.resize(1400, 860)
    window.move(0, 0)
    window.show()
    for key, value in VALUES.items():
        window.apply_value(key, value, from_input=False)
    QTimer.singleShot(300, lambda: window.focus_field("opinion_items"))

    def grab() -> None:
        frame = window.frameGeometry()
        image = window.screen().grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        image.save(target)
        app.quit()

    QTimer.singleShot(1500, grab)
    app.exec()
    os._exit(0)  # skip interpreter teardown of the Qt objects


if __name__ == "__main__":
    main()
