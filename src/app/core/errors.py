"""The errors the core raises for bad input: each carries one clear, translated line."""

from __future__ import annotations


class FanwenError(Exception):
    """Base of every expected error: its message is meant for the writer, as it is."""


class TemplateError(FanwenError):
    """A template folder that cannot be used: names the file and the key that is wrong."""


class DraftError(FanwenError):
    """A draft file that cannot be opened: not JSON, not a draft, a newer format, ..."""


class ExportError(FanwenError):
    """An export that could not be written."""
