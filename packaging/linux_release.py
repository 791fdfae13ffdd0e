"""The release .deb for UOS 20 / Kylin V10: a bundle that runs on glibc 2.28 (amd64).

    python3 scripts/build_release.py --target deb-amd64

1. sources: Debian's source packages of python3.11 (upstream 3.11.2), zlib and libffi, with
   apt's own client and a private list (build/linux/apt: the machine's apt setup is untouched);
   Zig's C compiler from PyPI (`ziglang`, pinned in ZIG);
2. packaging/linux/build_cpython.sh: CPython 3.11 compiled against glibc 2.28's symbols;
3. the wheels of packaging/requirements.txt for manylinux_2_28 and older (host pip), installed
   into that CPython with the pip bootstrapped from its wheel; tests/packaging/refcount_check.py
   run with it (PySide6's reference counts on this interpreter);
4. `python -m PyInstaller build.spec` with it -> dist/deb-amd64/fanwen;
5. every ELF file checked against the floor (packaging/elf_floor.py: GLIBC_2.28,
   GLIBCXX_3.4.25) and the .deb built (packaging/debian.py), Depends named for UOS 20 / Kylin V10
   (debian.OLD_NAMES) -> dist/fanwen_<version>_amd64.deb.

scripts/try_deb.py then installs, runs and removes it in a Debian 11 chroot.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import debian
import elf_floor

Log = Callable[[str], None]

ZIG = "ziglang==0.14.1"
SOURCE_PACKAGES = ("python3.11", "zlib", "libffi")
SOURCE_SUITE = "bookworm"
BOOTSTRAP_PIP = "pip==26.3"

TARGETS = {
    "amd64": {
        "zig": "x86_64-linux-gnu.2.28",
        "pins": "requirements.txt",
        "platforms": [f"manylinux_2_{minor}_x86_64" for minor in (28, 27, 26, 25, 24, 17)]
        + ["manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64"],
        # Qt's xcb library needs libxcb-util.so.1; Debian 10 (UOS 20) has only .so.0 (its
        # libxcb-util0): the bundle carries this one (it needs no newer glibc: the ELF check)
        "bundled": ["libxcb-util.so.1"],
    },
    "arm64": {
        "zig": "aarch64-linux-gnu.2.28",
        "pins": "requirements-arm64.txt",
        "platforms": [f"manylinux_2_{minor}_aarch64" for minor in (31, 28, 27, 26, 24, 17)]
        + ["manylinux2014_aarch64"],
    },
}
# arm64 is built inside a Debian 11 arm64 chroot under qemu (PyInstaller must run on the
# target's architecture): the interpreter, the wheels and the sources go to BUILD_DIR there.
BUILD_DIR = "/opt/fanwen-build"
# What PyInstaller and the ICU slimming need there, and the libraries the bundle links to (so
# that its dependencies resolve and Depends can be read from the chroot's packages)
ARM64_BUILD_DEBS = (
    "binutils",
    "icu-devtools",
    "libc-bin",
    "libcups2",
    "libdbus-1-3",
    "libegl1",
    "libfontconfig1",
    "libfreetype6",
    "libgl1",
    "libglib2.0-0",
    "libice6",
    "libsm6",
    "libstdc++6",
    "libx11-6",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-render0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxcb1",
    "libxkbcommon-x11-0",
    "libxkbcommon0",
    "libzstd1",
    "zlib1g",
    "libopengl0",
    "libxrender1",
)


def debian_mirror() -> str:
    """The Debian mirror this machine's apt uses (its sources), else Debian's own."""
    for path in [Path("/etc/apt/sources.list"), *Path("/etc/apt/sources.list.d").glob("*")]:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        for line in text.splitlines():
            words = line.split()
            if words[:1] == ["URIs:"] and words[1].rstrip("/").endswith("/debian"):
                return words[1]
            if words[:1] == ["deb"]:
                uri = next((w for w in words[1:] if "://" in w), "")
                if uri.rstrip("/").endswith("/debian"):
                    return uri
    return "http://deb.debian.org/debian"


def apt_options(base: Path) -> list[str]:
    return [
        "-o",
        f"Dir::Etc::SourceList={base / 'sources.list'}",
        "-o",
        "Dir::Etc::SourceParts=/nonexistent",
        "-o",
        f"Dir::State::Lists={base / 'lists'}",
        "-o",
        f"Dir::Cache={base / 'cache'}",
        "-o",
        "Debug::NoLocking=1",
        "-o",
        "APT::Sandbox::User=root",
    ]


def fetch_sources(base: Path, log: Log) -> Path:
    """Debian's source tarballs of SOURCE_PACKAGES in base/src (kept between builds)."""
    sources = base / "src"
    if all(any(sources.glob(f"{name}_*.orig.tar.*")) for name in SOURCE_PACKAGES):
        return sources
    apt = base / "apt"
    for folder in (apt / "lists" / "partial", apt / "cache" / "archives" / "partial", sources):
        folder.mkdir(parents=True, exist_ok=True)
    (apt / "sources.list").write_text(
        f"deb-src {debian_mirror()} {SOURCE_SUITE} main\n", encoding="utf-8"
    )
    log(f"apt-get source --download-only {' '.join(SOURCE_PACKAGES)} ({SOURCE_SUITE})")
    run(["apt-get", *apt_options(apt), "update"], log)
    run(
        ["apt-get", *apt_options(apt), "source", "--download-only", *SOURCE_PACKAGES],
        log,
        cwd=sources,
    )
    return sources


