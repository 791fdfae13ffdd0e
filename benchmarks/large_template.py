"""A generated template N times the seed, for the scaling benchmark.

The “四心” body is repeated N times; each copy gets its own four sections and its own fields
(keys suffixed with the copy number), while the 基本信息 fields (unit, year, month) stay shared, as
they would in a long report. N=100 gives about 4,900 placeholders.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from app.core.paths import builtin_templates_dir

_GENERAL = {"unit_name", "report_year", "report_month"}


def write_large_template(target: Path, copies: int = 100, template_id: str = "sixin-large") -> Path:
    """Write the generated template folder under `target`; returns the folder."""
    seed = builtin_templates_dir() / "sixin"
    schema = tomllib.loads((seed / "template.toml").read_text(encoding="utf-8"))
    body = (seed / "body.txt.j2").read_text(encoding="utf-8")
    lines = [line for line in body.splitlines() if not line.startswith("{#")]
    title, rest = lines[0], lines[1:]

    out_body = [title]
    for n in range(1, copies + 1):
        for line in rest:
            line = re.sub(r"@section s(\d)", lambda m, n=n: f"@section s{m.group(1)}_{n}", line)
            line = re.sub(
                r'(field|negative|sign|change|filled|value)\("([a-z_]+)"',
                lambda m, n=n: (
                    m.group(0) if m.group(2) in _GENERAL else f'{m.group(1)}("{m.group(2)}_{n}"'
                ),
                line,
            )
            out_body.append(line)

    sections = [s for s in schema["sections"] if s["id"] == "general"]
    fields = [f for f in schema["fields"] if f["key"] in _GENERAL]
    rules = []
    for n in range(1, copies + 1):
        for section in schema["sections"]:
            if section["id"] != "general":
                sections.append({"id": f"{section['id']}_{n}", "label": f"{section['label']} {n}"})
        for field in schema["fields"]:
            if field["key"] in _GENERAL:
                continue
            copy = dict(field, key=f"{field['key']}_{n}", section=f"{field['section']}_{n}")
            if "pair" in copy:
                copy["pair"] = f"{copy['pair']}_{n}"
            fields.append(copy)
        for rule in schema.get("rules", []):
            rules.append(_suffix_rule(rule, n))

    folder = target / template_id
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "body.txt.j2").write_text("\n".join(out_body) + "\n", encoding="utf-8")
    meta = dict(schema["template"], id=template_id, title=schema["template"]["title"])
    (folder / "template.toml").write_text(
        _toml(
            {"format": 1, "template": meta, "sections": sections, "fields": fields, "rules": rules}
        ),
        encoding="utf-8",
    )
    return folder


def _suffix_rule(rule: dict[str, object], n: int) -> dict[str, object]:
    def suffix(key: str) -> str:
        return key if key in _GENERAL else f"{key}_{n}"

    copy: dict[str, object] = dict(rule, id=f"{rule['id']}_{n}")
    if isinstance(rule.get("check"), str):
        copy["check"] = re.sub(r"[a-z_]+", lambda m: suffix(m.group(0)), str(rule["check"]))
    if isinstance(rule.get("date"), dict):
        copy["date"] = {k: suffix(v) for k, v in rule["date"].items()}
    message = str(rule["message"])
    copy["message"] = re.sub(r"\{([a-z_]+)\}", lambda m: "{" + suffix(m.group(1)) + "}", message)
    return copy


def _toml(data: dict[str, object]) -> str:
    """A small TOML writer for this generator's data (strings, numbers, tables, arrays)."""
    lines: list[str] = []
    for key, value in data.items():
        if not isinstance(value, dict | list):
            lines.append(f"{key} = {_value(value)}")
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"\n[{key}]")
            lines.extend(f"{k} = {_value(v)}" for k, v in value.items())
        elif isinstance(value, list):
            for item in value:
                lines.append(f"\n[[{key}]]")
                lines.extend(f"{k} = {_value(v)}" for k, v in item.items())
    return "\n".join(lines) + "\n"


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'
