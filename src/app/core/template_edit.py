"""Editing a template's fields and saving it as an ordinary template folder.

`TemplateEditor` holds what a `template.toml` and a body hold, in a form that can be changed:
field labels, kinds, units, hints, whether a field is required, the order of the fields within a
section, and merging or splitting fields. Merging and splitting rewrite the ``field("key")`` calls
of the body; nothing else in the body changes. The importer (`app.core.importer`) proposes an
editor for a 范文; `TemplateEditor.from_template` opens any loaded template, built-in or not.

`to_template()` gives the template the editor describes (for a live preview, checked exactly as a
loaded one); `save()` writes it as a folder in the user's template folder, atomically: a failed
save leaves no half-written folder and never touches a built-in template.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
import tomllib
import uuid
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.core import body as body_syntax
from app.core import paths
from app.core.body import VALUE_SLOT, BodyPlace, change_problem
from app.core.body_write import escape_literal, place_tag
from app.core.change_phrases import BodyPhrases, body_phrases, with_phrases
from app.core.computed import schema_settings
from app.core.errors import TemplateError
from app.core.i18n import _
from app.core.kinds import FieldKind
from app.core.loader import ID_PATTERN, KEY_PATTERN, SCHEMA_FILE, template_from_schema
from app.core.rule_edit import describe, field_names, follow_names
from app.core.template import Field, Origin, Section, Template

BODY_FILE = "body.txt.j2"
GENERAL_SECTION = "general"


@dataclass
class FieldDraft:
    """A field being edited (the mutable twin of `app.core.template.Field`)."""

    key: str
    label: str
    kind: FieldKind
    section: str
    placeholder: str
    unit: str = ""
    hint: str = ""
    required: bool = True
    minimum: Decimal | None = None
    maximum: Decimal | None = None
    pair: str | None = None
    #: A computed field's formula, a period or a role, as the schema writes them
    #: (`app.core.computed.schema_settings`): kept through an edit.
    settings: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_field(cls, source: Field) -> FieldDraft:
        """A draft copy of a loaded field."""
        return cls(
            key=source.key,
            label=source.label,
            kind=source.kind,
            section=source.section,
            placeholder=source.placeholder,
            unit=source.unit,
            hint=source.hint,
            required=source.required,
            minimum=source.minimum,
            maximum=source.maximum,
            pair=source.pair,
            settings=schema_settings(source),
        )


# ------------------------------------------------------------------------- the editor


@dataclass
class TemplateEditor:
    """A template being edited: metadata, sections, fields, rules (as in the TOML) and body."""

    template_id: str
    title: str
    sections: list[Section]
    fields: list[FieldDraft]
    body: str
    version: str = "1.0"
    description: str = ""
    rules: list[dict[str, Any]] = field(default_factory=list)
    #: Where the template was loaded from (None for a new one).
    source: Template | None = None
    #: What the editor did that the writer should know (a rule dropped, …), in their language.
    notes: list[str] = field(default_factory=list)
    #: The open report's values by key, when the editor is on its template: the rules part
    #: shows whether each rule holds for them (None: no report, as for an imported 范文).
    report_values: dict[str, str] | None = None

    @classmethod
    def from_template(cls, template: Template) -> TemplateEditor:
        """An editor on a loaded template (its rules are read back from its template.toml)."""
        rules: list[dict[str, Any]] = []
        if template.folder is not None and template.rules:
            try:
                data = tomllib.loads(
                    (Path(template.folder) / SCHEMA_FILE).read_text(encoding="utf-8-sig")
                )
                rules = [dict(rule) for rule in data.get("rules", [])]
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                rules = []
        return cls(
            template_id=template.id,
            title=template.title,
            sections=list(template.sections),
            fields=[FieldDraft.from_field(f) for f in template.fields],
            body=template.body,
            version=template.version,
            description=template.description,
            rules=rules,
            source=template,
        )

    # ------------------------------------------------------------------ reading

    def field(self, key: str) -> FieldDraft:
        """The field with this key (KeyError when there is none)."""
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    def has_field(self, key: str) -> bool:
        """Whether a field with this key exists."""
        return any(f.key == key for f in self.fields)

    def section_fields(self, section_id: str) -> list[FieldDraft]:
        """The fields of one section, in order."""
        return [f for f in self.fields if f.section == section_id]

    def places(self, key: str | None = None) -> list[BodyPlace]:
        """The field places of the body (of one field when `key` is given), in body order."""
        return body_syntax.field_places(self.body, key)

    def place_placeholder(self, place: BodyPlace) -> str:
        """What a place shows while its field is empty."""
        if place.placeholder is not None:
            return place.placeholder
        return self.field(place.key).placeholder if self.has_field(place.key) else "XX"

    def rule_words(self, rule: dict[str, Any]) -> str:
        """A rule in words, with the fields' labels ("已整改问题数 不能多于 查摆问题数")."""
        return describe(rule, field_names(self.fields, self.sections))

    def contexts(self, key: str, width: int = 14) -> list[str]:
        """For each place of a field, the wording around it (the placeholder in 【】), in
        document order: what the writer sees to tell the places apart."""
        from app.core.render import render_structure

        try:
            structure = render_structure(self.to_template(), {})
        except TemplateError:
            return []
        found = []
        for paragraph in structure.paragraphs:
            for index, piece in enumerate(paragraph.pieces):
                if isinstance(piece, str) or piece.key != key:
                    continue
                before = "".join(
                    p if isinstance(p, str) else p.placeholder for p in paragraph.pieces[:index]
                )
                after = "".join(
                    p if isinstance(p, str) else p.placeholder
                    for p in paragraph.pieces[index + 1 :]
                )
                left = ("…" if len(before) > width else "") + before[-width:]
                right = after[:width] + ("…" if len(after) > width else "")
                found.append(f"{left}【{piece.placeholder}】{right}")
        return found

    # ------------------------------------------------------------------ field settings

    def set_label(self, key: str, label: str) -> None:
        """Rename a field's label (what the form shows)."""
        label = label.strip()
        if not label:
            raise TemplateError(_("A field's label cannot be empty."))
        before = field_names(self.fields, self.sections)
        self.field(key).label = label
        follow_names(self.rules, before, field_names(self.fields, self.sections))

    def set_kind(self, key: str, kind: FieldKind) -> None:
        """Change a field's kind; bounds and rules that no longer fit are dropped (noted)."""
        target = self.field(key)
        target.kind = FieldKind(kind)
        if not target.kind.is_number:
            target.minimum = target.maximum = None
            kept = []
            for rule in self.rules:
                if key in _rule_keys(rule):
                    self.notes.append(
                        _(
                            "Rule “{rule}” was removed: it compares “{label}”, which is now text.",
                            rule=self.rule_words(rule),
                            label=target.label,
                        )
                    )
                else:
                    kept.append(rule)
            self.rules = kept

    def set_unit(self, key: str, unit: str) -> None:
        """Change the unit shown after a field's input (个, 亿元, %)."""
        self.field(key).unit = unit.strip()

    def set_hint(self, key: str, hint: str) -> None:
        """Change the hint shown under a field."""
        self.field(key).hint = hint.strip()

    def set_required(self, key: str, required: bool) -> None:
        """Mark a field required (an empty one blocks export) or optional."""
        self.field(key).required = bool(required)

    def set_formula(self, key: str, source: str, decimals: int | None = None) -> None:
        """Make a number field computed from others (``已整改 / 查摆 * 100``: field keys, the
        rules' arithmetic, ``prev("key")``), or an ordinary field again when `source` is empty.
        TemplateError, with the field's label, when the formula cannot be used (an unknown or
        text field, itself, a cycle through other formulas); the field is then as it was."""
        from app.core.formula import FormulaError, parse_formula

        target = self.field(key)
        before = dict(target.settings)
        source = source.strip()
        if not source:
            for name in ("formula", "decimals", "rounding"):
                target.settings.pop(name, None)
            return
        if not target.kind.is_number:
            raise TemplateError(_("“{label}”: only a number can be computed.", label=target.label))
        places = decimals if decimals is not None else int(before.get("decimals", 0) or 0)
        numeric = [f.key for f in self.fields if f.kind.is_number and f.key != key]
        try:
            parse_formula(source, numeric, places, str(before.get("rounding", "half_up")))
        except FormulaError as exc:
            raise TemplateError(_("“{label}”: {error}", label=target.label, error=exc)) from None
        target.settings.update(formula=source, decimals=places)
        try:
            self.to_template()  # cycles through other formulas are found where they are loaded
        except TemplateError:
            target.settings.clear()
            target.settings.update(before)
            raise

    def set_placeholder(self, key: str, placeholder: str) -> None:
        """Change what a field shows while empty, where the body does not say otherwise."""
        if not placeholder:
            raise TemplateError(_("A field's placeholder cannot be empty."))
        self.field(key).placeholder = placeholder

    def move(self, key: str, offset: int) -> bool:
        """Move a field up (negative) or down within its section; False when it cannot move."""
        target = self.field(key)
        siblings = [i for i, f in enumerate(self.fields) if f.section == target.section]
        position = siblings.index(self.fields.index(target))
        new_position = position + offset
        if offset == 0 or not 0 <= new_position < len(siblings):
            return False
        here, there = siblings[position], siblings[new_position]
        moved = self.fields.pop(here)
        self.fields.insert(there, moved)
        return True

    def change_phrases(self, key: str) -> BodyPhrases | None:
        """How the body reads field `key`'s number in words (rise, fall, no change, ``{}``
        for the value without its sign), or None when it reads it as a plain value."""
        return body_phrases(self.body, key)

    def set_change_phrases(self, key: str, positive: str, negative: str, zero: str) -> None:
        """Read field `key`'s number with these phrases wherever the body words its change (a
        ``sign()`` word before the value becomes one ``change()`` place). TemplateError, with
        the field's label, when a phrase cannot be used; the body is then as it was."""
        target = self.field(key)
        problem = change_problem(positive, negative, zero)
        if problem is None and not target.kind.is_number:
            problem = _("only a number can be read as a rise or a fall")
        if problem is None and self.change_phrases(key) is None:
            problem = _("the text does not word its change")
        if problem is not None:
            raise TemplateError(_("“{label}”: {error}", label=target.label, error=problem))
        self.body = with_phrases(self.body, key, BodyPhrases(positive, negative, zero))

    # ------------------------------------------------------------------ merge and split

    def merge(self, keys: list[str]) -> str:
        """Make several fields one: every place of the others is filled by the first.

        Each place keeps the placeholder it showed, so an empty report reads as before. Rules
        and conditions that read a merged field read the first one instead.
        """
        keys = list(dict.fromkeys(keys))
        if len(keys) < 2:
            return keys[0] if keys else ""
        target = self.field(keys[0])
        sections = {target.section}
        for key in keys[1:]:
            other = self.field(key)
            sections.add(other.section)
            kept = []
            for rule in self.rules:
                if {key, target.key} <= _rule_keys(rule):
                    self.notes.append(
                        _(
                            "Rule “{rule}” was removed: it compared fields that are now one.",
                            rule=self.rule_words(rule),
                        )
                    )
                else:
                    kept.append(rule)
            self.rules = kept
            self._rewrite_places(key, lambda place, k=key: (target.key, self._shown(place, k)))
            self._rename_references(key, target.key)
            self.fields.remove(other)
            for remaining in self.fields:
                if remaining.pair == key:
                    remaining.pair = target.key
        self._normalise_overrides(target.key)
        if len(sections) > 1 and any(s.id == GENERAL_SECTION for s in self.sections):
            target.section = GENERAL_SECTION
        return target.key

    def split(self, key: str) -> list[str]:
        """Give every place of a field its own field (the first place keeps the key)."""
        places = self.places(key)
        if len(places) < 2:
            return [key]
        original = self.field(key)
        new_keys = [key]
        replacements: dict[int, tuple[str, str]] = {}
        insert_at = self.fields.index(original) + 1
        for number, place in enumerate(places[1:], start=2):
            new_key = self._free_key(f"{key}_{number}")
            shown = self._shown(place, key)
            copy = replace(
                original,
                key=new_key,
                label=f"{original.label}（{number}）",
                placeholder=shown,
                pair=None,
            )
            self.fields.insert(insert_at, copy)
            insert_at += 1
            replacements[place.start] = (new_key, shown)
            new_keys.append(new_key)
        self._rewrite_places(
            key, lambda place: replacements.get(place.start, (key, self._shown(place, key)))
        )
        for new_key in new_keys:
            self._normalise_overrides(new_key)
        return new_keys

    def detach(self, key: str, occurrence: int) -> str:
        """Give one place of a field (by its number in body order) a field of its own."""
        places = self.places(key)
        if len(places) < 2 or not 0 <= occurrence < len(places):
            return key
        original = self.field(key)
        place = places[occurrence]
        new_key = self._free_key(f"{key}_{occurrence + 1}")
        shown = self._shown(place, key)
        self.fields.insert(
            self.fields.index(original) + 1,
            replace(
                original,
                key=new_key,
                label=f"{original.label}（{occurrence + 1}）",
                placeholder=shown,
                pair=None,
            ),
        )
        self._rewrite_places(
            key,
            lambda p: (new_key, shown) if p.start == place.start else (key, self._shown(p, key)),
        )
        self._normalise_overrides(key)
        self._normalise_overrides(new_key)
        return new_key

    def unmark(self, key: str, occurrence: int) -> None:
        """This place is not a placeholder after all: its placeholder becomes plain wording.

        A field left with no place (and read by no condition) is removed, with the rules that
        compare it.
        """
        places = self.places(key)
        place = places[occurrence]
        shown = self._shown(place, key)
        if place.phrases is not None:  # a change phrase: its wording as the template shows it
            shown = place.phrases[0].replace(VALUE_SLOT, shown, 1)
        literal = escape_literal(shown)
        self.body = self.body[: place.tag.start] + literal + self.body[place.tag.end :]
        if not body_syntax.reads(self.body, key):
            self.remove_field(key)

    def remove_field(self, key: str) -> None:
        """Remove a field that the body no longer uses, and the rules that compare it (noted)."""
        for rule in self.rules:
            if key in _rule_keys(rule):
                self.notes.append(
                    _(
                        "Rule “{rule}” was removed: the field “{label}” it compares was removed.",
                        rule=self.rule_words(rule),
                        label=self.field(key).label,
                    )
                )
        self.fields = [f for f in self.fields if f.key != key]
        for remaining in self.fields:
            if remaining.pair == key:
                remaining.pair = None
        self.rules = [rule for rule in self.rules if key not in _rule_keys(rule)]

    def _shown(self, place: BodyPlace, key: str) -> str:
        if place.placeholder is not None:
            return place.placeholder
        return self.field(key).placeholder

    def _free_key(self, wanted: str) -> str:
        wanted = wanted[:60]
        key, number = wanted, 2
        while self.has_field(key):
            key = f"{wanted}_{number}"
            number += 1
        return key

    def _rewrite_places(self, key: str, target: Any) -> None:
        """Rewrite every place of `key`: `target(place)` gives (new key, placeholder shown)."""
        pieces = []
        position = 0
        for place in self.places(key):
            new_key, shown = target(place)
            pieces.append(self.body[position : place.tag.start])
            pieces.append(place_tag(place, new_key, shown))
            position = place.tag.end
        pieces.append(self.body[position:])
        self.body = "".join(pieces)

    def _normalise_overrides(self, key: str) -> None:
        """Write ``placeholder=`` only where a place differs from its field's placeholder."""
        default = self.field(key).placeholder
        pieces = []
        position = 0
        for place in self.places(key):
            pieces.append(self.body[position : place.tag.start])
            override = place.placeholder if place.placeholder != default else None
            pieces.append(place_tag(place, key, override))
            position = place.tag.end
        pieces.append(self.body[position:])
        self.body = "".join(pieces)

    def _rename_references(self, old: str, new: str) -> None:
        """value("old") / negative("old") / filled("old") in conditions, and rules."""
        self.body = body_syntax.rename(self.body, old, new)
        word = re.compile(rf"\b{re.escape(old)}\b")
        brace = re.compile(r"\{" + re.escape(old) + r"\}")
        for rule in self.rules:
            if isinstance(rule.get("check"), str):
                rule["check"] = word.sub(new, rule["check"])
            date = rule.get("date")
            if isinstance(date, dict):
                rule["date"] = {k: (new if v == old else v) for k, v in date.items()}
            if isinstance(rule.get("message"), str):
                rule["message"] = brace.sub("{" + new + "}", rule["message"])
        for item in self.fields:  # formulas: rectified / found, prev("found")
            if isinstance(item.settings.get("formula"), str):
                item.settings["formula"] = word.sub(new, item.settings["formula"])

    # ------------------------------------------------------------------ result

    def schema_data(self) -> dict[str, Any]:
        """The template.toml content as data."""
        fields = []
        for item in self.fields:
            entry: dict[str, Any] = {
                "key": item.key,
                "label": item.label,
                "kind": item.kind.value,
                "section": item.section,
                "placeholder": item.placeholder,
            }
            if item.unit:
                entry["unit"] = item.unit
            if item.hint:
                entry["hint"] = item.hint
            if not item.required:
                entry["required"] = False
            if item.minimum is not None:
                entry["min"] = _toml_number(item.minimum)
            if item.maximum is not None:
                entry["max"] = _toml_number(item.maximum)
            if item.pair:
                entry["pair"] = item.pair
            entry.update(item.settings)
            if "formula" in item.settings:  # a computed field is not required unless said
                entry["required"] = item.required
            fields.append(entry)
        data: dict[str, Any] = {
            "format": 1,
            "template": {
                "id": self.template_id,
                "title": self.title,
                "version": self.version,
                "description": self.description,
                "body": BODY_FILE,
            },
            "sections": [{"id": s.id, "label": s.label} for s in self.sections],
            "fields": fields,
        }
        if self.rules:
            data["rules"] = [dict(rule) for rule in self.rules]
        return data

    def schema_toml(self) -> str:
        """The text of template.toml."""
        return dump_schema(self.schema_data())

    def used_sections(self) -> list[Section]:
        """The sections that have fields or a heading in the body (empty ones are left out)."""
        used = {f.section for f in self.fields}
        used.update(re.findall(r"(?m)^@section\s+(\S+)", self.body))
        return [s for s in self.sections if s.id in used] or self.sections[:1]

    def to_template(self, origin: Origin = Origin.USER, folder: Path | None = None) -> Template:
        """The template this editor describes, checked as a loaded one would be."""
        self._check_id()
        data = self.schema_data()
        data["sections"] = [{"id": s.id, "label": s.label} for s in self.used_sections()]
        where = folder or paths.user_templates_dir() / self.template_id
        return template_from_schema(data, where, origin, body=self.body)

    def _check_id(self) -> None:
        if not ID_PATTERN.match(self.template_id):
            raise TemplateError(
                _(
                    "“{id}” is not a valid template id: use lower-case letters, digits, - and _ "
                    "(at most 64, starting with a letter or digit).",
                    id=self.template_id,
                )
            )

    def save(self, root: Path | None = None, overwrite: bool = False) -> Path:
        """Write the template as a folder `<root>/<id>` (root: the user's template folder).

        Refuses an invalid id, the id of a built-in template, and an existing folder unless
        `overwrite`. The folder is written beside the target and renamed into place.
        """
        self._check_id()
        if (paths.builtin_templates_dir() / self.template_id / SCHEMA_FILE).exists():
            raise TemplateError(
                _(
                    "“{id}” is the id of a built-in template; choose another id.",
                    id=self.template_id,
                )
            )
        root = Path(root) if root is not None else paths.user_templates_dir()
        target = root / self.template_id
        if target.exists() and not overwrite:
            raise TemplateError(
                _(
                    "A template with the id “{id}” already exists ({folder}); choose another id.",
                    id=self.template_id,
                    folder=target,
                )
            )
        template = self.to_template(folder=target)
        del template
        schema = self.schema_data()
        schema["sections"] = [{"id": s.id, "label": s.label} for s in self.used_sections()]
        try:
            root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{self.template_id}.", dir=root))
        except OSError as exc:
            raise TemplateError(
                _("{file}: cannot be written: {error}", file=root, error=exc.strerror or exc)
            ) from None
        old: Path | None = None
        try:
            (staging / SCHEMA_FILE).write_text(dump_schema(schema), encoding="utf-8")
            (staging / BODY_FILE).write_text(self.body, encoding="utf-8")
            os.chmod(staging, 0o755)
            if target.exists():
                old = root / f".{self.template_id}.old-{uuid.uuid4().hex[:12]}"
                os.replace(target, old)
            os.replace(staging, target)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            if old is not None and not target.exists():
                with contextlib.suppress(OSError):
                    os.replace(old, target)
            raise TemplateError(
                _("{file}: cannot be written: {error}", file=target, error=exc.strerror or exc)
            ) from None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return target


