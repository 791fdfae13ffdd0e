"""Try the Windows installer as a user would, under Wine in a fresh prefix (Linux).

    python3 scripts/try_windows_installer.py [dist/fanwen-<version>-setup.exe]

1. `setup.exe /S` installs silently, per user, into %LOCALAPPDATA%\\Programs\\Fanwen: the files
   are the bundle's (dist/windows/fanwen) plus uninstall.exe;
2. HKCU: the uninstall entry (name, version, quiet uninstall), `.fanwen` -> Fanwen.Draft and its
   open command; the Start-menu and desktop shortcuts point at fanwen.exe;
3. the installed `fanwen-cli.exe`: --version, and a complete draft exported to txt, html, docx
   and pdf, compared with the exports of the Linux source (same bytes for txt/html, same DOCX
   parts but the creation time, same PDF text and page count);
4. `fanwen.exe gui --smoke` offscreen, and the registered open command on the draft;
5. a real window on an X server (Xvfb): the draft opened by fanwen.exe, a screenshot saved
   (build/windows/try/window.png) and checked to be no blank screen;
6. `uninstall.exe /S` takes away the folder, the keys and the shortcuts;
7. for all users (`setup.exe /S /ALLUSERS`, as an administrator: Wine's user is one): Program
   Files, HKLM, the all-users Start menu and desktop; the installed program exports; the
   uninstaller removes it all.

Stand-ins for what Wine 8 lacks and Windows 10/11 has (e.g. `icuuc.dll`, which Qt6Core of some
PySide6 releases imports) are built here with mingw-w64 into the test prefix only, when the
installed program needs them; they are never part of the bundle or the installer.

Debian packages: wine wine64 xvfb imagemagick poppler-utils gcc-mingw-w64-x86-64-win32.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "packaging"))

import bundle_rules  # noqa: E402
import wine  # noqa: E402
import wine_stubs  # noqa: E402
from release_checks import (  # noqa: E402
    FORMATS,
    compare_exports,
    make_draft,
    pdf_text_and_pages,
    same_pdf_lines,
)

WORK = REPO / "build" / "windows" / "try"
PREFIX = WORK / "prefix"
APP_NAME = "范文填写助手"
UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Fanwen"

passed = 0


def log(message: str) -> None:
    print(f"try_windows: {message}", flush=True)


def check(message: str) -> None:
    global passed
    passed += 1
    log(f"check: {message}")


def fail(message: str) -> None:
    raise SystemExit(f"try_windows: FAILED: {message}")


def win(path: Path) -> str:
    return wine.windows_path(PREFIX, path)


def reg_query(key: str, value: str | None = None) -> str | None:
    """A registry string's data (the default value when `value` is None); None when missing.

    Read through `reg export` (a UTF-16 file): `reg query` prints in the console code page."""
    exported = WORK / "reg-export.reg"
    exported.unlink(missing_ok=True)
    result = wine.run(PREFIX, ["reg", "export", key, win(exported), "/y"], check=False)
    if result.returncode != 0 or not exported.is_file():
        return None
    text = exported.read_bytes().decode("utf-16")
    name = "@" if value is None else f'"{value}"'
    for line in text.splitlines():
        if line.startswith(name + "="):
            data = line[len(name) + 1 :]
            if data.startswith('"') and data.endswith('"'):
                return data[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            return data
    return None


def key_exists(key: str) -> bool:
    return wine.run(PREFIX, ["reg", "query", key], check=False).returncode == 0


def user_folder() -> Path:
    (folder,) = [
        p
        for p in (PREFIX / "drive_c" / "users").iterdir()
        if p.name not in ("Public",) and p.is_dir() and not p.is_symlink()
    ]
    return folder


DISPLAY = ""  # set by start_x_server


def start_x_server() -> subprocess.Popen[bytes]:
    """Xvfb for Qt's windows platform under Wine (Wine draws its windows through X), on a
    display number no other X server uses."""
    global DISPLAY
    number = next(
        n
        for n in range(70, 200)
        if not Path(f"/tmp/.X{n}-lock").exists() and not Path(f"/tmp/.X11-unix/X{n}").exists()
    )
    DISPLAY = f":{number}"
    xvfb = subprocess.Popen(
        ["Xvfb", DISPLAY, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            return xvfb
        time.sleep(0.1)
    fail("Xvfb did not start")
    raise AssertionError


def screenshot_window(install_dir: Path, draft: Path) -> Path:
    """Open the draft in a real window; return the screenshot."""
    shot = WORK / "window.png"
    env = wine.environment(PREFIX, {"DISPLAY": DISPLAY, "FANWEN_HOME": win(WORK / "home-gui")})
    app = subprocess.Popen(
        [wine.wine_command(), win(install_dir / "fanwen.exe"), win(draft)],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        titled = False
        while time.monotonic() < deadline and not titled:
            time.sleep(2)
            if app.poll() is not None:
                output = app.stdout.read().decode("utf-8", "replace") if app.stdout else ""
                fail(
                    f"fanwen.exe exited {app.returncode} before its window came up\n{output[-3000:]}"
                )
            tree = subprocess.run(
                ["xwininfo", "-root", "-tree", "-display", DISPLAY], capture_output=True, text=True
            ).stdout
            titled = "范文" in tree or "Fanwen" in tree or "报告草稿" in tree
        if not titled:
            fail("no window of fanwen.exe on the X server within 90 s")
        time.sleep(8)  # first paint of the form and the preview
        subprocess.run(["import", "-display", DISPLAY, "-window", "root", str(shot)], check=True)
        if app.poll() is not None:
            fail("fanwen.exe did not stay open")
    finally:
        wine.kill(PREFIX)
        app.wait(timeout=30)
    colours = int(
        subprocess.run(
            ["identify", "-format", "%k", str(shot)], capture_output=True, text=True, check=True
        ).stdout
    )
    if colours < 50:
        fail(f"the screenshot has {colours} colours: no window drawn")
    return shot


def main() -> int:
    version = bundle_rules.project_version(REPO)
    setup = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "dist" / f"fanwen-{version}-setup.exe"
    )
    bundle = REPO / "dist" / "windows" / "fanwen"
    if not setup.is_file():
        fail(f"{setup} not found: python3 scripts/build_release.py --target windows")
    started = time.monotonic()
    if PREFIX.exists():
        wine.kill(PREFIX)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    draft = make_draft(REPO, WORK)
    log("fresh Wine prefix")
    wine.init_prefix(PREFIX)

    xvfb = start_x_server()
    try:
        try_installer(setup, bundle, draft, version)
        try_all_users(setup, draft, version)
    finally:
        wine.kill(PREFIX)
        xvfb.terminate()
        xvfb.wait(timeout=10)
    log(f"done in {time.monotonic() - started:.0f} s")
    print(f"try_windows: {passed} passed, 0 failed")
    return 0


def try_all_users(setup: Path, draft: Path, version: str) -> None:
    check(f"{setup.name} /S /ALLUSERS installs for every user")
    wine.run(PREFIX, [win(setup), "/S", "/ALLUSERS"], timeout=300)
    wine.wait(PREFIX)
    install_dir = PREFIX / "drive_c" / "Program Files" / "Fanwen"
    if not (install_dir / "fanwen.exe").is_file():
        fail(f"not installed to {install_dir}")
    machine_key = UNINSTALL_KEY.replace("HKCU", "HKLM", 1)
    expected = {
        (machine_key, "DisplayVersion"): version,
        (machine_key, "InstallLocation"): win(install_dir),
        (r"HKLM\Software\Classes\.fanwen", None): "Fanwen.Draft",
        (
            r"HKLM\Software\Classes\Fanwen.Draft\shell\open\command",
            None,
        ): f'"{win(install_dir / "fanwen.exe")}" "%1"',
    }
    for (key, value), wanted in expected.items():
        got = reg_query(key, value)
        if got is None or got.lower() != wanted.lower():
            fail(f"{key} {value or '(default)'} is {got!r}, expected {wanted!r}")
    if key_exists(UNINSTALL_KEY):
        fail("an all-users install wrote the per-user uninstall entry")
    programs = PREFIX / "drive_c" / "ProgramData" / "Microsoft" / "Windows" / "Start Menu"
    shortcuts = [
        programs / "Programs" / f"{APP_NAME}.lnk",
        PREFIX / "drive_c" / "users" / "Public" / "Desktop" / f"{APP_NAME}.lnk",
    ]
    for link in shortcuts:
        if not link.is_file():
            fail(f"no all-users shortcut {link}")
    check("the all-users fanwen-cli.exe exports (txt equal to the source's)")
    env = {"FANWEN_HOME": win(WORK / "fanwen-home-all"), "DISPLAY": DISPLAY}
    wine.run(
        PREFIX,
        [
            win(install_dir / "fanwen-cli.exe"),
            "export",
            win(draft),
            "--format",
            "txt",
            "-o",
            win(WORK / "all-users.txt"),
        ],
        extra_env=env,
    )
    if (WORK / "all-users.txt").read_bytes() != (WORK / "source.txt").read_bytes():
        fail("the all-users install's txt export differs")
    check("its uninstaller removes the folder, the HKLM keys and the shortcuts")
    wine.run(PREFIX, [win(install_dir / "uninstall.exe"), "/S"], timeout=300)
    for _ in range(60):
        wine.wait(PREFIX)
        if not install_dir.exists():
            break
        time.sleep(1)
    if install_dir.exists():
        fail(f"left behind: {install_dir}")
    for key in (
        machine_key,
        r"HKLM\Software\Classes\Fanwen.Draft",
        r"HKLM\Software\Classes\.fanwen",
    ):
        if key_exists(key):
            fail(f"left behind: {key}")
    for link in shortcuts:
        if link.exists():
            fail(f"left behind: {link}")


def try_installer(setup: Path, bundle: Path, draft: Path, version: str) -> None:
    check(f"{setup.name} /S installs silently")
    wine.run(PREFIX, [win(setup), "/S"], timeout=300)
    wine.wait(PREFIX)
    home = user_folder()
    install_dir = home / "AppData" / "Local" / "Programs" / "Fanwen"
    if not install_dir.is_dir():
        fail(f"not installed to {install_dir}")
    check("the installed files are the bundle's and uninstall.exe")
    installed = {
        p.relative_to(install_dir).as_posix() for p in install_dir.rglob("*") if p.is_file()
    }
    shipped = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    if bundle.is_dir() and installed != shipped | {"uninstall.exe"}:
        fail(
            f"installed files differ: extra {sorted(installed - shipped)[:5]}, "
            f"missing {sorted(shipped - installed)[:5]}"
        )

    check("HKCU: uninstall entry, .fanwen type, open command")
    exe = win(install_dir / "fanwen.exe")
    expected = {
        (UNINSTALL_KEY, "DisplayName"): APP_NAME,
        (UNINSTALL_KEY, "DisplayVersion"): version,
        (UNINSTALL_KEY, "UninstallString"): f'"{win(install_dir / "uninstall.exe")}"',
        (UNINSTALL_KEY, "QuietUninstallString"): f'"{win(install_dir / "uninstall.exe")}" /S',
        (r"HKCU\Software\Classes\.fanwen", None): "Fanwen.Draft",
        (r"HKCU\Software\Classes\Fanwen.Draft\shell\open\command", None): f'"{exe}" "%1"',
    }
    for (key, value), wanted in expected.items():
        got = reg_query(key, value)
        if got is None or got.lower() != wanted.lower():
            fail(f"{key} {value or '(default)'} is {got!r}, expected {wanted!r}")

    check("Start-menu and desktop shortcuts to fanwen.exe")
    start_menu = home / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    shortcuts = [start_menu / f"{APP_NAME}.lnk", home / "Desktop" / f"{APP_NAME}.lnk"]
    for link in shortcuts:
        if not link.is_file():
            fail(f"no shortcut {link}")
        data = link.read_bytes()
        if b"fanwen.exe" not in data and "fanwen.exe".encode("utf-16-le") not in data:
            fail(f"{link.name} does not point at fanwen.exe")

    for stub in wine_stubs.install(install_dir / "_internal", PREFIX, WORK / "stubs"):
        log(f"test-only stand-in built into the prefix: {stub.name} (packaging/wine_stubs.py)")

    # Qt's own windows platform, as on Windows (the app picks no other there), drawing on Xvfb
    fanwen_home = {"FANWEN_HOME": win(WORK / "fanwen-home"), "DISPLAY": DISPLAY}
    cli = win(install_dir / "fanwen-cli.exe")
    check("fanwen-cli.exe --version")
    got = wine.run(PREFIX, [cli, "--version"], extra_env=fanwen_home).stdout.strip()
    if got != f"fanwen {version}":
        fail(f"fanwen-cli.exe --version says {got!r}")
    for fmt in FORMATS:
        check(f"fanwen-cli.exe export --format {fmt}")
        wine.run(
            PREFIX,
            [cli, "export", win(draft), "--format", fmt, "-o", win(WORK / f"windows.{fmt}")],
            extra_env=fanwen_home,
        )
    check("the exports equal the Linux source's (txt/html bytes, DOCX parts, PDF text and pages)")
    problems = compare_exports(WORK, "windows")
    if problems:
        fail("; ".join(problems))
    lines = "same" if same_pdf_lines(WORK, "windows") else "other"
    log(f"pdf: same text, {pdf_text_and_pages(WORK / 'windows.pdf')[1]} pages, {lines} line breaks")

    offscreen = {**fanwen_home, "WINEQT_QPA_PLATFORM": "offscreen"}
    check("fanwen.exe gui --smoke (offscreen)")
    wine.run(PREFIX, [exe, "gui", "--smoke"], extra_env=offscreen, timeout=180)
    check("the registered open command on the draft, --smoke (a double-click)")
    wine.run(PREFIX, [exe, win(draft), "--smoke"], extra_env=offscreen, timeout=180)
    wine.wait(PREFIX)

    check("a real window on an X server (Xvfb), screenshot")
    shot = screenshot_window(install_dir, draft)
    log(f"screenshot: {shot.relative_to(REPO)}")

    check("uninstall.exe /S removes the folder, the keys and the shortcuts")
    wine.run(PREFIX, [win(install_dir / "uninstall.exe"), "/S"], timeout=300)
    for _ in range(60):  # the uninstaller copies itself to %TEMP% and returns at once
        wine.wait(PREFIX)
        if not install_dir.exists():
            break
        time.sleep(1)
    if install_dir.exists():
        fail(f"left behind: {sorted(p.name for p in install_dir.rglob('*'))[:10]}")
    for key in (
        UNINSTALL_KEY,
        r"HKCU\Software\Classes\Fanwen.Draft",
        r"HKCU\Software\Classes\.fanwen",
        r"HKCU\Software\Fanwen",
    ):
        if key_exists(key):
            fail(f"left behind: {key}")
    for link in shortcuts:
        if link.exists():
            fail(f"left behind: {link}")


if __name__ == "__main__":
    sys.exit(main())
