"""Adapting the wording of a report in the app: switch a paragraph off, reword it, 恢复原文.

From the preview: right-click a paragraph for 不用此段 / 修改措辞… / 恢复原文. From the menu
(编辑 > 段落与措辞…): every paragraph of the template with a check box (unchecked: left out of this
report), the switched-off ones included, so they can be put back. Rewording happens in a small
editor where each field place is written 〔标签〕: the writer changes the words around it and the
value still goes there. The core (`ReportModel.switch_off` / `set_wording` / `restore`) does the
work; the window is then redrawn, and the change is kept in the draft. The dialogs are in
`app.ui.wording_dialogs`, loaded when first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.report import ReportModel, TemplateParagraph
from app.core.wording import Piece, WordingState
from app.ui.left_out_lines import LeftOut
from app.ui.preview import Preview
from app.ui.qt_properties import set_properties
from app.ui.session_adapter import SessionAdapter

if TYPE_CHECKING:
    from app.ui.dialogs import Dialogs


#: Characters of a left-out paragraph shown on its line in the preview.
LEFT_OUT_SNIPPET = 40


class WordingActions(QObject):
    """The wording features of one main window: the preview's menu and 段落与措辞…."""

    def __init__(
        self,
        window: QMainWindow,
        adapter: SessionAdapter,
        edit_menu: QMenu,
        preview: Preview,
        dialogs: Callable[[], Dialogs],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.adapter = adapter
        self._dialogs = dialogs
        self.preview = preview
        self.paragraphs_action = QAction(window)
        self.paragraphs_action.setObjectName("paragraphs")
        self.paragraphs_action.triggered.connect(self.show_paragraphs)
        # into the window's own Edit menu, below undo and redo
        self.edit_menu = edit_menu
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.paragraphs_action)
        window.addAction(self.paragraphs_action)
        set_properties(preview, contextMenuPolicy="CustomContextMenu")
        preview.customContextMenuRequested.connect(self.show_preview_menu)
        # A left-out paragraph stays in the preview as a struck-through line: a click puts it
        # back (one step of the history, as from the menu).
        preview.left_out.source = self.left_out
        preview.left_out.activated.connect(self.switch_on)
        window.installEventFilter(self)
        self._checked_model: object = None
        self.retranslate()

    @property
    def model(self) -> ReportModel:
        """The model of the session's report."""
        return self.adapter.session.model

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "WordingActions" context."""
        return QCoreApplication.translate("WordingActions", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.paragraphs_action.setText(self.tr("&Paragraphs and wording…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def report_stale(self) -> None:
        """Once per report opened: say so when changes of wording kept in the draft no longer
        match the template (they are kept in the file, not applied)."""
        model = self.model
        if model is self._checked_model:
            return
        self._checked_model = model
        stale = model.stale_wording()
        if stale:
            self.window.statusBar().showMessage(
                self.tr(
                    "{count} changes of wording in this draft no longer match the template and "
                    "were not applied (the template has changed)."
                ).format(count=len(stale)),
                15000,
            )

    def left_out(self) -> list[LeftOut]:
        """The paragraphs left out of the report, each placed before the paragraph that
        follows it in the template (after the last when none does)."""
        model = self.model
        if not any(adaptation.off for adaptation in model.wording.values()):
            return []  # (the template's paragraphs are not worked out for nothing)
        index_of = {p.id: i for i, p in enumerate(model.document.paragraphs)}
        result: list[LeftOut] = []
        pending: list[tuple[str, str]] = []
        for paragraph in model.template_paragraphs():
            if paragraph.state is WordingState.OFF:
                text = "".join(
                    p if isinstance(p, str) else p.placeholder for p in paragraph.spec.pieces
                )
                pending.append((paragraph.id, text[:LEFT_OUT_SNIPPET]))
            elif paragraph.id in index_of and pending:
                result.extend(LeftOut(index_of[paragraph.id], *item) for item in pending)
                pending = []
        result.extend(LeftOut(len(index_of), *item) for item in pending)
        return result

    # ------------------------------------------------------------------ the preview's menu

    def paragraph_at(self, position: QPoint) -> int | None:
        """The document paragraph under a point of the preview."""
        index = self.preview.paragraph_at(position)
        return index if index is not None and index < len(self.model.document.paragraphs) else None

    def preview_menu(self, index: int) -> QMenu:
        """The menu for paragraph `index` of the preview."""
        paragraph_id = self.model.document.paragraphs[index].id
        menu = QMenu(self.preview)
        menu.setObjectName("paragraph-menu")
        off = menu.addAction(self.tr("&Leave this paragraph out"))
        off.triggered.connect(lambda: self.switch_off(paragraph_id))
        edit = menu.addAction(_("Re&word…"))
        edit.setEnabled(self.model.document.paragraphs[index].row is None)  # a table row: whole
        edit.triggered.connect(lambda: self.edit(paragraph_id))
        restore = menu.addAction(_("Re&store the template's wording"))
        restore.setEnabled(paragraph_id in self.model.wording)
        restore.triggered.connect(lambda: self.restore(paragraph_id))
        menu.addSeparator()
        menu.addAction(self.paragraphs_action)
        return menu

    def show_preview_menu(self, position: QPoint) -> None:
        index = self.paragraph_at(position)
        if index is None:
            return
        self.preview_menu(index).exec(self.preview.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ changes

    def switch_off(self, paragraph_id: str) -> None:
        """Leave a paragraph out of this report."""
        self.adapter.perform(lambda session: session.switch_off(paragraph_id))

    def switch_on(self, paragraph_id: str) -> None:
        """Put a left-out paragraph back."""
        self.adapter.perform(lambda session: session.switch_on(paragraph_id))

    def restore(self, paragraph_id: str) -> None:
        """恢复原文 for one paragraph."""
        self.adapter.perform(lambda session: session.restore(paragraph_id))

    def restore_all(self) -> None:
        """恢复原文 for the whole report, after asking."""
        if self.model.wording and self.confirm_restore_all():
            self.adapter.perform(lambda session: session.restore_all())

    def edit(self, paragraph_id: str) -> None:
        """Reword a paragraph in the editor."""
        from PySide6.QtWidgets import QDialog

        from app.ui.wording_dialogs import WordingEditDialog

        paragraph = next(p for p in self.model.template_paragraphs() if p.id == paragraph_id)
        if paragraph.spec.row is not None:  # its cells would be lost in one line of wording
            self._dialogs().error(
                self.tr("The wording was not changed"),
                self.tr("A table row cannot be reworded; it can be left out."),
            )
            return
        result, pieces = self.ask_wording(paragraph)
        if result == WordingEditDialog.RESTORE:
            self.restore(paragraph_id)
        elif result == QDialog.DialogCode.Accepted.value and pieces is not None:
            try:
                self.adapter.perform(lambda session: session.set_wording(paragraph_id, pieces))
            except FanwenError as exc:
                self._dialogs().error(self.tr("The wording was not changed"), str(exc))

    def ask_wording(self, paragraph: TemplateParagraph) -> tuple[int, tuple[Piece, ...] | None]:
        """Run the rewording dialog (tests replace this)."""
        from app.ui.wording_dialogs import WordingEditDialog

        dialog = WordingEditDialog(self.model, paragraph, self.window)
        result = dialog.exec()
        return result, dialog.pieces

    def confirm_restore_all(self) -> bool:
        """Ask before putting back the template's wording everywhere (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window,
            self.tr("Restore all"),
            self.tr("Put back the template's wording in every paragraph of this report?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_paragraphs(self) -> None:
        """The list of paragraphs (编辑 > 段落与措辞…)."""
        from app.ui.wording_dialogs import ParagraphsDialog

        ParagraphsDialog(self).exec()
