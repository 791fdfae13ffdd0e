"""The layering `docs/architecture.md` describes, checked on the sources: who may import whom
(imports inside functions and under TYPE_CHECKING count), no import cycle, and the size limits
of the window and of every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "app"

#: What each layer may import from the app (besides itself and the standard library).
ALLOWED = {
    "app.core": {"app"},  # `app` itself: the version
    "app.pyside_check": {"app", "app.core"},  # refuses a PySide6 known to be broken
    "app.printing": {"app", "app.core", "app.pyside_check"},
    "app.ui": {"app", "app.core", "app.printing", "app.pyside_check"},
    "app.cli": {"app", "app.core", "app.ui", "app.printing", "app.pyside_check"},
    "app.__main__": {"app", "app.cli"},
}
#: Third-party packages a layer must not import: the core and the CLI run without Qt.
FORBIDDEN_PACKAGES = {"app.core": {"PySide6", "shiboken6"}}
MAX_MODULE_LINES = 800
MAX_WINDOW_LINES = 500


def _modules() -> dict[str, Path]:
    modules = {}
    for path in SRC.rglob("*.py"):
        parts = ("app", *path.relative_to(SRC).with_suffix("").parts)
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports(name: str, path: Path) -> set[str]:
    """Every module name this module imports, anywhere in it (relative imports resolved)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _layer(name: str) -> str:
    for layer in sorted(ALLOWED, key=len, reverse=True):
        if name == layer or name.startswith(layer + "."):
            return layer
    return name


def _app_edges() -> dict[str, set[str]]:
    modules = _modules()
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in _imports(name, path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and not name.startswith(imported + "."):
                targets.add(imported)
        edges[name] = targets
    return edges


def test_each_layer_imports_only_what_it_may():
    wrong = []
    for name, targets in _app_edges().items():
        layer = _layer(name)
        allowed = ALLOWED.get(layer, set()) | {layer}
        for target in targets:
            target_layer = "app" if target == "app" else _layer(target)
            if target_layer not in allowed:
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_the_core_runs_without_qt():
    modules = _modules()
    wrong = [
        f"{name} imports {imported}"
        for name, path in modules.items()
        if _layer(name) == "app.core"
        for imported in _imports(name, path)
        if imported.split(".")[0] in FORBIDDEN_PACKAGES["app.core"]
    ]
    assert not wrong, "\n".join(wrong)


def test_no_import_cycle():
    edges = _app_edges()
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        seen[name] = 1
        for target in sorted(edges.get(name, ())):
            if seen.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in seen:
                visit(target, [*path, target])
        seen[name] = 2

    for name in sorted(edges):
        if name not in seen:
            visit(name, [name])


def test_modules_stay_small_and_the_window_thin():
    sizes = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
    }
    assert sizes["app.ui.main_window"] <= MAX_WINDOW_LINES
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_MODULE_LINES}
    assert not too_long


def test_nothing_edits_the_interpreter():
    """No object's memory written through ctypes (reference counts), no CPython API called from
    Python; calling the operating system through ctypes (Windows' process API) is fine."""
    for name, path in _modules().items():
        source = path.read_text(encoding="utf-8")
        assert "_ctypes" not in _imports(name, path), name
        for surgery in ("from_address", "pythonapi", "Py_IncRef", "Py_DecRef", "id(None)"):
            assert surgery not in source, (name, surgery)
