"""PySide6's reference counts of None/True/False stay put over many Qt calls (a release check).

    python refcount_check.py

Run by the release builds with the interpreter and the PySide6 each installer ships (the
Windows embeddable CPython under Wine, the glibc-2.28 CPython, the arm64 one under qemu), without
the app's none_guard. PySide6-Essentials 6.12.0 on Python 3.11 gives up a reference to None on
every call that returns nothing and to True on every emit: after enough calls the interpreter
deallocates a singleton and aborts. Exit 0 and one line with the drift when the counts hold
(Python 3.12+ has immortal singletons: the check still runs, and passes).
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

CALLS = 60_000


class Emitter(QObject):
    changed = Signal(str)


def counts() -> dict[str, int]:
    return {
        "None": sys.getrefcount(None),
        "True": sys.getrefcount(True),
        "False": sys.getrefcount(False),
    }


def main() -> int:
    app = QApplication(sys.argv[:1])
    emitter = Emitter()
    before = counts()
    for _ in range(CALLS):
        emitter.setObjectName("x")  # returns nothing: a reference to None
        emitter.changed.emit("x")  # a reference to True
        emitter.blockSignals(False)  # returns a bool
    after = counts()
    drift = {name: after[name] - before[name] for name in before}
    ok = all(abs(value) < 1000 for value in drift.values())
    print(
        f"refcount check: PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} "
        f"({sys.platform}): {CALLS} calls, drift {drift}: {'pass' if ok else 'FAIL'}"
    )
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
