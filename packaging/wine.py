"""Running Windows programs under Wine for the Windows build and its installer test (Linux only).

A prefix is a folder of its own (`WINEPREFIX`), made with `wineboot --init`. The quirks that the
feasibility run found (docs in README, "Installers"):

- Wine must not write menu entries or file associations into the host's ~/.local:
  `winemenubuilder.exe` is disabled.
- python.exe and PyInstaller's bootloader die at start ("init_sys_streams ... Invalid handle")
  when stdin or stdout is a plain file or /dev/null: every program gets pipes.
- Wine hides `QT_*` variables from Windows programs; `WINEQT_QPA_PLATFORM` reaches them as
  `QT_QPA_PLATFORM`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

WINE_DEBS = ("wine", "wine64")


def wine_command() -> str:
    found = shutil.which("wine")  # Debian's wrapper runs a 64-bit program with wine64
    if found:
        return found
    raise RuntimeError("wine not found (Debian: apt-get install wine wine64)")


def environment(prefix: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "PYTHON", "VIRTUAL_ENV", "WINE"))
    }
    env.update(
        WINEPREFIX=str(prefix),
        WINEARCH="win64",
        WINEDEBUG="-all",
        WINEDLLOVERRIDES="winemenubuilder.exe=d;mscoree,mshtml=",
        LANG="C.UTF-8",
        # Wine links the prefix's Desktop/Documents to the host user's: a home of its own
        HOME=str(prefix.parent / "home"),
    )
    env.pop("DISPLAY", None)
    if extra:
        env.update(extra)
    return env


def init_prefix(prefix: Path, fresh: bool = True) -> None:
    """Create the Wine prefix (a fresh one unless told otherwise) and wait until it is ready."""
    if fresh and prefix.exists():
        kill(prefix)
        shutil.rmtree(prefix)
    (prefix.parent / "home").mkdir(parents=True, exist_ok=True)
    if (prefix / "system.reg").is_file():
        return
    subprocess.run(
        [wine_command(), "wineboot", "--init"],
        env=environment(prefix),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        check=True,
        timeout=300,
    )
    wait(prefix)


def run(
    prefix: Path,
    args: Sequence[str],
    extra_env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 900,
    check: bool = True,
) -> subprocess.CompletedProcess[str]:
    """Run a Windows program with pipes for stdin/stdout/stderr; its output is returned."""
    started = time.monotonic()
    result = subprocess.run(
        [wine_command(), *args],
        env=environment(prefix, extra_env),
        cwd=cwd,
        input="",
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )
    if check and result.returncode != 0:
        raise RuntimeError(
            f"wine {' '.join(args)} exited {result.returncode} after "
            f"{time.monotonic() - started:.0f} s\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


def windows_path(prefix: Path, path: Path) -> str:
    """The Windows name of a host path: the prefix's C: drive, else Z: (the host's root)."""
    path = path.resolve()
    drive_c = (prefix / "drive_c").resolve()
    if path.is_relative_to(drive_c):
        return "C:\\" + str(path.relative_to(drive_c)).replace("/", "\\")
    return "Z:" + str(path).replace("/", "\\")


def wait(prefix: Path, timeout: float = 300) -> None:
    """Until every program of the prefix has ended (`wineserver --wait`)."""
    subprocess.run(["wineserver", "--wait"], env=environment(prefix), check=False, timeout=timeout)


def kill(prefix: Path) -> None:
    """End every program of this prefix, and its wineserver (other prefixes are untouched)."""
    subprocess.run(["wineserver", "--kill"], env=environment(prefix), check=False, timeout=60)
