"""The last step, 预览与导出: what is left to fill in, the format and the export button.

The list of formats comes from the core's `FORMATS` registry, so a format added there (docx,
pdf) appears here without a change to this page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.export import FORMATS
from app.core.i18n import _
from app.core.report import ReportModel, problem_labels
from app.ui import look
from app.ui.shortcut_keys import WindowShortcutsFirst

#: Encodings offered for txt, in the order shown.
TEXT_ENCODINGS = ("utf-8", "gb18030")
#: Formats whose files carry document properties (title, author).
WITH_PROPERTIES = ("docx", "pdf")


def format_description(name: str) -> str:
    """A format's description in the current language, with its file suffix."""
    export_format = FORMATS[name]
    return f"{_(export_format.description)} (*{export_format.suffix})"


class ExportPage(QWidget):
    """Summary, problems, format choice and the export button."""

    exportRequested = Signal(str)
    goToField = Signal(str)
    encodingChanged = Signal(str)
    authorChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step-export")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(10)
        self.title = QLabel(self)
        self.title.setObjectName("step-title")
        self.title.setContentsMargins(0, 0, 0, 4)
        look.set_font(self.title, look.STEP_TITLE_POINTS)  # as the form pages' titles
        look.set_text_color(self.title, look.GROUP_TITLE)
        layout.addWidget(self.title)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems_label = QLabel(self)
        layout.addWidget(self.problems_label)
        self.problems = QListWidget(self)
        self.problems.setObjectName("export-problems")
        self.problems.itemActivated.connect(self._go_to)
        layout.addWidget(self.problems, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.go_button = QPushButton(self)
        self.go_button.clicked.connect(lambda: self._go_to(self.problems.currentItem()))
        row.addWidget(self.go_button)
        layout.addLayout(row)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        formats_box = QWidget(self)
        formats_layout = QVBoxLayout(formats_box)
        formats_layout.setContentsMargins(0, 0, 0, 0)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for name in FORMATS:
            button = QRadioButton(formats_box)
            button.setObjectName(f"format-{name}")
            button.setProperty("format", name)
            self.format_group.addButton(button)
            self.format_buttons[name] = button
            formats_layout.addWidget(button)
        self.format_label = QLabel(self)
        form.addRow(self.format_label, formats_box)
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("txt-encoding")
        for encoding in TEXT_ENCODINGS:
            self.encoding.addItem("", encoding)
        self.encoding.currentIndexChanged.connect(
            lambda _index: self.encodingChanged.emit(self.encoding.currentData())
        )
        self.encoding_label = QLabel(self)
        self.encoding_label.setBuddy(self.encoding)
        form.addRow(self.encoding_label, self.encoding)
        self.author = QLineEdit(self)
        self.author.setObjectName("export-author")
        self.author.setMaxLength(200)
        self._shortcuts_first = WindowShortcutsFirst(self)
        self.author.installEventFilter(self._shortcuts_first)
        self.author.editingFinished.connect(lambda: self.authorChanged.emit(self.author_name()))
        self.author_label = QLabel(self)
        self.author_label.setBuddy(self.author)
        form.addRow(self.author_label, self.author)
        layout.addLayout(form)
        self.format_group.buttonToggled.connect(lambda *_args: self._update_encoding_enabled())

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("export-button")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(lambda: self.exportRequested.emit(self.format()))
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)
        # Below the button, what the list of problems leaves: all of it once there are none
        # (the page's parts then stay together at the top instead of spreading out).
        layout.addStretch(0)
        self._layout = layout
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(_("Preview and export"))
        self.problems_label.setText(self.tr("Still to do:"))
        self.go_button.setText(_("&Go to field"))
        self.format_label.setText(self.tr("Format:"))
        for name, button in self.format_buttons.items():
            button.setText(format_description(name))
        self.encoding_label.setText(self.tr("Text &encoding:"))
        self.encoding.setItemText(0, self.tr("UTF-8 with BOM (Notepad, WPS)"))
        self.encoding.setItemText(1, self.tr("GB18030 (older Chinese software)"))
        self.author_label.setText(self.tr("&Author:"))
        self.author.setPlaceholderText(self.tr("Written into the properties of DOCX and PDF files"))
        self.export_button.setText(_("&Export…"))

    def format(self) -> str:
        """The format chosen."""
        button = self.format_group.checkedButton()
        return str(button.property("format")) if button is not None else next(iter(FORMATS))

    def set_format(self, name: str) -> None:
        """Choose a format (unknown names choose the first)."""
        button = self.format_buttons.get(name) or next(iter(self.format_buttons.values()))
        button.setChecked(True)
        self._update_encoding_enabled()

    def set_encoding(self, encoding: str) -> None:
        """Choose the txt encoding."""
        index = self.encoding.findData(encoding)
        self.encoding.setCurrentIndex(max(index, 0))

    def set_author(self, name: str) -> None:
        """Show the author written into DOCX and PDF properties."""
        self.author.setText(name)

    def author_name(self) -> str:
        """The author as typed, without surrounding spaces."""
        return self.author.text().strip()

    def _update_encoding_enabled(self) -> None:
        is_text = self.format() == "txt"
        self.encoding.setEnabled(is_text)
        self.encoding_label.setEnabled(is_text)
        with_properties = self.format() in WITH_PROPERTIES
        self.author.setEnabled(with_properties)
        self.author_label.setEnabled(with_properties)

    def refresh(self, model: ReportModel) -> None:
        """Show what is left to do (called when the page is shown and while it is visible)."""
        filled, total, count = model.counts()
        if count:
            self.summary.setText(
                self.tr("{filled} of {total} fields filled; {count} problems.").format(
                    filled=filled, total=total, count=count
                )
            )
        else:
            self.summary.setText(
                self.tr("All {total} fields are filled in. The report is ready.").format(
                    total=total
                )
            )
        problems = model.problems()
        self.problems.clear()
        for problem, line in zip(problems, problem_labels(model, problems), strict=True):
            item = QListWidgetItem(line, self.problems)
            item.setData(Qt.ItemDataRole.UserRole, problem.keys[0])
        has_problems = bool(problems)
        self.problems.setVisible(has_problems)
        self.problems_label.setVisible(has_problems)
        self.go_button.setVisible(has_problems)
        self._layout.setStretch(self._layout.count() - 1, 0 if has_problems else 1)
        if has_problems:
            self.problems.setCurrentRow(0)

    def _go_to(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.goToField.emit(str(item.data(Qt.ItemDataRole.UserRole)))
