"""The field editor's part for a change read in words: what the text says when the value rises,
falls or stays the same (同比增长X% / 同比下降X% / 与上年持平).

Shown for a field the body reads with ``change()`` (or with a ``sign()`` word before its value,
which becomes ``change()`` once edited). The writer edits the three phrases in plain words, the
value written as a token (〔数值〕), and sees the sentence as it reads for a rise, a fall and no
change; the phrases go into the template body (`TemplateEditor.set_change_phrases`) when an
edit is finished. `app.ui.template_editor.FieldEditor` holds one and shows it the current field.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QSplitter, QWidget

from app.core.body import VALUE_SLOT
from app.core.errors import FanwenError
from app.core.template_edit import TemplateEditor

# The values the sample sentence is shown with: a rise, a fall, no change.
SAMPLES = ("5", "-3.5", "0")
# Characters of wording shown on either side of the phrase in the sample.
SAMPLE_CONTEXT = 10


class ChangeWording(QGroupBox):
    """Rise / fall / no change phrases of one field, with a live sample; `changed(key)` after
    the body took them, `failed(message)` when it refused them."""

    changed = Signal(str)
    failed = Signal(str)

    def __init__(self, editor: TemplateEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change-wording")
        self.editor = editor
        self.key: str | None = None
        self.setTitle(self.tr("How a change reads"))
        form = QFormLayout(self)
        self.edits: list[QLineEdit] = []
        captions = (
            self.tr("When it ri&ses:"),
            self.tr("When it f&alls:"),
            self.tr("When there is n&o change:"),
        )
        for name, caption in zip(("rise", "fall", "zero"), captions, strict=True):
            edit = QLineEdit(self)
            edit.setObjectName(f"change-{name}")
            edit.textEdited.connect(self._show_sample)
            edit.editingFinished.connect(self.apply)
            form.addRow(caption, edit)
            self.edits.append(edit)
        self.sample = QLabel(self)
        self.sample.setObjectName("change-sample")
        # one line per value, whole: the splitter then leaves the lines their room
        form.addRow(self.sample)
        self.setToolTip(
            self.tr(
                "{token} stands for the number without its sign; leave it out where the "
                "text does not give the number."
            ).format(token=self.token())
        )
        self.hide()

    def token(self) -> str:
        """How the value is written in the phrases shown."""
        return self.tr("〔value〕")

    def show_field(self, key: str | None) -> None:
        """Show the phrases of field `key` (hidden when the body reads it as a plain value)."""
        self.key = key
        phrases = self.editor.change_phrases(key) if key is not None else None
        self.setVisible(phrases is not None)
        if phrases is None:
            return
        for edit, phrase in zip(self.edits, phrases, strict=True):
            edit.setText(phrase.replace(VALUE_SLOT, self.token()))
        self._show_sample()
        self._make_room()

    def _make_room(self) -> None:
        """Give the box holding this one the height it now needs in its splitter (a splitter
        does not grow a part whose minimum grew after it was laid out)."""
        holder = self.parentWidget()
        splitter = holder.parentWidget() if holder is not None else None
        if holder is None or not isinstance(splitter, QSplitter):
            return
        sizes = splitter.sizes()
        index = splitter.indexOf(holder)
        missing = holder.minimumSizeHint().height() - sizes[index]
        if missing > 0 and len(sizes) == 2 and sizes[1 - index] > missing:
            sizes[index] += missing
            sizes[1 - index] -= missing
            splitter.setSizes(sizes)

    def phrases(self) -> tuple[str, str, str]:
        """The phrases as edited, the token written as the body writes the value."""
        rise, fall, zero = (edit.text().replace(self.token(), VALUE_SLOT) for edit in self.edits)
        return rise, fall, zero

    def apply(self) -> None:
        """Put the edited phrases into the body (nothing when they are as they were)."""
        key = self.key
        if key is None or self.isHidden() or self.editor.change_phrases(key) == self.phrases():
            return
        try:
            self.editor.set_change_phrases(key, *self.phrases())
        except FanwenError as exc:
            self.failed.emit(str(exc))
            return
        self.changed.emit(key)

    def _show_sample(self) -> None:
        """The sentence as it reads for a rise, a fall and no change."""
        key = self.key
        if key is None:
            return
        contexts = self.editor.contexts(key, SAMPLE_CONTEXT)
        around = contexts[0] if contexts else "【】"
        head, _open, rest = around.partition("【")
        inside, _close, tail = rest.partition("】")
        now = self.editor.change_phrases(key)
        if now is not None and VALUE_SLOT in now.positive:
            # a sign word before the value: its phrase's words stand around the value's place
            before, _slot, after = now.positive.partition(VALUE_SLOT)
            if before not in inside:
                head = head.removesuffix(before)
                tail = tail.removeprefix(after)
        lines = []
        for value, phrase in zip(SAMPLES, self.phrases(), strict=True):
            shown = phrase.replace(VALUE_SLOT, value.lstrip("-"), 1)
            sentence = head + shown + tail
            lines.append(self.tr("{value}: {sentence}").format(value=value, sentence=sentence))
        self.sample.setText("\n".join(lines))
