"""The running app sets aside what it builds to last from the garbage collector's work."""

from __future__ import annotations

import gc

from app.ui import collector


def test_pages_built_in_the_running_app_are_set_aside(window, monkeypatch):
    frozen = gc.get_freeze_count()
    monkeypatch.setattr(collector, "_running", False)
    window.focus_field("meetings")  # builds the page of section one
    assert gc.get_freeze_count() == frozen  # not in tests or scripts: the usual collector
    try:
        monkeypatch.setattr(collector, "_running", True)
        window.focus_field("tax_relief")  # another page, built while the app runs
        assert gc.get_freeze_count() > frozen
        garbage: list[object] = []
        garbage.append(garbage)  # a cycle made after the page: still collected
        del garbage
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()  # the test process keeps its usual collector
