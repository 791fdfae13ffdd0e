"""Build a plain PyInstaller bundle of a bare PySide6 window and Fanwen's, and compare sizes.

    python3 scripts/compare_bundle_size.py

The baseline is what PyInstaller gives with no care taken: a QTextBrowser in a window, built
with `pyinstaller --onedir --windowed` (build/size-baseline/). Ours is `pyinstaller build.spec`
(dist/fanwen/, the bundle the installers ship). Prints both sizes and the ratio; exits 1 when
ours is over the budget, BUDGET_BYTES (80 MB). The baseline depends on what the build machine has
installed (PyInstaller copies the GTK stack when the gtk3 theme plugin's libraries are there:
160 to 170 MiB here), so the ratio is reported, not enforced.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASELINE_WORK = REPO / "build" / "size-baseline"
BUDGET_BYTES = 80_000_000  # 80 MB; also under 80 MiB

BARE_WINDOW = '''\
"""A bare PySide6 window: the size baseline for Fanwen's bundle."""
import sys

from PySide6.QtWidgets import QApplication, QTextBrowser

app = QApplication(sys.argv)
browser = QTextBrowser()
browser.setHtml("<h1>范文</h1><p>bare PySide6 window</p>")
browser.show()
if "--smoke" in sys.argv:
    app.processEvents()
    sys.exit(0)
sys.exit(app.exec())
'''


def folder_size(folder: Path) -> int:
    """Bytes of all files in `folder` (symbolic links count as nothing)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def pyinstaller(args: list[str], cwd: Path) -> float:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", *args],
        cwd=cwd,
        check=True,
    )
    return time.monotonic() - started


def build_baseline() -> Path:
    BASELINE_WORK.mkdir(parents=True, exist_ok=True)
    script = BASELINE_WORK / "bare_window.py"
    script.write_text(BARE_WINDOW, encoding="utf-8")
    seconds = pyinstaller(
        [
            "--onedir",
            "--windowed",
            "--name",
            "bare_window",
            "--distpath",
            str(BASELINE_WORK / "dist"),
            "--workpath",
            str(BASELINE_WORK / "work"),
            "--specpath",
            str(BASELINE_WORK),
            str(script),
        ],
        BASELINE_WORK,
    )
    print(f"baseline built in {seconds:.0f} s", flush=True)
    return BASELINE_WORK / "dist" / "bare_window"


def build_ours() -> Path:
    seconds = pyinstaller(["build.spec"], REPO)
    print(f"fanwen built in {seconds:.0f} s", flush=True)
    return REPO / "dist" / "fanwen"


def describe(name: str, size: int) -> str:
    return f"{name:<28}{size / 2**20:8.1f} MiB {size / 1e6:8.1f} MB  ({size} bytes)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--skip-ours", action="store_true", help="measure dist/fanwen as it is, do not rebuild"
    )
    args = parser.parse_args(argv)
    baseline = folder_size(build_baseline())
    ours_folder = REPO / "dist" / "fanwen" if args.skip_ours else build_ours()
    ours = folder_size(ours_folder)
    ratio = ours / baseline
    print(describe("bare PySide6 window (plain)", baseline))
    print(describe("fanwen (build.spec)", ours))
    print(f"ratio fanwen / bare: {ratio:.2f}")
    if ours > BUDGET_BYTES:
        print(f"size check FAILED: fanwen's bundle is over {BUDGET_BYTES / 1e6:.0f} MB")
        return 1
    print(f"size check passed: budget {BUDGET_BYTES / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
