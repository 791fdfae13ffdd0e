"""The main window's actions, menus and toolbar, and their texts in the current language.

The actions are made here and connected to the slots the window names; what they do is the
window's (and its file, export and wording helpers'). What the first paint does not show comes
right after it (`complete`): the toolbar's icons (asking the style for them makes PySide build
QStyle's Python enums), the shortcuts and the language choice (QKeySequence and QActionGroup
are classes PySide makes with their enums on first use: 10 M instructions of the start-up).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from app.core.i18n import _
from app.ui.qt_properties import set_properties

if TYPE_CHECKING:  # made after the first paint (see the module's docstring)
    from PySide6.QtGui import QActionGroup, QKeySequence


def standard_keys(key: str, fallback: str = "") -> list[QKeySequence]:
    """The platform's shortcuts for a standard action (a `QKeySequence.StandardKey` by name),
    or `fallback` where it has none (Quit has no standard key on Windows)."""
    from PySide6.QtGui import QKeySequence

    keys = QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, key))
    if not keys and fallback:
        keys = [QKeySequence(fallback)]
    return keys


def key_sequences(*keys: str) -> list[QKeySequence]:
    """Shortcuts written as text ("Ctrl+E")."""
    from PySide6.QtGui import QKeySequence

    return [QKeySequence(key) for key in keys]


def unique(keys: Iterable[QKeySequence]) -> list[QKeySequence]:
    """The key sequences in their order, each once."""
    seen: list[QKeySequence] = []
    for key in keys:
        if key not in seen:
            seen.append(key)
    return seen


def insert_before(window: QMainWindow, menu: QMenu, action: QAction, name: str) -> None:
    """Put `action` into `menu` before the action of object name `name` (at the end when there
    is none) and make its shortcut the window's."""
    # WORKAROUND: PySide6 6.8/6.9 hand out a menu's separators as wrappers they call deleted.
    anchor = next(
        (a for a in menu.actions() if shiboken6.isValid(a) and a.objectName() == name), None
    )
    menu.insertAction(anchor, action)
    window.addAction(action)


def about_text() -> tuple[str, str]:
    """The title and text of 关于范文填写助手."""
    from app import __version__

    text = QCoreApplication.translate(
        "MainWindow",
        "Fanwen {version}\nFill in model reports (范文) step by step, with a live "
        "preview. Works offline.",
    )
    title = QCoreApplication.translate("MainWindow", "About Fanwen")
    return title, text.format(version=__version__)


#: The toolbar's actions and the names of their icons among the style's.
TOOLBAR_ICONS = {
    "open": "SP_DialogOpenButton",
    "save": "SP_DialogSaveButton",
    "next-problem": "SP_MessageBoxWarning",
    "export": "SP_FileDialogDetailedView",
    "undo": "SP_ArrowBack",
    "redo": "SP_ArrowForward",
}


