"""Press every shortcut the README lists with the focus in a field, as a writer would.

Used in-process by `tests/ui/test_shortcuts.py` and, run as a program
(`python -m tests.ui.shortcut_driver`), on a real X11 window under Xvfb, where a line edit's
own keys (Ctrl+E: end of line) differ from the offscreen platform's. Prints a JSON object:
each key, the actions it triggered and whether the field's text changed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtTest import QTest

README = Path(__file__).resolve().parents[2] / "README.md"
ARROWS = {"←": "Left", "→": "Right"}


def readme_shortcuts(readme: Path = README) -> list[str]:
    """The keys of the README's table of shortcuts, one by one ("Ctrl+PgUp", "F8", …)."""
    lines = readme.read_text(encoding="utf-8").splitlines()
    start = lines.index("| Keys | Does |")
    keys: list[str] = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cell = line.split("|")[1]
        for key in re.split(r"[/,()]", cell):
            key = key.strip()
            for arrow, name in ARROWS.items():
                key = key.replace(arrow, name)
            if key:
                keys.append(key)
    return keys


def press_each_from_a_field(window, keys: list[str], field: str = "unit_name") -> dict:
    """Press each key in `field`; the actions each one triggered (their slots are replaced by
    a recorder: what counts is that the key reaches the action, wherever the focus is)."""
    fired: list[str] = []
    actions = [action for action in window.findChildren(QAction) if action.shortcuts()]
    for action in actions:
        action.triggered.disconnect()
        action.triggered.connect(lambda _checked=False, a=action: fired.append(a.objectName()))
    edit = window.forms.input_for(field)
    results = {}
    for key in keys:
        window.focus_field(field)
        for action in actions:  # Back is off on the first step, Undo with nothing to undo…
            action.setEnabled(True)
        edit.setText("abc")
        edit.setCursorPosition(1)
        fired.clear()
        sequence = QKeySequence(key)[0]
        QTest.keyClick(edit, sequence.key(), sequence.keyboardModifiers())
        # A key taken as a shortcut leaves its modifiers "held" in QTest's record of the
        # keyboard (a later click would be a Ctrl+click): let go of every one.
        QTest.keyRelease(edit, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier)
        results[key] = {
            "actions": list(fired),
            "focused": edit.hasFocus(),
            "text": edit.text(),
            "cursor": edit.cursorPosition(),
        }
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    return results


def main() -> int:
    from app.ui.application import create_application, open_window

    create_application()
    window, _error = open_window()
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    QTest.qWait(200)
    results = press_each_from_a_field(window, readme_shortcuts())
    print(json.dumps({"platform": create_application().platformName(), "keys": results}))
    window.dialogs.ask_save_changes = lambda name: None
    window.hide()
    return 0


if __name__ == "__main__":
    sys.exit(main())
