"""Fixtures for the desktop app tests: a main window on the built-in template, headless."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAction

#: The offscreen platform warns for every top-level window it shows; it says nothing about us.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


UNEXPECTED_DIALOGS = (
    "export_problems",
    "save_file",
    "open_file",
    "exported",
    "ask_recover",
    "crashed",
    "error",
    "information",
)


def _unexpected(name: str):
    def dialog(*args, **kwargs):
        raise AssertionError(f"unexpected dialog {name}: {args}")

    return dialog


@pytest.fixture
def open_main_window(qtbot) -> Iterator[Callable[..., object]]:
    """Open the real main window the way `fanwen` does (optionally on a draft)."""
    from app.ui.application import create_application, open_window
    from app.ui.dialogs import SaveChoice

    windows = []

    def opener(draft: Path | None = None, show: bool = True):
        create_application()
        window, error = open_window(draft)
        qtbot.addWidget(window)
        windows.append(window)
        window.open_error = error
        # No modal dialog may wait for an answer in a headless run: tests that expect one
        # replace the method; any other dialog fails the test instead of hanging it. Closing
        # with unsaved changes means "don't save".
        for name in UNEXPECTED_DIALOGS:
            setattr(window.dialogs, name, _unexpected(name))
        window.dialogs.ask_save_changes = lambda name: SaveChoice.DISCARD
        window.files.ask_locked = _unexpected("ask_locked")  # a draft open in another window
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            # The feature menus come right after the first paint (app.ui.feature_menus).
            qtbot.waitUntil(lambda: window.findChild(QAction, "recover-unsaved") is not None)
            window.focus_first_field()
        return window

    yield opener
    for window in windows:
        window.dialogs.ask_save_changes = lambda name: SaveChoice.DISCARD


@pytest.fixture
def window(open_main_window):
    """The main window on an empty draft of the built-in template."""
    return open_main_window()


@pytest.fixture
def read_only_folder(tmp_path, monkeypatch):
    """A folder nothing can be written into.

    The folder's mode is made read-only; when the tests run as root (CI containers), where modes
    are not enforced, creating files in it is refused the way the OS refuses it (EACCES) at the
    one place the app creates files, `app.core.atomic`'s temporary file.
    """
    import errno
    import os
    import tempfile

    from app.core import atomic

    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.name == "posix" and os.geteuid() == 0:
        real_mkstemp = tempfile.mkstemp

        def refusing_mkstemp(*args, **kwargs):
            target = Path(kwargs.get("dir") or (args[2] if len(args) > 2 else "."))
            if target.resolve() == folder.resolve():
                raise PermissionError(errno.EACCES, "Permission denied", str(target))
            return real_mkstemp(*args, **kwargs)

        monkeypatch.setattr(atomic.tempfile, "mkstemp", refusing_mkstemp)
    yield folder
    folder.chmod(0o755)