def run(
    command: list[str], log: Log, cwd: Path | None = None, env: dict[str, str] | None = None
) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {result.returncode}:\n{result.stdout[-3000:]}\n"
            f"{result.stderr[-3000:]}"
        )
    return result.stdout


def clean_pip_env() -> dict[str, str]:
    """pip with the index only: no find-links or constraints of this machine."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON"))}
    env.update(PIP_CONFIG_FILE="/dev/null", PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def install_zig(base: Path, log: Log) -> Path:
    tools = base / "tools"
    zig = tools / "ziglang" / "zig"
    if not zig.is_file():
        log(f"pip install {ZIG} (Zig's C compiler)")
        run(
            [sys.executable, "-m", "pip", "install", "-q", "--target", str(tools), ZIG],
            log,
            env=clean_pip_env(),
        )
    return zig


def build_python(repo: Path, arch: str, base: Path, log: Log) -> Path:
    """CPython 3.11 for the target's glibc, installed in base/<arch>/python; returns python3."""
    target = TARGETS[arch]
    prefix = base / arch / "python"
    script = repo / "packaging" / "linux" / "build_cpython.sh"
    # a build of this same script for this target is reused (a fresh clone always builds)
    stamp = hashlib.sha256(script.read_bytes() + str(target["zig"]).encode()).hexdigest()
    python = prefix / "bin" / "python3.11"
    marker = prefix / ".fanwen-build"
    if python.is_file() and marker.is_file() and marker.read_text(encoding="utf-8") == stamp:
        log(f"CPython for {target['zig']}: reusing {prefix.relative_to(repo)}")
        return python
    sources = fetch_sources(base, log)
    zig = install_zig(base, log)
    shutil.rmtree(prefix, ignore_errors=True)
    log(f"CPython 3.11 with zig cc -target {target['zig']} (a few minutes)")
    started = time.monotonic()
    output = run(
        [
            "bash",
            str(repo / "packaging" / "linux" / "build_cpython.sh"),
            str(zig),
            str(target["zig"]),
            str(sources),
            str(base / arch / "cpython-build"),
            str(prefix),
        ],
        log,
    )
    for line in output.splitlines():
        if line.startswith("build_cpython: ") and "installed" not in line:
            log(line.removeprefix("build_cpython: "))
    log(f"CPython built in {time.monotonic() - started:.0f} s")
    (prefix / ".fanwen-build").write_text(stamp, encoding="utf-8")
    return python


def download_wheels(arch: str, pins: Path, wheels: Path, log: Log) -> None:
    """The binary wheels of the pinned requirements (and pip's own) for a target, into `wheels`."""
    platforms = [arg for p in TARGETS[arch]["platforms"] for arg in ("--platform", p)]
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "-q",
            "--only-binary=:all:",
            *platforms,
            "--python-version",
            "3.11",
            "--implementation",
            "cp",
            "-r",
            str(pins),
            BOOTSTRAP_PIP,
            "setuptools",
            "packaging",
            "-d",
            str(wheels),
        ],
        log,
        env=clean_pip_env(),
    )


