"""Form pages generated from the template schema: no widget code for any particular template.

A `StepPage` shows one step's `FormGroup`s (from `app.core.steps`): per row a label, one input
per field with its unit after it, a mark, the sentence around the placeholder as context, and
the message of any problem with the value. Inputs carry a `FieldValidator` that reports whether
the text is acceptable but never refuses a keystroke: what is wrong is said at the field.

Pages are built lazily: only when their step is first shown (or a field on them is asked for),
and a long step builds its first rows at once and the rest in idle slices, so a 100-page report
opens as quickly as a short one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPaintEvent, QPalette, QValidator
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.computed import formula_words
from app.core.kinds import FieldKind, check_value
from app.core.report import Problem, ReportModel
from app.core.rules import Severity
from app.core.steps import GAP, FormGroup, FormRow, Step
from app.core.template import Field
from app.ui import collector, look
from app.ui.qt_properties import set_properties
from app.ui.shortcut_keys import let_window_shortcut_through

#: Rows built at once when a page is first shown; the rest follow in slices of the same size.
FIRST_ROWS = 40
SLICE_ROWS = 40

MAX_LENGTH = 2**31 - 1
NO_BREAK_GAP = "【\u00a0\u00a0】"
MARK_OK = "✓"
MARK_ERROR = "✗"
MARK_WARNING = "!"


class FieldValidator(QValidator):
    """Says whether a field's text is acceptable, using the core's check; never blocks typing.

    Text with a problem is `Intermediate` (so Qt lets the writer go on typing and
    `hasAcceptableInput()` tells the truth); nothing is ever `Invalid`.
    """

    def __init__(self, field: Field, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.field = field

    def validate(self, text: str, position: int) -> tuple[QValidator.State, str, int]:
        checked = check_value(self.field.kind, text, self.field.minimum, self.field.maximum)
        state = (
            QValidator.State.Acceptable if checked.error is None else QValidator.State.Intermediate
        )
        return state, text, position


class FieldInput(QLineEdit):
    """The input of one field; says when it gets the focus (to highlight the preview)."""

    focused = Signal(str)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = field.key
        self._problem = ""
        self.setObjectName(f"field-{field.key}")
        self.setValidator(FieldValidator(field, self))
        self.setAccessibleName(field.label)
        self.setClearButtonEnabled(False)
        # Qt's default limit (32767 characters) would silently cut a longer value from a draft.
        self.setMaxLength(MAX_LENGTH)
        metrics = self.fontMetrics()
        if field.kind is FieldKind.TEXT:
            self.setMinimumWidth(metrics.horizontalAdvance("中") * 14)
            # a line edit's own size policy: as wide as it can be, its own height
        else:
            digits = {FieldKind.YEAR: 6, FieldKind.MONTH: 4, FieldKind.DAY: 4}.get(field.kind, 10)
            self.setFixedWidth(metrics.horizontalAdvance("0") * digits + 24)
            set_properties(
                self, alignment="AlignRight|AlignVCenter", inputMethodHints="ImhPreferNumbers"
            )
        if field.hint:
            self.setToolTip(field.hint)
        if field.formula is not None:  # computed: shown, selectable, never typed
            self.setReadOnly(True)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.key)

    def event(self, event: QEvent) -> bool:
        # The window's shortcuts (export, undo and redo of the whole report, steps) come before
        # the line edit's own keys, such as Ctrl+E for "end of line" on Linux: see
        # app.ui.shortcut_keys. (The cheap type test first: this runs for every event.)
        if isinstance(event, QKeyEvent) and let_window_shortcut_through(self, event):
            return True
        return super().event(event)

    def set_problem(self, level: str) -> None:
        """Show the field's state in its frame ("error", "warning" or "")."""
        if self._problem == level:
            return
        self._problem = level
        self.setProperty("problem", level)  # for tests and the accessibility tree
        palette = QPalette()  # only the background is set; the rest is inherited
        base = look.PROBLEM_BASE.get(level)
        if base is not None:
            palette.setColor(QPalette.ColorRole.Base, base)
        self.setPalette(palette)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._problem:
            look.paint_problem_frame(self, self._problem)


