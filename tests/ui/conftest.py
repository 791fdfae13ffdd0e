"""Fixtures for the desktop app tests: a main window on the built-in template, headless."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

#: The offscreen platform warns for every top-level window it shows; it says nothing about us.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def open_main_window(qtbot) -> Iterator[Callable[..., object]]:
    """Open the real main window the way `fanwen` does (optionally on a draft)."""
    from app.ui.application import create_application, open_window

    windows = []

    def opener(draft: Path | None = None, show: bool = True):
        create_application()
        window, error = open_window(draft)
        qtbot.addWidget(window)
        windows.append(window)
        window.open_error = error
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            window.focus_first_field()
        return window

    yield opener
    for window in windows:
        window.setWindowModified(False)


@pytest.fixture
def window(open_main_window):
    """The main window on an empty draft of the built-in template."""
    return open_main_window()
