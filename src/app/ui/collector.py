"""When the garbage collector works in the running app.

Python's cyclic collector looks, now and then, at every object it tracks. The app's objects are
nearly all long-lived: the modules, classes and Qt enums of start-up, and the widgets of every
form page the writer opens (on a 100-page report, tens of thousands of objects). A collection
that walks them all takes tens of milliseconds, and it falls on whatever keystroke triggered it.
So what start-up made, and what each page adds once built, is set aside (`gc.freeze`): the
collector keeps collecting what is made and dropped while the writer types, at a small cost.
Objects set aside are still freed when their last reference goes (as the widgets of a report
that is closed); only reference cycles among them would not be, and the app's own are broken by
Qt when their widgets are deleted.

Only the running app does this (`start`, from `run_gui`): tests and scripts that build windows
keep Python's usual collector.
"""

from __future__ import annotations

import gc

_running = False


def start() -> None:
    """The window is up: set aside what start-up made and turn the collector on (the command
    line turns it off while the app starts)."""
    global _running
    _running = True
    gc.freeze()
    gc.enable()


def keep() -> None:
    """What was just built lives as long as its page: set it aside too (running app only)."""
    if _running:
        gc.freeze()


def running() -> bool:
    """Whether `start` was called in this process."""
    return _running
