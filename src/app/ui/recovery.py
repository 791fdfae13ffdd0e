"""Recovery the writer can come back to: 文件 > 恢复未保存的报告, and the step a draft was on.

The start-up question (`AutosaveControl.offer_recovery`) sets a declined autosave aside in
``autosave/declined``; this module's list shows every autosave still kept, the declined ones
included, with when it was written and the first words of its report, and restores the one
chosen. Each autosave of a window also records the step the writer was on (`STEP_KEY` among the
draft's extra entries), so a recovered draft opens there rather than at the first step.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from app.core.draft import Draft
from app.core.session import ReportSession
from app.ui.autosave_control import AutosaveControl
from app.ui.session_adapter import SessionAdapter
from app.ui.window_actions import insert_before

if TYPE_CHECKING:  # the list of kept autosaves loads when it is first shown
    from app.core.kept_autosaves import KeptAutosave
    from app.ui.dialogs import Dialogs
    from app.ui.draft_files import DraftFiles

#: The draft's extra entry in an autosave naming the step the writer was on.
STEP_KEY = "fanwen_step"


class WindowAutosave(AutosaveControl):
    """A window's autosave: each one records the step shown, and a recovered draft is shown at
    that step."""

    def __init__(
        self,
        adapter: SessionAdapter,
        show_message: Callable[[str, int], None],
        parent: QObject,
        current_step: Callable[[], str],
        show_step: Callable[[str], None],
    ) -> None:
        super().__init__(adapter, show_message, parent)
        self._current_step = current_step
        self._show_step = show_step

    def draft(self) -> Draft:
        draft = super().draft()
        return dataclasses.replace(draft, extra={**draft.extra, STEP_KEY: self._current_step()})

    def offer_recovery(self, ask: Callable[[str], bool]) -> bool:
        recovered = super().offer_recovery(ask)
        if recovered:
            self.resume_step()
        return recovered

    def resume_step(self) -> None:
        """Show the step the recovered draft was on (and keep it out of the draft's file)."""
        step = self.adapter.session.draft.extra.pop(STEP_KEY, None)
        if isinstance(step, str) and step in self.adapter.session.navigator.next_of:
            self._show_step(step)

    def restore(self, kept: KeptAutosave) -> bool:
        """Show a kept autosave's draft in this window (unsaved), as the start-up question
        does; its file goes (this session's autosave holds it from now on)."""
        from app.core.migrate import migrate_draft

        template = kept.template
        if template is None:
            return False
        entry = kept.entry
        migration = migrate_draft(template, entry.draft)
        self.remove()
        load = functools.partial(
            ReportSession.load,
            template=template,
            draft=entry.draft,
            path=entry.original,
            values=migration.values,
            unsaved=True,
        )
        self.adapter.perform(load)
        self.resume_step()
        self.write_now()
        with contextlib.suppress(OSError):
            entry.path.unlink()
        return True

    # ------------------------------------------------------------------ the menu

    def install_menu(
        self, window: QMainWindow, menu: QMenu, files: DraftFiles, dialogs: Callable[[], Dialogs]
    ) -> None:
        """文件 > 恢复未保存的报告…, after Open Recent."""
        self._window = window
        self._files = files
        self._dialogs = dialogs
        self.recover_action = QAction(window)
        self.recover_action.setObjectName("recover-unsaved")
        self.recover_action.triggered.connect(lambda: self.show_list())
        insert_before(window, menu, self.recover_action, "save")
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.recover_action.setText(
            QCoreApplication.translate("Recovery", "Recover &unsaved reports…")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "recover_action"):
            self.retranslate()
        return False

    def show_list(self) -> bool:
        """The list of kept autosaves; restores the one chosen. True when one was."""
        from app.core.kept_autosaves import kept_autosaves

        kept = kept_autosaves(exclude=self.name)
        chosen = self.run_list(kept)
        if chosen is None:
            return False
        if not self._files.maybe_save():
            return False
        return self.restore(chosen)

    def run_list(self, kept: list[KeptAutosave]) -> KeptAutosave | None:
        """Show the list (tests replace this); the autosave chosen, or None."""
        from PySide6.QtWidgets import QDialog

        from app.ui.recovery_dialog import RecoveryDialog

        dialog = RecoveryDialog(kept, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted.value:
            return None
        return dialog.chosen()
