"""The 规则 part of the field editor: the template's rules between fields, in words.

Each rule is listed as the writer reads it ("已整改到位问题数 不能多于 专项检查查摆问题数"),
with, when the editor is on the open report's template, whether it holds for the report's values
now ("目前：不符合（5 > 3）"). Below the list the selected rule is a sentence of choices: field
A by its label, a relation, field B or a fixed number (for a date: the month, the day and the
year), then the message the writer sees and whether it only warns. Every choice is applied at
once (`app.core.rule_edit` checks it), and only what can make a rule is offered: number fields
of comparable kinds, never a field with itself. A rule written by hand as a longer expression
can have its message changed or be deleted.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core import rule_edit
from app.core.kinds import DEFAULT_BOUNDS, FieldKind
from app.core.rule_edit import Relation, RuleChoice, RuleEditError, RuleState
from app.core.rules import Severity
from app.core.template_edit import FieldDraft, TemplateEditor
from app.ui import look

# The relation's item data for "a fixed number" in the list of what A is compared with.
FIXED_NUMBER = ""


class RulesPart(QWidget):
    """The rules of the template being edited; `changed` when one was added, changed or
    removed (the editor checks the template again), `fieldChosen` with the first field of the
    rule selected (the editor shows where it is)."""

    changed = Signal()
    fieldChosen = Signal(str)

    def __init__(
        self,
        editor: TemplateEditor,
        parent: QWidget | None = None,
        current_field: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rules-part")
        self.editor = editor
        self.current_field = current_field or (lambda: None)
        # Whether the message in the form is the one the editor wrote (it then follows the
        # choices); once the writer changes it, it is theirs.
        self._message_is_default = False
        self._build()
        self.refresh()

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.rule_list = _RuleList(self)
        self.rule_list.setObjectName("rule-list")
        self.rule_list.setRootIsDecorated(False)
        self.rule_list.setAccessibleName(self.tr("Rules"))
        self.rule_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rule_list.setWordWrap(True)  # a rule is a sentence: all of it is read
        self.rule_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.rule_list.setHeaderLabels([self.tr("Rule"), self.tr("Now")])
        header = self.rule_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.rule_list.viewport().installEventFilter(self)  # rows fit the width it has
        self.rule_list.setColumnHidden(1, self.editor.report_values is None)
        self.rule_list.currentItemChanged.connect(lambda *_: self._on_current())
        layout.addWidget(self.rule_list, 1)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add a rule"), self)
        self.add_button.setObjectName("add-rule")
        self.remove_button = QPushButton(self.tr("D&elete the rule"), self)
        self.remove_button.setObjectName("remove-rule")
        self.add_button.clicked.connect(self.add_rule)
        self.remove_button.clicked.connect(self.remove_rule)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.form = QWidget(self)
        grid = QGridLayout(self.form)
        grid.setContentsMargins(0, 0, 0, 0)
        sentence = QHBoxLayout()
        self.first_box = self._combo("rule-first", self.tr("Field A"))
        self.relation_box = self._combo("rule-relation", self.tr("Relation"))
        self.second_box = self._combo("rule-second", self.tr("Compared with"))
        self.number_edit = QLineEdit(self.form)
        self.number_edit.setObjectName("rule-number")
        self.number_edit.setAccessibleName(self.tr("Number"))
        self.number_edit.setPlaceholderText(self.tr("number"))
        self.year_box = self._combo("rule-year", self.tr("Year of the date"))
        self.expression_label = QLabel(self.form)
        self.expression_label.setObjectName("rule-expression")
        self.expression_label.setWordWrap(True)
        # The rule reads as a sentence over two lines: "A 不能多于 / B" or "A 不能多于 / 数值".
        sentence.addWidget(self.first_box, 3)
        sentence.addWidget(self.relation_box, 2)
        sentence.addWidget(self.expression_label, 1)
        grid.addLayout(sentence, 0, 0, 1, 2)
        other = QHBoxLayout()
        other.addWidget(self.second_box, 3)
        other.addWidget(self.number_edit, 1)
        other.addWidget(self.year_box, 2)
        grid.addLayout(other, 1, 0, 1, 2)
        self.message_edit = QLineEdit(self.form)
        self.message_edit.setObjectName("rule-message")
        self.message_edit.setToolTip(
            self.tr(
                "Shown at the fields when the rule does not hold; a field name in braces shows its value."
            )
        )
        message_caption = QLabel(self.tr("&Message:"), self.form)
        message_caption.setBuddy(self.message_edit)
        grid.addWidget(message_caption, 2, 0)
        grid.addWidget(self.message_edit, 2, 1)
        self.warning_box = QCheckBox(self.tr("Only &warn (does not stop the export)"), self.form)
        self.warning_box.setObjectName("rule-warning")
        self.now_label = QLabel(self.form)
        self.now_label.setObjectName("rule-now")
        status = QHBoxLayout()
        status.addWidget(self.warning_box)
        status.addStretch(1)
        status.addWidget(self.now_label)
        grid.addLayout(status, 3, 0, 1, 2)
        self.problem = QLabel(self.form)
        self.problem.setObjectName("rule-problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        look.set_text_color(self.problem, look.LEVEL_TEXT["error"])
        grid.addWidget(self.problem, 4, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        layout.addWidget(self.form)

        self.first_box.activated.connect(lambda: self._on_choice(first_changed=True))
        self.relation_box.activated.connect(lambda: self._on_choice())
        self.second_box.activated.connect(lambda: self._on_choice())
        self.year_box.activated.connect(lambda: self._on_choice())
        self.number_edit.textEdited.connect(lambda: self._on_choice())
        self.warning_box.toggled.connect(lambda: self._on_choice())
        self.message_edit.textEdited.connect(self._on_message)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        box = QComboBox(self.form)
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        return box

    # ------------------------------------------------------------------ showing

    def names(self) -> dict[str, str]:
        """The fields' names as the rules show them."""
        return rule_edit.field_names(self.editor.fields, self.editor.sections)

    def current_index(self) -> int:
        """The selected rule's place in the editor's rules (-1 when none)."""
        item = self.rule_list.currentItem()
        return self.rule_list.indexOfTopLevelItem(item) if item is not None else -1

    def refresh(self, select: int | None = None) -> None:
        """List the rules again (the fields or their labels changed, or a rule did)."""
        row = self.current_index() if select is None else select
        names = self.names()
        with QSignalBlocker(self.rule_list):
            self.rule_list.clear()
            for item in self.editor.rules:
                entry = QTreeWidgetItem(self.rule_list, ["", ""])
                self._show_rule(entry, item, names)
            self._fit_rows()
            count = self.rule_list.topLevelItemCount()
            if count:
                self.rule_list.setCurrentItem(
                    self.rule_list.topLevelItem(min(max(row, 0), count - 1))
                )
        self.add_button.setEnabled(any(f.kind.is_number for f in self.editor.fields))
        self.add_button.setToolTip(
            "" if self.add_button.isEnabled() else self.tr("The template has no number field.")
        )
        self._on_current(emit=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.rule_list.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_rows)  # once the columns have their new widths
        return False

    def _fit_rows(self) -> None:
        """Give each rule the height of its wrapped sentence (a tree view sizes its rows as if
        its column were as wide as the text: a long rule would be cut off)."""
        width = self.rule_list.header().sectionSize(0) - 8
        metrics = self.rule_list.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        for index in range(self.rule_list.topLevelItemCount()):
            item = self.rule_list.topLevelItem(index)
            height = metrics.boundingRect(
                0, 0, max(width, 40), 10_000, flags, item.text(0)
            ).height()
            item.setSizeHint(0, QSize(max(width, 40), height + 4))

    def _show_rule(
        self, entry: QTreeWidgetItem, item: dict[str, object], names: dict[str, str]
    ) -> None:
        words = rule_edit.describe(item, names)
        if item.get("severity") == Severity.WARNING.value:
            words = self.tr("{rule} (only a warning)").format(rule=words)
        entry.setText(0, words)
        message = item.get("message")
        if isinstance(message, str):
            keys = rule_edit.rule_keys(item)
            entry.setToolTip(0, rule_edit.message_for_writer(message, keys, names))
        text, level = self.status(item)
        entry.setText(1, text)
        entry.setForeground(1, look.LEVEL_TEXT.get(level, look.HINT))

    def status(self, item: dict[str, object]) -> tuple[str, str]:
        """Whether a rule holds for the open report's values, in words, and its level
        ("ok", "error", "" for not yet)."""
        values = self.editor.report_values
        state, detail = rule_edit.rule_status(item, self.editor.fields, values or {})
        if state is RuleState.BROKEN:
            return self.tr("Cannot be checked: {reason}").format(reason=detail), "error"
        if values is None:
            return "", ""
        if state is RuleState.HOLDS:
            return self.tr("Now: holds"), "ok"
        if state is RuleState.FAILS:
            if detail:
                return self.tr("Now: does not hold ({values})").format(values=detail), "error"
            return self.tr("Now: does not hold"), "error"
        return self.tr("Now: not filled in yet"), ""

    def _on_current(self, emit: bool = True) -> None:
        index = self.current_index()
        self.remove_button.setEnabled(index >= 0)
        self.form.setEnabled(index >= 0)
        self.say_problem("")
        if index < 0:
            self._load(None)
            return
        item = self.editor.rules[index]
        self._load(item)
        choice = rule_edit.read_choice(item)
        keys = (choice.first,) if choice is not None else rule_edit.rule_keys(item)
        if emit and keys and self.editor.has_field(keys[0]):
            self.fieldChosen.emit(keys[0])  # field A (a date's month), shown in the preview

    def _load(self, item: dict[str, object] | None) -> None:
        """Show a rule in the form (or an empty form)."""
        names = self.names()
        choice = rule_edit.read_choice(item) if item is not None else None
        if choice is not None and not all(key in names for key in choice.keys):
            choice = None  # shown in words, to be deleted or fixed in the file
        widgets = (
            self.first_box,
            self.relation_box,
            self.second_box,
            self.number_edit,
            self.year_box,
            self.message_edit,
            self.warning_box,
        )
        blockers = [QSignalBlocker(w) for w in widgets]
        try:
            for box in (self.first_box, self.relation_box, self.second_box, self.year_box):
                box.clear()
            self.number_edit.clear()
            message = item.get("message") if item is not None else ""
            message = message if isinstance(message, str) else ""
            keys = rule_edit.rule_keys(item) if item is not None else ()
            self.message_edit.setText(rule_edit.message_for_writer(message, keys, names))
            self.warning_box.setChecked(
                item is not None and item.get("severity") == Severity.WARNING.value
            )
            self._message_is_default = choice is not None and message == rule_edit.default_message(
                choice, names
            )
            if choice is not None:
                self._fill(choice)
                try:  # a field's kind changed since: the rule is shown as it is, and why not
                    rule_edit.check_choice(choice, self.editor.fields)
                except RuleEditError as exc:
                    self.say_problem(str(exc))
        finally:
            del blockers
        formula = item is not None and choice is None
        for widget in (self.first_box, self.relation_box, self.second_box):
            widget.setVisible(not formula)
        if formula:
            self.number_edit.setVisible(False)
            self.year_box.setVisible(False)
        self.expression_label.setVisible(formula)
        if formula and item is not None:
            self.expression_label.setText(
                self.tr(
                    "{rule} (written as a formula in the template: only its message can be "
                    "changed here)"
                ).format(rule=rule_edit.describe(item, names))
            )
        self._show_now(item)

    def _fill(self, choice: RuleChoice) -> None:
        """Offer what can be chosen around `choice` and select it (signals are blocked)."""
        names = self.names()
        fields = self.editor.fields
        numbers = [f.key for f in fields if f.kind.is_number]
        for key in numbers:
            self.first_box.addItem(names[key], key)
        self.first_box.setCurrentIndex(self.first_box.findData(choice.first))
        relations = rule_edit.relations_for(fields, choice.first)
        for relation in relations:
            self.relation_box.addItem(rule_edit.relation_words(relation), relation.value)
        self.relation_box.setCurrentIndex(self.relation_box.findData(choice.relation.value))
        dated = choice.relation is Relation.DATE
        if dated:
            days = rule_edit.date_choices(fields, FieldKind.DAY)
            for key in dict.fromkeys([*days, choice.second or ""]):
                if key in names:
                    self.second_box.addItem(names[key], key)
            self.year_box.addItem(self.tr("in any year"), None)
            for key in dict.fromkeys([*rule_edit.date_choices(fields, FieldKind.YEAR)]):
                self.year_box.addItem(self.tr("in the year {name}").format(name=names[key]), key)
            if choice.year is not None and self.year_box.findData(choice.year) < 0:
                self.year_box.addItem(names.get(choice.year, choice.year), choice.year)
            self.year_box.setCurrentIndex(max(self.year_box.findData(choice.year), 0))
        else:
            offered = rule_edit.second_choices(fields, choice.first)
            if choice.second is not None and choice.second not in offered:
                offered.append(choice.second)  # no longer comparable: said under the form
            for key in offered:
                self.second_box.addItem(names[key], key)
            self.second_box.addItem(self.tr("a fixed number"), FIXED_NUMBER)
        self.second_box.setCurrentIndex(
            max(self.second_box.findData(choice.second or FIXED_NUMBER), 0)
        )
        fixed = not dated and choice.second is None
        if fixed and choice.number is not None:
            self.number_edit.setText(rule_edit.number_text(choice.number))
        self.number_edit.setVisible(fixed)
        self.year_box.setVisible(dated)

    def say_problem(self, text: str) -> None:
        """Say why the form's last change was not made ("" when it was)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _show_now(self, item: dict[str, object] | None) -> None:
        text, level = self.status(item) if item is not None else ("", "")
        self.now_label.setText(text)
        look.set_text_color(self.now_label, look.LEVEL_TEXT.get(level, look.HINT))

    # ------------------------------------------------------------------ changes

    def _form_choice(self, first_changed: bool) -> RuleChoice:
        """The choice the form shows; what no longer fits after field A changed is chosen
        afresh (the day that goes with a month, another field of a comparable kind)."""
        fields = self.editor.fields
        first = str(self.first_box.currentData())
        relation = Relation(self.relation_box.currentData() or Relation.AT_MOST.value)
        if relation not in rule_edit.relations_for(fields, first):
            relation = Relation.AT_MOST
        second = self.second_box.currentData()
        if relation is Relation.DATE:
            days = rule_edit.date_choices(fields, FieldKind.DAY)
            if first_changed or second not in days:
                pair = self.editor.field(first).pair
                second = pair if pair in days else days[0]
            year = self.year_box.currentData() if self.year_box.count() else None
            return RuleChoice(relation, first, str(second), year=year)
        candidates = rule_edit.second_choices(fields, first)
        if second != FIXED_NUMBER and second not in candidates:
            second = _nearest(first, candidates, fields) or FIXED_NUMBER
        if second == FIXED_NUMBER:
            field = self.editor.field(first)
            try:
                number = rule_edit.parse_number(self.number_edit.text(), field)
            except RuleEditError:
                if not first_changed:
                    raise
                # the number typed for the field before does not fit this one (13 for a month)
                nearest = _nearest(first, candidates, fields)
                if nearest is not None:
                    return RuleChoice(relation, first, nearest)
                number = field.minimum or DEFAULT_BOUNDS[field.kind][0] or Decimal(0)
            return RuleChoice(relation, first, number=number)
        return RuleChoice(relation, first, str(second))

    def _on_choice(self, first_changed: bool = False) -> None:
        index = self.current_index()
        if index < 0:
            return
        item = self.editor.rules[index]
        names = self.names()
        severity = Severity.WARNING if self.warning_box.isChecked() else Severity.ERROR
        stored = rule_edit.read_choice(item)
        if first_changed and stored is not None and stored.number is not None:
            self.number_edit.setText(rule_edit.number_text(stored.number))  # not a half-typed one
        try:
            if rule_edit.read_choice(item) is None:  # a formula: its message and severity
                message = rule_edit.message_from_writer(
                    self.message_edit.text(), rule_edit.rule_keys(item), names
                )
                item = rule_edit.set_message(self.editor.rules, index, message, severity)
            else:
                choice = self._form_choice(first_changed)
                if self._message_is_default:
                    message = rule_edit.default_message(choice, names)
                else:
                    message = rule_edit.message_from_writer(
                        self.message_edit.text(), choice.keys, names
                    )
                item = rule_edit.set_rule(
                    self.editor.rules, self.editor.fields, index, choice, message, severity
                )
        except RuleEditError as exc:
            self.say_problem(str(exc))  # the rule stays as it was
            self._show_now(self.editor.rules[index])
            return
        self.say_problem("")
        number = self.number_edit.text()
        self._load(item)
        if self.number_edit.isVisible() and number:
            self.number_edit.setText(number)  # as the writer is typing it
        self._show_rule(self.rule_list.topLevelItem(index), item, names)
        self._fit_rows()
        self.changed.emit()

    def _on_message(self, text: str) -> None:
        index = self.current_index()
        if index < 0:
            return
        item = self.editor.rules[index]
        names = self.names()
        keys = rule_edit.rule_keys(item)
        try:
            message = rule_edit.message_from_writer(text, keys, names)
        except RuleEditError as exc:
            self.say_problem(str(exc))
            return
        self.say_problem("")
        choice = rule_edit.read_choice(item)
        self._message_is_default = choice is not None and message == rule_edit.default_message(
            choice, names
        )
        item["message"] = message
        entry = self.rule_list.topLevelItem(index)
        entry.setToolTip(0, rule_edit.message_for_writer(message, keys, names))

    def add_rule(self) -> None:
        """Add a rule between the current field (or the first number field) and the nearest
        field of a comparable kind; it is selected for the writer to adjust."""
        fields = self.editor.fields
        numbers = [f.key for f in fields if f.kind.is_number]
        if not numbers:
            return
        current = self.current_field()
        starts = ([current] if current in numbers else []) + numbers
        first = next((k for k in starts if rule_edit.second_choices(fields, k)), starts[0])
        second = _nearest(first, rule_edit.second_choices(fields, first), fields)
        if second is not None:
            choice = RuleChoice(Relation.AT_MOST, first, second)
        else:
            number = self.editor.field(first).maximum or self.editor.field(first).minimum
            choice = RuleChoice(Relation.AT_MOST, first, number=number or Decimal(0))
        try:
            rule_edit.add_rule(self.editor.rules, fields, choice, names=self.names())
        except RuleEditError as exc:  # pragma: no cover - the choice was made from what fits
            self.say_problem(str(exc))
            return
        self.refresh(select=len(self.editor.rules) - 1)
        self.changed.emit()
        self.first_box.setFocus()

    def remove_rule(self) -> None:
        """Delete the selected rule."""
        index = self.current_index()
        if index < 0:
            return
        rule_edit.remove_rule(self.editor.rules, index)
        self.refresh(select=index)
        self.changed.emit()


class _RuleList(QTreeWidget):
    """The list of rules: it asks for the height of a few rules (a tree view asks for 192
    pixels, which would take the preview's room on a 1366×768 screen) and takes more when
    there is room."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.fontMetrics().lineSpacing() * 10)


def _nearest(key: str, candidates: list[str], fields: list[FieldDraft]) -> str | None:
    """Of the candidates, the one A is most likely compared with: one with the same unit
    first (个 with 个), then the nearest before A in the form (a total comes before its part)."""
    if not candidates:
        return None
    order = [f.key for f in fields]
    units = {f.key: f.unit for f in fields}
    here = order.index(key) if key in order else 0

    def distance(other: str) -> tuple[bool, bool, int]:
        place = order.index(other)
        return (units[other] != units.get(key), place > here, abs(place - here))

    return min(candidates, key=distance)