def _toml_number(value: Decimal) -> int | float:
    """A bound as TOML writes it (what the loader reads back as the same Decimal)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _rule_keys(rule: dict[str, Any]) -> set[str]:
    keys: set[str] = set()
    check = rule.get("check")
    if isinstance(check, str):
        keys.update(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", check))
    date = rule.get("date")
    if isinstance(date, dict):
        keys.update(v for v in date.values() if isinstance(v, str))
    return keys


# ------------------------------------------------------------------------- TOML


def dump_schema(data: dict[str, Any]) -> str:
    """template.toml text for schema data (the shapes `TemplateEditor.schema_data` makes)."""
    lines = [
        "# "
        + _(
            "Fanwen template: metadata, sections and fields; the wording is in {body}.",
            body=BODY_FILE,
        ),
        "",
        f"format = {int(data.get('format', 1))}",
        "",
        "[template]",
    ]
    for key, value in data["template"].items():
        lines.append(f"{key} = {_toml_value(value)}")
    for table in ("sections", "fields", "rules"):
        for item in data.get(table, []):
            lines.extend(["", f"[[{table}]]"])
            for key, value in item.items():
                lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    text = "\n".join(lines) + "\n"
    tomllib.loads(text)  # what we write must read back
    return text


def _toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
        )
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _toml_string(value: str) -> str:
    escaped = []
    for char in value:
        code = ord(char)
        if char == '"':
            escaped.append('\\"')
        elif char == "\\":
            escaped.append("\\\\")
        elif char == "\n":
            escaped.append("\\n")
        elif char == "\t":
            escaped.append("\\t")
        elif char == "\r":
            escaped.append("\\r")
        elif code < 0x20 or code == 0x7F:
            escaped.append(f"\\u{code:04X}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def valid_key(key: str) -> bool:
    """Whether `key` may be a field key."""
    return bool(KEY_PATTERN.match(key))
