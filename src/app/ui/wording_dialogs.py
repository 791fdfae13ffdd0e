"""The dialogs of the wording features (app.ui.wording_editor): the rewording editor and the
list of paragraphs. Loaded when the writer first opens one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.body import ChangeRef, FieldRef, SignRef
from app.core.document import Role
from app.core.errors import FanwenError
from app.core.i18n import _
from app.core.render import change_runs, field_run, is_negative
from app.core.report import ReportModel, TemplateParagraph
from app.core.wording import Piece, WordingState, check_pieces, parse_markup

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


#: How a field place is named in the editor's document (its anchor): "field:key",
#: "sign:key:positive:negative" or "change:" and the change phrase's parts as JSON.
FIELD_PLACE, SIGN_PLACE, CHANGE_PLACE = "field:", "sign:", "change:"
PLACES = (FIELD_PLACE, SIGN_PLACE, CHANGE_PLACE)
PLACE_BACKGROUND = QColor(255, 236, 179)


def place_name(piece: FieldRef | SignRef | ChangeRef) -> str:
    """The anchor that stands for a field place (a sign word, a change phrase) in the
    editor."""
    if isinstance(piece, ChangeRef):
        return CHANGE_PLACE + json.dumps(list(piece), ensure_ascii=False)
    if isinstance(piece, SignRef):
        return f"{SIGN_PLACE}{piece.key}:{piece.positive}:{piece.negative}"
    return f"{FIELD_PLACE}{piece.key}"


class PlaceEditor(QTextEdit):
    """The wording of a paragraph with each field place shown as the value typed (or its XX)
    on a tinted ground: one block, kept whole (the cursor steps over it, Backspace and Delete
    take it as a whole), so the place stays bound to its field. Tab moves the focus on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setAcceptRichText(False)
        self.original: tuple[Piece, ...] = ()
        self._model: ReportModel | None = None
        self.cursorPositionChanged.connect(self._keep_places_whole)

    def set_pieces(self, pieces: tuple[Piece, ...], model: ReportModel) -> None:
        """Show a paragraph's wording, its places filled from `model`."""
        self._model = model
        self.clear()
        cursor = self.textCursor()
        plain = QTextCharFormat()
        for piece in pieces:
            if isinstance(piece, str):
                cursor.insertText(piece, plain)
                continue
            checked = model.checked.get(piece.key)
            if isinstance(piece, SignRef):
                text = piece.word(is_negative(checked))
            elif isinstance(piece, ChangeRef):
                text = "".join(run.text for run in change_runs(piece, checked))
            else:
                text = field_run(piece, checked).text
            place = QTextCharFormat()
            place.setAnchor(True)
            place.setAnchorHref(place_name(piece))
            place.setBackground(PLACE_BACKGROUND)
            field = model.template.fields_by_key.get(piece.key)
            place.setToolTip(field.label if field is not None else piece.key)
            cursor.insertText(text, place)
        self.setCurrentCharFormat(plain)

    def pieces(self) -> tuple[Piece, ...]:
        """The wording as edited: the places kept, plain text read as markup (a 〔label〕
        typed by hand is a place too); lines joined into one paragraph."""
        model = self._model
        assert model is not None
        refs = {place_name(p): p for p in self.original if not isinstance(p, str)}
        result: list[Piece] = []
        previous_href = ""
        block = self.document().begin()
        while block.isValid():
            if block != self.document().begin():
                result.append(" ")
                previous_href = ""
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                href = fragment.charFormat().anchorHref() if fragment.isValid() else ""
                if href.startswith(PLACES):
                    if href != previous_href:  # one place, however its text was split
                        result.append(refs.get(href) or _place_from_name(href, model))
                elif fragment.isValid():
                    text = fragment.text()
                    result.extend(parse_markup(text, model.template, self.original) or (text,))
                previous_href = href
                iterator += 1
            block = block.next()
        return check_pieces(result, model.template)

    def _place_at(self, position: int) -> tuple[int, int] | None:
        """The span of the place the character at `position` belongs to, if any."""
        block = self.document().findBlock(position)
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            start = fragment.position()
            if start <= position < start + fragment.length():
                if fragment.charFormat().anchorHref().startswith(PLACES):
                    return start, start + fragment.length()
                return None
            iterator += 1
        return None

    def _keep_places_whole(self) -> None:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return
        position = cursor.position()
        span = self._place_at(position)
        if span is not None and span[0] < position:  # inside a place: go to its end
            cursor.setPosition(span[1])
            self.setTextCursor(cursor)
        # What is typed next to a place is wording, not part of the place.
        self.setCurrentCharFormat(QTextCharFormat())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection() and event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            position = cursor.position()
            at = position - 1 if event.key() == Qt.Key.Key_Backspace else position
            span = self._place_at(at) if at >= 0 else None
            if span is not None:
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
                return
        super().keyPressEvent(event)


def _place_from_name(href: str, model: ReportModel) -> Piece:
    kind, _colon, rest = href.partition(":")
    if kind == "change":
        key, positive, negative, zero, blank = (str(part) for part in json.loads(rest))
        return ChangeRef(key, positive, negative, zero, blank)
    if kind == "sign":
        key, positive, negative = rest.split(":", 2)
        return SignRef(key, positive, negative)
    return FieldRef(rest, model.template.field(rest).placeholder)


class WordingEditDialog(QDialog):
    """Reword one paragraph; each field place shows its value and stays bound."""

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
                "Change the wording for this report only. A field's value is shown on a tinted "
                "ground: keep it where the value should go (you may delete it, or type a field "
                "as 〔label〕)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        original_label = QLabel(self.tr("Template wording:"), self)
        layout.addWidget(original_label)
        # The template's wording, its places filled as in the editor below (read only).
        self.original = PlaceEditor(self)
        self.original.setObjectName("wording-original")
        self.original.setReadOnly(True)
        self.original.set_pieces(paragraph.spec.pieces, model)
        self.original.moveCursor(QTextCursor.MoveOperation.Start)
        self.original.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        original_label.setBuddy(self.original)
        layout.addWidget(self.original)
        edit_label = QLabel(self.tr("Wording in this report:"), self)
        layout.addWidget(edit_label)
        self.editor = PlaceEditor(self)
        self.editor.setObjectName("wording-text")
        current = paragraph.pieces if paragraph.pieces is not None else paragraph.spec.pieces
        self.editor.original = (*paragraph.spec.pieces, *current)
        self.editor.set_pieces(current, model)
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
        width, height = em * 60, em * 36
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 9 // 10)
            height = min(height, available.height() * 9 // 10)
        self.resize(width, height)
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)

    def accept_wording(self) -> None:
        """Check the new wording; close with it, or say what is wrong and stay open."""
        try:
            self.pieces = self.editor.pieces()
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
