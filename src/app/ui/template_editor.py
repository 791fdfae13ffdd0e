"""The field editor: a template's fields as the writer wants them, with a live preview.

Opened on an imported 范文 (the importer's proposal) or on any template of the library. The
writer renames labels, changes kinds and units, marks fields required or not, reorders them
within a section, merges fields that are the same thing and splits one that is not (an entity
the importer took for one, ××县 in five places), or says a place is not a placeholder at all.
The preview on the right shows the template as it stands, each field place marked; clicking one
selects its field. Beside the field's details, a tab holds the rules between fields
(`app.ui.template_rules`). Saving writes an ordinary template folder into the user's templates
(`TemplateEditor.save`); a built-in or shared template is saved as a copy under a new id.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QUrl
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import FanwenError, TemplateError
from app.core.importer import ImportPlan, suggest_id
from app.core.kinds import FieldKind
from app.core.report import ReportModel
from app.core.template import Origin
from app.core.template_edit import TemplateEditor
from app.ui.change_wording import ChangeWording
from app.ui.preview import FIELD_SCHEME, document_html
from app.ui.template_rules import RulesPart

KEY_ROLE = Qt.ItemDataRole.UserRole


def kind_names() -> dict[FieldKind, str]:
    """The field kinds as the writer reads them."""
    translate = QCoreApplication.translate
    return {
        FieldKind.TEXT: translate("FieldEditor", "Text"),
        FieldKind.INTEGER: translate("FieldEditor", "Whole number"),
        FieldKind.DECIMAL: translate("FieldEditor", "Decimal number"),
        FieldKind.PERCENT: translate("FieldEditor", "Percentage"),
        FieldKind.YEAR: translate("FieldEditor", "Year"),
        FieldKind.MONTH: translate("FieldEditor", "Month"),
        FieldKind.DAY: translate("FieldEditor", "Day of the month"),
    }


class FieldEditor(QDialog):
    """Edit a template's fields; `saved` is the folder written, once saved."""

    def __init__(
        self,
        editor: TemplateEditor,
        parent: QWidget | None = None,
        plan: ImportPlan | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("field-editor")
        self.editor = editor
        self.plan = plan
        self.saved: Path | None = None
        source = editor.source
        #: Saving over the template's own folder is allowed only for the writer's own template.
        self.own_id = source.id if source is not None and source.origin is Origin.USER else None
        if source is not None and source.origin is not Origin.USER:
            editor.template_id = suggest_id(f"{source.id}-mine")
        self.setWindowTitle(self.tr("Template fields"))
        self._build()
        self.refresh_tree()
        self.refresh_preview()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        header = QFormLayout()
        self.title_edit = QLineEdit(self.editor.title, self)
        self.title_edit.setObjectName("template-title")
        self.id_edit = QLineEdit(self.editor.template_id, self)
        self.id_edit.setObjectName("template-id")
        self.id_edit.setToolTip(
            self.tr("Lower-case letters, digits, - and _; the name of the template's folder.")
        )
        header.addRow(self.tr("&Title:"), self.title_edit)
        header.addRow(self.tr("Template &id:"), self.id_edit)
        layout.addLayout(header)

        self.notice = QLabel(self)
        self.notice.setObjectName("editor-notice")
        self.notice.setWordWrap(True)
        layout.addWidget(self.notice)
        notes = []
        if self.plan is not None:
            if self.plan.entities:
                notes.append(
                    self.tr(
                        "Fields marked “×N” stand for the same thing in N places (such as ××县); "
                        "if they are not the same, select the field and choose Split."
                    )
                )
            kept = [s for s in self.plan.suspects if not s.as_blank]
            if kept:
                notes.append(
                    self.tr(
                        "{count} runs that look like blanks (such as {example}) are kept as "
                        "written; to make one a field, import again and choose “A blank (make "
                        "it a field)”."
                    ).format(count=len(kept), example=kept[0].context)
                )
            notes.extend(self.plan.warnings)
        self.notice.setText("\n".join(notes))
        self.notice.setVisible(bool(notes))

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(left)
        self.tree.setObjectName("field-tree")
        self.tree.setHeaderLabels(
            [self.tr("Field"), self.tr("Kind"), self.tr("Unit"), self.tr("Places")]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAccessibleName(self.tr("Fields"))
        self.tree.itemSelectionChanged.connect(self._on_selection)
        left_layout.addWidget(self.tree, 1)
        moves = QHBoxLayout()
        self.up_button = QPushButton(self.tr("Move &up"), left)
        self.down_button = QPushButton(self.tr("Move &down"), left)
        self.merge_button = QPushButton(self.tr("&Merge selected"), left)
        self.split_button = QPushButton(self.tr("S&plit"), left)
        for button in (self.up_button, self.down_button, self.merge_button, self.split_button):
            moves.addWidget(button)
        left_layout.addLayout(moves)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.merge_button.clicked.connect(self.merge_selected)
        self.split_button.clicked.connect(self.split_current)

        # The list has the dialog's whole height (47 fields on a 1366×768 screen); the selected
        # field's details and the preview share the other column.
        right = QSplitter(Qt.Orientation.Vertical, splitter)
        right.setChildrenCollapsible(False)
        self.details = QWidget(right)  # the "Field" tab
        grid = QGridLayout(self.details)
        self.label_edit = QLineEdit(self.details)
        self.label_edit.setObjectName("field-label")
        self.kind_box = QComboBox(self.details)
        self.kind_box.setObjectName("field-kind")
        for kind, name in kind_names().items():
            self.kind_box.addItem(name, kind.value)
        self.unit_edit = QLineEdit(self.details)
        self.unit_edit.setObjectName("field-unit")
        self.required_box = QCheckBox(self.tr("&Required"), self.details)
        self.required_box.setObjectName("field-required")
        self.formula_edit = QLineEdit(self.details)
        self.formula_edit.setObjectName("field-formula")
        self.formula_edit.setPlaceholderText(
            self.tr("e.g. problems_rectified / problems_found * 100")
        )
        self.formula_edit.setToolTip(
            self.tr(
                'Computed from other number fields (their keys, + - * /, prev("key") for the '
                "previous period); empty: typed by the writer."
            )
        )
        self.places = QListWidget(self.details)
        self.places.setObjectName("field-places")
        self.places.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.places.setAccessibleName(self.tr("Places in the text"))
        self.detach_button = QPushButton(self.tr("Own &field for this place"), self.details)
        self.unmark_button = QPushButton(self.tr("&Not a placeholder"), self.details)
        label_caption = QLabel(self.tr("&Label:"), self.details)
        label_caption.setBuddy(self.label_edit)
        kind_caption = QLabel(self.tr("&Kind:"), self.details)
        kind_caption.setBuddy(self.kind_box)
        unit_caption = QLabel(self.tr("U&nit:"), self.details)
        unit_caption.setBuddy(self.unit_edit)
        grid.addWidget(label_caption, 0, 0)
        grid.addWidget(self.label_edit, 0, 1, 1, 3)
        grid.addWidget(kind_caption, 1, 0)
        grid.addWidget(self.kind_box, 1, 1)
        grid.addWidget(unit_caption, 1, 2)
        grid.addWidget(self.unit_edit, 1, 3)
        grid.addWidget(self.required_box, 2, 1)
        formula_caption = QLabel(self.tr("&Formula:"), self.details)
        formula_caption.setBuddy(self.formula_edit)
        grid.addWidget(formula_caption, 3, 0)
        grid.addWidget(self.formula_edit, 3, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Places in the text:"), self.details), 4, 0, 1, 4)
        grid.addWidget(self.places, 5, 0, 1, 4)
        grid.addWidget(self.detach_button, 6, 0, 1, 2)
        grid.addWidget(self.unmark_button, 6, 2, 1, 2)
        self.change_wording = ChangeWording(self.editor, self.details)
        self.change_wording.changed.connect(lambda key: self._changed([key]))
        self.change_wording.failed.connect(lambda text: self.message.setText(text))
        grid.addWidget(self.change_wording, 7, 0, 1, 4)
        grid.setRowStretch(8, 1)  # the tab may be taller than the details: room below them
        self.label_edit.textEdited.connect(self._on_label)
        self.kind_box.activated.connect(self._on_kind)
        self.unit_edit.textEdited.connect(self._on_unit)
        self.required_box.toggled.connect(self._on_required)
        self.formula_edit.editingFinished.connect(self._on_formula)
        self.detach_button.clicked.connect(self.detach_place)
        self.unmark_button.clicked.connect(self.unmark_place)

        preview_part = QWidget(right)
        right_layout = QVBoxLayout(preview_part)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Preview of the template:"), preview_part))
        self.preview = QTextBrowser(preview_part)
        self.preview.setObjectName("template-preview")
        self.preview.setOpenLinks(False)
        self.preview.anchorClicked.connect(self._on_anchor)
        right_layout.addWidget(self.preview, 1)
        self.parts = QTabWidget(right)  # the selected field, or the rules between fields
        self.parts.addTab(self.details, self.tr("Field"))
        self.rules_part = RulesPart(self.editor, self.parts, self.current_key)
        self.rules_part.changed.connect(self.refresh_preview)
        self.rules_part.fieldChosen.connect(self.show_field)
        self.parts.addTab(self.rules_part, self.tr("Rules between fields"))
        right.addWidget(self.parts)
        right.addWidget(preview_part)
        right.setStretchFactor(0, 0)
        right.setStretchFactor(1, 1)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.message = QLabel(self)
        self.message.setObjectName("editor-message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setSizeGripEnabled(True)
        self._restore_size()

    def _restore_size(self) -> None:
        """The size the writer left it at, or one that fits the screen (a 1366×768 laptop)."""
        from app.ui.settings import FIELD_EDITOR_GEOMETRY, Settings

        self._settings = Settings()
        geometry = self._settings.get(FIELD_EDITOR_GEOMETRY)
        if not geometry.isEmpty() and self.restoreGeometry(geometry):
            return
        em = self.fontMetrics().horizontalAdvance("中")
        width, height = em * 90, em * 52
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() * 9 // 10)
            height = min(height, available.height() * 9 // 10)
        self.resize(width, height)

    def done(self, result: int) -> None:
        from app.ui.settings import FIELD_EDITOR_GEOMETRY

        self._settings.set(FIELD_EDITOR_GEOMETRY, self.saveGeometry())
        self._settings.sync()
        super().done(result)

    # ------------------------------------------------------------------ showing

    def refresh_tree(self, select: list[str] | None = None) -> None:
        """List the fields by section (keeping or setting the selection)."""
        keep = select if select is not None else self.selected_keys()
        names = kind_names()
        with QSignalBlocker(self.tree):
            self.tree.clear()
            for section in self.editor.sections:
                fields = self.editor.section_fields(section.id)
                if not fields:
                    continue
                group = QTreeWidgetItem(self.tree, [section.label])
                group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                group.setExpanded(True)
                for field in fields:
                    count = len(self.editor.places(field.key))
                    places = f"×{count}" if count > 1 else "1"
                    item = QTreeWidgetItem(
                        group, [field.label, names[field.kind], field.unit, places]
                    )
                    item.setData(0, KEY_ROLE, field.key)
                    item.setToolTip(0, field.hint or field.label)
                    if field.key in keep:
                        item.setSelected(True)
                        self.tree.setCurrentItem(item)
            self.tree.resizeColumnToContents(0)
        self._on_selection()

    def refresh_preview(self) -> bool:
        """Show the template as it stands; a problem is said under the editor. True if valid."""
        try:
            template = self.editor.to_template()
            document = ReportModel(template).document
        except FanwenError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText("")
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        indent = self.preview.fontMetrics().horizontalAdvance("中中")
        self.preview.setHtml(document_html(document, indent, self.current_key()))
        bar.setValue(position)
        return True

    def item_for(self, key: str) -> QTreeWidgetItem | None:
        """The tree item of a field."""
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                if item.data(0, KEY_ROLE) == key:
                    return item
        return None

    def selected_keys(self) -> list[str]:
        """Keys of the selected fields, in list order."""
        keys = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                if item.isSelected():
                    keys.append(str(item.data(0, KEY_ROLE)))
        return keys

    def current_key(self) -> str | None:
        """The field whose details are shown."""
        item = self.tree.currentItem()
        key = item.data(0, KEY_ROLE) if item is not None else None
        return str(key) if key else None

    def select(self, key: str) -> None:
        """Select one field and show its details."""
        self.tree.clearSelection()
        item = self.item_for(key)
        if item is not None:
            item.setSelected(True)
            self.tree.setCurrentItem(item)

    def _on_selection(self) -> None:
        key = self.current_key()
        selected = self.selected_keys()
        if key not in selected:
            key = selected[0] if selected else None
        self.details.setEnabled(key is not None)
        self.merge_button.setEnabled(len(selected) > 1)
        has_places = key is not None and len(self.editor.places(key)) > 1
        self.split_button.setEnabled(has_places)
        self.up_button.setEnabled(key is not None)
        self.down_button.setEnabled(key is not None)
        self.change_wording.show_field(key)
        with (
            QSignalBlocker(self.label_edit),
            QSignalBlocker(self.kind_box),
            QSignalBlocker(self.unit_edit),
            QSignalBlocker(self.required_box),
            QSignalBlocker(self.formula_edit),
        ):
            self.places.clear()
            if key is None:
                self.label_edit.clear()
                self.unit_edit.clear()
                self.formula_edit.clear()
                return
            field = self.editor.field(key)
            self.label_edit.setText(field.label)
            self.kind_box.setCurrentIndex(self.kind_box.findData(field.kind.value))
            self.unit_edit.setText(field.unit)
            self.required_box.setChecked(field.required)
            self.formula_edit.setText(str(field.settings.get("formula", "")))
            self.formula_edit.setEnabled(field.kind.is_number)
            self.places.addItems(self.editor.contexts(key))
            if self.places.count():
                self.places.setCurrentRow(0)
        self.detach_button.setEnabled(has_places)
        self.unmark_button.setEnabled(self.places.count() > 0)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme() == FIELD_SCHEME and url.path():
            self.show_field(url.path())

    def show_field(self, key: str) -> None:
        """Select a field and mark its places in the preview."""
        self.select(key)
        self.refresh_preview()

    # ------------------------------------------------------------------ changes

    def _changed(self, select: list[str] | None = None) -> None:
        self.refresh_tree(select)
        self.refresh_preview()
        self._show_notes()  # a rule removed with its field is said
        self.rules_part.refresh()

    def _on_label(self, text: str) -> None:
        key = self.current_key()
        if key is None or not text.strip():
            return
        self.editor.set_label(key, text)
        item = self.item_for(key)
        if item is not None:
            item.setText(0, text.strip())
        self.rules_part.refresh()  # the rules name fields by their labels

    def _on_kind(self, index: int) -> None:
        key = self.current_key()
        if key is None:
            return
        self.editor.set_kind(key, FieldKind(self.kind_box.itemData(index)))
        self._show_notes()
        self._changed([key])

    def _on_unit(self, text: str) -> None:
        key = self.current_key()
        if key is not None:
            self.editor.set_unit(key, text)
            item = self.item_for(key)
            if item is not None:
                item.setText(2, text.strip())

    def _on_formula(self) -> None:
        key = self.current_key()
        if key is None:
            return
        try:
            self.editor.set_formula(key, self.formula_edit.text())
        except FanwenError as exc:
            self.message.setText(str(exc))  # the field keeps the formula it had
            return
        self._changed([key])

    def _on_required(self, checked: bool) -> None:
        key = self.current_key()
        if key is not None:
            self.editor.set_required(key, checked)

    def move(self, offset: int) -> None:
        """Move the current field up or down within its section."""
        key = self.current_key()
        if key is not None and self.editor.move(key, offset):
            self._changed([key])

    def merge_selected(self) -> None:
        """Make the selected fields one (the first keeps its label)."""
        keys = self.selected_keys()
        if len(keys) < 2:
            return
        kept = self.editor.merge(keys)
        self._show_notes()
        self._changed([kept])

    def split_current(self) -> None:
        """Give each place of the current field its own field."""
        key = self.current_key()
        if key is None:
            return
        keys = self.editor.split(key)
        self._changed(keys)

    def detach_place(self) -> None:
        """Give the place selected in the list its own field."""
        key = self.current_key()
        row = self.places.currentRow()
        if key is None or row < 0:
            return
        new_key = self.editor.detach(key, row)
        self._changed([new_key])

    def unmark_place(self) -> None:
        """The place selected in the list is ordinary wording, not a placeholder."""
        key = self.current_key()
        row = self.places.currentRow()
        if key is None or row < 0:
            return
        self.editor.unmark(key, row)
        self._changed([key] if self.editor.has_field(key) else [])

    def _show_notes(self) -> None:
        if self.editor.notes:
            self.notice.setText("\n".join([self.notice.text(), *self.editor.notes]).strip())
            self.notice.setVisible(True)
            self.editor.notes.clear()

    # ------------------------------------------------------------------ saving

    def save(self) -> None:
        """Write the template folder; a problem is said and the dialog stays open."""
        self.editor.title = self.title_edit.text().strip() or self.editor.title
        self.editor.template_id = self.id_edit.text().strip()
        overwrite = self.own_id is not None and self.editor.template_id == self.own_id
        try:
            self.saved = self.editor.save(overwrite=overwrite)
        except TemplateError as exc:
            self.message.setText(str(exc))
            self.show_error(str(exc))
            return
        self.accept()

    def show_error(self, message: str) -> None:
        """Say why the template was not saved (tests replace this)."""
        QMessageBox.warning(self, self.tr("The template was not saved"), message)
