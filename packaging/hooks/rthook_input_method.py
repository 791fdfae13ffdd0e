"""PyInstaller runtime hook (Linux): let Chinese input methods reach the frozen app.

Chinese desktops (UOS, Kylin, and most Chinese setups elsewhere) run fcitx5 and export
QT_IM_MODULE=fcitx. The bundle carries Qt's own input-method plugins only (ibus, compose): a
system fcitx plugin is built against the system's Qt and cannot be loaded into ours. Asked for
"fcitx", Qt would fall back to "compose" and the writer could not type Chinese.

fcitx5 also speaks the ibus protocol (its ibus frontend, on by default) and offers it on the
session bus as the IBus portal. So, when the desktop asks for an input method we do not ship,
the hook gives Qt the fallback list it understands since 6.8, QT_IM_MODULES (what the desktop
asked for, then ibus, then compose), and tells Qt's ibus plugin to use the portal
(IBUS_USE_PORTAL=1): the ibus plugin's own socket lookup does not reach fcitx5 (checked with
fcitx5 5.0 on Debian 12: through the portal, pinyin is typed into the frozen app).
An explicit QT_IM_MODULES, or a request for a plugin we ship (ibus, compose), is left alone.
"""

import os
import sys

SHIPPED = ("ibus", "compose", "none")


def input_method_environment(environ: "dict[str, str] | os._Environ[str]") -> "dict[str, str]":
    """The variables to set for this environment (empty: leave everything as it is)."""
    if environ.get("QT_IM_MODULES"):
        return {}
    requested = environ.get("QT_IM_MODULE", "").strip()
    if requested:
        if requested.split(":", 1)[0].lower() in SHIPPED:
            return {}
        modules = f"{requested};ibus;compose"
    elif "@im=" in environ.get("XMODIFIERS", "") and "@im=none" not in environ["XMODIFIERS"]:
        modules = "ibus;compose"  # an input method runs (fcitx, ibus) but Qt was told nothing
    else:
        return {}
    changes = {"QT_IM_MODULES": modules}
    if "IBUS_USE_PORTAL" not in environ:
        changes["IBUS_USE_PORTAL"] = "1"
    return changes


if sys.platform.startswith("linux"):
    os.environ.update(input_method_environment(os.environ))
