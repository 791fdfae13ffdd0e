"""设置 > 公文字体替代规则 (Linux): the writer installs, or removes, the fontconfig rule that makes
LibreOffice and WPS show an exported DOCX's 公文 fonts in free faces of their style
(`app.core.font_rule`); and the export page's one-line hint after a DOCX export where that
would help.

The rule is written only on the writer's action, to fontconfig's own folder
(``$XDG_CONFIG_HOME/fontconfig/conf.d``), which the confirmation names. The hint shows when the
rule is not installed and fontconfig gives 仿宋 a sans face; its button triggers the same
action, and 不再提示 is remembered in the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)

from app.core import font_rule
from app.core.font_rule import FontRuleError, RuleState
from app.ui import settings as config
from app.ui.window_actions import insert_before

if TYPE_CHECKING:
    from app.ui.dialogs import Dialogs
    from app.ui.settings import Settings

#: The object name of the menu action (the hint's button finds it by this name).
ACTION_NAME = "gongwen-font-rule"


class FontRuleActions(QObject):
    """The Settings menu's action that installs or removes the writer's font rule."""

    def __init__(self, window: QMainWindow, menu: QMenu, dialogs: Callable[[], Dialogs]) -> None:
        super().__init__(window)
        self.window = window
        self._dialogs = dialogs
        self.action = QAction(window)
        self.action.setObjectName(ACTION_NAME)
        self.action.triggered.connect(lambda: self.toggle())
        insert_before(window, menu, self.action, "")
        menu.aboutToShow.connect(self.retranslate)  # installed meanwhile by `fanwen fonts`?
        window.installEventFilter(self)
        self.retranslate()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "FontRuleActions" context."""
        return QCoreApplication.translate("FontRuleActions", text)

    def retranslate(self) -> None:
        """The action's text: what it would do now."""
        if font_rule.rule_state() is RuleState.ABSENT:
            self.action.setText(self.tr("Install &substitutes for the 公文 fonts…"))
        else:
            self.action.setText(self.tr("Remove the &substitutes for the 公文 fonts…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def confirm(self, title: str, text: str, button: str) -> bool:
        """Ask before writing or removing; True to go on (tests replace this)."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        go = box.addButton(button, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(go)
        box.exec()
        return box.clickedButton() is go

    def toggle(self) -> None:
        """Install the rule, or remove it when it is there."""
        if font_rule.rule_state() is RuleState.ABSENT:
            self.install()
        else:
            self.remove()

    def install(self) -> bool:
        """Ask, write the rule, say what happened; True when it is installed."""
        title = self.tr("Substitutes for the 公文 fonts")
        path = font_rule.user_rule_path()
        question = self.tr(
            "Fanwen writes a fontconfig rule to {file} so that LibreOffice and WPS show 仿宋, "
            "楷体 and 小标宋 in a free serif font and 黑体 in a free sans font where they are "
            "not installed (installed fonts are still used)."
        ).format(file=path)
        if not self.confirm(title, question, self.tr("&Install")):
            return False
        try:
            font_rule.install_rule(path)
        except FontRuleError as exc:
            self._dialogs().error(self.tr("The substitutes were not installed"), str(exc))
            return False
        done = self.tr(
            "Installed. LibreOffice and WPS windows open now must be closed and opened again."
        )
        if font_rule.body_font_falls_back_to_sans():
            done += "\n" + self.tr(
                "No free serif Chinese font was found: install one too (Debian, UOS, Kylin: "
                "fonts-noto-cjk or fonts-arphic-uming)."
            )
        self._dialogs().information(title, done)
        self.retranslate()
        for hint in self.window.findChildren(FontHint):
            hint.hide()
        return True

    def remove(self) -> bool:
        """Ask, remove the rule, say what happened; True when it is gone."""
        title = self.tr("Substitutes for the 公文 fonts")
        path = font_rule.user_rule_path()
        question = self.tr(
            "Remove {file}? LibreOffice and WPS then show the 公文 fonts as before."
        ).format(file=path)
        if not self.confirm(title, question, self.tr("&Remove")):
            return False
        try:
            font_rule.remove_rule(path)
        except FontRuleError as exc:
            self._dialogs().error(self.tr("The substitutes were not removed"), str(exc))
            return False
        self._dialogs().information(
            title,
            self.tr(
                "Removed. LibreOffice and WPS windows open now must be closed and opened again."
            ),
        )
        self.retranslate()
        return True


class FontHint(QFrame):
    """The export page's line: this PC shows the DOCX in one sans face; install, or not again."""

    def __init__(self, window: QWidget, settings: Settings, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("font-hint")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.window_ = window
        self.settings = settings
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        row.addWidget(self.label, 1)
        self.install_button = QPushButton(self)
        self.install_button.setObjectName("font-hint-install")
        self.install_button.clicked.connect(self.install)
        row.addWidget(self.install_button)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("font-hint-dismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        row.addWidget(self.dismiss_button)
        self.retranslate()

    @staticmethod
    def tr(text: str) -> str:
        """Translate in the "FontHint" context."""
        return QCoreApplication.translate("FontHint", text)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.label.setText(
            self.tr(
                "The 公文 fonts are not installed: LibreOffice shows the whole DOCX in one sans font."
            )
        )
        self.install_button.setText(self.tr("Use free &substitutes…"))
        self.dismiss_button.setText(self.tr("Do&n't show again"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if font_rule.rule_state() is not RuleState.ABSENT:  # installed meanwhile
            self.hide()

    def install(self) -> None:
        """The menu's action (the same confirmation, the same messages)."""
        action = self.window_.findChild(QAction, ACTION_NAME)
        if action is not None:
            action.trigger()
        if font_rule.rule_state() is not RuleState.ABSENT:
            self.hide()

    def dismiss(self) -> None:
        """Not again, on this PC's profile."""
        self.settings.set(config.FONT_HINT_DISMISSED, "yes")
        self.hide()


def hint_wanted(settings: Settings) -> bool:
    """Whether the hint would help: Linux, no rule, not dismissed, and fontconfig gives the
    body's 仿宋 a sans face (asked last: it runs `fc-match`)."""
    return (
        font_rule.supported()
        and font_rule.rule_state() is RuleState.ABSENT
        and settings.get(config.FONT_HINT_DISMISSED) != "yes"
        and font_rule.body_font_falls_back_to_sans()
    )


def offer_hint(window: QWidget, page: QWidget, settings: Settings) -> FontHint | None:
    """After a DOCX export: show the hint on the export page when it would help; the hint."""
    hint = page.findChild(FontHint)
    if not hint_wanted(settings):
        if hint is not None:
            hint.hide()
        return None
    if hint is None:
        hint = FontHint(window, settings, page)
        layout = page.layout()
        if isinstance(layout, QBoxLayout):  # below the export button, above the last stretch
            layout.insertWidget(layout.count() - 1, hint)
    hint.show()
    return hint
