"""A guard against a reference-count bug of PySide6 6.12 on Python 3.11.

PySide6-Essentials 6.12 (abi3 wheels) returns None from every method without a return value
without taking a reference to it: each call such as `QPointF.setX()` or `QTextLayout.beginLayout()`
lowers None's reference count by one. Python 3.12 and later make None immortal, so nothing
happens there; on Python 3.11 the count reaches zero after some thousands of calls and the
interpreter aborts ("Fatal Python error: none_dealloc: deallocating None"), while painting a few
pages or at exit. None is a static object that is never freed; raising its count far out of reach
(as Python 3.12 does) makes the missing references harmless.
"""

from __future__ import annotations

import ctypes
import sys

#: Far more void calls than any session makes (Python 3.12 uses a count of about 2**32).
_HEADROOM = 1 << 40


def keep_none_alive() -> None:
    """Raise None's reference count out of reach of PySide6's missing references (CPython
    before 3.12 only; idempotent)."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _HEADROOM:
        refcount.value += _HEADROOM
