"""The release .debs' ELF check: the versions each file needs are read from `readelf -V`, and a
file needing more than its target's floor fails the build (packaging/elf_floor.py)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from packaging_modules import load

elf_floor = load("elf_floor")

READELF = """\
Version symbols section '.gnu.version' contains 30 entries:
 Addr: 0x0000000000000a10  Offset: 0x000a10  Link: 5 (.dynsym)
  000:   0 (*local*)       2 (GLIBC_2.2.5)   3 (GLIBC_2.34)

Version definition section '.gnu.version_d' contains 1 entry:
  000000: Rev: 1  Flags: BASE  Index: 1  Cnt: 1  Name: GLIBC_2.99

Version needs section '.gnu.version_r' contains 3 entries:
 Addr: 0x0000000000000a50  Offset: 0x000a50  Link: 6 (.dynstr)
  000000: Version: 1  File: libstdc++.so.6  Cnt: 2
  0x0010:   Name: CXXABI_1.3.9  Flags: none  Version: 6
  0x0020:   Name: GLIBCXX_3.4.21  Flags: none  Version: 5
  0x0030: Version: 1  File: libgcc_s.so.1  Cnt: 1
  0x0040:   Name: GCC_3.0  Flags: none  Version: 4
  0x0050: Version: 1  File: libc.so.6  Cnt: 3
  0x0060:   Name: GLIBC_2.28  Flags: none  Version: 7
  0x0070:   Name: GLIBC_2.2.5  Flags: none  Version: 3
  0x0080:   Name: GLIBC_2.14  Flags: none  Version: 2
"""


def test_needed_versions_are_the_highest_of_each_family_in_the_needs_section() -> None:
    needed = elf_floor.needed_versions(READELF)
    # GLIBC_2.99 is a version the file defines, GLIBC_2.34 a symbol's: neither is needed
    assert needed == {
        "GLIBC": (2, 28),
        "GLIBCXX": (3, 4, 21),
        "CXXABI": (1, 3, 9),
        "GCC": (3, 0),
    }


def test_a_file_without_needs_needs_nothing() -> None:
    assert elf_floor.needed_versions("There is no dynamic section in this file.") == {}


def test_versions_compare_as_numbers_not_text() -> None:
    floor = elf_floor.FLOORS["amd64"]
    assert elf_floor.violations([("ok.so", {"GLIBC": (2, 9)})], floor) == []
    assert elf_floor.violations([("new.so", {"GLIBC": (2, 29)})], floor) == [
        "new.so needs GLIBC_2.29 (floor GLIBC_2.28)"
    ]
    assert elf_floor.violations([("cxx.so", {"GLIBCXX": (3, 4, 26)})], floor) == [
        "cxx.so needs GLIBCXX_3.4.26 (floor GLIBCXX_3.4.25)"
    ]


def test_floors_are_uos_20_for_amd64_and_kylin_v10_for_arm64() -> None:
    assert elf_floor.FLOORS["amd64"]["GLIBC"] == "2.28"  # Debian 10
    assert elf_floor.FLOORS["arm64"]["GLIBC"] == "2.31"  # Ubuntu 20.04


@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils not installed")
def test_check_reads_real_elf_files(tmp_path: Path) -> None:
    (tmp_path / "python").write_bytes(Path(sys.executable).resolve().read_bytes())
    (tmp_path / "notes.txt").write_text("not an ELF file", encoding="utf-8")
    assert elf_floor.elf_files(tmp_path) == [tmp_path / "python"]
    try:
        count, highest = elf_floor.check(tmp_path, "amd64")
    except RuntimeError as error:  # this machine's Python may well need a newer glibc
        assert "needs GLIBC_" in str(error)
    else:
        assert count == 1 and highest["GLIBC"] <= (2, 28)
