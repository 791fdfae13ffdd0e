"""The `fanwen` commands for a report's numbers: the next period's draft (`next`).

Registered by `app.cli` (its parser and its one-line errors): every error here is a
`FanwenError` naming the file, printed as one line with a non-zero exit, and nothing is written
unless the whole result is.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.errors import DraftError
from app.core.i18n import _


def _next_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "next", help=_("make the next period's draft from a draft (新建下一期)")
    )
    parser.add_argument("draft", type=Path, help=_("this period's draft"))
    parser.add_argument(
        "-o", "--output", type=Path, required=True, help=_("the new draft (must not exist)")
    )


def _next(args: argparse.Namespace) -> int:
    from app.core.draft import load_draft, save_draft
    from app.core.library import find_template
    from app.core.periods import next_draft

    source: Path = args.draft
    output: Path = args.output
    draft = load_draft(source)
    template = find_template(draft.template)
    if output.exists():
        raise DraftError(_("{file}: already exists; name a new file.", file=output))
    new = next_draft(template, draft, source.resolve())
    try:
        save_draft(new, output)
    except OSError as exc:
        raise DraftError(
            _("{file}: cannot be written: {error}", file=output, error=exc.strerror or exc)
        ) from None
    print(output)
    return 0


#: Each command: its parser's maker and what runs it.
COMMANDS: dict[str, tuple[Callable[[Any], None], Callable[[argparse.Namespace], int]]] = {
    "next": (_next_parser, _next),
}
