"""The template features of the main window: 从模板新建, 从范文新建模板, 编辑模板字段.

Installed by the main window (`TemplateActions(window)`): three actions at the top of the File
menu. 从范文新建模板 reads a .txt or .docx with the same engine as ``fanwen template import``,
opens the field editor on its proposal, saves the template and offers to start a report from it.
Every dialog goes through a method here that tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.errors import FanwenError
from app.core.library import set_shared_folder
from app.core.template import Origin, Template
from app.ui import settings as config
from app.ui.draft_files import DraftFiles
from app.ui.session_adapter import SessionAdapter

if TYPE_CHECKING:  # the importer, the editor and the chooser load when first used
    from app.core.importer import ImportPlan
    from app.core.template_edit import TemplateEditor
    from app.ui.dialogs import Dialogs
    from app.ui.template_chooser import ChooserChoice, TemplateChooser


class TemplateActions(QObject):
    """The File menu's template actions of one main window."""

    def __init__(
        self, window: QMainWindow, adapter: SessionAdapter, files: DraftFiles, menu: QMenu
    ) -> None:
        super().__init__(window)
        self.window = window
        self.adapter = adapter
        self.files = files
        self.settings = files.settings
        self.new_action = QAction(window)
        self.new_action.setObjectName("new-from-template")
        self.new_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.New))
        self.new_action.triggered.connect(self.new_from_template)
        self.import_action = QAction(window)
        self.import_action.setObjectName("import-model-text")
        self.import_action.triggered.connect(lambda: self.import_model_text())
        self.edit_action = QAction(window)
        self.edit_action.setObjectName("edit-template-fields")
        self.edit_action.triggered.connect(lambda: self.edit_fields())
        first = menu.actions()[0] if menu.actions() else None
        for action in (self.new_action, self.import_action, self.edit_action):
            menu.insertAction(first, action)
            window.addAction(action)
        menu.insertSeparator(first)
        window.installEventFilter(self)
        self.retranslate()

    @property
    def dialogs(self) -> Dialogs:
        return self.files.dialogs

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "TemplateActions" context."""
        return QCoreApplication.translate("TemplateActions", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.new_action.setText(self.tr("&New from template…"))
        self.import_action.setText(self.tr("New template from a &model text (范文)…"))
        self.edit_action.setText(self.tr("Edit the template's &fields…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # ------------------------------------------------------------------ flows

    def new_from_template(self) -> Template | None:
        """The chooser: start a report, edit a template's fields, or import a 范文."""
        from app.ui.template_chooser import ChooserChoice

        chooser, choice = self.run_chooser()
        if chooser.shared is not None:
            self.settings.set(config.SHARED_TEMPLATES, str(chooser.shared))
            set_shared_folder(chooser.shared)
        template = chooser.selected_template()
        if choice is ChooserChoice.IMPORT:
            self.import_model_text()
            return None
        if template is None:
            return None
        if choice is ChooserChoice.EDIT_FIELDS:
            self.edit_fields(template)
            return None
        if choice is ChooserChoice.NEW_REPORT and self.start_report(template):
            return template
        return None

    def import_model_text(self, path: Path | None = None) -> Path | None:
        """从范文新建模板: read a 范文, adjust the proposed fields, save; returns the folder."""
        from app.core.importer import plan_import

        path = path or self.ask_source_file()
        if path is None:
            return None
        try:
            plan = plan_import(path)
            if plan.suspects:  # runs that are probably not blanks: the writer says
                chosen = self.ask_suspects(plan)
                if chosen is None:
                    return None
                if chosen:
                    plan = plan.with_blanks(chosen)
        except FanwenError as exc:
            self.dialogs.error(self.tr("The model text cannot be imported"), str(exc))
            return None
        folder = self.run_editor(plan.editor, plan)
        if folder is None:
            return None
        self.offer_report(folder)
        return folder

    def edit_fields(self, template: Template | None = None) -> Path | None:
        """Edit a template's fields (the current report's template by default)."""
        from app.core.template_edit import TemplateEditor

        current = self.adapter.session.template
        template = template or current
        editor = TemplateEditor.from_template(template)
        if template is current:  # the rules say whether they hold for the report's values
            checked = self.adapter.session.model.checked
            editor.report_values = {key: value.text for key, value in checked.items()}
        folder = self.run_editor(editor, None)
        if folder is None:
            return None
        if template is current:
            self.continue_report(folder)
        else:
            self.offer_report(folder)
        return folder

    def continue_report(self, folder: Path) -> bool:
        """The open report's template was edited: the report goes on with the edited fields,
        its values kept (moved to renamed fields); one step of the history (Ctrl+Z takes it
        back). False when the saved template cannot be used."""
        from app.core.loader import load_template
        from app.core.migrate import migrate_draft

        try:
            template = load_template(folder, Origin.USER)
            values = migrate_draft(template, self.adapter.session.current_draft()).values
            self.adapter.perform(lambda session: session.change_template(template, values))
        except FanwenError as exc:
            self.dialogs.error(self.tr("The template cannot be used"), str(exc))
            return False
        self.show_message(
            self.tr("This report now uses the edited template “{title}”.").format(
                title=template.title
            )
        )
        return True

    def offer_report(self, folder: Path) -> None:
        """A template was saved: offer to start a report from it."""
        from app.core.loader import load_template

        try:
            template = load_template(folder, Origin.USER)
        except FanwenError as exc:  # pragma: no cover - it was checked before it was saved
            self.dialogs.error(self.tr("The template cannot be used"), str(exc))
            return
        if self.ask_start_report(template):
            self.start_report(template)
        else:
            self.show_message(
                self.tr("Template “{title}” saved in {folder}").format(
                    title=template.title, folder=folder
                )
            )

    def show_message(self, text: str) -> None:
        """A message in the window's status bar."""
        self.window.statusBar().showMessage(text, 8000)

    def start_report(self, template: Template) -> bool:
        """Show a new, empty report of `template` (after asking if the current one would be
        lost); False when the writer keeps the current report."""
        return self.files.start_report(template)

    # ------------------------------------------------------------------ dialogs (replaceable)

    def run_chooser(self) -> tuple[TemplateChooser, ChooserChoice]:
        """Show the template chooser."""
        from app.ui.template_chooser import TemplateChooser

        chooser = TemplateChooser(self.window)
        chooser.select(self.adapter.session.template.id)
        chooser.exec()
        return chooser, chooser.choice

    def run_editor(self, editor: TemplateEditor, plan: ImportPlan | None) -> Path | None:
        """Show the field editor; the folder saved, or None."""
        from PySide6.QtWidgets import QDialog

        from app.ui.template_editor import FieldEditor

        dialog = FieldEditor(editor, self.window, plan)
        if dialog.exec() != QDialog.DialogCode.Accepted.value:
            return None
        return dialog.saved

    def ask_suspects(self, plan: ImportPlan) -> set[tuple[int, int]] | None:
        """Which runs that are probably not blanks are blanks after all (None: cancelled)."""
        from PySide6.QtWidgets import QDialog

        from app.ui.import_suspects import SuspectsDialog

        dialog = SuspectsDialog(plan.suspects, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted.value:
            return None
        return dialog.chosen()

    def ask_source_file(self) -> Path | None:
        """The 范文 to import (the system's open dialog)."""
        from PySide6.QtWidgets import QFileDialog

        name, _chosen = QFileDialog.getOpenFileName(
            self.window,
            self.tr("New template from a model text"),
            str(Path.home()),
            self.tr("Model texts (*.txt *.docx)"),
        )
        return Path(name) if name else None

    def ask_start_report(self, template: Template) -> bool:
        """Ask whether to start a report from a template just saved."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window,
            self.tr("Template saved"),
            self.tr("The template “{title}” was saved. Start a new report from it now?").format(
                title=template.title
            ),
        )
        return answer == QMessageBox.StandardButton.Yes
