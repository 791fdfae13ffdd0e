"""Importing the corpus of 范文 in tests/data/corpus: each as a writer would.

For each source: the placeholders found (in order), the fields proposed (kind, placeholder, unit,
how many places, label), the headings; then the template is saved, found in the library, and a
report made from it exports the source text exactly, empty (every placeholder as it was) and
filled (each value where its placeholder stood). The expected text is made from the source file
and the hand-written ``*.expect.toml`` only, never from the importer's own output.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from app.core.document import Role
from app.core.export import render_bytes
from app.core.importer import plan_import
from app.core.library import find_template, load_library
from app.core.report import ReportModel
from app.core.template import Origin

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
EXPECTATIONS = sorted(CORPUS.glob("*.expect.toml"))
LAYOUT = " \t\u3000"


def _expectation(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _source_paragraphs(expect: dict[str, Any]) -> list[str]:
    """The source's paragraphs, read without the importer."""
    path = CORPUS / expect["source"]
    if path.suffix == ".docx":
        spec = importlib.util.spec_from_file_location("make_docx", CORPUS / "make_docx.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return [text for _style, text in module.PARAGRAPHS] + module.TABLE_LINES
    encoding = {"utf-8": "utf-8-sig"}.get(expect["encoding"], expect["encoding"])
    text = path.read_bytes().decode(encoding)
    lines = (line.strip(LAYOUT) for line in re.split(r"\r\n|\r|\n", text))
    return [line for line in lines if line]


def _filled_paragraphs(paragraphs: list[str], places: list[list[str]]) -> list[str]:
    """The source with each placeholder, in order, replaced by its value."""
    text = "\n".join(paragraphs)
    position = 0
    for placeholder, value in places:
        found = text.find(placeholder, position)
        assert found >= 0, f"placeholder {placeholder!r} not in the source after {position}"
        text = text[:found] + value + text[found + len(placeholder) :]
        position = found + len(value)
    return text.split("\n")


def _exported_paragraphs(model: ReportModel) -> list[str]:
    text = render_bytes(model.document, "txt").decode("utf-8-sig")
    lines = (line.strip(LAYOUT) for line in text.split("\r\n"))
    return [line for line in lines if line]


@pytest.fixture(params=EXPECTATIONS, ids=lambda p: p.name.removesuffix(".expect.toml"))
def case(request: pytest.FixtureRequest) -> dict[str, Any]:
    return _expectation(request.param)


def test_the_corpus_covers_every_placeholder_shape_encoding_and_heading_level() -> None:
    cases = [_expectation(p) for p in EXPECTATIONS]
    shapes = {placeholder for case in cases for placeholder, _value in case["places"]}
    for shape in ("XX", "X", "××", "ＸＸ", "X,XXX", "X.X", "XX.XX", "XXXX", "20XX", "xx"):
        assert shape in shapes, shape
    assert {"utf-8", "gb18030", "docx"} <= {case["encoding"] for case in cases}
    assert all(case["headings"] for case in cases)
    assert all(case["subheadings"] for case in cases)
    summary = (CORPUS / "work_summary.txt").read_text(encoding="utf-8-sig")
    assert "一是" in summary  # the third level stays in its paragraph


def test_placeholders_found_in_order(case: dict[str, Any]) -> None:
    plan = plan_import(CORPUS / case["source"])
    assert plan.source.encoding == case["encoding"]
    assert [place.text for place in plan.places] == [p for p, _value in case["places"]]
    assert len(plan.warnings) == case.get("warnings", 0)


def test_fields_proposed(case: dict[str, Any]) -> None:
    plan = plan_import(CORPUS / case["source"])
    proposed = [
        [f.kind.value, f.placeholder, f.unit, len(plan.editor.places(f.key)), f.label]
        for f in plan.fields
    ]
    assert proposed == case["fields"]
    recurring = [f.key for f in plan.fields if len(plan.editor.places(f.key)) > 1]
    assert plan.entities == recurring


def test_title_and_headings(case: dict[str, Any]) -> None:
    plan = plan_import(CORPUS / case["source"])
    paragraphs = list(plan.source.paragraphs)
    by_role: dict[Role, list[str]] = {}
    for (role, _section), text in zip(plan.roles, paragraphs, strict=True):
        by_role.setdefault(role, []).append(text)
    assert by_role[Role.TITLE] == [case["title"]]
    assert plan.editor.title == case["title"]
    assert by_role[Role.HEADING] == case["headings"]
    assert by_role.get(Role.SUBHEADING, []) == case["subheadings"]
    section_labels = [s.label for s in plan.editor.used_sections() if s.id != "general"]
    assert len(section_labels) == len(case["headings"])
    for label, heading in zip(section_labels, case["headings"], strict=True):
        assert label in heading


def test_saved_template_exports_the_source_exactly(case: dict[str, Any]) -> None:
    plan = plan_import(CORPUS / case["source"])
    folder = plan.save()
    template = find_template(folder.name)
    assert template.origin is Origin.USER and template.sandboxed
    assert folder.name in load_library().templates
    source = _source_paragraphs(case)

    empty = ReportModel(template)
    assert _exported_paragraphs(empty) == source
    for literal in case["literal"]:
        assert literal in "\n".join(_exported_paragraphs(empty))

    values: dict[str, str] = {}
    for found, (placeholder, value) in zip(plan.places, case["places"], strict=True):
        assert found.text == placeholder
        assert values.setdefault(found.key, value) == value, (
            f"{found.key} merges places the corpus gives different values"
        )
    filled = ReportModel(template)
    for key, value in values.items():
        filled.set_value(key, value)
    assert filled.blocking_problems() == []
    assert _exported_paragraphs(filled) == _filled_paragraphs(source, case["places"])
    html = render_bytes(filled.document, "html").decode("utf-8")
    for literal in case["literal"]:
        assert literal in html


def test_title_option_and_id_option(case: dict[str, Any]) -> None:
    plan = plan_import(CORPUS / case["source"], template_id="my-report", title="我的报告")
    assert plan.editor.template_id == "my-report"
    assert plan.editor.title == "我的报告"
    assert plan.save().name == "my-report"
