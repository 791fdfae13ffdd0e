"""Faults injected by the tests: a disk that fills up in the middle of a write."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from typing import Any

import pytest


class HalfWritingHandle:
    """A file handle whose write stops half way with "disk full" (what was written reaches
    the disk, as it would)."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> HalfWritingHandle:
        return self

    def __exit__(self, *args: object) -> None:
        self.handle.close()


def fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every atomic write from now on (app.core.atomic) fails half way with "disk full"."""
    from app.core import atomic

    real_fdopen: Callable[..., Any] = os.fdopen
    monkeypatch.setattr(
        atomic.os, "fdopen", lambda fd, *a, **k: HalfWritingHandle(real_fdopen(fd, *a, **k))
    )
