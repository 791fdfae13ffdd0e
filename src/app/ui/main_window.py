"""The main window: steps on the left, the step's form in the middle, the live preview on the right.

The window composes; it does not decide. The report is a `ReportSession` (`app.core.session`)
behind a `SessionAdapter`: every change (a keystroke, a change of wording, undo and redo, another
report opened) is an operation on the session, whose `Change` the window forwards to the preview
(the paragraphs it names), the form pages (the fields it names), the step list and the status
bar. Nothing on a keystroke's path walks the whole document.

Files (`DraftFiles`), the autosave and recovery (`AutosaveControl`), export and printing
(`ExportFlow`), the menus (`WindowActions`), templates (`TemplateActions`) and wording
(`WordingActions`) are their own modules working on the session, not on this window.
"""

from __future__ import annotations

import functools
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.core.draft import Draft
from app.core.i18n import _
from app.core.report import ReportModel
from app.core.session import Change, ReportSession
from app.core.steps import EXPORT, Navigator
from app.core.template import Template
from app.ui import settings as config
from app.ui.draft_files import DraftFiles, dropped_draft
from app.ui.export_flow import ExportFlow
from app.ui.form_stack import FormStack
from app.ui.preview import Preview
from app.ui.recovery import WindowAutosave
from app.ui.report_status import ReportStatus
from app.ui.session_adapter import SessionAdapter
from app.ui.settings import Settings
from app.ui.step_list import StepList
from app.ui.translation import Translations
from app.ui.window_actions import WindowActions, about_text
from app.ui.window_state import app_icon, default_window_size, restore_geometry, save_geometry

if TYPE_CHECKING:  # what the first window does not need loads on first use (see `dialogs`)
    from app.ui.dialogs import Dialogs
    from app.ui.feature_menus import FeatureMenus


