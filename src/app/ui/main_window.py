"""The main window: steps on the left, the step's form in the middle, the live preview on the right.

The window is thin: every decision about values, problems, steps and wording is the core's
(`ReportModel`, `app.core.steps`). A keystroke goes `FieldInput.textEdited` ->
`MainWindow.edit_value` -> `ReportModel.set_value` -> the preview redraws the paragraphs the
`Update` names, the marks of the fields it names are refreshed, the step list and status bar
read the model's incremental counts. Nothing on that path walks the whole document.

Every change also goes through a `QUndoStack` (undo/redo across fields) and marks the draft
modified; a debounced timer writes the autosave within two seconds of the last keystroke, off
the typing path. Files are saved with a backup of the previous version and an atomic write.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSize, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QPixmap,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.core.autosave import autosave_bytes, autosave_path, new_session
from app.core.autosave_writer import AutosaveWriter, perform
from app.core.draft import SUFFIX, Draft, load_draft
from app.core.errors import FanwenError
from app.core.library import find_template
from app.core.paths import resources_dir
from app.core.report import ReportModel, Update, problem_labels
from app.core.steps import EXPORT, Navigator, build_steps
from app.core.template import Template
from app.ui import look
from app.ui import settings as config
from app.ui.forms import FieldInput, StepPage
from app.ui.preview import Preview
from app.ui.qt_properties import set_properties
from app.ui.settings import Settings
from app.ui.step_list import StepList
from app.ui.translation import Translations
from app.ui.undo import SetValueCommand  # small, and on every keystroke's path

if TYPE_CHECKING:  # what the first window does not need loads on first use (see `dialogs`)
    from PySide6.QtCore import QMimeData, QUrl

    from app.core.autosave import AutosaveEntry
    from app.core.export import ExportFormat
    from app.ui.dialogs import Dialogs
    from app.ui.export_page import ExportPage

#: The app icon's sizes, drawn for each (resources/icons/hicolor, from scripts/make_icons.py):
#: PNG needs no plugin, where the SVG would load Qt's SVG library and icon engine at start-up.
APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
#: The autosave is written this long after the last change...
AUTOSAVE_QUIET_MS = 1000
#: ...and never later than this after the first unsaved change.
AUTOSAVE_LATEST_MS = 2000
#: How long closing (or a write in this thread) waits for the autosave thread, in seconds.
AUTOSAVE_WAIT_S = 10.0


def app_icon() -> QIcon:
    """The app's icon at every size it is drawn for (null when the files are missing)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        path = resources_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "fanwen.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def _file_url(path: Path) -> QUrl:
    # QUrl, QMimeData and QDesktopServices are imported where used: the first window needs
    # none of them, and PySide builds QUrl's five Python enums with its class.
    from PySide6.QtCore import QUrl

    return QUrl.fromLocalFile(str(path))


