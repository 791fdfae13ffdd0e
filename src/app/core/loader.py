"""Reading a template folder (`template.toml` + body) into a checked `Template`.

Every problem is reported as one `TemplateError` line naming the file and the key, e.g.
``templates/sixin/template.toml: fields[3].kind: unknown field kind “integr” …``.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

from app.core.cache_key import cache_key, entry_file
from app.core.computed import FIELD_SETTINGS, attach_formulas
from app.core.errors import FanwenError, TemplateError
from app.core.i18n import _
from app.core.kinds import FieldKind, exportable_text, parse_bound
from app.core.rules import (
    DateSpec,
    Rule,
    RuleSyntaxError,
    Severity,
    message_problem,
    parse_expression,
)
from app.core.safe_read import Limit, read_file
from app.core.template import Field, Origin, Section, Template

SCHEMA_FILE = "template.toml"
SCHEMA_FORMAT = 1
#: Bumped when what the schema cache keeps changes (2: texts cleaned for export).
SCHEMA_CACHE_FORMAT = 2
# Anchored with \A and \Z: "$" also matches before a trailing line break ("mine\n").
KEY_PATTERN = re.compile(r"\A[A-Za-z_][A-Za-z0-9_]{0,63}\Z")
ID_PATTERN = re.compile(r"\A[a-z0-9][a-z0-9_-]{0,63}\Z")


def load_template(folder: Path, origin: Origin = Origin.BUILTIN) -> Template:
    """Load and check the template in `folder`.

    Its files are read only as regular files of the folder itself (`safe_read`), within their
    size limits; whatever is wrong with it, it is one `TemplateError` line naming the file.
    """
    folder = Path(folder)
    schema_path = folder / SCHEMA_FILE
    raw = read_file(schema_path, Limit.SCHEMA, TemplateError, inside=folder)
    try:
        data = _parse_schema(raw, folder, origin)
    except UnicodeDecodeError:
        raise TemplateError(_("{file}: not UTF-8 text.", file=schema_path)) from None
    except RecursionError:
        raise TemplateError(_nested_too_deeply(schema_path)) from None
    except ValueError as exc:  # tomllib.TOMLDecodeError (tomllib loads on first use)
        raise TemplateError(
            _("{file}: not valid TOML: {error}", file=schema_path, error=exc)
        ) from None
    try:
        return template_from_schema(data, folder, origin)
    except RecursionError:  # a body nested thousands deep, met by the parser or by Jinja
        raise TemplateError(_nested_too_deeply(folder)) from None


def _nested_too_deeply(path: Path) -> str:
    return _("{file}: nested too deeply to be read.", file=path)


def _parse_schema(raw: bytes, folder: Path, origin: Origin) -> dict[str, Any]:
    """Parse a schema's TOML, through a JSON cache in the user folder.

    tomllib is pure Python: importing it and parsing even the seed's schema costs more than
    the rest of loading a template, at every start. The parsed schema is kept as JSON (read in
    C) under its key (`app.core.cache_key`): the whole schema with the template's origin and
    folder, so an edit is seen at once, and an entry is used only for exactly the schema it was
    made from. A cache that cannot be read or written is only skipped.
    """
    text = raw.decode("utf-8-sig")
    key = cache_key(f"schemas{SCHEMA_CACHE_FORMAT}", str(origin), folder.name, text)
    cache = entry_file("schemas", key)
    with contextlib.suppress(OSError, ValueError, RecursionError, FanwenError):
        cached = json.loads(read_file(cache, Limit.CACHE))
        if type(cached) is dict and cached.get("key") == key and type(cached["data"]) is dict:
            return cast(dict[str, Any], cached["data"])
    import tomllib

    data = _exportable_schema(tomllib.loads(text), folder / SCHEMA_FILE)
    with contextlib.suppress(OSError, TypeError, ValueError, RecursionError):  # only a cache
        from app.core.atomic import atomic_write_bytes

        entry = {"key": key, "data": data}
        encoded = json.dumps(entry, ensure_ascii=False, allow_nan=False).encode("utf-8")
        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(cache, encoded)
    return data


#: How deeply a schema's tables and arrays may nest: a schema needs three levels.
MAX_SCHEMA_DEPTH = 16


def _exportable_schema(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """The parsed schema, refused when nested deeper than any template needs, with what no
    export can carry taken out of every text in it (`kinds.exportable_text`: a title or a label
    goes into exports and document properties)."""
    pending: list[tuple[object, int]] = [(data, 0)]
    while pending:  # checked without recursion first, so the copy below cannot recurse deeply
        value, depth = pending.pop()
        if depth > MAX_SCHEMA_DEPTH:
            raise TemplateError(_nested_too_deeply(path))
        if isinstance(value, dict):
            pending.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            pending.extend((v, depth + 1) for v in value)

    def clean(value: Any) -> Any:
        if isinstance(value, str):
            return exportable_text(value)
        if isinstance(value, dict):
            return {exportable_text(k): clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return cast(dict[str, Any], clean(data))


def template_from_schema(
    data: Mapping[str, Any], folder: Path, origin: Origin = Origin.BUILTIN, body: str | None = None
) -> Template:
    """Build a template from parsed schema data; reads the body file unless `body` is given."""
    schema = _Schema(folder / SCHEMA_FILE)
    fmt = data.get("format", SCHEMA_FORMAT)
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        schema.fail("format", _("must be a whole number."))
    if fmt > SCHEMA_FORMAT:
        schema.fail(
            "format",
            _(
                "made by a newer version of Fanwen (format {format}); please update Fanwen.",
                format=fmt,
            ),
        )
    meta = schema.table(data, "template")
    template_id = schema.string(meta, "template.id")
    if not ID_PATTERN.fullmatch(template_id):
        schema.fail(
            "template.id",
            _(
                "“{value}” is not a valid id (lower-case letters, digits, - and _).",
                value=template_id,
            ),
        )
    title = schema.string(meta, "template.title")
    version = schema.string(meta, "template.version", default="1")
    description = schema.string(meta, "template.description", default="")
    body_file = schema.string(meta, "template.body", default="body.txt.j2")
    if "/" in body_file or "\\" in body_file or body_file.startswith("."):
        schema.fail("template.body", _("must be a file name in the template folder."))

    sections: list[Section] = []
    for index, item in enumerate(schema.array(data, "sections")):
        where = f"sections[{index}]"
        section_id = schema.string(item, f"{where}.id")
        if not KEY_PATTERN.fullmatch(section_id):
            schema.fail(f"{where}.id", _("“{value}” is not a valid id.", value=section_id))
        if any(s.id == section_id for s in sections):
            schema.fail(f"{where}.id", _("“{value}” is used twice.", value=section_id))
        sections.append(Section(section_id, schema.string(item, f"{where}.label")))
    if not sections:
        schema.fail("sections", _("at least one section is needed."))
    section_ids = {s.id for s in sections}

    fields: list[Field] = []
    seen_keys: set[str] = set()
    for index, item in enumerate(schema.array(data, "fields")):
        field = _field(schema, item, f"fields[{index}]", section_ids, seen_keys)
        seen_keys.add(field.key)
        fields.append(field)
    fields = attach_formulas(fields, schema.array(data, "fields"), schema.fail)
    keys = {f.key for f in fields}
    for index, field in enumerate(fields):
        if field.pair is not None and field.pair not in keys:
            schema.fail(f"fields[{index}].pair", _("unknown field “{value}”.", value=field.pair))

    renamed = _renamed(schema, data, keys)

    numeric = {f.key for f in fields if f.kind.is_number}
    rules: list[Rule] = []
    for index, item in enumerate(schema.array(data, "rules", required=False)):
        rule = _rule(schema, item, f"rules[{index}]", numeric)
        if any(r.id == rule.id for r in rules):  # a rule's problems are kept by its id
            schema.fail(f"rules[{index}].id", _("“{value}” is used twice.", value=rule.id))
        rules.append(rule)

    if body is None:
        body_path = folder / body_file
        try:
            body = read_file(body_path, Limit.BODY, TemplateError, inside=folder).decode(
                "utf-8-sig"
            )
        except UnicodeDecodeError:
            raise TemplateError(_("{file}: not UTF-8 text.", file=body_path)) from None
    body = exportable_text(body)

    template = Template(
        id=template_id,
        title=title,
        version=version,
        description=description,
        sections=tuple(sections),
        fields=tuple(fields),
        rules=tuple(rules),
        body=body,
        folder=folder,
        origin=origin,
        extra={"body_file": body_file, "renamed": renamed},
    )
    _check_body(template, section_ids)
    return template


def _check_body(template: Template, section_ids: set[str]) -> None:
    """Render once with no values: every field used, every section heading known."""
    from app.core.render import _body_name, render_structure

    structure = render_structure(template, {})
    name = _body_name(template)
    used = {
        piece.key
        for paragraph in structure.paragraphs
        for piece in paragraph.pieces
        if not isinstance(piece, str)
    } | set(structure.logic_keys)
    unused = [f.key for f in template.fields if f.key not in used]
    if unused:
        raise TemplateError(
            _(
                "{file}: fields declared in the schema but not used in the body: {keys}",
                file=name,
                keys=", ".join(unused),
            )
        )
    for paragraph in structure.paragraphs:
        if paragraph.section and paragraph.section not in section_ids:
            raise TemplateError(
                _(
                    "{file}: “@section {id}” names a section the schema does not declare.",
                    file=name,
                    id=paragraph.section,
                )
            )


def _renamed(schema: _Schema, data: Mapping[str, Any], keys: set[str]) -> dict[str, str]:
    """The optional ``[renamed]`` table: keys of earlier versions -> the fields they became,
    so drafts made with an earlier version of the template keep their values."""
    table = data.get("renamed")
    if table is None:
        return {}
    if not isinstance(table, dict):
        schema.fail("renamed", _("a [{key}] table is needed.", key="renamed"))
    assert isinstance(table, dict)
    renamed: dict[str, str] = {}
    for old, new in table.items():
        where = f"renamed.{old}"
        if not KEY_PATTERN.fullmatch(old):
            schema.fail(
                where,
                _(
                    "“{value}” is not a valid key (letters, digits and _, not starting with a "
                    "digit).",
                    value=old,
                ),
            )
        if old in keys:
            schema.fail(where, _("“{value}” is used twice.", value=old))
        if not isinstance(new, str) or new not in keys:
            schema.fail(where, _("unknown field “{value}”.", value=new))
        renamed[old] = new
    return renamed


class _Schema:
    """Typed access to the parsed TOML with errors that name the file and the key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> None:
        raise TemplateError(f"{self.path}: {where}: {message}")

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key)
        if not isinstance(value, dict):
            self.fail(key, _("a [{key}] table is needed.", key=key))
        assert isinstance(value, dict)
        return value

    def array(
        self, data: Mapping[str, Any], key: str, required: bool = True
    ) -> list[Mapping[str, Any]]:
        value = data.get(key)
        if value is None and not required:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key, _("a list of [[{key}]] tables is needed.", key=key))
        assert isinstance(value, list)
        return value

    def string(self, data: Mapping[str, Any], where: str, default: str | None = None) -> str:
        key = where.rsplit(".", 1)[-1]
        value = data.get(key, default)
        if value is None:
            self.fail(where, _("missing."))
        if not isinstance(value, str):
            self.fail(where, _("must be text in quotes."))
        assert isinstance(value, str)
        return value

    def number(self, data: Mapping[str, Any], where: str) -> Decimal | None:
        key = where.rsplit(".", 1)[-1]
        if key not in data:
            return None
        try:
            return parse_bound(data[key])
        except TypeError:
            self.fail(where, _("must be a number."))
        return None  # pragma: no cover

    def boolean(self, data: Mapping[str, Any], where: str, default: bool) -> bool:
        key = where.rsplit(".", 1)[-1]
        value = data.get(key, default)
        if not isinstance(value, bool):
            self.fail(where, _("must be true or false."))
        return bool(value)