class WindowActions(QObject):
    """Actions, menus and toolbar of one main window."""

    def __init__(
        self,
        window: QMainWindow,
        slots: Mapping[str, Callable[[], object]],
        language: str,
        choose_language: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._language = language
        self._choose_language = choose_language
        self._completed = False

        def action(name: str) -> QAction:
            made = QAction(window)
            made.setObjectName(name)
            if name in slots:
                slot = slots[name]
                made.triggered.connect(lambda _checked=False: slot())
            window.addAction(made)
            return made

        # Ctrl+N is 从模板新建 (app.ui.template_actions); this one starts a blank report of the
        # same template without the chooser.
        self.new = action("new")
        self.open = action("open")
        self.save = action("save")
        self.save_as = action("save-as")
        self.undo = action("undo")
        self.redo = action("redo")
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.clear_recent = action("clear-recent")
        self.export = action("export")
        self.print = action("print")
        self.print_preview = action("print-preview")
        self.quit = action("quit")
        self.back = action("back")
        self.next = action("next")
        self.next_problem = action("next-problem")
        self.previous_problem = action("previous-problem")
        self.about = action("about")

        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addActions([self.new, self.open])
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addActions([self.save, self.save_as])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.export, self.print_preview, self.print])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.setObjectName("edit-menu")
        self.edit_menu.addActions([self.undo, self.redo])
        #: What Undo and Redo would do, put on the actions when seen (see `set_history`).
        self._history = ("", "")
        self.edit_menu.aboutToShow.connect(self.show_history)
        self.undo.hovered.connect(self.show_history)
        self.redo.hovered.connect(self.show_history)
        self.go_menu = bar.addMenu("")
        self.go_menu.addActions([self.back, self.next])
        self.go_menu.addSeparator()
        self.go_menu.addActions([self.next_problem, self.previous_problem])
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about)

        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        set_properties(self.toolbar, toolButtonStyle="ToolButtonTextBesideIcon")
        # A blank of the icons' size holds their place until they come (`set_style_icons`), so
        # the buttons do not move then.
        blank = QPixmap(64, 64)
        blank.fill(QColor(0, 0, 0, 0))
        for name in TOOLBAR_ICONS:
            self.named(name).setIcon(QIcon(blank))
        self.toolbar.addActions([self.open, self.save])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo, self.redo])
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.next_problem, self.export])
        window.addToolBar(self.toolbar)

    def complete(self) -> None:
        """What the first paint does not show: the shortcuts, the language choice and the
        toolbar's icons (right after the first paint, or when first needed; once)."""
        if self._completed:
            return
        self._completed = True
        shortcuts = {
            self.open: standard_keys("Open"),
            self.save: standard_keys("Save"),
            self.save_as: standard_keys("SaveAs", "Ctrl+Shift+S"),
            self.undo: standard_keys("Undo"),
            # Ctrl+Y as well as the platform's Redo (Linux desktops have only Ctrl+Shift+Z).
            self.redo: unique([*standard_keys("Redo"), *key_sequences("Ctrl+Y")]),
            self.export: key_sequences("Ctrl+E"),
            self.print: standard_keys("Print"),
            self.quit: standard_keys("Quit", "Ctrl+Q"),
            self.back: [*standard_keys("Back"), *key_sequences("Ctrl+PgUp")],
            self.next: [*standard_keys("Forward"), *key_sequences("Ctrl+PgDown")],
            self.next_problem: key_sequences("F8"),
            self.previous_problem: key_sequences("Shift+F8"),
        }
        for made, keys in shortcuts.items():
            made.setShortcuts(keys)
        self.language_group = self._language_choice()
        self.set_style_icons()

    def _language_choice(self) -> QActionGroup:
        from PySide6.QtGui import QActionGroup

        group = QActionGroup(self.window)
        group.setExclusive(True)
        self.chinese = QAction("中文", self.window, checkable=True)
        self.chinese.setData("zh_CN")
        self.english = QAction("English", self.window, checkable=True)
        self.english.setData("en")
        for choice in (self.chinese, self.english):
            group.addAction(choice)
        self.language_menu.addActions([self.chinese, self.english])
        self.check_language(self._language)
        if self._choose_language is not None:
            choose = self._choose_language
            group.triggered.connect(lambda choice: choose(str(choice.data())))
        return group

    def named(self, name: str) -> QAction:
        """The action of this object name."""
        found = self.window.findChild(QAction, name)
        assert found is not None, name
        return found

    def check_language(self, language: str) -> None:
        """Tick the language in the Settings menu."""
        self._language = language
        if self._completed:
            for choice in (self.chinese, self.english):
                choice.setChecked(choice.data() == language)

    def set_style_icons(self) -> None:
        """The toolbar's icons as the platform's style draws them."""
        style = self.window.style()
        for name, icon in TOOLBAR_ICONS.items():
            self.named(name).setIcon(style.standardIcon(getattr(style.StandardPixmap, icon)))

    def set_history(self, undo_text: str, redo_text: str) -> None:
        """The Undo and Redo texts: what they would take back or do again. They are put on the
        actions when the writer can see them (the Edit menu opening, the pointer on a toolbar
        button: `show_history`): a new text makes Qt lay out and repaint the toolbar and its
        button's tooltip (0.4 ms), which would fall on the first key typed in every field."""
        # The toolbar shows the short text: a button whose width followed every change would
        # lay the toolbar (and the window) out again on the first keystroke in each field.
        self.undo.setIconText(self.tr("Undo"))
        self.redo.setIconText(self.tr("Redo"))
        self._history = (undo_text, redo_text)
        if self.edit_menu.isVisible():
            self.show_history()

    def show_history(self) -> None:
        """Put the Undo and Redo texts on the actions."""
        undo_text, redo_text = self._history
        self.undo.setText(
            self.tr("&Undo {action}").format(action=undo_text) if undo_text else self.tr("&Undo")
        )
        self.redo.setText(
            self.tr("&Redo {action}").format(action=redo_text) if redo_text else self.tr("&Redo")
        )

    def retranslate(self) -> None:
        """Every text in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        # what they would do is added when seen (`set_history`)
        self.undo.setText(self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.new.setText(self.tr("New &blank report"))
        self.save_as.setText(self.tr("Save &As…"))
        self.clear_recent.setText(self.tr("&Clear the list"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.open.setText(self.tr("&Open…"))
        self.save.setText(self.tr("&Save"))
        self.export.setText(_("&Export…"))
        self.print.setText(self.tr("&Print…"))
        self.print_preview.setText(self.tr("Print Pre&view…"))
        self.quit.setText(self.tr("&Quit"))
        self.back.setText(self.tr("&Previous step"))
        self.next.setText(self.tr("&Next step"))
        self.next_problem.setText(self.tr("Next &problem"))
        self.previous_problem.setText(self.tr("Previous p&roblem"))
        self.about.setText(self.tr("&About Fanwen"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))

    def fill_recent_menu(self, recent: list, open_recent: Callable[[object], object]) -> None:  # type: ignore[type-arg]
        """The Open Recent menu, made when it is about to show."""
        menu = self.recent_menu
        menu.clear()
        for number, path in enumerate(recent, start=1):
            entry = menu.addAction(f"&{number} {path.name}")
            entry.setToolTip(str(path))
            entry.setStatusTip(str(path))
            entry.triggered.connect(lambda _checked=False, p=path: open_recent(p))
        if not recent:
            empty = menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.clear_recent)
        self.clear_recent.setEnabled(bool(recent))
