"""The `fanwen` command: the desktop app with no sub-command, headless commands on the core.

    fanwen [DRAFT.fanwen]            open the desktop app (on a draft)
    fanwen gui [DRAFT] [--smoke]     the same; --smoke opens, renders and exits (packaging checks)
    fanwen templates [--json]        the templates available
    fanwen fields [--template ID] [--json]
    fanwen check DRAFT               unfilled and invalid fields, rule warnings
    fanwen export DRAFT --format txt|html|docx|pdf [-o OUT] [--encoding utf-8|gb18030]
                 [--author NAME] [--force]
    fanwen template import FILE [--id ID] [--title TITLE]
                                     make a template of a 范文 (.txt or .docx); prints its id
    fanwen fonts [--install | --remove]
                                     Linux: the fontconfig rule giving the 公文 fonts free
                                     stand-ins (exit 0: installed, 1: not installed)

Every error is one line on stderr naming the file or field, with a non-zero exit and no
traceback; exports are written atomically, so a failed one leaves no file behind.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from app import __version__
from app.core import i18n
from app.core.errors import FanwenError
from app.core.i18n import _
from app.number_commands import COMMANDS as NUMBER_COMMANDS

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 70


class CliError(Exception):
    """An error to print as one line, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (and exit 2) instead of a usage dump."""

    def error(self, message: str) -> NoReturn:
        raise CliError(
            _("{command}: {error} (see “fanwen --help”)", command=self.prog, error=message)
        )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The one argument parser, with every sub-command, or only `command`'s when the command
    line names one (what the other sub-commands take is not needed to read it)."""
    parser = _Parser(prog="fanwen", description=_("Fill in Chinese model reports (范文)."))
    parser.add_argument("--version", action="version", version=f"fanwen {__version__}")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name, add in _COMMAND_PARSERS.items():
        if command is None or name == command:
            add(commands)
    return parser


def _gui_parser(commands: Any) -> None:
    gui = commands.add_parser("gui", help=_("open the desktop app"))
    gui.add_argument("draft", nargs="?", type=Path, help=_("a draft file to open"))
    gui.add_argument(
        "--smoke", action="store_true", help=_("open the window, render the preview, and exit")
    )


def _templates_parser(commands: Any) -> None:
    templates = commands.add_parser("templates", help=_("list the templates available"))
    templates.add_argument("--json", action="store_true", help=_("print JSON"))


def _fields_parser(commands: Any) -> None:
    fields = commands.add_parser("fields", help=_("list a template's fields in document order"))
    fields.add_argument("--template", default="sixin", help=_("template id (default: sixin)"))
    fields.add_argument("--json", action="store_true", help=_("print JSON"))


def _check_parser(commands: Any) -> None:
    check = commands.add_parser("check", help=_("check a draft: unfilled, invalid, warnings"))
    check.add_argument("draft", type=Path)


def _export_parser(commands: Any) -> None:
    export = commands.add_parser("export", help=_("export a draft as a report"))
    export.add_argument("draft", type=Path)
    export.add_argument("--format", "-f", required=True, help="txt, html, docx, pdf")
    export.add_argument("-o", "--output", type=Path, help=_("output file"))
    export.add_argument(
        "--encoding",
        default="utf-8",
        choices=["utf-8", "gb18030"],
        help=_("text encoding for txt (default: UTF-8 with BOM)"),
    )
    export.add_argument(
        "--author", default=None, help=_("the author written into DOCX and PDF properties")
    )
    export.add_argument(
        "--force", action="store_true", help=_("export even with unfilled or invalid fields")
    )


def _template_parser(commands: Any) -> None:
    template = commands.add_parser("template", help=_("manage your own templates"))
    template_commands = template.add_subparsers(dest="template_command", parser_class=_Parser)
    template_import = template_commands.add_parser(
        "import", help=_("make a template of a 范文 (.txt or .docx) and print its id")
    )
    template_import.add_argument("file", type=Path, help=_("the 范文: a .txt or .docx file"))
    template_import.add_argument("--id", help=_("the new template's id (default: from the file)"))
    template_import.add_argument(
        "--title", help=_("the new template's title (default: the 范文's title line)")
    )
    template_import.add_argument(
        "--blank-suspects",
        action="store_true",
        help=_(
            "also make fields of the runs that are probably not blanks (镇X委, X光, e-mail "
            "addresses); by default they stay as written"
        ),
    )