class FieldRowWidget(QObject):
    """The widgets of one `FormRow`, placed in a group's grid."""

    def __init__(self, model: ReportModel, row: FormRow, grid: QGridLayout, line: int) -> None:
        super().__init__(grid)
        self.row = row
        template = model.template
        fields = [template.field(key) for key in row.keys]
        parent = grid.parentWidget()
        self.label = QLabel(row.label, parent)
        self.label.setObjectName("field-label")
        self.label.setWordWrap(True)
        set_properties(self.label, alignment="AlignRight|AlignVCenter")
        self.inputs: dict[str, FieldInput] = {}
        box = QHBoxLayout()
        box.setSpacing(6)
        for field in fields:
            edit = FieldInput(field, parent)
            edit.setText(model.value(field.key))
            self.inputs[field.key] = edit
            box.addWidget(edit)
            if field.unit:
                unit = QLabel(field.unit, parent)
                unit.setObjectName("field-unit")
                unit.setBuddy(edit)
                box.addWidget(unit)
            previous = model.previous.get(field.key) if field.kind.is_number else None
            if previous:  # a report made with 新建下一期: last period's value beside it
                last = QLabel(
                    QCoreApplication.translate("StepPage", "(last period {value})").format(
                        value=previous
                    ),
                    parent,
                )
                last.setObjectName("field-previous")
                look.set_text_color(last, look.HINT)
                box.addWidget(last)
        self.label.setBuddy(self.inputs[row.keys[0]])
        self.mark = QLabel(parent)
        self.mark.setObjectName("field-mark")
        set_properties(self.mark, alignment="AlignCenter")
        # A fixed size: its mark changes as the writer types, and a label of fixed size does not
        # make Qt lay the page out again (the wrapped sentences of every row) each time.
        self.mark.setFixedSize(
            self.mark.fontMetrics().horizontalAdvance("✓✓"),
            max(self.mark.sizeHint().height(), self.inputs[row.keys[0]].sizeHint().height()),
        )
        box.addWidget(self.mark)
        if all(f.kind is not FieldKind.TEXT for f in fields):
            box.addStretch(1)
        self.context_text = row.context(model.document)
        # The gap must not be split over two lines: a no-break space inside the brackets.
        context = self.context_text.replace(GAP, NO_BREAK_GAP)
        if row.occurrences > 1:
            context = QCoreApplication.translate(
                "StepPage", "{context} (used in {count} places)"
            ).format(context=context, count=row.occurrences)
        hint = " ".join(
            f.hint
            if f.formula is None
            else f"{formula_words(f, template.fields_by_key)} {f.hint}".strip()
            for f in fields
            if f.hint or f.formula is not None
        )
        self.context = QLabel(context, parent)
        self.context.setObjectName("field-context")
        self.context.setWordWrap(True)
        set_properties(self.context, textInteractionFlags="NoTextInteraction")
        look.set_text_color(self.context, look.CONTEXT)
        self.hint = QLabel(hint, parent)
        self.hint.setObjectName("field-hint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        look.set_text_color(self.hint, look.HINT)
        look.set_font(self.hint, look.HINT_POINTS)
        self.message = QLabel(parent)
        self.message.setObjectName("field-message")
        self.message.setWordWrap(True)
        self.message.setVisible(False)  # until there is one (`_show_message`)
        self._message_shown = False
        grid.addWidget(self.label, line, 0)
        grid.addLayout(box, line, 1)
        grid.addWidget(self.context, line + 1, 1)
        grid.addWidget(self.hint, line + 2, 1)
        grid.addWidget(self.message, line + 3, 1)
        for key, edit in self.inputs.items():
            edit.setAccessibleDescription(self.description(template.field(key)))

    def refresh(self, model: ReportModel) -> None:
        """Show the current problems of the row's fields (touching only what changed: a
        keystroke that does not change a field's state repaints nothing here)."""
        template = model.template
        messages: list[str] = []
        worst = ""
        filled_all = True
        for key in self.row.keys:
            field = template.field(key)
            problems = [p for p in model.field_problems(field) if p.kind.value != "missing"]
            level = _level(problems)
            self.inputs[key].set_problem(level)
            if level == "error" or (level == "warning" and worst == ""):
                worst = level
            # why a computed place is empty (the fields it waits for) is said under it too
            notes = [model.computed_notes.get(key, "")] if field.formula is not None else []
            for message in [p.message for p in problems] + notes:
                if message and message not in messages:
                    messages.append(message)
            if not model.is_filled(key):
                filled_all = False
        text = "\n".join(messages)
        if self.message.text() != text:
            self._show_message(text)
            self.mark.setToolTip(text)
            for key, edit in self.inputs.items():
                base = self.description(template.field(key))
                edit.setAccessibleDescription(f"{base} {text}".strip())
        _set_level(self.message, worst)
        mark = {"error": MARK_ERROR, "warning": MARK_WARNING}.get(
            worst, MARK_OK if filled_all else ""
        )
        if self.mark.text() != mark:
            self.mark.setText(mark)
        _set_level(self.mark, worst or ("ok" if mark else ""))

    def _show_message(self, text: str) -> None:
        if text and not self._message_shown:
            # A message comes and goes as the writer types: it wraps in the width the row has
            # and never widens the column (which would re-wrap every label of the page, and
            # jolt it). Set when the first comes: a hidden label takes no room.
            _ignore_width(self.message)
            self._message_shown = True
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def description(self, field: Field) -> str:
        """What a screen reader says about an input besides its name: its context."""
        return self.context_text if len(self.row.keys) == 1 else field.label


def _set_level(widget: QWidget, level: str) -> None:
    """A message's or mark's level ("error", "warning", "ok" or ""): its `level` property and
    the colour of its text, changed only when the level does."""
    if widget.property("level") != level:
        widget.setProperty("level", level)
        look.set_text_color(widget, look.LEVEL_TEXT.get(level))


def _level(problems: list[Problem]) -> str:
    if any(p.severity is Severity.ERROR for p in problems):
        return "error"
    if problems:
        return "warning"
    return ""


def _ignore_width(label: QLabel) -> None:
    from PySide6.QtWidgets import QSizePolicy  # its three Python enums: not for the first window

    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
    label.setSizePolicy(policy)


class FieldGroupFrame(QFrame):
    """The box around a group of fields (a paragraph's)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        look.paint_group_frame(self)


class StepPage(QScrollArea):
    """The form of one step, built on first use."""

    fieldFocused = Signal(str)
    textEdited = Signal(str, str)

    def __init__(self, step: Step, model: ReportModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        self.model = model
        self.setObjectName(f"step-{step.id}")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.rows: dict[str, FieldRowWidget] = {}
        self._pending: list[tuple[FormGroup, int]] = []
        self._built = False
        self._slice_timer = QTimer(self)
        self._slice_timer.setInterval(0)
        self._slice_timer.timeout.connect(self._build_slice)
        self._content: QWidget | None = None
        self._layout: QVBoxLayout | None = None
        self._grid: QGridLayout | None = None
        self._grid_line = 0
        self.on_built: Callable[[StepPage], None] | None = None

    @property
    def built(self) -> bool:
        """Whether the page's widgets exist (all of them, or the first slice)."""
        return self._built

    def fully_built(self) -> bool:
        """Whether every row of the page exists."""
        return self._built and not self._pending

    def building(self) -> bool:
        """Whether rows are still being built in idle slices."""
        return self._slice_timer.isActive()

    def ensure_built(self, through: str | None = None) -> None:
        """Build the page if needed: the first rows now, the rest soon; all rows up to `through`
        (a field key) at once."""
        if not self._built:
            self._start()
        if through is not None:
            while through not in self.rows and self._pending:
                self._build_rows(SLICE_ROWS)
        elif not self.rows and self._pending:
            self._build_rows(FIRST_ROWS)
        if self._pending:
            self._slice_timer.start()
        else:
            if self._slice_timer.isActive():
                self._slice_timer.stop()
            collector.keep()

    def _start(self) -> None:
        self._built = True
        content = QWidget(self)
        content.setObjectName("step-content")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(20, 16, 20, 20)
        layout.setSpacing(10)
        title = QLabel(self.step.title, content)
        title.setObjectName("step-title")
        title.setWordWrap(True)
        title.setContentsMargins(0, 0, 0, 4)
        look.set_font(title, look.STEP_TITLE_POINTS)
        look.set_text_color(title, look.GROUP_TITLE)
        layout.addWidget(title)
        self._content, self._layout = content, layout
        self._pending = [(group, 0) for group in self.step.groups]
        layout.addStretch(1)
        self.setWidget(content)

    def _build_slice(self) -> None:
        self._build_rows(SLICE_ROWS)
        if not self._pending:
            self._slice_timer.stop()
            collector.keep()
            if self.on_built is not None:
                self.on_built(self)

    def _build_rows(self, count: int) -> None:
        assert self._layout is not None and self._content is not None
        built = 0
        while self._pending and built < count:
            group, start = self._pending[0]
            if start == 0:
                self._grid = self._new_group(group)
                self._grid_line = 0
            assert self._grid is not None
            rows = group.rows
            end = min(len(rows), start + count - built)
            for row in rows[start:end]:
                widget = FieldRowWidget(self.model, row, self._grid, self._grid_line)
                self._grid_line += 4
                widget.refresh(self.model)
                for key, edit in widget.inputs.items():
                    self.rows[key] = widget
                    edit.focused.connect(self.fieldFocused)
                    edit.textEdited.connect(lambda text, k=key: self.textEdited.emit(k, text))
            built += end - start
            if end >= len(rows):
                self._pending.pop(0)
            else:
                self._pending[0] = (group, end)

    def _new_group(self, group: FormGroup) -> QGridLayout:
        assert self._layout is not None and self._content is not None
        frame = FieldGroupFrame(self._content)
        frame.setObjectName("field-group")
        box = QVBoxLayout(frame)
        box.setContentsMargins(12, 10, 12, 10)
        box.setSpacing(6)
        if group.title:
            heading = QLabel(group.title, frame)
            heading.setObjectName("group-title")
            heading.setWordWrap(True)
            look.set_font(heading, look.GROUP_TITLE_POINTS)
            look.set_text_color(heading, look.GROUP_TITLE)
            box.addWidget(heading)
        grid_host = QWidget(frame)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        grid.setColumnStretch(1, 1)
        box.addWidget(grid_host)
        # Keep the stretch at the end of the page.
        self._layout.insertWidget(self._layout.count() - 1, frame)
        return grid

    def inputs(self) -> list[FieldInput]:
        """The page's inputs in reading order (those built so far)."""
        seen: list[FieldInput] = []
        for key in self.step.keys:
            row = self.rows.get(key)
            if row is not None:
                seen.append(row.inputs[key])
        return seen

    def input_for(self, key: str) -> FieldInput:
        """The input of a field on this page, building the page up to it if needed."""
        self.ensure_built(through=key)
        return self.rows[key].inputs[key]

    def refresh_fields(self, keys: list[str] | tuple[str, ...]) -> None:
        """Update the marks and messages of these fields (those on this page and built)."""
        done: set[int] = set()
        for key in keys:
            row = self.rows.get(key)
            if row is not None and id(row) not in done:
                done.add(id(row))
                row.refresh(self.model)

    def reload(self, model: ReportModel) -> None:
        """Take a new model's values (a draft was opened or recovered)."""
        self.model = model
        for key, row in self.rows.items():
            edit = row.inputs[key]
            value = model.value(key)
            if edit.text() != value:
                edit.setText(value)
        done: set[int] = set()
        for row in self.rows.values():
            if id(row) not in done:
                done.add(id(row))
                row.refresh(model)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and not self._built:
            self.ensure_built()
        return super().event(event)
