"""What goes into the PyInstaller bundle: the filtering rules `build.spec` applies.

PyInstaller's PySide6 hooks collect far more than Fanwen uses (every plugin of a module, every
Qt translation), and `excludes=` cannot drop a Qt library pulled in by linking. So the spec
filters the analysed `binaries` and `datas` through `keep_entry()`:

- PySide6 bindings only for `QT_BINDINGS`, Qt libraries only for `QT_LIBRARIES`;
- Qt plugins only from `QT_PLUGINS` (platforms for the desktop and for offscreen checks, the
  SVG image/icon engines, input methods for typing Chinese, printing);
- Qt's own translations only for `QT_TRANSLATION_LANGUAGES`;
- python-docx's unpacked copy of its default template (it reads the `.docx`), and the icon
  files only installers use (PNG sizes for the desktop's icon theme, the Windows `.ico`);
- on Linux, the desktop's shared libraries (X11/xcb, fontconfig, GLib, D-Bus, CUPS, the C++
  runtime...) are left to the system: the .deb declares them in `Depends`, so the bundle never
  shadows the system's own copies (config files, drivers and input methods match the system).

Plain Python (no PyInstaller import) so tests can check the rules on sample entries.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

# The Qt modules the app imports: the spec analyses exactly these PySide6 bindings and drops
# every other binding. PrintSupport prints and previews.
QT_BINDINGS = ("Core", "Gui", "Widgets", "PrintSupport")
# The Qt libraries kept: the bindings' own; Svg for the SVG icon engine and image plugin (the app
# icon is an SVG; no Python code draws SVG itself); DBus, a link-time dependency of Gui; XcbQpa,
# the xcb platform plugin's library on Linux. Every other Qt library is dropped.
QT_LIBRARIES = (*QT_BINDINGS, "Svg", "DBus", "XcbQpa")

# Qt plugins kept, as "<plugin folder>/<name stem>" with the platform's prefix and suffix removed
# ("libqxcb.so" and "qxcb.dll" are both "platforms/qxcb"). A folder alone keeps the whole folder.
QT_PLUGINS = (
    "platforms/qxcb",  # X11 (and XWayland on a Wayland desktop)
    "platforms/qoffscreen",  # headless checks: `fanwen gui --smoke` in CI
    "platforms/qwindows",
    "platforms/qcocoa",
    "styles",  # Windows 11 / macOS native styles live in plugins
    "imageformats/qsvg",  # the SVG app icon
    "iconengines/qsvgicon",
    "platforminputcontexts/composeplatforminputcontextplugin",  # dead keys, compose
    # ibus, and fcitx5 through its ibus frontend: how Chinese is typed on Linux desktops
    "platforminputcontexts/ibusplatforminputcontextplugin",
    "printsupport",  # CUPS printers on Linux (libcups comes from the system)
)

# Qt's own translations shipped: the app loads qtbase_zh_CN (standard buttons, dialogs).
QT_TRANSLATION_LANGUAGES = ("zh_CN", "en")
QT_TRANSLATION_CATALOGS = ("qtbase",)

# Linux: shared libraries under these folders belong to the system's packages: the .deb names
# them in `Depends` (checked when it is built) instead of shipping copies that would shadow them.
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")

_QT_LIB = re.compile(r"^(?:lib)?Qt6(?P<module>[A-Za-z0-9]+?)(?:\.so\.6.*|\.dll|\.dylib)?$")
_PYSIDE_BINDING = re.compile(r"^Qt(?P<module>[A-Za-z0-9]+?)\.(?:abi3\.so|pyd|pyi)$")
_QT_TRANSLATION = re.compile(r"^(?P<catalog>[a-z_]+?)_(?P<lang>[a-z]{2}(?:_[A-Z]{2})?)\.qm$")


def _posix(path: str) -> PurePosixPath:
    return PurePosixPath(path.replace("\\", "/"))


def _plugin_key(parts: tuple[str, ...]) -> tuple[str, str] | None:
    """("platforms", "qxcb") for ".../plugins/platforms/libqxcb.so"; None outside plugins/."""
    if "plugins" not in parts:
        return None
    rest = parts[parts.index("plugins") + 1 :]
    if len(rest) < 2:
        return (rest[0] if rest else "", "")
    name = rest[-1]
    stem = name.split(".", 1)[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return (rest[0], stem)


def keep_plugin(parts: tuple[str, ...]) -> bool:
    """Whether a file under a Qt `plugins/` folder is one Fanwen ships."""
    key = _plugin_key(parts)
    if key is None:
        return True
    folder, stem = key
    for wanted in QT_PLUGINS:
        wanted_folder, _, wanted_stem = wanted.partition("/")
        if wanted_folder == folder and (not wanted_stem or wanted_stem == stem):
            return True
    return False


def keep_qt_translation(name: str) -> bool:
    """Whether a Qt translation catalog (qtbase_zh_CN.qm...) is shipped."""
    match = _QT_TRANSLATION.match(name)
    if not match:
        return False
    return match["catalog"] in QT_TRANSLATION_CATALOGS and match["lang"] in QT_TRANSLATION_LANGUAGES


def is_pyside_file(dest: str) -> bool:
    parts = _posix(dest).parts
    return bool(parts) and parts[0] in ("PySide6", "shiboken6")


def keep_entry(dest: str, source: str, platform: str = sys.platform) -> bool:
    """Whether one analysed bundle entry (destination, source path) is kept."""
    path = _posix(dest)
    name = path.name
    parts = path.parts
    qt_lib = _QT_LIB.match(name)
    if qt_lib and not name.endswith(".qm"):
        return qt_lib["module"] in QT_LIBRARIES
    if parts and parts[0] == "PySide6":
        binding = _PYSIDE_BINDING.match(name)
        if binding and len(parts) == 2:
            return binding["module"] in QT_BINDINGS
        if "plugins" in parts:
            return keep_plugin(parts)
        if "translations" in parts and name.endswith(".qm"):
            return keep_qt_translation(name)
        if "qml" in parts[:3] or name == "opengl32sw.dll":
            return False  # QML imports; Mesa's software OpenGL for Windows (20 MB)
    if "pyside6qml" in name:
        return False  # PySide6's helper for the QML bindings, which are not shipped
    if parts[:3] == ("docx", "templates", "default-docx-template"):
        return False  # python-docx reads default.docx; this is its unpacked source (1 MB)
    if parts[:3] == ("resources", "icons", "hicolor") or name == "fanwen.ico":
        return False  # for the .deb's icon theme and the .exe's resource, not read at run time
    return not (platform.startswith("linux") and _is_system_library(source))


def _is_system_library(source: str) -> bool:
    """A shared library from the system's packages, not Python's own (a Debian Python keeps its
    libpython and extension modules under /usr/lib too: those are part of the bundle)."""
    src = source.replace("\\", "/")
    name = src.rsplit("/", 1)[-1]
    return (
        src.startswith(SYSTEM_LIBRARY_DIRS)
        and name.startswith("lib")
        and ".so" in name
        and not name.startswith("libpython")
        and "/python3" not in src
    )


def filter_entries(
    entries: Iterable[tuple[str, str, str]], platform: str = sys.platform
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """Split analysed entries into (kept, dropped)."""
    kept: list[tuple[str, str, str]] = []
    dropped: list[tuple[str, str, str]] = []
    for entry in entries:
        dest, source = entry[0], entry[1] or ""
        (kept if keep_entry(dest, source, platform) else dropped).append(entry)
    return kept, dropped


def project_version(root: Path) -> str:
    """The package version: `__version__` in src/app/__init__.py, the one place it is written
    (pyproject.toml reads it from there too, through hatch)."""
    source = (root / "src" / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"^__version__\s*=\s*[\"']([^\"']+)[\"']", source, re.MULTILINE)
    if match is None:
        raise RuntimeError("no __version__ in src/app/__init__.py")
    return match[1]


def version_quad(version: str) -> str:
    """'0.1.0' -> '0.1.0.0': Windows version resources (the .exe's, the installer's) take four
    numbers; a local part ('+...') is left out."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:4]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])
