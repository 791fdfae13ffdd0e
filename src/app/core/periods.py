"""The next period's report from the last: what a draft keeps of the one it came from.

A draft made with 新建下一期 (`fanwen next`) holds, besides its own values, the previous
period's under ``"previous"`` (the draft's top-level entries this version knows nothing of are
kept by `app.core.draft`, so older versions of Fanwen keep it too)::

    "previous": {"from": "2026年1月.fanwen", "values": {"found": "12", ...}}

Formulas read them with ``prev("key")``; the form shows them beside the field as 上期.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: The draft's top-level entry holding the previous period.
PREVIOUS = "previous"


def previous_values(extra: Mapping[str, Any]) -> dict[str, str]:
    """The previous period's values a draft holds (its `extra` entries); {} when none."""
    entry = extra.get(PREVIOUS)
    values = entry.get("values") if isinstance(entry, dict) else None
    if not isinstance(values, dict):
        return {}
    return {k: v for k, v in values.items() if isinstance(k, str) and isinstance(v, str)}
