"""The installed PySide6 keeps its references to None, True and False, and the releases that do
not (6.12.0 on Python before 3.12) are refused at start-up and excluded by pyproject.toml."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from app.pyside_check import UnsafePySide, refusal

ROOT = Path(__file__).resolve().parents[2]

#: Qt calls of each kind: thousands, as a long session makes (the bad release aborts after a
#: few hundred emits). Checked in rounds, so a loss is reported before the interpreter aborts.
ROUNDS, CALLS = 60, 1_000

#: Plain PySide6, without the app: what is measured is the library on this interpreter.
SCRIPT = f"""
import sys
from PySide6.QtCore import QObject, QPointF, Signal
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])

class Emitter(QObject):
    changed = Signal(str)

emitter, label, point = Emitter(), QLabel(), QPointF()
calls = {{
    "QObject.setObjectName (None)": lambda: emitter.setObjectName("x"),
    "QLabel.setText (None)": lambda: label.setText("x"),
    "QPointF.setX (None)": lambda: point.setX(1.0),
    "Signal.emit (True)": lambda: emitter.changed.emit("x"),
    "QObject.isWidgetType (False)": lambda: emitter.isWidgetType(),
}}
for name, call in calls.items():
    before = [sys.getrefcount(s) for s in (None, True, False)]
    for _ in range({ROUNDS}):
        for _ in range({CALLS}):
            call()
        after = [sys.getrefcount(s) for s in (None, True, False)]
        lost = [b - a for b, a in zip(before, after)]
        if max(lost) >= {CALLS} // 2:
            print(f"{{name}}: lost None/True/False references {{lost}} in {CALLS} calls")
            sys.exit(1)
print("kept")
"""


def test_qt_calls_keep_their_references_to_none_true_and_false():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
    assert result.stdout.strip() == "kept"


def test_the_measured_bad_combination_is_refused():
    assert refusal((3, 11), (6, 12, 0))
    assert refusal((3, 11), (6, 12, 0)) == refusal((3, 11, 7), (6, 12, 0, "", ""))
    assert refusal((3, 12), (6, 12, 0)) is None
    assert refusal((3, 13), (6, 12, 0)) is None
    assert refusal((3, 11), (6, 11, 3)) is None
    assert refusal((3, 11), (6, 7, 0)) is None


def _pyside_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(text) for text in project["dependencies"]]
    return [r for r in requirements if r.name.lower() == "pyside6-essentials"]


@pytest.mark.parametrize("python", ["3.11", "3.12", "3.13", "3.14"])
@pytest.mark.parametrize(
    "pyside", ["6.7.3", "6.8.0.2", "6.9.3", "6.10.3", "6.11.3", "6.12.0", "6.12.1", "6.13.0"]
)
def test_pyproject_installs_no_refused_combination(python, pyside):
    """The requirements and the start-up check say the same thing: whatever pip may install
    on a Python, the app runs on it."""
    requirements = _pyside_requirements()
    assert requirements
    installable = any(
        (r.marker is None or r.marker.evaluate({"python_version": python}))
        and r.specifier.contains(Version(pyside), prereleases=True)
        for r in requirements
    )
    python_version = tuple(int(part) for part in python.split("."))
    pyside_version = tuple(int(part) for part in pyside.split("."))
    if installable:
        assert refusal(python_version, pyside_version) is None


@pytest.fixture
def refused_release(monkeypatch):
    """This interpreter's refused PySide6 release, as the installed one."""
    import PySide6

    if sys.version_info >= (3, 12):
        pytest.skip("no PySide6 release is refused from Python 3.12 on")
    monkeypatch.setattr(PySide6, "__version_info__", (6, 12, 0, "", ""))


@pytest.mark.usefixtures("refused_release")
def test_the_app_refuses_to_start_on_a_refused_release():
    from app.ui.application import create_application

    with pytest.raises(UnsafePySide, match=r"Python 3\.1\d 上的 PySide6 6\.12\.0"):
        create_application()


@pytest.mark.usefixtures("refused_release")
def test_the_command_line_refuses_a_pdf_on_a_refused_release():
    from app.core.document import Document
    from app.core.export import FORMATS, ExportOptions
    from app.printing import register

    register()
    with pytest.raises(UnsafePySide):
        FORMATS["pdf"].render(Document([]), ExportOptions())
