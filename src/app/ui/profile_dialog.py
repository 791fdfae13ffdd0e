"""The 单位信息 dialog: the six entries of the unit profile (`app.core.profile`), shown by
`app.ui.profile_actions` when first asked for."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.i18n import _
from app.core.profile import ROLES


class ProfileDialog(QDialog):
    """The six entries of the unit profile."""

    def __init__(self, profile: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profile-dialog")
        self.setWindowTitle(self.tr("Unit information"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Filled into every new report, in every template, where a field stands for it."
            ),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        self.inputs: dict[str, QLineEdit] = {}
        for role, label in ROLES.items():
            edit = QLineEdit(profile.get(role, ""), self)
            edit.setObjectName(f"profile-{role}")
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("中") * 20)
            self.inputs[role] = edit
            form.addRow(_(label), edit)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def profile(self) -> dict[str, str]:
        """What the dialog holds now."""
        return {role: edit.text().strip() for role, edit in self.inputs.items()}
