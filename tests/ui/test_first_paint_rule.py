"""The start-up rule, as a lint over the modules imported before the first paint: none of them
names PySide6's `Qt` namespace or `QStyle` when it is imported (its imports, constants, class
bodies, decorators and default values).

Why: PySide6 builds a Python `enum` class for every enum of a Qt type the first time Python
touches the type, all of the type's enums at once: `Qt` has 94 (`Key` alone 471 members),
`QStyle` eleven, and building them was the largest single cost of start-up (figures in
docs/performance.md). The first window therefore sets enum properties by name and passes the
int values Qt declares as ints (`app.ui.qt_properties`). A function of these modules that runs
only later (a click, a finished step) may reach `QtCore.Qt` inside its body; whether anything on
the way to the first paint does is checked at run time by
`tests/ui/test_qt_properties.py::test_the_first_window_does_not_build_the_qt_namespace_or_qstyle_enums`.
The scope is measured, not listed: the `app` modules loaded when `fanwen gui --smoke` has
painted its window.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

#: The names whose first touch builds the enums.
BANNED = frozenset({"Qt", "QStyle"})

LOADED = textwrap.dedent(
    """
    import runpy, sys
    sys.argv = ["fanwen", "gui", "--smoke"]
    try:
        runpy.run_module("app", run_name="__main__")
    except SystemExit as exit:
        assert not exit.code, exit.code
    for name, module in sorted(sys.modules.items()):
        if name == "app" or name.startswith("app."):
            print(getattr(module, "__file__", None) or "")
    """
)


def start_up_modules(fanwen_home: Path) -> list[Path]:
    result = subprocess.run(
        [sys.executable, "-c", LOADED],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", FANWEN_HOME=str(fanwen_home)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return [Path(line) for line in result.stdout.split() if line.endswith(".py")]


def _run_at_import(tree: ast.AST) -> list[ast.AST]:
    """The nodes evaluated when the module is imported: all but the bodies of functions."""
    nodes: list[ast.AST] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        nodes.append(node)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            pending += [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]
            pending += [node.returns] if node.returns else []
        elif isinstance(node, ast.Lambda):
            pending += [*node.args.defaults, *node.args.kw_defaults]
        else:
            pending += ast.iter_child_nodes(node)
    return [node for node in nodes if node is not None]


def offences(source: str) -> list[str]:
    """Where a module names `Qt` or `QStyle` at import: imported, used, or an attribute."""
    found = []
    for node in sorted(_run_at_import(ast.parse(source)), key=lambda n: getattr(n, "lineno", 0)):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Name):
            names = [node.id]
        elif isinstance(node, ast.Attribute):
            names = [node.attr]
        found += [f"line {node.lineno}: {name}" for name in names if name in BANNED]
    return found


def test_the_rule_sees_each_way_of_naming_qt():
    source = (
        "from PySide6.QtCore import Qt as Q\n"
        "import PySide6.QtWidgets\n"
        "STYLE = PySide6.QtWidgets.QStyle\n"
        "class Row:\n"
        "    ALIGN = QtCore.Qt.AlignmentFlag.AlignRight\n"
        "    def paint(self, pen=Qt.PenStyle.NoPen):\n"
        "        return QtCore.Qt.PenStyle  # runs later: the run-time test's part\n"
    )
    assert offences(source) == ["line 1: Qt", "line 3: QStyle", "line 5: Qt", "line 6: Qt"]
    assert offences("from PySide6.QtCore import QObject, QTimer\nQObject()\n") == []


def test_no_module_imported_before_the_first_paint_names_qt_or_qstyle(fanwen_home):
    modules = start_up_modules(fanwen_home)
    assert any(path.name == "main_window.py" for path in modules)  # the scope is real
    problems = {
        str(path): found
        for path in modules
        if (found := offences(path.read_text(encoding="utf-8")))
    }
    assert not problems, f"Qt/QStyle named before the first paint (see this file): {problems}"


#: The app's modules loaded when the first window has painted. Each one costs the start-up its
#: import (the start-up budget is at the limit: docs/performance.md): a module new on this path
#: fails this test on purpose. Load it after the first paint if the first window does not need
#: it (`MainWindow.menus`, a function's own import); if it does, measure the start-up
#: (`python -m benchmarks`) and add it here with the figure in the commit message.
FIRST_PAINT_MODULES = frozenset(
    [
        "app",
        "app.cli",
        "app.number_commands",
        "app.pyside_check",
        "app.core",
        "app.core.atomic",
        "app.core.autosave",
        "app.core.autosave_writer",
        "app.core.body",
        "app.core.cache_key",
        "app.core.computed",
        "app.core.document",
        "app.core.draft",
        "app.core.errors",
        "app.core.formula",
        "app.core.gongwen",
        "app.core.i18n",
        "app.core.kinds",
        "app.core.library",
        "app.core.loader",
        "app.core.paths",
        "app.core.periods",
        "app.core.profile",
        "app.core.render",
        "app.core.report",
        "app.core.rules",
        "app.core.safe_read",
        "app.core.session",
        "app.core.steps",
        "app.core.structure_cache",
        "app.core.table",
        "app.core.template",
        "app.core.template_copy",
        "app.core.title_lines",
        "app.core.wording",
        "app.ui",
        "app.ui.application",
        "app.ui.autosave_control",
        "app.ui.collector",
        "app.ui.draft_files",
        "app.ui.export_flow",
        "app.ui.form_stack",
        "app.ui.forms",
        "app.ui.left_out_lines",
        "app.ui.look",
        "app.ui.main_window",
        "app.ui.preview",
        "app.ui.preview_parts",
        "app.ui.preview_tables",
        "app.ui.qt_properties",
        "app.ui.recovery",
        "app.ui.report_status",
        "app.ui.session_adapter",
        "app.ui.settings",
        "app.ui.shortcut_keys",
        "app.ui.step_list",
        "app.ui.translation",
        "app.ui.window_actions",
        "app.ui.window_state",
    ]
)


def module_name(path: Path) -> str:
    parts = path.with_suffix("").parts
    name = ".".join(parts[parts.index("app") :])
    return name.removesuffix(".__init__")


def test_the_first_window_loads_only_the_modules_it_was_measured_with(fanwen_home):
    loaded = {module_name(path) for path in start_up_modules(fanwen_home)}
    assert "app.ui.main_window" in loaded  # the scope is real
    assert not loaded - FIRST_PAINT_MODULES, (
        f"new on the start-up path (see FIRST_PAINT_MODULES): {sorted(loaded - FIRST_PAINT_MODULES)}"
    )
    assert not FIRST_PAINT_MODULES - loaded, (
        f"no longer loaded at start-up: take them out of FIRST_PAINT_MODULES "
        f"{sorted(FIRST_PAINT_MODULES - loaded)}"
    )
