"""The window's icon, its first size, and its geometry kept between starts."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget

from app.core.paths import resources_dir
from app.ui import settings as config
from app.ui.settings import Settings

#: The app icon's sizes, drawn for each (resources/icons/hicolor, from scripts/make_icons.py):
#: PNG needs no plugin, where the SVG would load Qt's SVG library and icon engine at start-up.
APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The app's icon at every size it is drawn for (null when the files are missing)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        path = resources_dir() / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "fanwen.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def default_window_size(window: QWidget, em: int) -> QSize:
    """The size of a window with no size remembered: room for the three panes, but never more
    than nine tenths of the screen it opens on (office laptops often have 1366x768)."""
    wanted = QSize(em * 96, em * 60)
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return wanted
    available = screen.availableGeometry().size()
    return wanted.boundedTo(QSize(available.width() * 9 // 10, available.height() * 9 // 10))


def restore_geometry(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Size, position, toolbars and splitter as the writer left them."""
    for key, restore in (
        (config.WINDOW_GEOMETRY, window.restoreGeometry),
        (config.WINDOW_STATE, window.restoreState),
        (config.SPLITTER_STATE, splitter.restoreState),
    ):
        state = settings.get(key)
        if not state.isEmpty():
            restore(state)


def save_geometry(window: QMainWindow, splitter: QSplitter, settings: Settings) -> None:
    """Remember size, position, toolbars and splitter for the next start."""
    settings.set(config.WINDOW_GEOMETRY, QByteArray(window.saveGeometry()))
    settings.set(config.WINDOW_STATE, QByteArray(window.saveState()))
    settings.set(config.SPLITTER_STATE, QByteArray(splitter.saveState()))