def install_requirements(repo: Path, arch: str, python: Path, base: Path, log: Log) -> None:
    target = TARGETS[arch]
    wheels = base / arch / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    pins = repo / "packaging" / str(target["pins"])
    log(f"pip download packaging/{pins.name} for {target['platforms'][0]} and older")
    download_wheels(arch, pins, wheels, log)
    (pip_wheel,) = wheels.glob("pip-*.whl")
    bootstrap = (
        "import runpy, sys; sys.path.insert(0, sys.argv[1]); del sys.argv[1]; "
        "runpy.run_module('pip', run_name='__main__', alter_sys=True)"
    )
    env = clean_pip_env()
    run(
        [
            str(python),
            "-c",
            bootstrap,
            str(pip_wheel),
            "install",
            "-q",
            "--no-index",
            "--find-links",
            str(wheels),
            BOOTSTRAP_PIP,
        ],
        log,
        env=env,
    )
    log(f"pip install -r packaging/{pins.name} (from the downloaded wheels)")
    run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--no-index",
            "--find-links",
            str(wheels),
            "-r",
            str(pins),
        ],
        log,
        env=env,
    )


def refcount_check(repo: Path, python: Path, log: Log) -> None:
    env = dict(clean_pip_env(), QT_QPA_PLATFORM="offscreen")
    output = run(
        [str(python), str(repo / "tests" / "packaging" / "refcount_check.py")], log, env=env
    )
    log(output.strip().splitlines()[-1])


def bundle_system_library(bundle: Path, soname: str, log: Log) -> None:
    """Copy a library of this machine beside every copy of the Qt library that needs it."""
    path = debian._library_paths().get(soname)
    if path is None:
        raise RuntimeError(f"{soname} is not installed here")
    users = [
        p
        for p in bundle.rglob("libQt6*.so*")
        if soname
        in subprocess.run(
            ["readelf", "-d", str(p)], capture_output=True, text=True, check=True
        ).stdout
    ]
    for user in users:
        shutil.copy2(os.path.realpath(path), user.parent / soname)
    log(f"bundled {soname} beside {len(users)} Qt libraries (from {debian.owning_package(path)})")


