"""The PySide6 releases the app refuses to run on, checked before its first Qt call.

PySide6 6.12.0 on Python before 3.12 gives up a reference to `None` at every Qt method that
returns nothing and to `True`/`False` at every `Signal.emit`, references it never took: after a
few hundred to a few thousand calls the interpreter aborts ("Fatal Python error: none_dealloc").
From Python 3.12 on these objects are immortal and the same release is harmless. The releases
measured, and how, are in docs/performance.md ("PySide6 releases"); pyproject.toml's
requirements exclude the same range, and tests/ui/test_pyside_check.py fails on it.
"""

from __future__ import annotations

import sys

from app.core.errors import FanwenError
from app.core.i18n import _

#: From this release on, on Python before 3.12, unsafe (6.12.0 measured; later ones unmeasured).
FIRST_UNSAFE = (6, 12)
#: The Python from which None, True and False are immortal (PEP 683).
IMMORTAL_SINGLETONS = (3, 12)


class UnsafePySide(FanwenError):
    """The installed PySide6 would abort the interpreter on this Python."""


def refusal(python: tuple[int, ...], pyside: tuple[int, ...]) -> str | None:
    """Why this PySide6 release cannot run on this Python, or None when it can."""
    if tuple(python[:2]) >= IMMORTAL_SINGLETONS or tuple(pyside[:2]) < FIRST_UNSAFE:
        return None
    return _(
        "PySide6 {pyside} on Python {python} loses references to None, True and False and "
        "would abort the app after a few thousand Qt calls: install “PySide6-Essentials<6.12” "
        "or run Fanwen on Python 3.12 or later.",
        pyside=".".join(str(part) for part in pyside[:3]),
        python=f"{python[0]}.{python[1]}",
    )


def require_safe_pyside() -> None:
    """Raise UnsafePySide (one clear line) when the installed PySide6 is a refused release."""
    import PySide6

    reason = refusal(sys.version_info[:2], tuple(PySide6.__version_info__[:3]))
    if reason is not None:
        raise UnsafePySide(reason)