_FIELD_KEYS = {
    "key",
    "label",
    "kind",
    "section",
    "placeholder",
    "unit",
    "hint",
    "required",
    "min",
    "max",
    "pair",
    *FIELD_SETTINGS,
}


def _field(
    schema: _Schema,
    item: Mapping[str, Any],
    where: str,
    section_ids: set[str],
    earlier: set[str],
) -> Field:
    # A template has thousands of fields: the usual case (every value of its type) is read
    # directly, and `schema` is asked, with the setting's full name, only to report a problem.
    if not _FIELD_KEYS.issuperset(item):
        for name in item:
            if name not in _FIELD_KEYS:
                schema.fail(
                    f"{where}.{name}",
                    _("unknown setting (known: {known}).", known=", ".join(sorted(_FIELD_KEYS))),
                )

    def text(name: str, default: str | None = None) -> str:
        value = item.get(name, default)
        return value if type(value) is str else schema.string(item, f"{where}.{name}", default)

    key = text("key")
    if not KEY_PATTERN.fullmatch(key):
        schema.fail(
            f"{where}.key",
            _(
                "“{value}” is not a valid key (letters, digits and _, not starting with a digit).",
                value=key,
            ),
        )
    if key in earlier:
        schema.fail(f"{where}.key", _("“{value}” is used twice.", value=key))
    kind_name = text("kind")
    try:
        kind = FieldKind(kind_name)
    except ValueError:
        schema.fail(
            f"{where}.kind",
            _(
                "unknown field kind “{value}” (known: {known}).",
                value=kind_name,
                known=", ".join(k.value for k in FieldKind),
            ),
        )
        raise AssertionError from None  # pragma: no cover
    section = text("section")
    if section not in section_ids:
        schema.fail(f"{where}.section", _("unknown section “{value}”.", value=section))
    minimum = schema.number(item, f"{where}.min") if "min" in item else None
    maximum = schema.number(item, f"{where}.max") if "max" in item else None
    if minimum is not None and maximum is not None and minimum > maximum:
        schema.fail(f"{where}.min", _("is greater than max."))
    pair = item.get("pair")
    if pair is not None and not isinstance(pair, str):
        schema.fail(f"{where}.pair", _("must be text in quotes."))

    def flag(name: str, default: bool) -> bool:
        value = item.get(name, default)
        return value if type(value) is bool else schema.boolean(item, f"{where}.{name}", default)

    return Field(
        key=key,
        label=text("label"),
        kind=kind,
        section=section,
        placeholder=text("placeholder", "XX"),
        unit=text("unit", ""),
        hint=text("hint", ""),
        required=flag("required", True),
        minimum=minimum,
        maximum=maximum,
        pair=pair,
    )


