"""Build the Linux `.deb` from the PyInstaller bundle with `dpkg-deb` alone.

Layout of the package:

    /opt/fanwen/                       the one-folder bundle (dist/fanwen)
    /usr/bin/fanwen                    -> /opt/fanwen/fanwen
    /usr/share/applications/fanwen.desktop            menu entry (Chinese and English names)
    /usr/share/mime/packages/fanwen.xml               the .fanwen draft type
    /usr/share/icons/hicolor/<N>x<N>/apps/fanwen.png  and scalable/apps/fanwen.svg
    /usr/share/doc/fanwen/copyright
    /usr/share/fontconfig/conf.avail/65-fanwen-gongwen.conf   the 公文 fonts' free stand-ins
    /etc/fonts/conf.d/65-fanwen-gongwen.conf          -> the above (enabled, as font packages do)

`Depends` is computed from the bundle: every shared library its ELF files need that the bundle
does not carry (the desktop libraries bundle_rules leaves to the system, and what PyInstaller
never bundles: libc, libGL...) is resolved on the build machine and mapped to the Debian package
that owns it; libc6 gets the lowest version that has every GLIBC_ symbol version used. Packages
renamed by Debian's 64-bit time_t transition get their new name as an alternative.

The fontconfig file is `app.core.font_rule`'s, the one the app writes for a writer who installed
with pip: each 公文 font name the exports ask for (仿宋, 黑体, 楷体, 方正小标宋简体, 宋体, their
Latin names and GB2312/GBK editions) accepts the free faces of the same style (Noto Serif CJK SC
for 仿宋, Noto Sans CJK SC for 黑体...). A system without the commercial fonts, as UOS and Kylin
usually are, then shows an exported DOCX in WPS or LibreOffice in a serif body and a sans
heading instead of one sans face for everything; a system that has the real fonts still uses
them.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

PACKAGE = "fanwen"
INSTALL_DIR = Path("opt") / PACKAGE
MAINTAINER = "Fanwen team <fanwen@localhost>"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The name of `app.core.font_rule`'s file (as the app writes it for one writer).
FONTCONFIG_NAME = "65-fanwen-gongwen.conf"
# Renamed in the 64-bit time_t transition (Debian 13, Ubuntu 24.04): "libcups2 | libcups2t64".
T64_RENAMED = frozenset({"libglib2.0-0", "libcups2", "libssl3", "libcurl4", "libpng16-16"})
# For UOS 20 (Debian 10 base) and Kylin V10 (Ubuntu 20.04 base), the release .debs name the
# packages those systems call otherwise as alternatives (Debian 10 still calls libgcc-s1 libgcc1).
OLD_NAMES = {"libgcc-s1": "libgcc-s1 | libgcc1"}
# Chinese text needs a CJK font; any of these does.
RECOMMENDS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"

DESCRIPTION = """\
范文填写助手: fill in Chinese model reports field by field
 Fanwen turns a model report (范文) whose facts are left as XX / X placeholders
 into the writer's own report: a form field for every placeholder, section by
 section, a live preview of the assembled report, checks on the numbers, and
 export as plain text, HTML, DOCX or PDF in the official 公文 layout.
 .
 An offline desktop application: nothing it does reaches the network."""

COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: fanwen

Files: *
Copyright: Fanwen team
License: MIT

Files: opt/fanwen/_internal/*
Comment: The bundled runtime: Python (PSF License), Qt 6 and PySide6 (LGPL-3.0),
 ICU (Unicode License V3), Jinja2 and MarkupSafe (BSD-3-Clause), python-docx (MIT),
 lxml with libxml2/libxslt (BSD-3-Clause, MIT). Their license texts are at
 /usr/share/common-licenses (LGPL-3) and in each project's distribution.
License: various
"""


def elf_files(root: Path) -> list[Path]:
    """Every ELF file under `root` (symbolic links are skipped: their targets are listed)."""
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed_libraries(bundle: Path) -> dict[str, set[str]]:
    """{soname: files needing it} for the shared libraries the bundle needs but lacks."""
    present = {path.name for path in bundle.rglob("*")}
    needed: dict[str, set[str]] = {}
    for path in elf_files(bundle):
        dynamic = subprocess.run(
            ["readelf", "-d", str(path)], capture_output=True, text=True, check=True
        ).stdout
        for soname in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic):
            if soname not in present:
                needed.setdefault(soname, set()).add(path.name)
    return needed


def _in_root(command: list[str], root: Path | None) -> list[str]:
    """`command` as run inside the system at `root` (a chroot), or here when None."""
    return ["chroot", str(root), *command] if root else command


def _library_paths(root: Path | None = None) -> dict[str, str]:
    """{soname: path} for the build machine's own (native, 64-bit) libraries, from ldconfig
    (of the system at `root`, a chroot of the target architecture, when given)."""
    listing = subprocess.run(
        _in_root(["ldconfig", "-p"], root), capture_output=True, text=True, check=True
    ).stdout
    paths: dict[str, str] = {}
    for line in listing.splitlines():
        match = re.match(r"\s*(\S+) \(([^)]*)\) => (\S+)", line)
        if match and ("x86-64" in match[2] or "64bit" in match[2] or "AArch64" in match[2]):
            paths.setdefault(match[1], match[3])
    return paths


def owning_package(path: str, root: Path | None = None) -> str:
    """The Debian package that installed `path` (merged /usr is tried both ways)."""
    real = os.path.realpath(path) if root is None else path
    candidates = [path, real]
    for candidate in list(candidates):
        if candidate.startswith("/usr/lib/"):
            candidates.append(candidate.removeprefix("/usr"))
        elif candidate.startswith("/lib/"):
            candidates.append("/usr" + candidate)
    for candidate in candidates:
        result = subprocess.run(
            _in_root(["dpkg", "-S", candidate], root), capture_output=True, text=True
        )
        if result.returncode == 0:
            package = result.stdout.split(":", 1)[0].split(",")[0].strip()
            return package
    raise RuntimeError(f"no Debian package owns {path}")


