"""The `fanwen` commands for a report's numbers: the next period's draft (`next`), values
filled from a spreadsheet (`fill`), the values as a table (`values`), a report per row of a
table (`batch`).

Registered by `app.cli` (its parser and its one-line errors): every error here is a
`FanwenError` naming the file, printed as one line with a non-zero exit, and nothing is written
unless the whole result is.
"""

from __future__ import annotations

import argparse
import sys
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
    from app.core.periods import next_draft
    from app.core.template_copy import template_for_draft

    source: Path = args.draft
    output: Path = args.output
    draft = load_draft(source)
    template = template_for_draft(draft)  # or the copy the draft carries
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


def _fill_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "fill", help=_("fill a draft's values from a spreadsheet (.xlsx or .csv)")
    )
    parser.add_argument("draft", type=Path, help=_("the draft to fill"))
    parser.add_argument(
        "--from",
        dest="table",
        type=Path,
        required=True,
        help=_("the spreadsheet: a column of labels and one of values, or a header row"),
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        help=_("write the filled draft here (default: the draft itself, keeping a .bak)"),
    )


def _fill(args: argparse.Namespace) -> int:
    from app.core.draft import load_draft
    from app.core.saving import save_draft_safely
    from app.core.session import ReportSession
    from app.core.spreadsheet import read_fill
    from app.core.template_copy import template_for_draft

    source: Path = args.draft
    output: Path = args.output or source
    draft = load_draft(source)
    template = template_for_draft(draft)  # or the copy the draft carries
    session = ReportSession(template, draft, source)
    plan = read_fill(args.table, template, session.model.values)
    before = dict(session.model.values)
    session.set_values(plan.values)
    save_draft_safely(session.current_draft(), output)
    for key, text in plan.values.items():
        label = template.field(key).label
        old = before.get(key, "")
        print(_("{label}: {old} → {new}", label=label, old=old or "—", new=text))
    for entry in plan.unmatched:
        _warn(
            _(
                "{file}: “{name}” ({where}) matches no field; not filled.",
                file=args.table,
                name=entry.name,
                where=entry.where,
            )
        )
    for match in plan.computed:
        _warn(
            _(
                "{file}: “{name}” is computed by its formula; the table's value is not used.",
                file=args.table,
                name=template.field(match.key).label,
            )
        )
    problems = [
        problem
        for key in plan.values
        if (problem := session.model.value_problem(key, include_missing=False)) is not None
    ]
    for problem in problems:
        label = template.field(problem.keys[0]).label
        _warn(_("{label}: {message}", label=label, message=problem.message))
    print(
        _(
            "{file}: {count} values filled from {table}.",
            file=output,
            count=len(plan.values),
            table=args.table,
        )
    )
    return 0


def _values_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "values", help=_("write a draft's values as a table: label, key, value, unit")
    )
    parser.add_argument("draft", type=Path)
    parser.add_argument("--format", "-f", default="csv", choices=["csv", "xlsx"])
    parser.add_argument(
        "-o", "--output", type=Path, help=_("output file (default: the draft's name)")
    )


def _values(args: argparse.Namespace) -> int:
    from app.core.draft import load_draft
    from app.core.session import ReportSession
    from app.core.template_copy import template_for_draft
    from app.core.value_table import write_values

    draft = load_draft(args.draft)
    model = ReportSession(template_for_draft(draft), draft, args.draft).model
    output: Path = args.output or args.draft.with_suffix("." + args.format)
    from app.core.saving import same_file

    if same_file(output, args.draft):
        raise DraftError(
            _(
                "{file}: the export would replace the draft itself; name another file with -o.",
                file=output,
            )
        )
    write_values(model, args.format, output)
    print(output)
    return 0


def _batch_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "batch", help=_("write a report per row of a spreadsheet (批量生成)")
    )
    parser.add_argument("--template", required=True, help=_("template id"))
    parser.add_argument(
        "--rows",
        type=Path,
        required=True,
        help=_("the spreadsheet: a header row of field labels or keys, a row per report"),
    )
    parser.add_argument("--out", type=Path, required=True, help=_("the folder for the reports"))
    parser.add_argument("--format", "-f", required=True, help="txt, html, docx, pdf")
    parser.add_argument(
        "--name-column", help=_("the column naming each file (default: the unit's name)")
    )
    parser.add_argument(
        "--author", default="", help=_("the author written into DOCX and PDF properties")
    )
    parser.add_argument(
        "--force", action="store_true", help=_("export even with unfilled or invalid fields")
    )


def _batch(args: argparse.Namespace) -> int:
    import app.printing  # noqa: F401 - adds "pdf" to FORMATS (Qt is loaded only to draw it)
    from app.core.batch import read_batch, run_batch
    from app.core.library import find_template

    template = find_template(args.template)
    plan = read_batch(args.rows, template, args.name_column)
    fmt = args.format.lower().lstrip(".")
    result = run_batch(plan, template, fmt, args.out, args.force, args.author)
    for path in result.written:
        print(path)
    for title in plan.unmatched:
        _warn(_("{file}: column “{name}” matches no field; not used.", file=args.rows, name=title))
    for row in result.skipped:
        _warn(
            _(
                "{file}: row {number} ({name}) not exported: {problems}",
                file=args.rows,
                number=row.number,
                name=row.stem,
                problems="; ".join(row.problems),
            )
        )
    summary = _(
        "{written} reports written to {folder}, {skipped} rows left out (use --force to "
        "export them anyway).",
        written=len(result.written),
        folder=args.out,
        skipped=len(result.skipped),
    )
    if result.skipped:
        print("fanwen: " + summary, file=sys.stderr)
        return 1
    return 0


def _warn(message: str) -> None:
    print("fanwen: " + _("Warning: {message}", message=message), file=sys.stderr)


#: Each command: its parser's maker and what runs it.
COMMANDS: dict[str, tuple[Callable[[Any], None], Callable[[argparse.Namespace], int]]] = {
    "next": (_next_parser, _next),
    "fill": (_fill_parser, _fill),
    "values": (_values_parser, _values),
    "batch": (_batch_parser, _batch),
}
