"""Debian 11 chroots for building (arm64) and trying the .debs, made with debootstrap.

A chroot of another architecture runs its programs through qemu-user-static, which the kernel
finds through binfmt_misc (`enable_qemu`). Nothing is deleted while anything is mounted in it.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

SUITE = "bullseye"  # Debian 11, glibc 2.31: the oldest Debian release still served

Log = Callable[[str], None]


def debian_mirror() -> str:
    from linux_release import debian_mirror as mirror

    return mirror()


def mounts_under(root: Path) -> list[str]:
    """Mount points at or below `root`, deepest first."""
    resolved = str(root.resolve())
    points = []
    with open("/proc/mounts", encoding="utf-8") as table:
        for line in table:
            point = line.split()[1].replace("\\040", " ")
            if point == resolved or point.startswith(resolved + "/"):
                points.append(point)
    return sorted(points, key=len, reverse=True)


def unmount_all(root: Path) -> None:
    for point in mounts_under(root):
        subprocess.run(["umount", "-l", point], check=False)
    left = mounts_under(root)
    if left:
        raise SystemExit(f"still mounted, not touching {root}: {left}")


def remove(root: Path) -> None:
    """Delete a chroot, never while anything is mounted inside it."""
    if root.exists():
        unmount_all(root)
        shutil.rmtree(root)


def enable_qemu(arch: str) -> None:
    """Let the kernel run `arch` programs through qemu-user-static (binfmt_misc)."""
    if arch == "amd64":
        return
    names = {"arm64": "qemu-aarch64"}
    binfmt = Path("/proc/sys/fs/binfmt_misc")
    if not (binfmt / "status").exists():
        subprocess.run(["mount", "-t", "binfmt_misc", "binfmt_misc", str(binfmt)], check=True)
    if not (binfmt / names[arch]).exists():
        subprocess.run(["update-binfmts", "--enable", names[arch]], check=True)


def make(root: Path, arch: str, log: Log) -> None:
    """A fresh minimal Debian 11 of `arch` at `root`, with /proc and /dev mounted."""
    remove(root)
    root.parent.mkdir(parents=True, exist_ok=True)
    enable_qemu(arch)
    started = time.monotonic()
    result = subprocess.run(
        ["debootstrap", "--variant=minbase", f"--arch={arch}", SUITE, str(root), debian_mirror()],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"debootstrap: {result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    log(f"debootstrap {SUITE} ({arch}) in {time.monotonic() - started:.0f} s")
    mount(root, arch)


def mount(root: Path, arch: str) -> None:
    """/proc and /dev inside the chroot (unmount_all takes them away)."""
    enable_qemu(arch)
    subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")], check=True)
    subprocess.run(["mount", "--bind", "/dev", str(root / "dev")], check=True)
