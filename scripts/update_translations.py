"""Bring the translation catalogue up to date with the sources, and compile it.

    python3 scripts/update_translations.py           # update the .ts, compile the .qm
    python3 scripts/update_translations.py --check   # change nothing; exit 1 if not current
    python3 scripts/update_translations.py --take OTHER.ts   # also fill untranslated sentences
                                                     # from another .ts (another branch's, say)
                                                     # or a Python file with a ZH_CN dict (the
                                                     # core's catalogue before it moved here)

`resources/i18n/fanwen_zh_CN.ts` is the one catalogue of every sentence the app shows:

* the interface's `tr()` / `QCoreApplication.translate()` strings, in the context of their class,
  as Qt's own `lupdate` finds them under `src/app`;
* the messages of `app.core.i18n` (`_()` and `N_()` with a literal string, anywhere under
  `src/app`: core, command line and the screens' shared sentences), in the context "app".

Every translation already made is kept; a new sentence is added unfinished (fill it in with Qt
Linguist or by hand, then run this again); a sentence no source uses any more is dropped and
printed. The `.ts` is then compiled with `lrelease` into the `.qm` beside it, which is shipped and
read both by Qt's QTranslator and by `app.core.i18n` (the command line, without Qt).
Run plain `lupdate` on the `.ts` only through this script: by itself it would not see `_()`.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "app"
CATALOGUES = ROOT / "resources" / "i18n"
#: Kept in step with app.core.i18n.CONTEXT (checked by tests/core/test_i18n.py).
APP_CONTEXT = "app"
#: The functions of app.core.i18n whose first argument is a message.
MESSAGE_FUNCTIONS = ("_", "N_")


class Message(NamedTuple):
    """One sentence of the catalogue."""

    context: str
    source: str
    comment: str = ""  # the disambiguation: tr(source, comment)
    translation: str = ""
    unfinished: bool = True
    note: str = ""  # a comment for translators (extracomment)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def qt_tool(name: str) -> Path:
    """A Qt tool shipped beside PySide6 (lupdate, lrelease)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"{name} not found beside PySide6 (PySide6-Essentials ships it)")


def read_ts(path: Path) -> list[Message]:
    """The messages of a `.ts` file, in its order."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            found.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=(translation.text if translation is not None else None) or "",
                    unfinished=kind is not None,
                    note=message.findtext("extracomment") or "",
                )
            )
    return found


def write_ts(path: Path, language: str, messages: Iterable[Message]) -> None:
    """Write messages as a `.ts` file (the layout lupdate writes), contexts sorted by name."""
    by_context: dict[str, list[Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, []).append(message)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language="{language}">',
    ]
    for context in sorted(by_context):
        lines += ["<context>", f"    <name>{escape(context)}</name>"]
        for message in by_context[context]:
            lines += ["    <message>", f"        <source>{escape(message.source)}</source>"]
            if message.comment:
                lines.append(f"        <comment>{escape(message.comment)}</comment>")
            if message.note:
                lines.append(f"        <extracomment>{escape(message.note)}</extracomment>")
            kind = ' type="unfinished"' if message.unfinished else ""
            lines += [
                f"        <translation{kind}>{escape(message.translation)}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def app_messages(root: Path = SOURCES) -> dict[str, str]:
    """Every literal message of `_()` / `N_()` under `root`: source -> where it is first used."""
    found: dict[str, str] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MESSAGE_FUNCTIONS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"{path.relative_to(root.parent.parent)}:{node.lineno}"
                found.setdefault(node.args[0].value, where)
    return found


def ui_messages(sources: Iterable[Path] | None = None) -> list[Message]:
    """The interface's `tr()` / `translate()` strings, as `lupdate` extracts them."""
    files = sorted(SOURCES.rglob("*.py")) if sources is None else list(sources)
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "fresh.ts"
        result = subprocess.run(
            [str(qt_tool("lupdate")), *map(str, files), "-ts", str(fresh), "-locations", "none"],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(result.stdout + result.stderr)
        return read_ts(fresh)


def wanted_messages() -> list[Message]:
    """Every sentence the sources translate: the interface's, then the messages of `_()`."""
    return ui_messages() + [Message(APP_CONTEXT, source) for source in app_messages()]


def merge(
    existing: list[Message], wanted: list[Message]
) -> tuple[list[Message], list[Message], list[Message]]:
    """The catalogue for `wanted`, keeping the translations of `existing`.

    A sentence that moved to another context (from a screen's `tr()` to `_()`, say) keeps its
    translation. Returns (catalogue, added: no translation yet, dropped: no longer used)."""
    old = {message.key: message for message in existing}
    wanted_keys = {message.key for message in wanted}
    leaving = {
        (message.source, message.comment): message
        for message in existing
        if message.key not in wanted_keys and message.translation and not message.unfinished
    }
    catalogue: list[Message] = []
    added: list[Message] = []
    seen: set[tuple[str, str, str]] = set()
    moved: set[tuple[str, str, str]] = set()
    for message in wanted:
        if message.key in seen:
            continue
        seen.add(message.key)
        kept = old.get(message.key) or leaving.get((message.source, message.comment))
        if kept is None:
            catalogue.append(message)
            added.append(message)
            continue
        moved.add(kept.key)
        catalogue.append(
            message._replace(
                translation=kept.translation,
                unfinished=kept.unfinished,
                note=message.note or kept.note,
            )
        )
    dropped = [m for m in existing if m.key not in wanted_keys and m.key not in moved]
    return catalogue, added, dropped


def read_translations(path: Path) -> dict[tuple[str, str], str]:
    """Finished translations to take from another catalogue: (source, disambiguation) ->
    translation, from a `.ts`, or from a Python file that builds a `ZH_CN` dict of English ->
    Chinese with literals (`ZH_CN = {...}`, `ZH_CN.update({...})`, `ZH_CN["..."] = "..."`)."""
    if path.suffix == ".ts":
        return {
            (m.source, m.comment): m.translation
            for m in read_ts(path)
            if m.translation and not m.unfinished
        }
    found: dict[tuple[str, str], str] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        pairs: dict[str, str] = {}
        if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
            target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
            if isinstance(target, ast.Name) and target.id == "ZH_CN":
                pairs = ast.literal_eval(node.value)
            elif (
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Name)
                and target.value.id == "ZH_CN"
            ):
                pairs = {ast.literal_eval(target.slice): ast.literal_eval(node.value)}
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "ZH_CN"
            and node.func.attr == "update"
            and node.args
        ):
            pairs = ast.literal_eval(node.args[0])
        found.update({(source, ""): text for source, text in pairs.items()})
    return found


