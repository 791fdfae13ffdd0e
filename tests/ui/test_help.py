"""帮助 > 快捷键 lists the window's own shortcuts (so every key the README lists is there, with
what it does), and 帮助 > 使用说明 opens a short guide kept with the app, offline."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from tests.ui.shortcut_driver import readme_shortcuts


def _opened(name: str):
    found = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
    assert len(found) == 1, name
    return found[0]


def test_help_lists_every_shortcut_from_the_actions(window, qtbot):
    help_menu = window.actions.help_menu
    texts = [a.text() for a in help_menu.actions() if a.text()]
    assert texts[:2] == ["使用说明(&U)", "快捷键(&K)"]
    window.help_actions.keys_action.trigger()
    dialog = _opened("shortcuts-dialog")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "快捷键"
    rows = dict(dialog.rows())
    assert rows["导出"] == "Ctrl+E"
    assert "Ctrl+Y" in rows[next(k for k in rows if k.startswith("重做"))]
    assert rows["下一个问题"] == "F8"
    table = " / ".join(rows.values())
    for key in readme_shortcuts():
        assert QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText) in table, key
    dialog.close()


def test_the_user_guide_opens_offline(window, qtbot):
    window.help_actions.guide_action.trigger()
    dialog = _opened("guide-dialog")
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert dialog.windowTitle() == "使用说明"
    assert text.startswith("使用说明") and "F8" in text and "恢复未保存的报告" in text
    assert "href" not in dialog.text.toHtml()  # nothing to go out to
    dialog.close()
