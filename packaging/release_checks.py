"""What the installer tests share: a complete draft, the Linux source's exports of it, and the
comparison of an installed program's exports with those (scripts/try_windows_installer.py,
scripts/try_deb.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

FORMATS = ("txt", "html", "docx", "pdf")
# A plausible value of each kind; equal counts keep the "no more than" rules satisfied.
SAMPLE = {
    "text": "某某市税务局",
    "integer": "12",
    "decimal": "3.5",
    "percent": "98",
    "year": "2018",
    "month": "9",
    "day": "15",
}
UNIT = "某某市税务局"


def make_draft(repo: Path, work: Path) -> Path:
    """A complete draft of the built-in template, and work/source.<fmt> exported from the
    source tree by this Python (the reference the installed programs must match)."""
    env = dict(
        os.environ,
        PYTHONPATH=str(repo / "src"),
        QT_QPA_PLATFORM="offscreen",
        FANWEN_HOME=str(work / "source-home"),
    )
    fields = json.loads(
        subprocess.run(
            [sys.executable, "-m", "app", "fields", "--json"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    draft = work / "报告草稿.fanwen"
    values = {f["key"]: SAMPLE[f["kind"]] for f in fields}
    draft.write_text(
        json.dumps({"template": "sixin", "values": values}, ensure_ascii=False), encoding="utf-8"
    )
    for fmt in FORMATS:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "export",
                str(draft),
                "--format",
                fmt,
                "-o",
                str(work / f"source.{fmt}"),
            ],
            env=env,
            capture_output=True,
            check=True,
        )
    return draft


def same_pdf_lines(work: Path, name: str) -> bool:
    """Whether the PDF's lines also break where the source's do."""
    return pdf_text_and_pages(work / f"{name}.pdf")[0] == pdf_text_and_pages(work / "source.pdf")[0]


def pdf_text_and_pages(path: Path) -> tuple[str, int]:
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    return text, int(match[1]) if match else 0


def compare_exports(work: Path, name: str) -> list[str]:
    """Problems of work/<name>.<fmt> against work/source.<fmt>: same bytes for txt and html,
    the same DOCX parts but the creation time, the same PDF text and page count. A PDF's lines
    may break at other characters: its layout depends on the installed fonts' versions (Debian
    11's Noto CJK is not Debian 12's) and Qt's, so its text is compared without whitespace."""
    problems = []
    for fmt in FORMATS:
        ours, source = work / f"{name}.{fmt}", work / f"source.{fmt}"
        if not ours.is_file():
            problems.append(f"{ours.name} missing")
        elif fmt == "docx":
            a, b = zipfile.ZipFile(ours), zipfile.ZipFile(source)
            differ = [n for n in a.namelist() if n not in b.namelist() or a.read(n) != b.read(n)]
            if a.namelist() != b.namelist() or differ not in ([], ["docProps/core.xml"]):
                problems.append(f"DOCX parts differ: {differ}")
        elif fmt == "pdf":
            (text, pages), (source_text, source_pages) = map(pdf_text_and_pages, (ours, source))
            if (
                "".join(text.split()) != "".join(source_text.split())
                or pages != source_pages
                or UNIT not in text
            ):
                problems.append(f"PDF differs ({pages} vs {source_pages} pages)")
        elif ours.read_bytes() != source.read_bytes():
            problems.append(f"{fmt} differs")
    return problems
