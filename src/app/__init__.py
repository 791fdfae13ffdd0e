"""Fanwen (范文填写助手): fill in Chinese model reports field by field."""

#: The one place the version is written; pyproject.toml reads it from here (hatch).
__version__ = "0.1.0"
