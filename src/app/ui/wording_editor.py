"""Adapting the wording of a report in the app: switch a paragraph off, reword it, 恢复原文.

From the preview: right-click a paragraph for 不用此段 / 修改措辞… / 恢复原文. From the menu
(编辑 > 段落与措辞…): every paragraph of the template with a check box (unchecked: left out of this
report), the switched-off ones included, so they can be put back. Rewording happens in a small
editor where each field place is written 〔标签〕: the writer changes the words around it and the
value still goes there. The core (`ReportModel.switch_off` / `set_wording` / `restore`) does the
work; the window is then redrawn, and the change is kept in the draft.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.document import Role
from app.core.errors import FanwenError
from app.core.report import ReportModel, TemplateParagraph
from app.core.wording import Piece, WordingState, parse_markup, wording_markup

#: Characters of a paragraph shown in the list of paragraphs.
SNIPPET = 60


def paragraph_snippet(pieces: tuple[Piece, ...] | None, limit: int = SNIPPET) -> str:
    """The start of a paragraph's wording, placeholders shown as they read."""
    text = "".join(p if isinstance(p, str) else p.placeholder for p in pieces or ())
    return text if len(text) <= limit else text[:limit] + "……"


class WordingEditDialog(QDialog):
    """Reword one paragraph; each field place is written 〔标签〕 and stays bound."""

    RESTORE = 2

    def __init__(self, model: ReportModel, paragraph: TemplateParagraph, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("wording-edit")
        self.model = model
        self.paragraph = paragraph
        self.pieces: tuple[Piece, ...] | None = None
        self.setWindowTitle(self.tr("Reword the paragraph"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Change the wording for this report only. A field is written 〔label〕: keep it "
                "where the value should go (you may move or delete it)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        original_label = QLabel(self.tr("Template wording:"), self)
        layout.addWidget(original_label)
        self.original = QLabel(wording_markup(paragraph.spec.pieces, model.template), self)
        self.original.setObjectName("wording-original")
        self.original.setWordWrap(True)
        self.original.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.original)
        edit_label = QLabel(self.tr("Wording in this report:"), self)
        layout.addWidget(edit_label)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("wording-text")
        current = paragraph.pieces if paragraph.pieces is not None else paragraph.spec.pieces
        self.editor.setPlainText(wording_markup(current, model.template))
        edit_label.setBuddy(self.editor)
        layout.addWidget(self.editor, 1)
        self.message = QLabel(self)
        self.message.setObjectName("wording-message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.restore_button = QPushButton(self.tr("&Restore the template's wording"), self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.restore_button.clicked.connect(lambda: self.done(self.RESTORE))
        buttons.accepted.connect(self.accept_wording)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 48, em * 24)

    def accept_wording(self) -> None:
        """Check the new wording; close with it, or say what is wrong and stay open."""
        text = " ".join(self.editor.toPlainText().splitlines())
        try:
            self.pieces = parse_markup(text, self.model.template, self.paragraph.spec.pieces)
        except FanwenError as exc:
            self.message.setText(str(exc))
            return
        self.accept()


class ParagraphsDialog(QDialog):
    """Every paragraph of the template: checked ones are in the report; edit or restore one."""

    def __init__(self, actions: WordingActions) -> None:
        super().__init__(actions.window)
        self.setObjectName("paragraphs-dialog")
        self.actions = actions
        self.setWindowTitle(self.tr("Paragraphs and wording"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Uncheck a paragraph to leave it out of this report; reword one for this report "
                "only. The template itself does not change."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("paragraph-list")
        self.list.setAccessibleName(self.tr("Paragraphs"))
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("Re&word…"), self)
        self.restore_button = QPushButton(self.tr("Re&store the template's wording"), self)
        self.restore_all_button = QPushButton(self.tr("Restore &all"), self)
        for button in (self.edit_button, self.restore_button, self.restore_all_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit_button.clicked.connect(self._edit)
        self.restore_button.clicked.connect(self._restore)
        self.restore_all_button.clicked.connect(self._restore_all)
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.itemActivated.connect(lambda _item: self._edit())
        self._filling = False
        self.fill()
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 56, em * 36)

    def fill(self) -> None:
        """(Re)list the paragraphs with their state."""
        current = self.list.currentRow()
        self._filling = True
        try:
            self.list.clear()
            for paragraph in self.actions.window.model.template_paragraphs():
                shown = paragraph.pieces if paragraph.pieces is not None else paragraph.spec.pieces
                text = paragraph_snippet(shown)
                if paragraph.state is WordingState.EDITED:
                    text = self.tr("[reworded] {text}").format(text=text)
                elif paragraph.state is WordingState.OFF:
                    text = self.tr("[left out] {text}").format(text=text)
                item = QListWidgetItem(text, self.list)
                item.setData(Qt.ItemDataRole.UserRole, paragraph.id)
                item.setToolTip(paragraph_snippet(paragraph.spec.pieces, 400))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                checked = paragraph.state is not WordingState.OFF
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                if paragraph.spec.role is not Role.BODY:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
        finally:
            self._filling = False
        if self.list.count():
            self.list.setCurrentRow(max(0, min(current, self.list.count() - 1)))

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        paragraph_id = str(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            self.actions.switch_on(paragraph_id)
        else:
            self.actions.switch_off(paragraph_id)
        self.fill()

    def _edit(self) -> None:
        paragraph_id = self._current_id()
        if paragraph_id is not None:
            self.actions.edit(paragraph_id)
            self.fill()

    def _restore(self) -> None:
        paragraph_id = self._current_id()
        if paragraph_id is not None:
            self.actions.restore(paragraph_id)
            self.fill()

    def _restore_all(self) -> None:
        self.actions.restore_all()
        self.fill()


class WordingActions(QObject):
    """The wording features of one main window: the preview's menu and 段落与措辞…."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        from app.ui.main_window import MainWindow

        assert isinstance(window, MainWindow)
        self.window = window
        self.paragraphs_action = QAction(window)
        self.paragraphs_action.setObjectName("paragraphs")
        self.paragraphs_action.triggered.connect(self.show_paragraphs)
        # into the window's own Edit menu, below undo and redo
        self.edit_menu = window.edit_menu
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.paragraphs_action)
        window.addAction(self.paragraphs_action)
        preview = window.preview
        preview.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        preview.customContextMenuRequested.connect(self.show_preview_menu)
        window.installEventFilter(self)
        self._checked_model: object = None
        window.previewRendered.connect(self.report_stale)
        self.retranslate()

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
        model = self.window.model
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

    # ------------------------------------------------------------------ the preview's menu

    def paragraph_at(self, position: QPoint) -> int | None:
        """The document paragraph under a point of the preview."""
        index = self.window.preview.paragraph_at(position)
        return (
            index
            if index is not None and index < len(self.window.model.document.paragraphs)
            else None
        )

    def preview_menu(self, index: int) -> QMenu:
        """The menu for paragraph `index` of the preview."""
        paragraph_id = self.window.model.document.paragraphs[index].id
        menu = QMenu(self.window.preview)
        menu.setObjectName("paragraph-menu")
        off = menu.addAction(self.tr("&Leave this paragraph out"))
        off.triggered.connect(lambda: self.switch_off(paragraph_id))
        edit = menu.addAction(self.tr("Re&word…"))
        edit.triggered.connect(lambda: self.edit(paragraph_id))
        restore = menu.addAction(self.tr("Re&store the template's wording"))
        restore.setEnabled(paragraph_id in self.window.model.wording)
        restore.triggered.connect(lambda: self.restore(paragraph_id))
        menu.addSeparator()
        menu.addAction(self.paragraphs_action)
        return menu

    def show_preview_menu(self, position: QPoint) -> None:
        index = self.paragraph_at(position)
        if index is None:
            return
        self.preview_menu(index).exec(self.window.preview.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ changes

    def switch_off(self, paragraph_id: str) -> None:
        """Leave a paragraph out of this report."""
        self.window.model.switch_off(paragraph_id)
        self.changed()

    def switch_on(self, paragraph_id: str) -> None:
        """Put a left-out paragraph back."""
        self.window.model.switch_on(paragraph_id)
        self.changed()

    def restore(self, paragraph_id: str) -> None:
        """恢复原文 for one paragraph."""
        self.window.model.restore(paragraph_id)
        self.changed()

    def restore_all(self) -> None:
        """恢复原文 for the whole report, after asking."""
        if not self.window.model.wording:
            return
        if self.confirm_restore_all():
            self.window.model.restore_all()
            self.changed()

    def edit(self, paragraph_id: str) -> None:
        """Reword a paragraph in the editor."""
        paragraph = next(p for p in self.window.model.template_paragraphs() if p.id == paragraph_id)
        result, pieces = self.ask_wording(paragraph)
        if result == WordingEditDialog.RESTORE:
            self.restore(paragraph_id)
        elif result == QDialog.DialogCode.Accepted.value and pieces is not None:
            try:
                self.window.model.set_wording(paragraph_id, pieces)
            except FanwenError as exc:
                self.window.dialogs.error(self.tr("The wording was not changed"), str(exc))
                return
            self.changed()

    def ask_wording(self, paragraph: TemplateParagraph) -> tuple[int, tuple[Piece, ...] | None]:
        """Run the rewording dialog (tests replace this)."""
        dialog = WordingEditDialog(self.window.model, paragraph, self.window)
        result = dialog.exec()
        return result, dialog.pieces

    def confirm_restore_all(self) -> bool:
        """Ask before putting back the template's wording everywhere (tests replace this)."""
        answer = QMessageBox.question(
            self.window,
            self.tr("Restore all"),
            self.tr("Put back the template's wording in every paragraph of this report?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_paragraphs(self) -> None:
        """The list of paragraphs (编辑 > 段落与措辞…)."""
        ParagraphsDialog(self).exec()

    def changed(self) -> None:
        """Redraw the window after a change of wording and mark the draft modified."""
        reload_window(self.window)
        self.window.setWindowModified(True)
        self.window.on_changed()


def reload_window(window: QWidget) -> None:
    """Rebuild steps, forms and preview for the window's model, staying on the same step."""
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window._rebuild_steps()