def in_chroot(root: Path, command: list[str], log: Log, timeout: float = 3600) -> str:
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": "/root",
        "LANG": "C.UTF-8",
        "DEBIAN_FRONTEND": "noninteractive",
        "QT_QPA_PLATFORM": "offscreen",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    result = subprocess.run(
        ["chroot", str(root), *command], env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"in the chroot: {' '.join(command)} exited {result.returncode}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result.stdout


def build_arm64(repo: Path, version: str, log: Log) -> list[Path]:
    """The arm64 .deb: CPython cross-built by Zig, PyInstaller run under qemu in a chroot."""
    import try_chroot

    base = repo / "build" / "linux"
    started = time.monotonic()
    build_python_amd64 = build_python(repo, "amd64", base, log)
    root = base / "arm64" / "build-chroot"
    try_chroot.make(root, "arm64", log)
    try:
        step = time.monotonic()
        log(f"chroot: apt-get install {len(ARM64_BUILD_DEBS)} packages (under qemu)")
        in_chroot(root, ["apt-get", "update", "-q"], log)
        in_chroot(
            root,
            ["apt-get", "install", "-y", "-q", "--no-install-recommends", *ARM64_BUILD_DEBS],
            log,
        )
        log(f"chroot ready in {time.monotonic() - step:.0f} s")
        sources = fetch_sources(base, log)
        zig = install_zig(base, log)
        step = time.monotonic()
        log("CPython 3.11 cross-built with zig cc -target aarch64-linux-gnu.2.28")
        env = dict(os.environ, DESTDIR=str(root))
        output = run(
            [
                "bash",
                str(repo / "packaging" / "linux" / "build_cpython.sh"),
                str(zig),
                str(TARGETS["arm64"]["zig"]),
                str(sources),
                str(base / "arm64" / "cpython-build"),
                f"{BUILD_DIR}/python",
                str(build_python_amd64),
            ],
            log,
            env=env,
        )
        for line in output.splitlines():
            if "not found" in line or "installed" in line:
                log(line.removeprefix("build_cpython: "))
        log(f"CPython cross-built in {time.monotonic() - step:.0f} s")
        wheels = root / BUILD_DIR.lstrip("/") / "wheels"
        pins = repo / "packaging" / str(TARGETS["arm64"]["pins"])
        log(f"pip download packaging/{pins.name} (aarch64 wheels)")
        download_wheels("arm64", pins, wheels, log)
        python = f"{BUILD_DIR}/python/bin/python3.11"
        (pip_wheel,) = wheels.glob("pip-*.whl")
        bootstrap = (
            "import runpy, sys; sys.path.insert(0, sys.argv[1]); del sys.argv[1]; "
            "runpy.run_module('pip', run_name='__main__', alter_sys=True)"
        )
        step = time.monotonic()
        in_chroot(
            root,
            [
                python,
                "-c",
                bootstrap,
                f"{BUILD_DIR}/wheels/{pip_wheel.name}",
                "install",
                "-q",
                "--no-index",
                "--find-links",
                f"{BUILD_DIR}/wheels",
                BOOTSTRAP_PIP,
            ],
            log,
        )
        shutil.copy(pins, root / BUILD_DIR.lstrip("/") / pins.name)
        in_chroot(
            root,
            [
                python,
                "-m",
                "pip",
                "install",
                "-q",
                "--no-index",
                "--find-links",
                f"{BUILD_DIR}/wheels",
                "-r",
                f"{BUILD_DIR}/{pins.name}",
            ],
            log,
        )
        log(f"pins installed under qemu in {time.monotonic() - step:.0f} s")
        source = root / BUILD_DIR.lstrip("/") / "src"
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir(parents=True)
        for name in ("build.spec", "pyproject.toml"):
            shutil.copy(repo / name, source / name)
        for name in ("src", "templates", "resources", "packaging"):
            shutil.copytree(
                repo / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        (source / "tests" / "packaging").mkdir(parents=True)
        shutil.copy(
            repo / "tests" / "packaging" / "refcount_check.py",
            source / "tests" / "packaging" / "refcount_check.py",
        )
        output = in_chroot(
            root, [python, f"{BUILD_DIR}/src/tests/packaging/refcount_check.py"], log
        )
        log(output.strip().splitlines()[-1] + " (under qemu)")
        step = time.monotonic()
        log("PyInstaller build.spec (under qemu)")
        in_chroot(
            root,
            [
                "sh",
                "-c",
                f"cd {BUILD_DIR}/src && {python} -m PyInstaller "
                f"--noconfirm --clean --log-level WARN --distpath {BUILD_DIR}/dist "
                f"--workpath {BUILD_DIR}/work build.spec",
            ],
            log,
        )
        log(f"PyInstaller took {time.monotonic() - step:.0f} s")
        dist = repo / "dist" / "deb-arm64"
        shutil.rmtree(dist, ignore_errors=True)
        dist.mkdir(parents=True)
        shutil.copytree(
            root / BUILD_DIR.lstrip("/") / "dist" / "fanwen", dist / "fanwen", symlinks=True
        )
        bundle = dist / "fanwen"
        count, highest = elf_floor.check(bundle, "arm64")
        shown = ", ".join(f"{k}_{'.'.join(map(str, v))}" for k, v in sorted(highest.items()))
        log(f"ELF floor holds for all {count} ELF files: highest needed {shown}")
        deb = debian.build_deb(
            bundle,
            version,
            repo,
            repo / "dist",
            base / "arm64" / "deb",
            architecture="arm64",
            old_names=True,
            system_root=root,
        )
    finally:
        try_chroot.unmount_all(root)
    log(f"--target deb-arm64 built in {time.monotonic() - started:.0f} s")
    return [bundle, deb]


def build(repo: Path, arch: str, version: str, log: Log) -> list[Path]:
    if arch == "arm64":
        return build_arm64(repo, version, log)
    base = repo / "build" / "linux"
    started = time.monotonic()
    python = build_python(repo, arch, base, log)
    install_requirements(repo, arch, python, base, log)
    refcount_check(repo, python, log)
    dist = repo / "dist" / f"deb-{arch}"
    log("PyInstaller build.spec (with that CPython)")
    env = dict(clean_pip_env())
    run(
        [
            str(python),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(base / arch / "pyinstaller"),
            str(repo / "build.spec"),
        ],
        log,
        cwd=repo,
        env=env,
    )
    bundle = dist / "fanwen"
    for soname in TARGETS[arch].get("bundled", []):
        bundle_system_library(bundle, str(soname), log)
    count, highest = elf_floor.check(bundle, arch)
    shown = ", ".join(f"{k}_{'.'.join(map(str, v))}" for k, v in sorted(highest.items()))
    log(f"ELF floor holds for all {count} ELF files: highest needed {shown}")
    deb = debian.build_deb(
        bundle, version, repo, repo / "dist", base / arch / "deb", architecture=arch, old_names=True
    )
    log(f"--target deb-{arch} built in {time.monotonic() - started:.0f} s")
    return [bundle, deb]
