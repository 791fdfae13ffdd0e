"""Test-machine stand-ins for Windows DLLs that Wine 8 lacks (never part of a bundle).

Qt6Core of PySide6 6.10 and later imports Windows 10's system ICU (`icuuc.dll`, about 20
`ucnv_*` converter functions); Wine 8 has none, so QtCore would not load in a Wine prefix. A
stand-in built with mingw-w64 into the prefix's system32 lets it load: its functions fail
politely (NULL, and an error code where ICU takes one), so Qt falls back to its own codecs for
what the app uses (UTF-8; Python encodes GB18030 itself). On Windows 10 (1903) and 11 the real
icuuc.dll is part of the system.

Debian package: gcc-mingw-w64-x86-64-win32.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

STUB_PREFIXES = ("icu",)
HEADER = """\
/* A test-only stand-in built by packaging/wine_stubs.py: never shipped. */
#include <windows.h>
BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, LPVOID reserved) { return TRUE; }
"""


def imports(dll: Path) -> dict[str, list[str]]:
    """{imported dll (lower case): [function names]} of a PE file."""
    dump = subprocess.run(
        ["x86_64-w64-mingw32-objdump", "-p", str(dll)], capture_output=True, text=True, check=True
    ).stdout
    found: dict[str, list[str]] = {}
    current = None
    for line in dump.splitlines():
        name = re.match(r"\s+DLL Name: (\S+)", line)
        if name:
            current = name[1].lower()
            found.setdefault(current, [])
            continue
        function = re.match(r"\s+[0-9a-f]+\s+\d+\s+(\w+)$", line)
        if current and function:
            found[current].append(function[1])
    return found


def needed(qt_folder: Path, prefix: Path) -> dict[str, list[str]]:
    """{dll: functions} that the Qt DLLs under `qt_folder` import and the prefix lacks."""
    system32 = prefix / "drive_c" / "windows" / "system32"
    result: dict[str, list[str]] = {}
    for path in sorted(qt_folder.rglob("Qt6*.dll")):
        for dll, functions in imports(path).items():
            missing = not (system32 / dll).exists() and not (path.parent / dll).exists()
            if dll.startswith(STUB_PREFIXES) and missing:
                result.setdefault(dll, []).extend(functions)
    return result


def build(dll: str, functions: list[str], prefix: Path, work: Path) -> Path:
    """Compile the stand-in into the prefix's system32; returns its path."""
    source = work / f"{dll}.c"
    source.parent.mkdir(parents=True, exist_ok=True)
    body = [HEADER]
    for name in sorted(set(functions)):
        if name.startswith("ucnv_open"):
            # U_FILE_ACCESS_ERROR: no such converter here
            body.append(
                f"__declspec(dllexport) void *{name}(const void *name, int *error)"
                " { if (error) *error = 4; return 0; }"
            )
        else:
            body.append(f"__declspec(dllexport) void *{name}(void) {{ return 0; }}")
    source.write_text("\n".join(body) + "\n", encoding="utf-8")
    target = prefix / "drive_c" / "windows" / "system32" / dll
    subprocess.run(
        ["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-o", str(target), str(source)], check=True
    )
    return target


def install(qt_folder: Path, prefix: Path, work: Path) -> list[Path]:
    """Build every stand-in the Qt under `qt_folder` needs into the prefix."""
    return [
        build(dll, functions, prefix, work) for dll, functions in needed(qt_folder, prefix).items()
    ]