def glibc_version(bundle: Path) -> str:
    """The highest GLIBC_x.y symbol version any file of the bundle needs (`readelf -V`, which
    reads ELF files of any architecture)."""
    versions: set[tuple[int, ...]] = set()
    for path in elf_files(bundle):
        listing = subprocess.run(
            ["readelf", "-V", "-W", str(path)], capture_output=True, text=True, check=False
        ).stdout
        needs = listing.split("Version needs section", 1)[-1] if "Version needs" in listing else ""
        for found in re.findall(r"Name: GLIBC_(\d+(?:\.\d+)+)", needs):
            versions.add(tuple(int(part) for part in found.split(".")))
    return ".".join(str(part) for part in max(versions))


def depends(bundle: Path, old_names: bool = False, root: Path | None = None) -> list[str]:
    """The Depends field's entries for this bundle on this build machine (`old_names`: with the
    older systems' names as alternatives, OLD_NAMES)."""
    libraries = _library_paths(root)
    packages: dict[str, set[str]] = {}
    unresolved = []
    for soname, users in sorted(needed_libraries(bundle).items()):
        path = libraries.get(soname)
        if path is None:
            unresolved.append(f"{soname} (needed by {', '.join(sorted(users))})")
            continue
        packages.setdefault(owning_package(path, root), set()).add(soname)
    if unresolved:
        raise RuntimeError("libraries not found on this machine: " + "; ".join(unresolved))
    entries = [f"libc6 (>= {glibc_version(bundle)})"]
    for package in sorted(packages):
        if package == "libc6":
            continue
        if old_names and package in OLD_NAMES:
            entries.append(OLD_NAMES[package])
        else:
            entries.append(f"{package} | {package}t64" if package in T64_RENAMED else package)
    return entries


def machine_architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _installed_size_kib(root: Path) -> int:
    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


def _md5sums(root: Path, files: Iterable[Path]) -> str:
    lines = []
    for path in files:
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {path.relative_to(root).as_posix()}")
    return "\n".join(lines) + "\n"


def _copy(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def gongwen_font_rule(repo: Path) -> str:
    """The fontconfig file of the 公文 fonts' stand-ins: the one the app writes for a writer
    (`app.core.font_rule`), installed here for every user."""
    source = str(repo / "src")
    if source not in sys.path:  # the checkout being packaged, before any installed `app`
        sys.path.insert(0, source)
    from app.core import font_rule

    return font_rule.rule_text()


def build_deb(
    bundle: Path,
    version: str,
    repo: Path,
    out_dir: Path,
    work: Path,
    architecture: str | None = None,
    old_names: bool = False,
    system_root: Path | None = None,
) -> Path:
    """Assemble the package tree under `work` and build `out_dir/fanwen_<version>_<arch>.deb`
    (`architecture`: the Debian name, this machine's by default; `system_root`: a chroot of
    that architecture whose libraries and packages give Depends, this machine by default)."""
    if not (bundle / PACKAGE).is_file():
        raise RuntimeError(f"{bundle}: no {PACKAGE} executable: build the bundle first")
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    program = root / INSTALL_DIR
    shutil.copytree(bundle, program, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(Path("/") / INSTALL_DIR / PACKAGE)

    linux = repo / "packaging" / "linux"
    share = root / "usr" / "share"
    _copy(linux / "fanwen.desktop", share / "applications" / "fanwen.desktop")
    _copy(linux / "fanwen-mime.xml", share / "mime" / "packages" / "fanwen.xml")
    icons = repo / "resources" / "icons"
    for size in HICOLOR_SIZES:
        name = f"{size}x{size}"
        _copy(
            icons / "hicolor" / name / "apps" / "fanwen.png",
            share / "icons" / "hicolor" / name / "apps" / "fanwen.png",
        )
    _copy(icons / "fanwen.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "fanwen.svg")
    conf_avail = share / "fontconfig" / "conf.avail"
    conf_avail.mkdir(parents=True)
    (conf_avail / FONTCONFIG_NAME).write_text(gongwen_font_rule(repo), encoding="utf-8")
    conf_d = root / "etc" / "fonts" / "conf.d"
    conf_d.mkdir(parents=True)
    (conf_d / FONTCONFIG_NAME).symlink_to(
        Path("/usr/share/fontconfig/conf.avail") / FONTCONFIG_NAME
    )
    (share / "doc" / PACKAGE).mkdir(parents=True)
    (share / "doc" / PACKAGE / "copyright").write_text(COPYRIGHT, encoding="utf-8")

    for path in root.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    payload = sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())

    control_dir = root / "DEBIAN"
    control_dir.mkdir()
    control = {
        "Package": PACKAGE,
        "Version": version,
        "Architecture": architecture or machine_architecture(),
        "Maintainer": MAINTAINER,
        "Installed-Size": str(_installed_size_kib(root)),
        "Depends": ", ".join(depends(program, old_names, system_root)),
        "Recommends": RECOMMENDS,
        "Section": "editors",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    (control_dir / "control").write_text(
        "".join(f"{key}: {value}\n" for key, value in control.items()), encoding="utf-8"
    )
    (control_dir / "md5sums").write_text(_md5sums(root, payload), encoding="utf-8")
    for script in ("postinst", "postrm"):
        _copy(linux / script, control_dir / script, mode=0o755)

    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{control['Architecture']}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target