class MainWindow(QMainWindow):
    """One report being written."""

    #: Emitted after the preview was (re)drawn completely (start-up, another report, steps).
    previewRendered = Signal()

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
        self.adapter = SessionAdapter(ReportSession(template, draft, path, values), self)
        self.focused_key: str | None = None
        self._restoring = False
        #: Increases each time a field gets the focus: typing merges within one run only.
        self._typing_run = 0
        show = self.statusBar().showMessage
        self.autosave = WindowAutosave(
            self.adapter, show, self, lambda: self.current_step_id(), lambda s: self.show_step(s)
        )
        self.files = DraftFiles(
            self.adapter, self.autosave, self.settings, lambda: self.dialogs, show, self
        )
        self.exports = ExportFlow(
            self.adapter,
            self.settings,
            lambda: self.dialogs,
            lambda: self.forms.made_export_page,
            show,
            self,
        )
        self._build_ui()
        self._build_actions()
        self.adapter.changed.connect(self.apply_change)
        self.adapter.historyChanged.connect(self._update_history)
        self.adapter.modifiedChanged.connect(self.setWindowModified)
        self.files.pathChanged.connect(self._update_title)
        self.exports.goToField.connect(self.focus_field)
        self.retranslate()
        self._load_into_ui()
        self._restore_window_state()
        self.setWindowModified(self.session.modified)
        self.setAcceptDrops(True)

    @property
    def session(self) -> ReportSession:
        """The report this window shows."""
        return self.adapter.session

    @property
    def model(self) -> ReportModel:
        """The session's model: values, checks and the document."""
        return self.adapter.session.model

    @property
    def navigator(self) -> Navigator:
        return self.adapter.session.navigator

    # ================================================================== building

    def _build_ui(self) -> None:
        self.steps = StepList(self)
        self.steps.currentRowChanged.connect(self._on_step_row_changed)
        self.forms = FormStack(self.adapter, self.settings, self)
        self.forms.fieldFocused.connect(self._on_field_focused)
        self.forms.textEdited.connect(self.edit_value)
        self.forms.pageBuilt.connect(self._update_tab_order)
        self.forms.exportRequested.connect(self.export_report)
        self.forms.goToField.connect(self.focus_field)
        self.preview = Preview(self)
        self.preview.fieldActivated.connect(self.focus_field)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.setSpacing(0)
        middle_layout.addWidget(self.forms, 1)
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
        for widget, stretch in ((self.steps, 0), (middle, 3), (right, 3)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        em = self.fontMetrics().horizontalAdvance("中")
        self.steps.setMinimumWidth(em * 10)
        middle.setMinimumWidth(em * 24)
        right.setMinimumWidth(em * 20)
        self.splitter.setSizes([em * 16, em * 40, em * 38])
        self.setCentralWidget(self.splitter)

        self.status = ReportStatus(self.statusBar())
        self.filled_label, self.problems_label = self.status.filled, self.status.problems
        self.resize(default_window_size(self, em))

    def _build_actions(self) -> None:
        files = self.files
        slots = {
            "new": files.new_blank,
            "open": files.open,
            "save": files.save,
            "save-as": files.save_as,
            "undo": self.adapter.undo,
            "redo": self.adapter.redo,
            "clear-recent": files.clear_recent,
            "export": lambda: self.export_report(None),
            "print": self.exports.print_report,
            "print-preview": self.exports.print_preview,
            "quit": self.close,
            "back": self.previous_step,
            "next": self.next_step,
            "next-problem": self.next_problem,
            "previous-problem": lambda: self.next_problem(True),
            "about": lambda: self.dialogs.information(*about_text()),
        }
        language = self.translations.language
        self.actions = actions = WindowActions(self, slots, language, self.set_language)
        actions.recent_menu.aboutToShow.connect(
            lambda: actions.fill_recent_menu(files.recent(), files.open_recent)
        )
        self.problem_button.clicked.connect(actions.next_problem.trigger)
        self.back_button.clicked.connect(actions.back.trigger)
        self.next_button.clicked.connect(actions.next.trigger)
        self.preview.firstPainted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))

    @functools.cached_property
    def menus(self) -> FeatureMenus:
        """Templates, numbers, wording, recovery and help: after the first paint (or first use)."""
        from app.ui.feature_menus import FeatureMenus

        parts = (self.actions, self.files, self.autosave, self.preview, self.previewRendered)
        return FeatureMenus(self, *parts, lambda: self.dialogs)

    template_actions = property(lambda self: self.menus.templates)
    numbers = property(lambda self: self.menus.numbers)
    wording_actions = property(lambda self: self.menus.wording)
    help_actions = property(lambda self: self.menus.help)

    @functools.cached_property
    def dialogs(self) -> Dialogs:
        """The window's questions and messages (loaded on first use: the first window shows
        none; tests replace its methods)."""
        from app.ui.dialogs import Dialogs

        return Dialogs(self)

    def _after_first_paint(self) -> None:
        """The icons (the window's, the toolbar's as the style draws them) and the menus."""
        if not shiboken6.isValid(self):  # closed and deleted before the timer came
            return
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        self.menus  # noqa: B018  (built now, with the actions' shortcuts and icons)

    def retranslate(self) -> None:
        """Set every text of the window in the current language."""
        self.actions.retranslate()
        self._update_history()
        self.problem_button.setText(self.tr("Next problem (F8)"))
        self.back_button.setText(self.tr("< Back"))
        self.next_button.setText(self.tr("Next >"))
        self.preview_label.setText(self.tr("Preview (click a value to edit it)"))
        self.preview.setAccessibleName(self.tr("Preview of the report"))
        if self.forms.made_export_page is not None:
            self.forms.made_export_page.retranslate()
        self._update_title()
        self._update_status()

    # ================================================================== session -> widgets

    def _load_into_ui(self, step: str | None = None, focused: str | None = None) -> None:
        """(Re)build the steps, the pages (lazily) and the preview for the session's report,
        on `step` (the first when None or gone) with `focused` given the keyboard again."""
        self.forms.clear()
        self.steps.set_steps(self.navigator.steps, self.model)
        self.preview.forget_focus()  # the old paragraphs' highlight means nothing here
        self.preview.set_report(self.model.document)
        self.focused_key = None
        self._restoring = True
        try:
            known = step is not None and step in self.navigator.next_of
            self.show_step(step if known and step else self.navigator.steps[0].id)
        finally:
            self._restoring = False
        self._update_status()
        self._update_title()
        if focused is not None and self.navigator.step_of(focused) is not None:
            self.focus_field(focused)
        QTimer.singleShot(0, self.previewRendered.emit)

    def edit_value(self, key: str, text: str) -> Change | None:
        """The writer typed in a field: one operation on the session (merged with the typing
        before it in the same field, without leaving it)."""
        run = self._typing_run
        return self.adapter.perform(lambda session: session.set_value(key, text, run))

    def apply_change(self, change: Change) -> None:
        """Show what one operation changed (never more of the report than it names)."""
        if change.replaced or change.steps:
            if change.replaced:
                self._load_into_ui()
                self.focus_first_field()
            else:
                self._load_into_ui(self.current_step_id(), self.focused_key)
            return
        update = change.update
        self.forms.set_texts(change.values)  # undo, redo: the inputs follow
        if update.structural:
            self.preview.set_report(self.model.document)
        elif update.paragraphs:
            self.preview.update_paragraphs(self.model.document, update.paragraphs)
        affected = update.affected or (update.key,)
        steps = dict.fromkeys(s for k in affected if (s := self.navigator.step_of(k)) is not None)
        self.forms.refresh(steps, affected)
        for step_id in steps:
            self.steps.refresh_step(step_id, self.model)
        self._update_status()
        if change.focus is not None:
            self.focus_field(change.focus)

    def _update_history(self) -> None:
        session = self.session
        self.actions.undo.setEnabled(session.can_undo())
        self.actions.redo.setEnabled(session.can_redo())
        self.actions.set_history(session.undo_text(), session.redo_text())

    def _update_status(self) -> None:
        self.status.show_counts(self.model)

    def _update_title(self) -> None:
        path = self.session.path
        name = path.name if path is not None else _("Untitled")
        self.setWindowTitle(self.tr("{name}[*] — Fanwen").format(name=name))

    # ================================================================== steps and fields

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
            self.forms.export_page.refresh(self.model)
            self.forms.setCurrentWidget(self.forms.export_page)
        else:
            page = self.forms.page_for(step.id)
            page.ensure_built()
            self.forms.setCurrentWidget(page)
        has_previous = self.navigator.previous_of[step.id] is not None
        has_next = self.navigator.next_of[step.id] is not None
        for widget in (self.actions.back, self.back_button):
            widget.setEnabled(has_previous)
        for widget in (self.actions.next, self.next_button):
            widget.setEnabled(has_next)
        self._update_tab_order()
        if not self._restoring:
            self.settings.set(config.LAST_STEP, step.id)

    def next_step(self) -> None:
        """Go to the next step and to its first field."""
        following = self.navigator.next_of[self.current_step_id()]
        if following is not None:
            self.show_step(following)
            self.focus_first_field()

    def previous_step(self) -> None:
        """Go back one step."""
        previous = self.navigator.previous_of[self.current_step_id()]
        if previous is not None:
            self.show_step(previous)
            self.focus_first_field()

    def focus_first_field(self) -> None:
        """Give the keyboard to the first field of the step shown."""
        self.forms.focus_first()

    def focus_field(self, key: str) -> None:
        """Show the field's step, scroll to it and give it the keyboard."""
        page = self.forms.page_of(key)
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
            self._typing_run += 1
        self.focused_key = key
        self.preview.set_focused_field(key, self.model.paragraphs_of(key))

    def _update_tab_order(self) -> None:
        """Tab follows reading order: steps, the fields of the page, its buttons, the preview."""
        chain: list[QWidget] = [self.steps, *self.forms.tab_chain()]
        chain.extend([self.problem_button, self.back_button, self.next_button, self.preview])
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ================================================================== commands

    def export_report(self, fmt: str | None = None) -> Path | None:
        """Export the report (see `ExportFlow`); the written file, or None."""
        return self.exports.export(fmt)

    def offer_recovery(self) -> bool:
        """At start-up: offer back drafts that a session ended without saving."""
        return self.autosave.offer_recovery(self.dialogs.ask_recover)

    def set_language(self, language: str) -> None:
        """Switch the interface and the messages to `language`, now and at the next start."""
        if language not in config.LANGUAGES:
            return
        self.settings.set(config.LANGUAGE, language)
        if language == self.translations.language:
            return
        self.translations.install(language)
        self.actions.check_language(language)
        # Messages were made in the old language: check the values again, rebuild the forms.
        self.adapter.perform(ReportSession.rerender)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "actions"):
            self.retranslate()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_draft(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_draft(event.mimeData())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open after the drop has finished: the dialogs it may show must not block the drag.
        QTimer.singleShot(0, lambda: self.files.open_path(path))

    # ================================================================== window state

    def _restore_window_state(self) -> None:
        restore_geometry(self, self.splitter, self.settings)
        last = self.settings.get(config.LAST_STEP)
        self._restoring = True
        try:
            resume = bool(self.model.values) and last in self.navigator.next_of
            self.show_step(last if resume else self.navigator.steps[0].id)
        finally:
            self._restoring = False

    def save_window_state(self) -> None:
        """Remember size, splitter and step for the next start."""
        save_geometry(self, self.splitter, self.settings)
        self.settings.set(config.LAST_STEP, self.current_step_id())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.autosave.closing = True
        self.autosave.remove()  # gone before the app is
        self.save_window_state()
        self.files.release_lock()  # a closed window holds no draft
        event.accept()


def application_window() -> MainWindow | None:
    """The main window of the running app, if any."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    return None
