"""Where Fanwen reads its own data from and writes the user's data to.

`data_dir()` is the one place that knows where the built-in templates and resources are, in
every form the program runs in: a source checkout, an installed wheel, a PyInstaller bundle.
`user_dir()` is where everything the app writes goes; `FANWEN_HOME` relocates it, so tests and
portable installs never touch the real profile.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "fanwen"


def data_dir() -> Path:
    """The folder holding `templates/` and `resources/` shipped with the program."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller bundle: build.spec puts both folders at the bundle root
        return Path(frozen_root)
    package = Path(__file__).resolve().parent.parent
    installed = package / "_data"
    if (installed / "templates").is_dir():
        return installed
    return package.parent.parent  # source checkout: src/app -> repository root


def builtin_templates_dir() -> Path:
    """The templates that ship with Fanwen."""
    return data_dir() / "templates"


def resources_dir() -> Path:
    """Icons, translations and export resources."""
    return data_dir() / "resources"


def user_dir() -> Path:
    """Where settings, user templates, autosaves and logs live (FANWEN_HOME when set)."""
    home = os.environ.get("FANWEN_HOME")
    if home:
        return Path(home).expanduser()
    if sys.platform == "win32":
        base = os.environ.get("APPDATA") or str(Path.home() / "AppData" / "Roaming")
        return Path(base) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / APP_NAME


def user_templates_dir() -> Path:
    """The writer's own templates."""
    return user_dir() / "templates"


def autosave_dir() -> Path:
    """Autosaved drafts, offered back after a crash."""
    return user_dir() / "autosave"


def log_dir() -> Path:
    """Crash logs and other diagnostics."""
    return user_dir() / "logs"


def settings_file() -> Path:
    """The settings file (an INI file written through QSettings by the app)."""
    return user_dir() / "settings.ini"