def fill(
    catalogue: list[Message], taken: dict[tuple[str, str], str]
) -> tuple[list[Message], list[Message]]:
    """The catalogue with its unfinished sentences translated from `taken` where it has them;
    returns (catalogue, the sentences filled)."""
    result: list[Message] = []
    filled: list[Message] = []
    for message in catalogue:
        translation = taken.get((message.source, message.comment))
        if message.unfinished and translation:
            message = message._replace(translation=translation, unfinished=False)
            filled.append(message)
        result.append(message)
    return result, filled


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile a `.ts` into a `.qm` with lrelease (keeping the source texts app.core.i18n reads)."""
    result = subprocess.run(
        [str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stdout + result.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    parser.add_argument(
        "--take",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="fill untranslated sentences from this .ts or Python file with a ZH_CN dict",
    )
    args = parser.parse_args(argv)
    taken: dict[tuple[str, str], str] = {}
    for path in args.take:
        taken.update(read_translations(path))
    wanted = wanted_messages()
    stale = False
    for ts in sorted(CATALOGUES.glob("*.ts")):
        language = ET.parse(ts).getroot().get("language") or ts.stem.split("_", 1)[1]
        catalogue, _added, dropped = merge(read_ts(ts), wanted)
        catalogue, filled = fill(catalogue, taken)
        for message in filled:
            print(f"{ts.name}: translation taken: [{message.context}] {message.source!r}")
        for message in (m for m in catalogue if m.unfinished):
            print(f"{ts.name}: to translate: [{message.context}] {message.source!r}")
        for message in dropped:
            print(f"{ts.name}: unused, dropped: [{message.context}] {message.source!r}")
        with tempfile.TemporaryDirectory() as folder:
            fresh_ts = Path(folder) / ts.name
            write_ts(fresh_ts, language, catalogue)
            fresh_qm = Path(folder) / "fresh.qm"
            compile_qm(fresh_ts, fresh_qm)
            qm = ts.with_suffix(".qm")
            changed = fresh_ts.read_bytes() != ts.read_bytes() or (
                not qm.exists() or fresh_qm.read_bytes() != qm.read_bytes()
            )
            if changed and args.check:
                print(f"{ts.name}: not current (run scripts/update_translations.py)")
                stale = True
            elif changed:
                ts.write_bytes(fresh_ts.read_bytes())
                qm.write_bytes(fresh_qm.read_bytes())
                print(f"{ts.name}: updated, {len(catalogue)} sentences, {qm.name} compiled")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