def default_window_size(window: QWidget, em: int) -> QSize:
    """The size of a window with no size remembered: room for the three panes, but never more
    than nine tenths of the screen it opens on (office laptops often have 1366x768)."""
    wanted = QSize(em * 96, em * 60)
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return wanted
    available = screen.availableGeometry().size()
    return wanted.boundedTo(QSize(available.width() * 9 // 10, available.height() * 9 // 10))


def standard_keys(key: QKeySequence.StandardKey, fallback: str = "") -> list[QKeySequence]:
    """The platform's shortcuts for a standard action, or `fallback` where it has none
    (Quit has no standard key on Windows)."""
    keys = QKeySequence.keyBindings(key)
    if not keys and fallback:
        keys = [QKeySequence(fallback)]
    return keys


class MainWindow(QMainWindow):
    """One report being written."""

    #: Emitted after the preview was (re)drawn completely (start-up, structure change).
    previewRendered = Signal()
    #: From the autosave thread (see `AutosaveWriter`), delivered in the window's own thread:
    #: a background autosave failed (the reason), or one was written.
    _autosaveFailed = Signal(str)
    _autosaveWritten = Signal()

    def __init__(
        self,
        template: Template,
        values: dict[str, str] | None = None,
        path: Path | None = None,
        settings: Settings | None = None,
        translations: Translations | None = None,
        draft: Draft | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.settings = settings or Settings()
        self.translations = translations or Translations()
        self.path: Path | None = path
        self.draft = draft or Draft(template=template.id, template_version=template.version)
        self.model = ReportModel(template, values or {}, self.draft.wording)
        self.navigator = Navigator(build_steps(template, self.model.document))
        self.pages: dict[str, StepPage] = {}
        self.focused_key: str | None = None
        self._restoring = False
        self._exporting = False
        #: This window's autosave name (see app.core.autosave).
        self.session = new_session()
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        #: Unsaved for reasons the undo stack does not know (a recovered or migrated draft).
        self._unsaved_outside_stack = False
        #: Increases each time a field gets the focus: typing merges within one session only.
        self._typing_session = 0
        self._autosave_quiet = QTimer(self)
        self._autosave_quiet.setSingleShot(True)
        self._autosave_quiet.setInterval(AUTOSAVE_QUIET_MS)
        self._autosave_quiet.timeout.connect(self.autosave_in_background)
        self._autosave_deadline = QTimer(self)
        self._autosave_deadline.setSingleShot(True)
        self._autosave_deadline.setInterval(AUTOSAVE_LATEST_MS)
        self._autosave_deadline.timeout.connect(self.autosave_in_background)
        self._autosave_error_shown = False
        self._autosave_writer = AutosaveWriter(
            on_error=lambda _path, exc: self._autosaveFailed.emit(str(exc.strerror or exc)),
            on_written=lambda _path: self._autosaveWritten.emit(),
        )
        self._autosaveFailed.connect(self._show_autosave_error)
        self._autosaveWritten.connect(self._autosave_succeeded)
        self._closing = False
        self._build_ui()
        self._build_actions()
        self.retranslate()
        self._load_model_into_ui()
        self._restore_window_state()
        self.setAcceptDrops(True)

    # ================================================================== building

    def _build_ui(self) -> None:
        self.steps = StepList(self)
        self.steps.currentRowChanged.connect(self._on_step_row_changed)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("forms")
        self._export_page: ExportPage | None = None  # made when first shown (`export_page`)
        self.preview = Preview(self)
        self.preview.fieldActivated.connect(self.focus_field)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.stack, 1)
        bar = QWidget(middle)
        bar.setObjectName("step-buttons")
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(12, 8, 12, 8)
        self.problem_button = QPushButton(bar)
        self.problem_button.setObjectName("next-problem")
        self.back_button = QPushButton(bar)
        self.back_button.setObjectName("back")
        self.next_button = QPushButton(bar)
        self.next_button.setObjectName("next")
        bar_layout.addWidget(self.problem_button)
        bar_layout.addStretch(1)
        bar_layout.addWidget(self.back_button)
        bar_layout.addWidget(self.next_button)
        middle_layout.addWidget(bar)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        self.preview_label = QLabel(right)
        self.preview_label.setObjectName("preview-label")
        self.preview_label.setContentsMargins(10, 6, 10, 6)
        self.preview_label.setBuddy(self.preview)
        right_layout.addWidget(self.preview_label)
        right_layout.addWidget(self.preview, 1)

        self.splitter = QSplitter(parent=self)  # horizontal (a keyword: see app.ui.qt_properties)
        self.splitter.setObjectName("main-splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.steps)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        em = self.fontMetrics().horizontalAdvance("中")
        self.steps.setMinimumWidth(em * 10)
        middle.setMinimumWidth(em * 24)
        right.setMinimumWidth(em * 20)
        self.splitter.setSizes([em * 16, em * 40, em * 38])
        self.setCentralWidget(self.splitter)

        self.filled_label = QLabel(self)
        self.filled_label.setObjectName("status-filled")
        self.problems_label = QLabel(self)
        self.problems_label.setObjectName("status-problems")
        self.statusBar().addPermanentWidget(self.filled_label)
        self.statusBar().addPermanentWidget(self.problems_label)
        self.resize(default_window_size(self, em))

    @functools.cached_property
    def dialogs(self) -> Dialogs:
        """The window's questions and messages (loaded on first use: the first window shows
        none; tests replace its methods)."""
        from app.ui.dialogs import Dialogs

        return Dialogs(self)

    @property
    def export_page(self) -> ExportPage:
        """The last step's page, made the first time it is needed (the exporters load then)."""
        if self._export_page is None:
            from app.ui.export_page import ExportPage

            export_formats()  # the page lists them
            page = ExportPage(self)
            page.exportRequested.connect(self.export_report)
            page.goToField.connect(self.focus_field)
            page.encodingChanged.connect(
                lambda encoding: self.settings.set(config.TXT_ENCODING, encoding)
            )
            page.authorChanged.connect(lambda name: self.settings.set(config.EXPORT_AUTHOR, name))
            page.format_group.buttonToggled.connect(self._on_format_toggled)
            page.set_format(self.settings.get(config.EXPORT_FORMAT))
            page.set_encoding(self.settings.get(config.TXT_ENCODING))
            page.set_author(self.settings.get(config.EXPORT_AUTHOR))
            page.retranslate()
            self.stack.addWidget(page)
            self._export_page = page
        return self._export_page

    def _action(self, name: str, keys: Iterable[QKeySequence] = (), slot: object = None) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        keys = list(keys)
        if keys:
            action.setShortcuts(keys)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        Key = QKeySequence.StandardKey
        # Ctrl+N is 从模板新建 (app.ui.template_actions); this one starts a blank report of the
        # same template without the chooser.
        self.new_action = self._action("new", (), self.new_draft)
        self.open_action = self._action("open", standard_keys(Key.Open), self.open_draft)
        self.save_action = self._action("save", standard_keys(Key.Save), self.save_draft)
        self.save_as_action = self._action(
            "save-as", standard_keys(Key.SaveAs, "Ctrl+Shift+S"), self.save_draft_as
        )
        self.undo_action = self._action("undo", standard_keys(Key.Undo), self.undo_stack.undo)
        self.redo_action = self._action("redo", standard_keys(Key.Redo), self.undo_stack.redo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._on_history_text_changed)
        self.undo_stack.redoTextChanged.connect(self._on_history_text_changed)
        self.clear_recent_action = self._action("clear-recent", (), self.clear_recent_files)
        self.export_action = self._action(
            "export", [QKeySequence("Ctrl+E")], lambda: self.export_report(None)
        )
        self.print_action = self._action("print", standard_keys(Key.Print), self.print_report)
        self.print_preview_action = self._action("print-preview", (), self.print_preview)
        self.quit_action = self._action("quit", standard_keys(Key.Quit, "Ctrl+Q"), self.close)
        self.back_action = self._action(
            "back", [*standard_keys(Key.Back), QKeySequence("Ctrl+PgUp")], self.previous_step
        )
        self.next_action = self._action(
            "next", [*standard_keys(Key.Forward), QKeySequence("Ctrl+PgDown")], self.next_step
        )
        self.next_problem_action = self._action(
            "next-problem", [QKeySequence("F8")], self.next_problem
        )
        self.previous_problem_action = self._action(
            "previous-problem", [QKeySequence("Shift+F8")], lambda: self.next_problem(True)
        )
        self.problem_button.clicked.connect(self.next_problem_action.trigger)
        self.back_button.clicked.connect(self.back_action.trigger)
        self.next_button.clicked.connect(self.next_action.trigger)

        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.chinese_action = QAction("中文", self, checkable=True)
        self.chinese_action.setData("zh_CN")
        self.english_action = QAction("English", self, checkable=True)
        self.english_action.setData("en")
        for action in (self.chinese_action, self.english_action):
            self.language_group.addAction(action)
            action.setChecked(action.data() == self.translations.language)
        self.language_group.triggered.connect(lambda a: self.set_language(str(a.data())))
        self.about_action = self._action("about", (), self._about)

        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("")
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = self.file_menu.addMenu("")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_action)
        self.file_menu.addAction(self.print_preview_action)
        self.file_menu.addAction(self.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = menu_bar.addMenu("")
        self.edit_menu.setObjectName("edit-menu")
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.go_menu = menu_bar.addMenu("")
        self.go_menu.addAction(self.back_action)
        self.go_menu.addAction(self.next_action)
        self.go_menu.addSeparator()
        self.go_menu.addAction(self.next_problem_action)
        self.go_menu.addAction(self.previous_problem_action)
        self.settings_menu = menu_bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.language_menu.addAction(self.chinese_action)
        self.language_menu.addAction(self.english_action)
        self.help_menu = menu_bar.addMenu("")
        self.help_menu.addAction(self.about_action)

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setMovable(False)
        set_properties(self.toolbar, toolButtonStyle="ToolButtonTextBesideIcon")
        # The style's icons come after the first paint (`_after_first_paint`): asking for them
        # makes PySide build QStyle's eleven Python enums. A blank of the same size holds
        # their place meanwhile, so the buttons do not move when they come.
        blank = QPixmap(64, 64)
        blank.fill(QColor(0, 0, 0, 0))
        for action in self._toolbar_icons():
            action.setIcon(QIcon(blank))
        self.preview.firstPainted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))
        self.toolbar.addAction(self.open_action)
        self.toolbar.addAction(self.save_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.undo_action)
        self.toolbar.addAction(self.redo_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.next_problem_action)
        self.toolbar.addAction(self.export_action)
        self.addToolBar(self.toolbar)
        # Templates (从模板新建, 从范文新建模板, fields) and wording: their own modules.
        from app.ui.template_actions import TemplateActions
        from app.ui.wording_editor import WordingActions

        self.template_actions = TemplateActions(self)
        self.wording_actions = WordingActions(self)

    def _toolbar_icons(self) -> dict[QAction, str]:
        """The toolbar's actions and the names of their icons among the style's."""
        return {
            self.open_action: "SP_DialogOpenButton",
            self.save_action: "SP_DialogSaveButton",
            self.next_problem_action: "SP_MessageBoxWarning",
            self.export_action: "SP_FileDialogDetailedView",
            self.undo_action: "SP_ArrowBack",
            self.redo_action: "SP_ArrowForward",
        }

    def _after_first_paint(self) -> None:
        """The icons: the window's (its files are read when the window system asks for it) and
        the toolbar's, as the platform's style draws them."""
        if not shiboken6.isValid(self):  # closed and deleted before the timer came
            return
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        style = self.style()
        for action, name in self._toolbar_icons().items():
            action.setIcon(style.standardIcon(getattr(style.StandardPixmap, name)))

    def retranslate(self) -> None:
        """Set every text of the window in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.new_action.setText(self.tr("New &blank report"))
        self.save_as_action.setText(self.tr("Save &As…"))
        self.clear_recent_action.setText(self.tr("&Clear the list"))
        self._update_undo_texts()
        self.go_menu.setTitle(self.tr("&Go"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.open_action.setText(self.tr("&Open…"))
        self.save_action.setText(self.tr("&Save"))
        self.export_action.setText(self.tr("&Export…"))
        self.print_action.setText(self.tr("&Print…"))
        self.print_preview_action.setText(self.tr("Print Pre&view…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.back_action.setText(self.tr("&Previous step"))
        self.next_action.setText(self.tr("&Next step"))
        self.next_problem_action.setText(self.tr("Next &problem"))
        self.previous_problem_action.setText(self.tr("Previous p&roblem"))
        self.about_action.setText(self.tr("&About Fanwen"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.problem_button.setText(self.tr("Next problem (F8)"))
        self.back_button.setText(self.tr("< Back"))
        self.next_button.setText(self.tr("Next >"))
        self.preview_label.setText(self.tr("Preview (click a value to edit it)"))
        self.preview.setAccessibleName(self.tr("Preview of the report"))
        self.steps.setAccessibleName(self.tr("Steps"))
        if self._export_page is not None:
            self._export_page.retranslate()
        self._update_title()
        self._update_status()

    # ================================================================== model <-> UI

    def _load_model_into_ui(self) -> None:
        """(Re)build the steps, the pages (lazily) and the preview for the current model."""
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages = {}
        self._layout_signature = layout_signature(self.model)
        if self._export_page is not None:
            self._export_page.set_format(self.settings.get(config.EXPORT_FORMAT))
            self._export_page.set_encoding(self.settings.get(config.TXT_ENCODING))
        self.steps.set_steps(self.navigator.steps, self.model)
        self.preview.forget_focus()  # the old paragraphs' highlight means nothing here
        self.preview.set_report(self.model.document)
        self.focused_key = None
        self._update_status()
        self._update_title()
        QTimer.singleShot(0, self.previewRendered.emit)

    def edit_value(self, key: str, text: str) -> None:
        """The writer typed in a field: an undoable change (merged with the typing before it
        in the same field)."""
        old = self.model.value(key)
        if old == text:
            return
        self.undo_stack.push(SetValueCommand(self, key, old, text, self._typing_session))

    def apply_value(self, key: str, text: str, from_input: bool = True) -> Update:
        """Set a field's value in the model and show the consequences (never the whole report)."""
        update = self.model.set_value(key, text)
        if not from_input:
            step_id = self.navigator.step_of(key)
            page = self.pages.get(step_id) if step_id is not None else None
            if page is not None and key in page.rows:
                edit = page.rows[key].inputs[key]
                if edit.text() != text:
                    edit.setText(text)
        if update.structural:
            if layout_signature(self.model) != self._layout_signature:
                self._rebuild_steps()
                self.on_changed()
                return update
            self.preview.set_report(self.model.document)
        elif update.paragraphs:
            self.preview.update_paragraphs(self.model.document, update.paragraphs)
        affected = update.affected or (key,)
        steps: dict[str, None] = {}
        for affected_key in affected:
            step_id = self.navigator.step_of(affected_key)
            if step_id is not None:
                steps.setdefault(step_id, None)
        for step_id in steps:
            page = self.pages.get(step_id)
            if page is not None and page.built:
                page.refresh_fields(affected)
            self.steps.refresh_step(step_id, self.model)
        self._update_status()
        if self._export_page is not None and self.stack.currentWidget() is self._export_page:
            self._export_page.refresh(self.model)
        self.on_changed()
        return update

    def on_changed(self) -> None:
        """A value changed: mark the draft modified and schedule the autosave."""
        self._update_modified()
        self.schedule_autosave()

    def page_for(self, step_id: str) -> StepPage:
        """The form page of a step, created the first time it is needed (a long report has
        hundreds of steps; only those the writer visits get widgets)."""
        page = self.pages.get(step_id)
        if page is None:
            page = StepPage(self.navigator.step(step_id), self.model, self.stack)
            page.fieldFocused.connect(self._on_field_focused)
            page.textEdited.connect(self.edit_value)
            page.on_built = lambda built: self._update_tab_order()
            self.pages[step_id] = page
            self.stack.addWidget(page)
        return page

    def page_of(self, key: str) -> StepPage | None:
        """The page asking for a field (created if needed)."""
        step_id = self.navigator.step_of(key)
        return self.page_for(step_id) if step_id is not None else None

    def _update_status(self) -> None:
        if not hasattr(self, "model"):
            return
        filled, total, problems = self.model.counts()
        filled_text = self.tr("Filled {filled}/{total}").format(filled=filled, total=total)
        if self.filled_label.text() != filled_text:
            self.filled_label.setText(filled_text)
        problems_text = self.tr("Problems: {count}").format(count=problems)
        if self.problems_label.text() != problems_text:
            self.problems_label.setText(problems_text)
        flag = "true" if problems else "false"
        if self.problems_label.property("problems") != flag:
            self.problems_label.setProperty("problems", flag)
            look.set_text_color(self.problems_label, look.LEVEL_TEXT["error"] if problems else None)

    def _update_title(self) -> None:
        name = self.path.name if self.path is not None else self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] — Fanwen").format(name=name))

    # ================================================================== steps

    def current_step_id(self) -> str:
        """The id of the step shown."""
        row = self.steps.currentRow()
        steps = self.navigator.steps
        return steps[row].id if 0 <= row < len(steps) else steps[0].id

    def show_step(self, step_id: str) -> None:
        """Show a step (its page is built on first show)."""
        index = self.navigator.index(step_id)
        if self.steps.currentRow() != index:
            self.steps.setCurrentRow(index)  # -> _on_step_row_changed
        else:
            self._on_step_row_changed(index)

    def _on_step_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.navigator.steps):
            return
        step = self.navigator.steps[row]
        if step.id == EXPORT:
            self.export_page.refresh(self.model)
            self.stack.setCurrentWidget(self.export_page)
        else:
            page = self.page_for(step.id)
            page.ensure_built()
            self.stack.setCurrentWidget(page)
        has_previous = self.navigator.previous_of[step.id] is not None
        has_next = self.navigator.next_of[step.id] is not None
        self.back_action.setEnabled(has_previous)
        self.back_button.setEnabled(has_previous)
        self.next_action.setEnabled(has_next)
        self.next_button.setEnabled(has_next)
        self._update_tab_order()
        if not self._restoring:
            self.settings.set(config.LAST_STEP, step.id)

    def next_step(self) -> None:
        """Go to the next step and to its first field."""
        following = self.navigator.next_of[self.current_step_id()]
        if following is not None:
            self.show_step(following)
            self._focus_first_field()

    def previous_step(self) -> None:
        """Go back one step."""
        previous = self.navigator.previous_of[self.current_step_id()]
        if previous is not None:
            self.show_step(previous)
            self._focus_first_field()

    def _focus_first_field(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, StepPage):
            inputs = page.inputs()
            if inputs:
                inputs[0].setFocus()  # the reason: OtherFocusReason
        elif page is not None and page is self._export_page:
            self._export_page.export_button.setFocus()  # the reason: OtherFocusReason

    def focus_first_field(self) -> None:
        """Give the keyboard to the first field of the step shown."""
        self._focus_first_field()

    def focus_field(self, key: str) -> None:
        """Show the field's step, scroll to it and give it the keyboard."""
        page = self.page_of(key)
        if page is None:
            return
        self.show_step(page.step.id)
        edit = page.input_for(key)
        page.ensureWidgetVisible(page.rows[key].label, 40, 60)
        page.ensureWidgetVisible(edit, 40, 60)
        edit.setFocus()  # the reason: OtherFocusReason
        edit.end(False)
        if not edit.hasFocus():
            # Without an active window (tests, another app in front) no focus event comes.
            self._on_field_focused(key)

    def next_problem(self, backwards: bool = False) -> None:
        """Jump to the next (or previous) empty or invalid field, across steps."""
        key = self.navigator.next_problem(
            self.model.has_problem, after=self.focused_key, backwards=backwards
        )
        if key is None:
            self.statusBar().showMessage(self.tr("No problems left: the report is complete."), 5000)
            return
        self.focus_field(key)

    def _on_field_focused(self, key: str) -> None:
        if key != self.focused_key:
            self._typing_session += 1
        self.focused_key = key
        self.preview.set_focused_field(key, self.model.paragraphs_of(key))

    def _update_tab_order(self) -> None:
        """Tab follows reading order: steps, the fields of the page, its buttons, the preview."""
        chain: list[QWidget] = [self.steps]
        page = self.stack.currentWidget()
        if isinstance(page, StepPage):
            chain.extend(page.inputs())
        elif page is not None and page is self._export_page:
            chain.extend(
                [
                    self._export_page.problems,
                    self._export_page.go_button,
                    *self._export_page.format_buttons.values(),
                    self._export_page.encoding,
                    self._export_page.export_button,
                ]
            )
        chain.extend([self.problem_button, self.back_button, self.next_button, self.preview])
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ================================================================== export

    def _on_format_toggled(self, button: QWidget, checked: bool) -> None:
        if checked:
            self.settings.set(config.EXPORT_FORMAT, str(button.property("format")))

    def export_report(self, fmt: str | None = None) -> Path | None:
        """Export the report: problems first, then the file dialog, then write; None if not."""
        if self._exporting:
            return None
        self._exporting = True
        try:
            return self._export(fmt)
        finally:
            self._exporting = False

    def _export(self, fmt: str | None) -> Path | None:
        from app.ui.dialogs import AfterExport, ExportChoice, ProblemLine

        blocking = self.model.blocking_problems()
        if blocking:
            lines = [
                ProblemLine(problem.keys[0], line)
                for problem, line in zip(
                    blocking, problem_labels(self.model, blocking), strict=True
                )
            ]
            choice, key = self.dialogs.export_problems(lines)
            if choice is ExportChoice.GO_TO and key is not None:
                self.focus_field(key)
                return None
            if choice is not ExportChoice.EXPORT_ANYWAY:
                return None
        from app.core.export import ExportOptions, export_report
        from app.ui.export_page import format_description

        formats = export_formats()
        name = fmt or self.settings.get(config.EXPORT_FORMAT)
        if name not in formats:
            name = next(iter(formats))
        filters = [format_description(n) for n in formats]
        selected = format_description(name)
        folder = self.settings.get(config.EXPORT_FOLDER)
        start_folder = Path(folder) if folder and Path(folder).is_dir() else self._default_folder()
        stem = self.path.stem if self.path is not None else self.model.template.title
        start = start_folder / (safe_file_stem(stem) + formats[name].suffix)
        path, chosen = self.dialogs.save_file(
            self.tr("Export the report"), start, filters, selected
        )
        if path is None:
            return None
        name = self._format_for(path, chosen, name)
        if path.suffix.lower() != formats[name].suffix:
            path = path.with_name(path.name + formats[name].suffix)
        author = self.settings.get(config.EXPORT_AUTHOR)
        if self._export_page is not None:  # as typed, even when the field still has the focus
            author = self._export_page.author_name()
            self.settings.set(config.EXPORT_AUTHOR, author)
        try:
            options = ExportOptions(encoding=self.settings.get(config.TXT_ENCODING), author=author)
            export_report(self.model.document, name, path, options)
        except FanwenError as exc:
            self.dialogs.error(self.tr("Export failed"), str(exc))
            return None
        except (OSError, ValueError) as exc:
            self.dialogs.error(
                self.tr("Export failed"),
                self.tr("{file}: cannot be written: {error}").format(file=path, error=exc),
            )
            return None
        self.settings.set(config.EXPORT_FORMAT, name)
        self.settings.set(config.EXPORT_FOLDER, str(path.parent))
        self.export_page.set_format(name)
        self.statusBar().showMessage(self.tr("Exported to {path}").format(path=path), 8000)
        after = self.dialogs.exported(path)
        if after is AfterExport.OPEN_FILE:
            self.open_url(_file_url(path))
        elif after is AfterExport.OPEN_FOLDER:
            self.open_url(_file_url(path.parent))
        return path

    def print_report(self) -> None:
        """Print the report as it stands, in the 公文 layout of the PDF export."""
        from app.printing import print_document

        print_document(self, self.model.document)

    def print_preview(self) -> None:
        """Show the pages as they will print (placeholders still to fill are highlighted)."""
        from app.printing import print_preview

        print_preview(self, self.model.document)

    def open_url(self, url: QUrl) -> None:
        """Open a file or folder with the system's program; say so when that fails."""
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(url):
            self.dialogs.error(
                self.tr("Cannot open"),
                self.tr("No program could open {path}.").format(path=url.toLocalFile()),
            )

    @staticmethod
    def _format_for(path: Path, chosen_filter: str, default: str) -> str:
        suffix = path.suffix.lower()
        from app.ui.export_page import format_description

        formats = export_formats()
        for name, export_format in formats.items():
            if export_format.suffix == suffix:
                return name
        for name in formats:
            if chosen_filter == format_description(name):
                return name
        return default

    def _default_folder(self) -> Path:
        if self.path is not None:
            return self.path.parent
        documents = Path.home() / "Documents"
        return documents if documents.is_dir() else Path.home()

    # ================================================================== files

    def draft_filters(self) -> list[str]:
        """File dialog filters for drafts."""
        return [self.tr("Fanwen drafts (*{suffix})").format(suffix=SUFFIX)]

    def is_modified(self) -> bool:
        """Whether the draft has changes not saved to its file: typed values (the undo
        history), a recovered or migrated draft, or a change of wording."""
        return (
            not self.undo_stack.isClean()
            or self._unsaved_outside_stack
            or dict(self.model.wording) != dict(self.draft.wording)
        )

    def _on_clean_changed(self, _clean: bool) -> None:
        # The stack also says so while it is being destroyed with the window: nothing to show.
        with contextlib.suppress(RuntimeError):
            self._update_modified()

    def _update_modified(self) -> None:
        modified = self.is_modified()
        if self.isWindowModified() != modified:
            self.setWindowModified(modified)

    def _on_history_text_changed(self, _text: str) -> None:
        with contextlib.suppress(RuntimeError):  # see _on_clean_changed
            self._update_undo_texts()

    def _update_undo_texts(self) -> None:
        # The toolbar shows the short text: a button whose width followed every change would
        # lay the toolbar (and the window) out again on the first keystroke in each field.
        self.undo_action.setIconText(self.tr("Undo"))
        self.redo_action.setIconText(self.tr("Redo"))
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(
            self.tr("&Undo {action}").format(action=undo_text) if undo_text else self.tr("&Undo")
        )
        self.redo_action.setText(
            self.tr("&Redo {action}").format(action=redo_text) if redo_text else self.tr("&Redo")
        )

    def maybe_save(self) -> bool:
        """Before the draft is closed or replaced: ask about unsaved changes.

        True when it is fine to go on (saved, or the writer chose not to save); False when the
        writer cancelled or the save failed.
        """
        if not self.is_modified():
            return True
        from app.ui.dialogs import SaveChoice

        name = self.path.name if self.path is not None else self.tr("Untitled")
        answer = self.dialogs.ask_save_changes(name)
        if answer is SaveChoice.SAVE:
            return self.save_draft()
        return answer is SaveChoice.DISCARD

    def new_draft(self) -> None:
        """Start an empty draft of the same template."""
        if not self.maybe_save():
            return
        template = self.model.template
        self.replace_report(
            template, Draft(template=template.id, template_version=template.version), None
        )

    def open_draft(self) -> None:
        """Ask for a draft file and open it."""
        if not self.maybe_save():
            return
        folder = self.settings.get(config.DRAFT_FOLDER)
        start = Path(folder) if folder and Path(folder).is_dir() else self._default_folder()
        path = self.dialogs.open_file(self.tr("Open a draft"), start, self.draft_filters())
        if path is not None:
            self.open_path(path, ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a draft file (asking first about unsaved changes when `ask`).

        A file that cannot be opened (corrupt, empty, foreign, from a newer Fanwen, for an
        unknown template) is named with the reason and left untouched; the current draft stays.
        """
        from app.core.migrate import migrate_draft, migration_message

        if ask and not self.maybe_save():
            return False
        path = Path(path)
        try:
            draft = load_draft(path)
            template = find_template(draft.template)
        except FanwenError as exc:
            message = str(exc)
            if str(path) not in message:
                message = self.tr("{file}: {error}").format(file=path, error=message)
            self.dialogs.error(self.tr("Cannot open the draft"), message)
            return False
        migration = migrate_draft(template, draft)
        self.replace_report(template, draft, path.resolve(), values=migration.values)
        if migration.renamed:
            self._unsaved_outside_stack = True  # the file still has the old keys
            self._update_modified()
            self.schedule_autosave()
        self.settings.set(config.DRAFT_FOLDER, str(path.resolve().parent))
        self.add_recent_file(path.resolve())
        if migration.changed:
            self.dialogs.information(
                self.tr("The template has changed"), migration_message(template, migration)
            )
        return True

    def replace_report(
        self,
        template: Template,
        draft: Draft,
        path: Path | None,
        values: dict[str, str] | None = None,
    ) -> None:
        """Show another report (an opened, new or recovered draft): a fresh undo history."""
        self._autosave_quiet.stop()
        self._autosave_deadline.stop()
        self._remove_autosave()
        self.path = path
        self.draft = draft
        self.model = ReportModel(
            template, dict(draft.values if values is None else values), draft.wording
        )
        self.navigator = Navigator(build_steps(template, self.model.document))
        self.undo_stack.clear()
        self._unsaved_outside_stack = False
        self._restoring = True
        try:
            self._load_model_into_ui()
            self.show_step(self.navigator.steps[0].id)
        finally:
            self._restoring = False
        self._update_modified()
        self._update_title()
        self._focus_first_field()

    def current_draft(self) -> Draft:
        """The draft as it would be saved now (values the template does not know included)."""
        draft = self.draft
        return Draft(
            template=self.model.template.id,
            values=dict(self.model.values),
            template_version=self.model.template.version,
            created=draft.created,
            modified=draft.modified,
            extra=dict(draft.extra),
            wording=dict(self.model.wording),
        )

    def save_draft(self) -> bool:
        """Save to the draft's file (asking for one the first time); False when not saved."""
        if self.path is None:
            return self.save_draft_as()
        return self.write_draft(self.path)

    def save_draft_as(self) -> bool:
        """Save under a new name."""
        folder = self.settings.get(config.DRAFT_FOLDER)
        start_folder = Path(folder) if folder and Path(folder).is_dir() else self._default_folder()
        stem = self.path.stem if self.path is not None else self.model.template.title
        start = start_folder / (safe_file_stem(stem) + SUFFIX)
        path, _chosen = self.dialogs.save_file(
            self.tr("Save the draft"), start, self.draft_filters(), self.draft_filters()[0]
        )
        if path is None:
            return False
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        return self.write_draft(path)

    def write_draft(self, path: Path) -> bool:
        """Write the draft to `path` safely (backup, then atomic write).

        On failure the writer is told why, the draft stays in memory and marked unsaved, the
        autosave is brought up to date, and the file on disk is untouched.
        """
        from app.core.saving import save_draft_safely

        try:
            result = save_draft_safely(self.current_draft(), Path(path))
        except FanwenError as exc:
            self.dialogs.error(self.tr("The draft was not saved"), str(exc))
            self.autosave_now()
            return False
        self.draft = result.draft
        self.path = Path(path).resolve()
        self.undo_stack.setClean()
        self._unsaved_outside_stack = False
        self._autosave_quiet.stop()
        self._autosave_deadline.stop()
        self._remove_autosave()
        self.settings.set(config.DRAFT_FOLDER, str(self.path.parent))
        self.add_recent_file(self.path)
        self._update_modified()
        self._update_title()
        message = self.tr("Saved to {path}").format(path=self.path)
        if result.backup_error:
            message += " " + self.tr("(no backup of the previous version: {error})").format(
                error=result.backup_error
            )
        self.statusBar().showMessage(message, 8000)
        return True

    # ------------------------------------------------------------------ recent files

    def recent_files(self) -> list[Path]:
        """Drafts opened or saved recently, newest first."""
        return [Path(p) for p in self.settings.get(config.RECENT_FILES)]

    def add_recent_file(self, path: Path) -> None:
        """Put a draft at the top of the recent list."""
        entries = [str(path)] + [
            p for p in self.settings.get(config.RECENT_FILES) if p != str(path)
        ]
        self.settings.set(config.RECENT_FILES, entries[: config.RECENT_LIMIT])

    def clear_recent_files(self) -> None:
        """Forget the recent drafts."""
        self.settings.set(config.RECENT_FILES, [])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        for number, path in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {path.name}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_recent(p))
        if not recent:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.clear_recent_action)
        self.clear_recent_action.setEnabled(bool(recent))

    def open_recent(self, path: Path) -> bool:
        """Open a recent draft; one that has gone is taken off the list."""
        if not path.exists():
            self.dialogs.error(
                self.tr("Cannot open the draft"),
                self.tr("{file}: file not found.").format(file=path),
            )
            self.settings.set(
                config.RECENT_FILES,
                [p for p in self.settings.get(config.RECENT_FILES) if p != str(path)],
            )
            return False
        return self.open_path(path)

    # ------------------------------------------------------------------ autosave

    def schedule_autosave(self) -> None:
        """Write the autosave soon: a second after the last change, and never later than two
        seconds after the first one (typing without a pause still gets saved)."""
        if self._closing:
            return
        self._autosave_quiet.start()
        if not self._autosave_deadline.isActive():
            self._autosave_deadline.start()

    def autosave_in_background(self) -> None:
        """Hand the autosave to the autosave thread (what the timers do): the draft is turned
        into bytes here, the file is written there, so no disk pause falls on typing."""
        self._autosave_quiet.stop()
        self._autosave_deadline.stop()
        path = autosave_path(self.session)
        if not self.is_modified():
            self._autosave_writer.remove(path)
            return
        self._autosave_writer.write(
            path, autosave_bytes(self.session, self.current_draft(), self.path)
        )

    def autosave_now(self) -> Path | None:
        """Write the autosave now, in this thread (or remove it when there is nothing
        unsaved): after a failed save, on a crash. Returns the file, or None."""
        self._autosave_quiet.stop()
        self._autosave_deadline.stop()
        self._autosave_writer.wait(AUTOSAVE_WAIT_S)  # what the thread has first
        path = autosave_path(self.session)
        if not self.is_modified():
            with contextlib.suppress(OSError):
                perform(path, None)
            return None
        try:
            perform(path, autosave_bytes(self.session, self.current_draft(), self.path))
        except OSError as exc:
            self._show_autosave_error(str(exc.strerror or exc))
            return None
        self._autosave_succeeded()
        return path

    def autosave_settled(self, timeout: float = AUTOSAVE_WAIT_S) -> bool:
        """Wait until the autosave thread has done what it was given (tests, closing)."""
        return self._autosave_writer.wait(timeout)

    def _remove_autosave(self) -> None:
        """After a clean save, a close or another report: the autosave goes, after what the
        thread still had to write (an action of the writer's, so this waits for the disk)."""
        self._autosave_writer.remove(autosave_path(self.session))
        self._autosave_writer.wait(AUTOSAVE_WAIT_S)

    def _show_autosave_error(self, reason: str) -> None:
        if not self._autosave_error_shown:
            self._autosave_error_shown = True
            self.statusBar().showMessage(
                self.tr("The autosave could not be written: {error}").format(error=reason),
                15000,
            )

    def _autosave_succeeded(self) -> None:
        self._autosave_error_shown = False

    def offer_recovery(self) -> bool:
        """At start-up: offer back drafts autosaved by sessions that ended without saving.

        Recovering restores every value and leaves the draft unsaved; declining sets the
        autosave aside (kept for a while) instead of deleting it.
        """
        from app.core.autosave import prune_declined, recoverable, set_aside
        from app.core.migrate import migrate_draft

        prune_declined()
        for entry in recoverable(exclude=self.session):
            try:
                template = find_template(entry.draft.template)
            except FanwenError:
                continue  # its template is not installed here: leave the file where it is
            if self.dialogs.ask_recover(self._describe_autosave(entry, template)):
                migration = migrate_draft(template, entry.draft)
                self.replace_report(template, entry.draft, entry.original, migration.values)
                self._unsaved_outside_stack = True
                self._update_modified()
                self.autosave_now()
                with contextlib.suppress(OSError):
                    entry.path.unlink()
                return True
            with contextlib.suppress(OSError):
                set_aside(entry)
        return False

    def _describe_autosave(self, entry: AutosaveEntry, template: Template) -> str:
        when = entry.saved_at
        stamp = when.strftime("%Y-%m-%d %H:%M") if when is not None else entry.saved
        name = entry.original.name if entry.original is not None else self.tr("an untitled draft")
        filled = sum(1 for key in entry.draft.values if key in template.fields_by_key)
        return self.tr(
            "Fanwen did not close properly last time. A draft was saved automatically at "
            "{time}: {name} ({title}, {filled} fields filled).\n\nRecover it?"
        ).format(time=stamp, name=name, title=template.title, filled=filled)

    # ------------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_draft(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_draft(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop has finished: the dialogs it may show must not block the drag.
        QTimer.singleShot(0, lambda: self.open_path(path))

    @staticmethod
    def _dropped_draft(mime: QMimeData) -> Path | None:
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(SUFFIX):
                return Path(url.toLocalFile())
        return None

    # ================================================================== language

    def set_language(self, language: str) -> None:
        """Switch the interface and the messages to `language`, now and at the next start."""
        if language not in config.LANGUAGES:
            return
        self.settings.set(config.LANGUAGE, language)
        if language == self.translations.language:
            return
        focused, step = self.focused_key, self.current_step_id()
        self.translations.install(language)
        for action in (self.chinese_action, self.english_action):
            action.setChecked(action.data() == language)
        # Messages were made in the old language: check the values again, rebuild the forms.
        self.model.reset(dict(self.model.values))
        self._rebuild_steps(step, focused)
        self.retranslate()

    def _rebuild_steps(self, step: str | None = None, focused: str | None = None) -> None:
        """Build steps, pages and preview again for the model as it is now (the paragraphs
        themselves changed, or the language), keeping the writer's place."""
        step = step or self.current_step_id()
        focused = focused or self.focused_key
        self.navigator = Navigator(build_steps(self.model.template, self.model.document))
        self._restoring = True
        try:
            self._load_model_into_ui()
            self.show_step(step if step in self.navigator.next_of else self.navigator.steps[0].id)
        finally:
            self._restoring = False
        if focused is not None and self.navigator.step_of(focused) is not None:
            self.focus_field(focused)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "file_menu"):
            self.retranslate()
        super().changeEvent(event)

    def _about(self) -> None:
        from app import __version__

        self.dialogs.information(
            self.tr("About Fanwen"),
            self.tr(
                "Fanwen {version}\nFill in model reports (范文) step by step, with a live "
                "preview. Works offline."
            ).format(version=__version__),
        )

    # ================================================================== window state

    def _restore_window_state(self) -> None:
        geometry = self.settings.get(config.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get(config.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.get(config.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        last = self.settings.get(config.LAST_STEP)
        self._restoring = True
        try:
            resume = bool(self.model.values) and last in self.navigator.next_of
            self.show_step(last if resume else self.navigator.steps[0].id)
        finally:
            self._restoring = False

    def save_window_state(self) -> None:
        """Remember size, splitter and step for the next start."""
        self.settings.set(config.WINDOW_GEOMETRY, QByteArray(self.saveGeometry()))
        self.settings.set(config.WINDOW_STATE, QByteArray(self.saveState()))
        self.settings.set(config.SPLITTER_STATE, QByteArray(self.splitter.saveState()))
        self.settings.set(config.LAST_STEP, self.current_step_id())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self._closing = True
        self._autosave_quiet.stop()
        self._autosave_deadline.stop()
        self._remove_autosave()  # gone before the app is
        self.save_window_state()
        event.accept()

    # ================================================================== queries (tests)

    def input_for(self, key: str) -> FieldInput:
        """The input of a field (its page is built if needed)."""
        page = self.page_of(key)
        assert page is not None, key
        return page.input_for(key)


def export_formats() -> dict[str, ExportFormat]:
    """The export formats, loaded on first use (pdf among them: `app.printing` adds it)."""
    import app.printing  # noqa: F401
    from app.core.export import FORMATS

    return FORMATS


def layout_signature(model: ReportModel) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """What the steps are built from: each paragraph's role, section and fields. When a change
    of wording alters it (a paragraph appears or goes), the steps are built again."""
    return tuple(
        (p.role.value, p.section, tuple(p.field_keys())) for p in model.document.paragraphs
    )


def safe_file_stem(text: str) -> str:
    """A file name made from a title: characters Windows forbids become “_”."""
    cleaned = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in text).strip(" .")
    return cleaned or "report"


def application_window() -> MainWindow | None:
    """The main window of the running app, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None
