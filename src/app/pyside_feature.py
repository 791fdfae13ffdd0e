"""A lighter check behind PySide6's import hook (its `__feature__` support), for start-up.

Once PySide6 is loaded, every module imported afterwards is asked whether it uses PySide6 (so
that `from __feature__ import snake_case` can be honoured per module): PySide6 6.12 answers with
`inspect.getsource(module)`, which reads each module's source through `linecache` and keeps it
there, some 1.4 MB of text (3.4 MiB of Python objects) for the modules the app imports, and
costs the time of decoding and splitting every file into lines. The answer only needs to know
whether the bytes "PySide6" occur in the file: `lighten()` replaces the check with exactly that,
reading the file once and keeping nothing. Modules without a source file are treated as PySide6
treats them (not using it). Nothing is changed when PySide6's internals are not as expected.
"""

from __future__ import annotations

import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """Whether a module's source mentions PySide6 (PySide6's own criterion)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten() -> bool:
    """Install the lighter check; True when PySide6's feature module was found and patched."""
    import PySide6  # noqa: F401 - loads shiboken, which installs the import hook

    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = uses_pyside
    return True
