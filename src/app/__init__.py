"""Fanwen (范文填写助手): fill in Chinese model reports field by field."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("fanwen")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
