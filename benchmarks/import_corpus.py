"""Import quality on the annotated corpus of real 范文 (issue 15), a report of four figures.

    python -m benchmarks.import_corpus

For each excerpt in tests/data/corpus/real (annotated in annotations.toml): is it verbatim (the
template made from it, exported empty, gives the source text back), how many fields merge
different facts (places of different same-entity groups, or a fact of its own, in one field),
how many fields have an acceptable label (contains one of the annotated alternatives, holds no
placeholder mark and is not a bare generic word), and how many placeholders get the right kind.
Blanks the importer does not find count against the kinds. Nothing here tunes the importer.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import TemplateError
from app.core.export import render_bytes
from app.core.importer import plan_import
from app.core.placeholders import PLACEHOLDER_CHARS
from app.core.report import ReportModel

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "corpus" / "real"
_GENERIC = {"数量", "数值", "百分比", "名称", "年份", "日期"}
_LAYOUT = " \t\u3000"


@dataclass
class Figures:
    files: int = 0
    verbatim: int = 0
    places: int = 0
    found: int = 0
    kinds_right: int = 0
    fields: int = 0
    labels_ok: int = 0
    wrong_merges: int = 0
    suspects: int = 0
    suspects_kept: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        share = lambda a, b: f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"  # noqa: E731
        return [
            f"files verbatim:        {share(self.verbatim, self.files)}",
            f"blanks found:          {share(self.found, self.places)}",
            f"fields merging facts:  {self.wrong_merges}",
            f"labels acceptable:     {share(self.labels_ok, self.fields)}",
            f"kinds right:           {share(self.kinds_right, self.places)}",
            f"not-blanks kept:       {share(self.suspects_kept, self.suspects)}",
        ]


def _acceptable(label: str, alternatives: list[str]) -> bool:
    if any(c in PLACEHOLDER_CHARS for c in label) or "【" in label or len(label) > 20:
        return False
    if re.sub(r"（\d+）$", "", label) in _GENERIC and not any(a in _GENERIC for a in alternatives):
        return False
    return any(all(part in label for part in alt.split("+")) for alt in alternatives)


def _lines(text: str) -> list[str]:
    lines = (line.strip(_LAYOUT) for line in re.split(r"\r\n|\r|\n", text))
    return [line for line in lines if line]


def measure(only: set[str] | None = None) -> Figures:
    """The figures over the corpus, or over the excerpts named in `only`."""
    figures = Figures()
    docs = tomllib.loads((CORPUS / "annotations.toml").read_text(encoding="utf-8"))["doc"]
    for doc in docs:
        if only is not None and doc["source"] not in only:
            continue
        path = CORPUS / doc["source"]
        figures.files += 1
        try:
            plan = plan_import(path, template_id="bench_" + path.stem)
        except TemplateError as exc:  # the whole file is missed: every blank counts as not found
            figures.places += len(doc["places"])
            figures.notes.append(f"{path.name}: not imported: {exc}")
            continue
        source = _lines(path.read_text(encoding="utf-8"))
        exported = _lines(
            render_bytes(ReportModel(plan.template()).document, "txt").decode("utf-8-sig")
        )
        if exported == source:
            figures.verbatim += 1
        else:
            figures.notes.append(f"{path.name}: not verbatim")
        for mark in doc.get("suspects", []):  # a run that is not a blank: kept as text
            figures.suspects += 1
            if any(
                not s.as_blank and mark.replace(s.text, f"【{s.text}】", 1) in s.context
                for s in plan.suspects
            ):
                figures.suspects_kept += 1
            else:
                figures.notes.append(f"{path.name}: {mark!r} made a field")
        # Each annotated place, located in the text in order, matched to a found place.
        text = "\n".join(plan.source.paragraphs)
        starts: dict[tuple[int, int], object] = {}
        offsets, total = [], 0
        for paragraph in plan.source.paragraphs:
            offsets.append(total)
            total += len(paragraph) + 1
        found = {offsets[p.paragraph] + p.placeholder.start: p for p in plan.places}
        cursor = 0
        key_groups: dict[str, list[str]] = {}
        annotated_keys: set[str] = set()
        for index, (mark, kinds, group, labels) in enumerate(doc["places"]):
            figures.places += 1
            at = text.find(mark, cursor)
            cursor = at + len(mark) if at >= 0 else cursor
            place = found.get(at)
            if place is None or place.placeholder.text != mark:
                figures.notes.append(f"{path.name}: blank {index + 1} {mark!r} not found")
                continue
            figures.found += 1
            if place.guess.kind.value in kinds.split("|"):
                figures.kinds_right += 1
            key_groups.setdefault(place.key, []).append(group or f"own-{index}")
            annotated_keys.add(place.key)
            starts[(place.paragraph, place.placeholder.start)] = labels
        for draft in plan.fields:
            if draft.key not in annotated_keys:
                figures.notes.append(f"{path.name}: field {draft.label!r} is not a blank")
                continue
            figures.fields += 1
            groups = set(key_groups[draft.key])
            if len(groups) > 1 or (
                len(key_groups[draft.key]) > 1 and groups.pop().startswith("own-")
            ):
                figures.wrong_merges += 1
                figures.notes.append(f"{path.name}: {draft.label!r} merges different facts")
            first = plan.editor.places(draft.key)
            labels_of = [
                starts[(p.paragraph, p.placeholder.start)]
                for p in plan.places
                if p.key == draft.key and (p.paragraph, p.placeholder.start) in starts
            ]
            del first
            if _acceptable(draft.label, labels_of[0]):  # type: ignore[arg-type]
                figures.labels_ok += 1
            else:
                figures.notes.append(f"{path.name}: label {draft.label!r}")
    return figures


def main() -> None:
    figures = measure()
    print(f"Import quality on {figures.files} real 范文 ({CORPUS})")
    for line in figures.lines():
        print("  " + line)
    for note in figures.notes:
        print("  - " + note)


if __name__ == "__main__":
    main()
