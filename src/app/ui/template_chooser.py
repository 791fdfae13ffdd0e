"""文件 > 从模板新建: the templates the writer can start a report from.

Built-in templates, the writer's own (imported or edited, in the user folder) and those of an
office's shared, read-only folder (a network drive named by FANWEN_SHARED_TEMPLATES or chosen
here), each with its title and number of fields. A template that cannot be loaded is listed
apart, greyed, with the reason: it never stops the others from being offered.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.library import Library, load_library, shared_folder
from app.core.template import Origin, Template

ID_ROLE = Qt.ItemDataRole.UserRole


class ChooserChoice(Enum):
    """What the writer asked for in the chooser."""

    NEW_REPORT = "new"
    EDIT_FIELDS = "edit"
    IMPORT = "import"
    CANCEL = "cancel"


class TemplateChooser(QDialog):
    """Pick a template: start a report from it, edit its fields, or import a new one."""

    def __init__(self, parent: QWidget | None = None, shared: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template-chooser")
        self.choice = ChooserChoice.CANCEL
        self.shared = shared
        self.library: Library = Library({}, [])
        self.setWindowTitle(self.tr("New report from a template"))
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("template-list")
        self.tree.setHeaderLabels(
            [
                self.tr("Template"),
                self.tr("Fields", "column: how many fields a template has"),
                self.tr("Id"),
            ]
        )
        self.tree.setAccessibleName(self.tr("Templates"))
        self.tree.itemActivated.connect(lambda item, _column: self._activated(item))
        self.tree.currentItemChanged.connect(lambda *_args: self._update_buttons())
        layout.addWidget(self.tree, 1)
        self.shared_label = QLabel(self)
        self.shared_label.setObjectName("shared-folder")
        self.shared_label.setWordWrap(True)
        layout.addWidget(self.shared_label)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("From a &model text (范文)…"), self)
        self.edit_button = QPushButton(self.tr("Edit &fields…"), self)
        self.folder_button = QPushButton(self.tr("&Shared folder…"), self)
        row.addWidget(self.import_button)
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.folder_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(self)
        self.new_button = QPushButton(self.tr("&New report"), self)
        self.new_button.setDefault(True)
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.new_button.clicked.connect(lambda: self._finish(ChooserChoice.NEW_REPORT))
        self.edit_button.clicked.connect(lambda: self._finish(ChooserChoice.EDIT_FIELDS))
        self.import_button.clicked.connect(lambda: self._finish(ChooserChoice.IMPORT))
        self.folder_button.clicked.connect(self.choose_shared_folder)
        layout.addWidget(buttons)
        self.reload()
        em = self.fontMetrics().horizontalAdvance("中")
        self.resize(em * 52, em * 32)

    def reload(self) -> None:
        """Read the library again and list it."""
        self.library = load_library(self.shared)
        self.tree.clear()
        folder = self.shared or shared_folder()
        groups = {
            Origin.BUILTIN: self.tr("Built-in templates"),
            Origin.USER: self.tr("My templates"),
            Origin.SHARED: self.tr("Shared templates"),
        }
        first: QTreeWidgetItem | None = None
        for origin, title in groups.items():
            templates = [t for t in self.library.templates.values() if t.origin is origin]
            if origin is Origin.SHARED and folder is None:
                continue
            group = QTreeWidgetItem(self.tree, [title])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setExpanded(True)
            if not templates:
                empty = QTreeWidgetItem(group, [self.tr("(none yet)")])
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
            for template in sorted(templates, key=lambda t: t.title):
                item = QTreeWidgetItem(
                    group, [template.title, str(len(template.fields)), template.id]
                )
                item.setData(0, ID_ROLE, template.id)
                item.setToolTip(0, template.description or template.title)
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                first = first or item
        if self.library.broken:
            group = QTreeWidgetItem(self.tree, [self.tr("Templates that cannot be used")])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setExpanded(True)
            for broken in self.library.broken:
                item = QTreeWidgetItem(group, [broken.folder.name, "", broken.error])
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(0, broken.error)
                item.setToolTip(2, broken.error)
                item.setDisabled(True)
        self.shared_label.setText(
            self.tr("Shared folder: {folder}").format(folder=folder)
            if folder is not None
            else self.tr("No shared template folder is set.")
        )
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def selected_template(self) -> Template | None:
        """The template selected, or None."""
        item = self.tree.currentItem()
        template_id = item.data(0, ID_ROLE) if item is not None else None
        return self.library.templates.get(str(template_id)) if template_id else None

    def select(self, template_id: str) -> bool:
        """Select a template by id; False when it is not listed."""
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for child in range(group.childCount()):
                item = group.child(child)
                if item.data(0, ID_ROLE) == template_id:
                    self.tree.setCurrentItem(item)
                    return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.selected_template() is not None
        self.new_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen)

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, ID_ROLE):
            self._finish(ChooserChoice.NEW_REPORT)

    def _finish(self, choice: ChooserChoice) -> None:
        if choice is not ChooserChoice.IMPORT and self.selected_template() is None:
            return
        self.choice = choice
        self.accept()

    def choose_shared_folder(self) -> None:
        """Pick the shared template folder; the list follows."""
        folder = self.ask_folder()
        if folder is not None:
            self.shared = folder
            self.reload()

    def ask_folder(self) -> Path | None:
        """The system's folder dialog (tests replace this)."""
        start = str(self.shared or shared_folder() or Path.home())
        name = QFileDialog.getExistingDirectory(self, self.tr("Shared template folder"), start)
        return Path(name) if name else None
