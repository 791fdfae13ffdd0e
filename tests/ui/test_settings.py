"""Settings declared in one place, kept in an INI file under FANWEN_HOME, read forgivingly;
the window icon is used when the packaging work provides it."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from app.ui import settings as config
from app.ui import window_state


def test_every_setting_is_declared_with_type_default_and_description():
    keys = [setting.key for setting in config.ALL]
    assert len(keys) == len(set(keys))
    for setting in config.ALL:
        assert isinstance(setting.default, setting.type)
        assert setting.description.endswith(".")


def test_defaults_roundtrip_and_location(fanwen_home):
    settings = config.Settings()
    assert settings.path == fanwen_home / "settings.ini"
    assert settings.language() == "zh_CN"
    assert settings.get(config.RECENT_FILES) == []
    settings.set(config.RECENT_FILES, ["/a/一.fanwen"])
    settings.set(config.WINDOW_GEOMETRY, QByteArray(b"\x01\x02"))
    settings.sync()
    again = config.Settings()
    assert again.get(config.RECENT_FILES) == ["/a/一.fanwen"]  # one item stays a list
    assert again.get(config.WINDOW_GEOMETRY) == QByteArray(b"\x01\x02")
    assert (fanwen_home / "settings.ini").read_text(encoding="utf-8").startswith("[")


def test_bad_values_fall_back_to_defaults(fanwen_home):
    raw = QSettings(str(fanwen_home / "settings.ini"), QSettings.Format.IniFormat)
    raw.setValue("ui/language", "klingon")
    raw.setValue("window/geometry", "not bytes")
    raw.setValue("files/recent", 42)
    raw.sync()
    settings = config.Settings()
    assert settings.language() == "zh_CN"
    assert settings.get(config.WINDOW_GEOMETRY) == QByteArray()
    assert settings.get(config.RECENT_FILES) == []


def test_window_icon_is_used_when_present(open_main_window, tmp_path, monkeypatch, qtbot):
    monkeypatch.setattr(window_state, "resources_dir", lambda: tmp_path / "empty")
    bare = open_main_window()  # no icon file: the window opens all the same
    qtbot.waitUntil(bare.preview.has_painted)
    qtbot.wait(20)  # the icons are set once the first paint is done
    from PySide6.QtGui import QColor, QImage

    for size in (16, 32):
        folder = tmp_path / "res" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(QColor("#c62828"))
        assert image.save(str(folder / "fanwen.png"))
    monkeypatch.setattr(window_state, "resources_dir", lambda: tmp_path / "res")
    window = open_main_window()  # the icon is set once the window has painted
    qtbot.waitUntil(lambda: not window.windowIcon().isNull())
    icon = window.windowIcon()
    assert {size.width() for size in icon.availableSizes()} == {16, 32}


def test_the_shipped_icon_has_every_size_it_is_drawn_for():
    from app.core.paths import resources_dir
    from app.ui.window_state import APP_ICON_SIZES, app_icon

    icon = app_icon()
    assert {size.width() for size in icon.availableSizes()} == set(APP_ICON_SIZES)
    assert not icon.pixmap(32, 32).isNull()
    assert (resources_dir() / "icons" / "fanwen.svg").is_file()  # still the desktop's scalable


def test_a_first_window_fits_the_screen(open_main_window):
    """With no size remembered the window takes its default size, but never more than the
    screen has room for (the offscreen screen is 800x600, smaller than the default)."""
    window = open_main_window(show=False)
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() * 0.9
    assert window.height() <= available.height() * 0.9
    assert window.width() >= window.minimumSizeHint().width()
