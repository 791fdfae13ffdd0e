"""PySide6's per-module check behind `__feature__` reads files without filling linecache."""

from __future__ import annotations

import linecache
import sys

from app.pyside_feature import lighten, uses_pyside


def test_modules_imported_later_are_classified_without_linecache(tmp_path, monkeypatch):
    assert lighten()
    feature = sys.modules["shibokensupport.feature"]
    assert feature._mod_uses_pyside is uses_pyside
    (tmp_path / "fanwen_probe_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "fanwen_probe_plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        # An import statement: PySide6's hook sits on `__import__`, which importlib bypasses.
        exec("import fanwen_probe_qt, fanwen_probe_plain", {})
        assert feature.pyside_feature_dict["fanwen_probe_qt"] == 0  # uses PySide6
        assert feature.pyside_feature_dict["fanwen_probe_plain"] == -1  # ignored
        assert str(tmp_path / "fanwen_probe_qt.py") not in linecache.cache
        assert str(tmp_path / "fanwen_probe_plain.py") not in linecache.cache
    finally:
        for name in ("fanwen_probe_qt", "fanwen_probe_plain"):
            sys.modules.pop(name, None)
            feature.pyside_feature_dict.pop(name, None)


def test_a_module_without_source_does_not_use_pyside():
    assert not uses_pyside(sys)  # built in: no file
