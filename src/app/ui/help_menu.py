"""The Help menu's 快捷键 and 使用说明.

快捷键 is made from the window's actions themselves (their texts and shortcuts, in the order
of the menus), so it never disagrees with what the keys do. 使用说明 is a short guide kept with
the app (`resources/help/guide_<language>.html`) and shown in a window of its own: it opens
without a network or a browser.
"""

from __future__ import annotations

import re

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from app.core.i18n import language
from app.core.paths import resources_dir

#: A mnemonic as Chinese texts write it ("导出(&E)…"), or as English ones do ("&Export").
_MNEMONIC = re.compile(r"\(&\w\)|&(?=\w)")


def plain_text(action: QAction) -> str:
    """An action's text as a sentence: without its mnemonic, "…" or trailing detail."""
    return _MNEMONIC.sub("", action.text()).replace("…", "").strip()


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what it does, its keys) for every action of `window` with a shortcut, in the order of
    the menu bar's menus, then any others; keys as the platform writes them."""
    ordered: list[QAction] = []
    if isinstance(window, QMainWindow):
        pending = [a for a in window.menuBar().actions()]
        while pending:
            action = pending.pop(0)
            # WORKAROUND: PySide6 6.9 hands out menus' separators as wrappers it calls deleted
            # (the separator itself is still in the menu); a separator has no shortcut anyway.
            if not shiboken6.isValid(action):
                continue
            menu = action.menu()
            if isinstance(menu, QMenu):
                pending[:0] = menu.actions()
            elif action not in ordered:
                ordered.append(action)
    # (QWidget.actions itself: the main window names its WindowActions `actions`.)
    ordered += [a for a in QWidget.actions(window) if shiboken6.isValid(a) and a not in ordered]
    rows = []
    for action in ordered:
        keys = action.shortcuts()
        if not keys:
            continue
        text = " / ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        rows.append((plain_text(action), text))
    return rows


def guide_html(language_code: str) -> str:
    """The 使用说明 in a language (English when there is none for it)."""
    folder = resources_dir() / "help"
    for name in (f"guide_{language_code}.html", "guide_en.html"):
        path = folder / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


class HelpActions(QObject):
    """帮助 > 快捷键 and 帮助 > 使用说明 of one main window."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.guide_action = QAction(window)
        self.guide_action.setObjectName("user-guide")
        self.guide_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents)
        )
        self.guide_action.triggered.connect(lambda: self.show_guide())
        self.keys_action = QAction(window)
        self.keys_action.setObjectName("keyboard-shortcuts")
        self.keys_action.triggered.connect(lambda: self.show_shortcuts())
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, [self.guide_action, self.keys_action])
        menu.insertSeparator(first)
        window.addAction(self.guide_action)
        window.addAction(self.keys_action)
        window.installEventFilter(self)
        self.retranslate()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "HelpActions" context."""
        return QCoreApplication.translate("HelpActions", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.guide_action.setText(self.tr("&User guide"))
        self.keys_action.setText(self.tr("&Keyboard shortcuts"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def shortcuts_dialog(self) -> QWidget:
        """The table of shortcuts (not shown)."""
        from app.ui.help_dialogs import ShortcutsDialog

        return ShortcutsDialog(shortcut_rows(self.window), self.window)

    def guide_dialog(self) -> QWidget:
        """The user guide (not shown)."""
        from app.ui.help_dialogs import GuideDialog

        return GuideDialog(guide_html(language()), self.window)

    def show_shortcuts(self) -> None:
        """帮助 > 快捷键."""
        dialog = self.shortcuts_dialog()
        dialog.show()

    def show_guide(self) -> None:
        """帮助 > 使用说明."""
        dialog = self.guide_dialog()
        dialog.show()
