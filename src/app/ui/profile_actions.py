"""设置 > 单位信息: the unit profile every new report's role fields are filled from.

Installed by the main window in the Settings menu. The dialog (`app.ui.profile_dialog`, loaded
when first shown) edits the profile of `app.core.profile` (a file beside the settings); what it
holds goes into reports started after it is saved, in every template, never into the report
open now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.profile import load_profile, save_profile

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.ui.dialogs import Dialogs
    from app.ui.profile_dialog import ProfileDialog


class ProfileActions(QObject):
    """The Settings menu's 单位信息 of one main window."""

    def __init__(self, window: QMainWindow, menu: QMenu, dialogs: Callable[[], Dialogs]) -> None:
        super().__init__(window)
        self.window = window
        self._dialogs = dialogs
        self.profile_action = QAction(window)
        self.profile_action.setObjectName("unit-profile")
        self.profile_action.triggered.connect(lambda: self.edit_profile())
        menu.addAction(self.profile_action)
        window.installEventFilter(self)
        self.retranslate()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "ProfileActions" context."""
        return QCoreApplication.translate("ProfileActions", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.profile_action.setText(self.tr("&Unit information…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return super().eventFilter(watched, event)

    def ask(self, dialog: ProfileDialog) -> bool:
        """Show the dialog; True when the writer saved it (tests replace this)."""
        return bool(dialog.exec())

    def edit_profile(self) -> bool:
        """Edit and keep the unit profile; True when it was saved."""
        from app.ui.profile_dialog import ProfileDialog  # its widgets: when first shown

        dialog = ProfileDialog(load_profile(), self.window)
        if not self.ask(dialog):
            return False
        try:
            save_profile(dialog.profile())
        except OSError as exc:
            self._dialogs().error(
                self.tr("The unit information was not saved"), str(exc.strerror or exc)
            )
            return False
        return True
