"""The oldest system a Linux bundle runs on: the newest symbol versions its ELF files need.

Every ELF file of the bundle (programs, shared libraries, Python extension modules) lists, in its
`.gnu.version_r` section, the versions of the system libraries' symbols it needs: `GLIBC_2.28`
from libc.so.6, `GLIBCXX_3.4.21` and `CXXABI_1.3.9` from libstdc++.so.6, `GCC_4.2.0` from
libgcc_s.so.1. `readelf -V` prints them for any architecture. A file that needs a newer version
than the target system's library has does not load there, so the build fails when any file
needs more than the floor of its target (`FLOORS`).

The floors: UOS 20 (Debian 10 base): glibc 2.28, libstdc++ of GCC 8 (GLIBCXX_3.4.25,
CXXABI_1.3.11); Kylin V10 (Ubuntu 20.04 base): glibc 2.31, libstdc++ of GCC 10 (GLIBCXX_3.4.28,
CXXABI_1.3.12). The arm64 .deb is for Kylin V10 (no PySide6 wheel exists for glibc 2.28 on arm64).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

Version = tuple[int, ...]

FLOORS: dict[str, dict[str, str]] = {
    "amd64": {"GLIBC": "2.28", "GLIBCXX": "3.4.25", "CXXABI": "1.3.11", "GCC": "8.0.0"},
    "arm64": {"GLIBC": "2.31", "GLIBCXX": "3.4.28", "CXXABI": "1.3.12", "GCC": "10.0.0"},
}

_NEEDED = re.compile(r"Name: (GLIBC|GLIBCXX|CXXABI|GCC)_(\d+(?:\.\d+)*)\b")


def parse(version: str) -> Version:
    return tuple(int(part) for part in version.split("."))


def needed_versions(readelf_output: str) -> dict[str, Version]:
    """{"GLIBC": (2, 28), ...}: the highest version of each family a `readelf -V` output needs."""
    highest: dict[str, Version] = {}
    section = readelf_output.split("Version needs section", 1)
    if len(section) < 2:
        return highest
    for family, version in _NEEDED.findall(section[1]):
        parsed = parse(version)
        if parsed > highest.get(family, ()):
            highest[family] = parsed
    return highest


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def violations(files: Iterable[tuple[str, dict[str, Version]]], floor: dict[str, str]) -> list[str]:
    """Lines naming each file that needs a newer version than the floor allows."""
    problems = []
    for name, needed in files:
        for family, version in sorted(needed.items()):
            limit = floor.get(family)
            if limit is not None and version > parse(limit):
                shown = ".".join(map(str, version))
                problems.append(f"{name} needs {family}_{shown} (floor {family}_{limit})")
    return problems


def check(root: Path, arch: str) -> tuple[int, dict[str, Version]]:
    """Raise if any ELF file under `root` needs more than the floor of `arch`; return the
    number of ELF files and the highest version of each family found."""
    floor = FLOORS[arch]
    scanned = []
    for path in elf_files(root):
        output = subprocess.run(
            ["readelf", "-V", "-W", str(path)], capture_output=True, text=True, check=True
        ).stdout
        scanned.append((str(path.relative_to(root)), needed_versions(output)))
    problems = violations(scanned, floor)
    if problems:
        raise RuntimeError("ELF files newer than the floor:\n  " + "\n  ".join(problems))
    highest: dict[str, Version] = {}
    for _, needed in scanned:
        for family, version in needed.items():
            highest[family] = max(highest.get(family, ()), version)
    return len(scanned), highest