def _rule(schema: _Schema, item: Mapping[str, Any], where: str, numeric: set[str]) -> Rule:
    rule_id = schema.string(item, f"{where}.id")
    where = f"{where} “{' '.join(rule_id[:64].split())}”"  # named by its place and its id
    severity_name = schema.string(item, f"{where}.severity", default="error")
    try:
        severity = Severity(severity_name)
    except ValueError:
        schema.fail(f"{where}.severity", _("must be “error” or “warning”."))
        raise AssertionError from None  # pragma: no cover
    message = schema.string(item, f"{where}.message")
    if "check" in item and "date" in item:
        schema.fail(where, _("a rule has either “check” or “date”, not both."))
    if "date" in item:
        spec = item["date"]
        if not isinstance(spec, dict):
            schema.fail(f"{where}.date", _("must be a table with “month” and “day”."))
        parts: dict[str, str | None] = {}
        for part in ("year", "month", "day"):
            value = spec.get(part)
            if value is None and part == "year":
                parts[part] = None
                continue
            if not isinstance(value, str) or value not in numeric:
                schema.fail(f"{where}.date.{part}", _("must name a number field."))
            parts[part] = value
        month, day = parts["month"], parts["day"]
        assert month is not None and day is not None
        date = DateSpec(month=month, day=day, year=parts["year"])
        keys = tuple(k for k in (date.year, date.month, date.day) if k)
        _check_message(schema, where, message, keys)
        return Rule(rule_id, severity, message, keys, date=date)
    source = schema.string(item, f"{where}.check")
    try:
        tree, keys = parse_expression(source, numeric)
    except RuleSyntaxError as exc:
        schema.fail(f"{where}.check", str(exc))
        raise AssertionError from None  # pragma: no cover
    _check_message(schema, where, message, keys)
    return Rule(rule_id, severity, message, keys, expression=tree)


def _check_message(schema: _Schema, where: str, message: str, keys: tuple[str, ...]) -> None:
    problem = message_problem(message, keys)
    if problem is not None:
        schema.fail(f"{where}.message", problem)
