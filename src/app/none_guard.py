"""A guard against a reference-count bug in PySide6 6.12 on Python 3.11.

On Python before 3.12, PySide6 6.12.0 gives up a reference it never took on the object it hands
back from some calls: `None` from every Qt method that returns nothing (`setText`,
`setPosition`, `insertHtml`, ...), `True`/`False` from `Signal.emit`. These singletons start with
a few thousand references, so after some thousands of such calls the interpreter aborts with
"Fatal Python error: none_dealloc" (or "bool_dealloc"): a writer would lose the app mid-report
after a few hundred keystrokes. Python 3.12 made these objects immortal (PEP 683), which is why
the bug goes unnoticed there.

`protect_singletons()` gives them the same immortality on the older interpreters: it raises
their reference counts so high that no session can bring them to zero. The count is the first
field of every object in CPython release builds; the change is checked through
`sys.getrefcount`, and when it cannot be made (another interpreter, a debug build) large lists
of references are kept instead and topped up by `check_singletons()`. Nothing is done on Python
3.12 and later.
"""

from __future__ import annotations

import sys

#: How many references are added: more than any session can lose (one per Qt call).
TOP_UP = 1 << 40
#: The fallback: references held in lists (8 bytes each), topped up when they run low.
FALLBACK_RESERVE = 1_000_000
LOW_WATER = 200_000
SINGLETONS: tuple[object, ...] = (None, True, False)

_reserve: list[object] = []
_protected = False


def protect_singletons() -> bool:
    """Make the singletons' reference counts unreachable by the leak; True when done (or not
    needed on this interpreter)."""
    global _protected
    if sys.version_info >= (3, 12) or _protected:
        return True
    done = True
    for singleton in SINGLETONS:
        if not _top_up(singleton):
            done = False
    _protected = done
    if not done:
        check_singletons()
    return done


def _top_up(singleton: object) -> bool:
    if sys.implementation.name != "cpython" or hasattr(sys, "gettotalrefcount"):
        return False
    try:  # imported before measuring: importing creates references too
        # ctypes' own engine: the `ctypes` package would add ~2 ms of start-up for one type
        from _ctypes import _SimpleCData
    except ImportError:
        return False

    class SsizeT(_SimpleCData):  # ctypes.c_ssize_t: a pointer-sized signed int
        _type_ = "q" if sys.maxsize > 2**32 else "i"

    count = SsizeT.from_address(id(singleton))
    before = sys.getrefcount(singleton)
    # The field read must be the reference count itself (getrefcount adds its argument).
    if abs(count.value - before) > 2:
        return False
    count.value += TOP_UP
    return sys.getrefcount(singleton) >= before + TOP_UP


def check_singletons() -> None:
    """Top the fallback reserve up when a count runs low (cheap: call it often)."""
    if _protected or sys.version_info >= (3, 12):
        return
    for singleton in SINGLETONS:
        if sys.getrefcount(singleton) < LOW_WATER:
            _reserve.extend([singleton] * FALLBACK_RESERVE)