def _fonts_parser(commands: Any) -> None:
    fonts = commands.add_parser(
        "fonts", help=_("Linux: whether LibreOffice finds stand-ins for the 公文 fonts")
    )
    action = fonts.add_mutually_exclusive_group()
    action.add_argument(
        "--install",
        action="store_true",
        help=_("write the fontconfig rule for you (~/.config/fontconfig/conf.d)"),
    )
    action.add_argument("--remove", action="store_true", help=_("remove that rule again"))


_COMMAND_PARSERS: dict[str, Callable[[Any], None]] = {
    "gui": _gui_parser,
    "templates": _templates_parser,
    "fields": _fields_parser,
    "check": _check_parser,
    "export": _export_parser,
    "template": _template_parser,
    "fonts": _fonts_parser,
    **{name: parser for name, (parser, _run) in NUMBER_COMMANDS.items()},
}
COMMANDS = tuple(_COMMAND_PARSERS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    _setup_streams()
    if os.environ.get("FANWEN_LANG", "").lower().startswith("en"):
        i18n.set_language("en")
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        args_list.insert(0, "gui")
    try:
        named = args_list[0] if args_list[0] in COMMANDS else None
        args = build_parser(named).parse_args(args_list)
        return _run(args)
    except CliError as exc:
        _print_error(str(exc))
        return exc.code
    except FanwenError as exc:
        _print_error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `fanwen fields | head`: the reader has gone, nothing to report
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_PROBLEMS
    except Exception as exc:  # a bug: one line for the writer, the traceback in the log
        log = _log_traceback()
        _print_error(_("Internal error: {error} (details in {log})", error=exc, log=log))
        return EXIT_INTERNAL


def _run(args: argparse.Namespace) -> int:
    if args.command == "gui":
        # Start-up allocates tens of thousands of objects that live as long as the app (modules,
        # classes, Qt's enums, widgets): collecting while they are made only costs time.
        # `run_gui` turns the collector back on, with those objects set aside (gc.freeze).
        gc.disable()
        try:
            # The window's core first: PySide6's import hook reads the source of every module
            # imported after it, and the core has no Qt (docs/performance.md).
            import app.core.autosave_writer
            import app.core.library
            import app.core.session
            import app.core.template_copy  # noqa: F401
            from app.ui.application import run_gui

            return run_gui(draft=args.draft, smoke=args.smoke)
        finally:
            # The app's objects all go with the process: the interpreter's last collection at
            # exit need not walk them first (tens of thousands on a long report).
            gc.freeze()
            gc.enable()
    if args.command == "templates":
        return _templates(args)
    if args.command == "fields":
        return _fields(args)
    if args.command == "check":
        return _check(args)
    if args.command == "export":
        return _export(args)
    if args.command in NUMBER_COMMANDS:
        return NUMBER_COMMANDS[args.command][1](args)
    if args.command == "fonts":
        return _fonts(args)
    if args.command == "template":
        if args.template_command == "import":
            return _template_import(args)
        raise CliError(_("fanwen template: say what to do (see “fanwen template --help”)"))
    raise CliError(_("Unknown command."))


def _fonts(args: argparse.Namespace) -> int:
    """The writer's fontconfig rule for the 公文 fonts: its state, or install or remove it."""
    from app.core import font_rule
    from app.core.font_rule import RuleState

    if not font_rule.supported():
        message = _(
            "Only for Linux: Word, WPS and LibreOffice on this system find stand-ins for the "
            "公文 fonts themselves."
        )
        if args.install or args.remove:
            raise CliError(message)
        _print(message)
        return EXIT_OK
    path = font_rule.user_rule_path()
    if args.install:
        font_rule.install_rule(path)
        _print(_("Installed {file}; restart LibreOffice and WPS if they are open.", file=path))
        return EXIT_OK
    if args.remove:
        if font_rule.remove_rule(path):
            _print(_("Removed {file}; restart LibreOffice and WPS if they are open.", file=path))
        else:
            _print(_("{file}: not installed; nothing to remove.", file=path))
        return EXIT_OK
    state = font_rule.rule_state(path)
    if state is RuleState.INSTALLED:
        _print(_("{file}: installed.", file=path))
        return EXIT_OK
    if state is RuleState.OUTDATED:
        _print(_("{file}: from another version; “fanwen fonts --install” updates it.", file=path))
    elif state is RuleState.FOREIGN:
        _print(_("{file}: another file is already there; Fanwen leaves it as it is.", file=path))
    else:
        _print(_("{file}: not installed; “fanwen fonts --install” installs it.", file=path))
    return EXIT_PROBLEMS


def _template_import(args: argparse.Namespace) -> int:
    from app.core.importer import import_template

    _check_text_argument("--title", args.title)
    _check_text_argument("--id", args.id)

    folder, plan = import_template(args.file, args.id, args.title, args.blank_suspects)
    for warning in plan.warnings:
        _print_error(_("Warning: {message}", message=warning))
    kept = [suspect for suspect in plan.suspects if not suspect.as_blank]
    if kept:
        _print_error(
            _(
                "{count} runs that look like blanks were kept as written (such as {example}: "
                "{reason}); add --blank-suspects to make them fields.",
                count=len(kept),
                example=kept[0].context,
                reason=kept[0].reason,
            )
        )
    _print(folder.name)
    entities = len(plan.entities)
    _print(
        _(
            "{title}: {fields} fields for {places} placeholders ({entities} recurring), "
            "saved in {folder}",
            title=plan.editor.title,
            fields=len(plan.fields),
            places=len(plan.places),
            entities=entities,
            folder=folder,
        ),
        file=sys.stderr,
    )
    return EXIT_OK


def _templates(args: argparse.Namespace) -> int:
    from app.core.library import load_library

    library = load_library()
    if args.json:
        items = [
            {
                "id": t.id,
                "title": t.title,
                "version": t.version,
                "origin": t.origin.value,
                "fields": len(t.fields),
                "folder": str(t.folder),
            }
            for t in library.templates.values()
        ]
        _print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        for template in library.templates.values():
            _print(
                f"{template.id}\t{template.title}\t"
                + _("{count} fields", count=len(template.fields))
                + f"\t{template.origin.value}"
            )
    for broken in library.broken:
        _print_error(broken.error)
    return EXIT_OK


def _fields(args: argparse.Namespace) -> int:
    from app.core.library import find_template
    from app.core.report import ReportModel

    template = find_template(args.template)
    model = ReportModel(template)
    occurrences = model.document.occurrences()
    sections = {s.id: s.label for s in template.sections}
    rows = []
    for key in model.field_order():
        field = template.field(key)
        rows.append(
            {
                "key": key,
                "label": field.label,
                "kind": field.kind.value,
                "section": field.section,
                "section_label": sections[field.section],
                "required": field.required,
                "occurrences": occurrences.get(key, 0),
                "unit": field.unit,
                "placeholder": field.placeholder,
                "hint": field.hint,
                "min": _bound(field.minimum),
                "max": _bound(field.maximum),
            }
        )
    if args.json:
        _print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            unit = f"（{row['unit']}）" if row["unit"] else ""
            _print(
                f"{row['key']}\t{row['label']}{unit}\t{row['kind']}\t{row['section_label']}"
                f"\t×{row['occurrences']}"
            )
    return EXIT_OK


def _bound(value: object) -> str | None:
    return None if value is None else str(value)


def _open(path: Path):  # type: ignore[no-untyped-def]
    from app.core.draft import load_draft
    from app.core.session import ReportSession
    from app.core.template_copy import template_for_draft

    draft = load_draft(path)
    try:
        template = template_for_draft(draft)  # or the copy of it the draft carries
    except FanwenError as exc:
        raise CliError(_("{file}: {error}", file=path, error=exc)) from None
    model = ReportSession(template, draft, path).model
    for key in draft.cleaned:
        _print_error(
            _(
                "Warning: {file}: value “{key}”: characters no export can carry were taken out.",
                file=path,
                key=key,
            )
        )
    for paragraph in model.stale_wording():
        _print_error(
            _(
                "Warning: {file}: the change to paragraph {paragraph} no longer matches the "
                "template and was not applied.",
                file=path,
                paragraph=paragraph,
            )
        )
    return draft, model


def _check(args: argparse.Namespace) -> int:
    from app.core.report import problem_labels

    _draft, model = _open(args.draft)
    problems = model.problems()
    filled, total, _count = model.counts()
    for line in problem_labels(model, problems):
        _print(line)
    unknown = model.unknown_values()
    if unknown:
        _print(
            _(
                "Values the template does not know (kept in the file): {keys}",
                keys=", ".join(unknown),
            )
        )
    blocking = [p for p in problems if p.blocking]
    _print(
        _(
            "{file}: {filled} of {total} fields filled, {errors} problems, {warnings} warnings.",
            file=args.draft,
            filled=filled,
            total=total,
            errors=len(blocking),
            warnings=len(problems) - len(blocking),
        )
    )
    return EXIT_OK if not blocking else EXIT_PROBLEMS


def _export(args: argparse.Namespace) -> int:
    import app.printing  # noqa: F401 - adds "pdf" to FORMATS (Qt is loaded only to draw it)
    from app.core.export import FORMATS, ExportOptions, export_report
    from app.core.report import problem_labels
    from app.core.saving import same_file
    from app.core.settings_file import export_author  # the author the app remembers

    fmt = args.format.lower().lstrip(".")
    if fmt not in FORMATS:
        raise CliError(
            _(
                "Unknown export format “{format}” (known: {known}).",
                format=args.format,
                known=", ".join(FORMATS),
            )
        )
    output: Path = args.output or args.draft.with_suffix(FORMATS[fmt].suffix)
    if same_file(output, args.draft):
        raise CliError(
            _(
                "{file}: the export would replace the draft itself; name another file with -o.",
                file=output,
            )
        )
    _draft, model = _open(args.draft)
    problems = model.problems()
    blocking = [p for p in problems if p.blocking]
    if blocking and not args.force:
        lines = problem_labels(model, blocking)
        raise CliError(
            _(
                "{file}: not exported: {count} fields are unfilled or invalid (use --force to "
                "export anyway):",
                file=args.draft,
                count=len(blocking),
            )
            + "".join("\n  " + line for line in lines)
        )
    for line in problem_labels(model, [p for p in problems if not p.blocking]):
        _print_error(_("Warning: {message}", message=line))
    export_report(
        model.document,
        fmt,
        output,
        ExportOptions(encoding=args.encoding, author=export_author(args.author)),
    )
    _print(str(output))
    return EXIT_OK


def _check_text_argument(option: str, value: str | None) -> None:
    """An option's text that came from bytes the system's encoding cannot decode (Python keeps
    them as lone surrogates) is refused here, before anything is made of it."""
    if value is not None and re.search(_UNDECODABLE, value):
        raise CliError(_("{option}: not valid text in this system's encoding.", option=option))


_UNDECODABLE = "[\ud800-\udfff]"
#: Characters that would act on the terminal instead of being shown (escape sequences, a
#: carriage return overwriting the line, C1 controls): shown as \u00.. instead (as JSON writes
#: them, so JSON output stays valid).
_TERMINAL_CONTROL = "[\x00-\x08\x0b-\x1f\x7f-\x9f]"


def terminal_text(text: str) -> str:
    """`text` as it may be printed: control characters from a draft or a template (which could
    move the cursor, recolour or retitle the terminal) written out as \u001b and the like."""
    return re.sub(_TERMINAL_CONTROL, lambda m: f"\\u{ord(m.group()):04x}", text)


def _print(text: str, file: Any = None) -> None:
    """Print a line of output (stdout unless `file`), safe for the terminal."""
    print(terminal_text(text), file=file)


def _setup_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a closed or odd stream
                reconfigure(errors="replace")


def _print_error(message: str) -> None:
    print(terminal_text(f"fanwen: {message}"), file=sys.stderr)


def _log_traceback() -> str:
    from app.core.paths import log_dir

    text = traceback.format_exc()
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "cli-error.log"
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
        return str(path)
    except OSError:
        return "-"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
