"""The dialogs of the wording features (app.ui.wording_editor): the rewording editor and the
list of paragraphs. Loaded when the writer first opens one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.document import Role
from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.report import ReportModel, TemplateParagraph
from app.core.wording import Piece, WordingState, parse_markup, wording_markup

if TYPE_CHECKING:
    from typing import Protocol

    class WordingActions(Protocol):
        """What the paragraphs dialog asks of the wording actions (`app.ui.wording_editor`)."""

        window: QWidget

        @property
        def model(self) -> ReportModel: ...

        def switch_on(self, paragraph_id: str) -> None: ...
        def switch_off(self, paragraph_id: str) -> None: ...
        def edit(self, paragraph_id: str) -> None: ...
        def restore(self, paragraph_id: str) -> None: ...
        def restore_all(self) -> None: ...


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
        self.edit_button = QPushButton(_("Re&word…"), self)
        self.restore_button = QPushButton(_("Re&store the template's wording"), self)
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
            for paragraph in self.actions.model.template_paragraphs():
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
