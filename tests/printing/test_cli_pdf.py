"""`fanwen export --format pdf|docx` from a real process with no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from app.core.library import find_template
from app.core.report import ReportModel
from pdf_pages import check_gongwen_pages, expected_text, pdf_text, read_pages


def _fanwen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command must choose a headless platform itself
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_export_pdf_headless(tmp_path: Path, complete_values: dict[str, str]) -> None:
    draft = tmp_path / "草稿.fanwen"
    draft.write_text(json.dumps({"template": "sixin", "values": complete_values}), "utf-8")
    result = _fanwen("export", str(draft), "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    out = tmp_path / "草稿.pdf"
    assert result.stdout.strip() == str(out)
    document = ReportModel(find_template("sixin"), complete_values).document
    pages = read_pages(out)
    check_gongwen_pages(pages, document)
    assert pdf_text(pages) == expected_text(document)


def test_export_docx(tmp_path: Path, complete_values: dict[str, str]) -> None:
    draft = tmp_path / "草稿.fanwen"
    draft.write_text(json.dumps({"template": "sixin", "values": complete_values}), "utf-8")
    result = _fanwen("export", str(draft), "-f", "docx", "-o", "报告.docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "报告.docx") as package:
        assert "word/document.xml" in package.namelist()


def test_unknown_format_names_pdf_and_docx(tmp_path: Path) -> None:
    draft = tmp_path / "d.fanwen"
    draft.write_text(json.dumps({"template": "sixin", "values": {}}), "utf-8")
    result = _fanwen("export", str(draft), "--format", "odt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "docx" in result.stderr and "pdf" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["d.fanwen"]  # nothing written
