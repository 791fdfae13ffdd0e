"""Loading the interface language: our zh_CN catalogue, Qt's own qtbase_zh_CN, core messages.

Source strings are English (`tr()`); Chinese is the default. `resources/i18n/fanwen_zh_CN.qm` is
built from the `.ts` kept beside it (`scripts/update_translations.py`) and shipped, so a fresh
clone works. It is the one catalogue: `app.core.i18n._()` reads the same file without Qt.
Qt's `qtbase_zh_CN` comes from Qt's own translations folder and turns standard dialogs and
buttons Chinese too; `i18n/qt/qtbase_extra_zh_CN` (ours) adds the few labels of
those dialogs that Qt's catalogue has only in an older form (without their `&` mnemonic). Every
QTranslator is kept referenced here: one collected by Python would silently stop translating.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.core import i18n
from app.core.i18n import catalogue_path
from app.core.paths import resources_dir

QT_CATALOGUES = ("qtbase",)
#: Ours, beside the app's catalogue: labels of Qt's own dialogs Qt's catalogue leaves English.
QT_SUPPLEMENT = "qtbase_extra"


def supplement_path(language: str) -> Path:
    """Where our supplement to Qt's catalogue for a language is (.qm)."""
    # (a folder of its own: scripts/update_translations.py keeps every .ts of resources/i18n)
    return resources_dir() / "i18n" / "qt" / f"{QT_SUPPLEMENT}_{language}.qm"


class Translations:
    """The translators installed in the application, switched as a whole."""

    def __init__(self) -> None:
        self._translators: list[QTranslator] = []
        self.language = "en"
        #: Catalogues that should have loaded but did not (shown in the log, never fatal).
        self.missing: list[str] = []

    def install(self, language: str) -> None:
        """Switch the interface and the core's messages to `language` ("zh_CN" or "en")."""
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                QCoreApplication.removeTranslator(translator)
        self._translators = []
        self.missing = []
        self.language = language
        i18n.set_language(language)
        if language == "en":
            QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
            return
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        ours = QTranslator()
        if ours.load(str(catalogue_path(language))):
            self._translators.append(ours)
        else:
            self.missing.append(str(catalogue_path(language)))
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name in QT_CATALOGUES:
            translator = QTranslator()
            if translator.load(f"{name}_{language}", qt_folder):
                self._translators.append(translator)
            else:
                self.missing.append(f"{qt_folder}/{name}_{language}.qm")
        supplement = QTranslator()
        if supplement.load(str(supplement_path(language))):
            self._translators.append(supplement)
        else:
            self.missing.append(str(supplement_path(language)))
        for translator in self._translators:
            QCoreApplication.installTranslator(translator)

    def translators(self) -> list[QTranslator]:
        """The installed translators (kept alive here)."""
        return list(self._translators)
