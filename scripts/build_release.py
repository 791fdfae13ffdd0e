"""Build Fanwen's release: the PyInstaller bundle, then its installer.

    python3 scripts/build_release.py [--target host|windows|deb-amd64|deb-arm64]

--target host (the default): for the machine it runs on, with the Python running this script.
    Linux: dist/fanwen/ and dist/fanwen_<version>_<arch>.deb;
    Windows: dist\\fanwen\\ and dist\\fanwen-<version>-setup.exe.
--target windows: dist/fanwen-<version>-setup.exe (bundle in dist/windows/fanwen/). On Windows
    this is the host build; on Linux the bundle is built under Wine by python.org's embeddable
    CPython (signature-verified; packaging/windows_wine.py) and the x64 installer by makensis.
--target deb-amd64 / deb-arm64: dist/fanwen_<version>_amd64.deb / _arm64.deb for UOS 20 and
    Kylin V10 (glibc 2.28 / 2.31; packaging/linux_release.py).

Options:
    --check-nsis      on Linux, also compile the Windows installer script with makensis, the
                      Linux bundle standing in for the payload (a check of the script only)
    --skip-bundle     reuse dist/fanwen/ as it is
    --allow-unpinned  build with other versions than packaging/requirements.txt pins

Needs, besides the pinned Python packages: Linux: binutils, icu-devtools (ICU data slimming),
dpkg-deb; Windows: NSIS (makensis on PATH or in its default folder).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging"))

import bundle_rules  # noqa: E402

DIST = REPO / "dist"
BUNDLE = DIST / "fanwen"
WORK = REPO / "build"
NSIS_SCRIPT = REPO / "installer" / "windows" / "fanwen.nsi"
ICON = REPO / "resources" / "icons" / "fanwen.ico"


def log(message: str) -> None:
    print(f"build_release: {message}", flush=True)


def pins_file() -> Path:
    """The pins of a build for this machine: Windows' own, or Linux amd64's."""
    name = "requirements-windows.txt" if sys.platform == "win32" else "requirements.txt"
    return REPO / "packaging" / name


def pinned_versions() -> dict[str, str]:
    pins = {}
    for line in pins_file().read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if match:
            pins[match[1]] = match[2]
    return pins


def check_pins() -> list[str]:
    """Lines describing every installed version that differs from the pins."""
    problems = []
    for name, wanted in pinned_versions().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            problems.append(f"{name} is not installed (pinned: {wanted})")
            continue
        if installed != wanted:
            problems.append(f"{name} {installed} is installed, {wanted} is pinned")
    return problems


def build_bundle() -> None:
    log("pyinstaller build.spec")
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"],
        cwd=REPO,
        check=True,
    )
    log(f"bundle built in {time.monotonic() - started:.0f} s: {BUNDLE}")


def bundle_size(folder: Path) -> int:
    """Bytes of all files in `folder` (symbolic links count as nothing)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def find_makensis() -> str | None:
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "NSIS" / "makensis.exe").is_file():
            return str(Path(base) / "NSIS" / "makensis.exe")
    return None


def build_nsis(version: str, output: Path, quick: bool = False, source: Path = BUNDLE) -> Path:
    """Compile the installer; `quick` (a check of the script) compresses with zlib, not LZMA."""
    makensis = find_makensis()
    if makensis is None:
        raise SystemExit("build_release: makensis not found (Debian: apt-get install nsis)")
    # An x64 installer (what 64-bit Windows runs without WOW64), where makensis has its x64
    # stubs: Debian's nsis does; the official Windows NSIS may not (then x86-unicode).
    stubs = Path(makensis).resolve().parent
    x64 = sys.platform != "win32" or (stubs / "Stubs" / "lzma_solid-amd64-unicode").is_file()
    log(f"makensis ({'amd64' if x64 else 'x86'}-unicode) -> {output.name}")
    output.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            makensis,
            *(["-XTarget amd64-unicode"] if x64 else []),
            "-V2",
            "-WX",  # a warning is an error: the script is checked, not only compiled
            *(["-DCOMPRESSOR=zlib"] if quick else []),
            "-INPUTCHARSET",
            "UTF8",
            f"-DVERSION={version}",
            f"-DVERSION_QUAD={bundle_rules.version_quad(version)}",
            f"-DSOURCE_DIR={source}",
            f"-DOUTFILE={output}",
            f"-DICON={ICON}",
            str(NSIS_SCRIPT),
        ],
        check=True,
    )
    return output


def build_deb(version: str) -> Path:
    import debian

    log("dpkg-deb -> .deb")
    return debian.build_deb(BUNDLE, version, REPO, DIST, WORK / "deb")


def build_windows_on_linux(version: str) -> list[Path]:
    """The Windows bundle under Wine (dist/windows/fanwen) and its installer."""
    import windows_wine

    bundle = windows_wine.build_bundle(REPO, DIST / "windows", WORK / "windows", log)
    setup = build_nsis(version, DIST / f"fanwen-{version}-setup.exe", source=bundle)
    return [bundle, setup]


def check_size(path: Path, limit: int) -> None:
    size = path.stat().st_size
    if size > limit:
        raise SystemExit(f"build_release: {path.name} is {size} bytes, over {limit}")


INSTALLER_LIMIT = 25_000_000  # bytes: each installer (setup.exe, .deb) at most 25 MB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--target", choices=("host", "windows", "deb-amd64", "deb-arm64"), default="host"
    )
    parser.add_argument("--check-nsis", action="store_true")
    parser.add_argument("--skip-bundle", action="store_true")
    parser.add_argument("--allow-unpinned", action="store_true")
    args = parser.parse_args(argv)

    version = bundle_rules.project_version(REPO)
    started = time.monotonic()
    if args.target == "windows" and sys.platform.startswith("linux"):
        artifacts = build_windows_on_linux(version)
    elif args.target in ("deb-amd64", "deb-arm64"):
        import linux_release

        artifacts = linux_release.build(REPO, args.target.removeprefix("deb-"), version, log)
    else:
        return build_host(args, version)
    for artifact in artifacts:
        size = bundle_size(artifact) if artifact.is_dir() else artifact.stat().st_size
        log(f"{artifact.relative_to(REPO)}  {size / 2**20:.1f} MiB ({size} bytes)")
    check_size(artifacts[-1], INSTALLER_LIMIT)
    log(f"--target {args.target} done in {time.monotonic() - started:.0f} s")
    return 0


def build_host(args: argparse.Namespace, version: str) -> int:
    problems = check_pins()
    if problems:
        for line in problems:
            log(line)
        if not args.allow_unpinned:
            log(f"install the pins: python3 -m pip install -r packaging/{pins_file().name}")
            return 1
    if not args.skip_bundle:
        build_bundle()
    artifacts = [BUNDLE]
    if sys.platform == "win32":
        artifacts.append(build_nsis(version, DIST / f"fanwen-{version}-setup.exe"))
    elif sys.platform.startswith("linux"):
        artifacts.append(build_deb(version))
        if args.check_nsis:
            check = WORK / "nsis-check" / "fanwen-setup-check.exe"
            artifacts.append(build_nsis(version, check, quick=True))
    for artifact in artifacts:
        size = bundle_size(artifact) if artifact.is_dir() else artifact.stat().st_size
        log(f"{artifact.relative_to(REPO)}  {size / 2**20:.1f} MiB ({size} bytes)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        log(f"failed (exit {exc.returncode}): {' '.join(map(str, exc.cmd))}")
        sys.exit(1)
