"""Issue 14 on the command line: no input crashes it, hangs it or touches a file not named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli.test_cli import assert_one_line_error, fanwen, write_draft


def test_export_never_overwrites_its_own_draft(tmp_path: Path, complete_values) -> None:
    draft = write_draft(tmp_path / "self.fanwen", complete_values)
    before = draft.read_bytes()
    result = fanwen("export", str(draft), "--format", "txt", "-o", str(draft))
    assert_one_line_error(result, "self.fanwen")
    assert result.returncode == 2 and result.stdout == ""
    assert draft.read_bytes() == before


def test_export_with_the_default_name_never_overwrites_a_txt_draft(
    tmp_path: Path, complete_values
) -> None:
    draft = write_draft(tmp_path / "report.txt", complete_values)
    before = draft.read_bytes()
    result = fanwen("export", str(draft), "--format", "txt")
    assert_one_line_error(result, "report.txt")
    assert draft.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


@pytest.mark.skipif(not hasattr(os, "link"), reason="no hard links")
def test_export_never_overwrites_its_draft_through_a_hard_link(
    tmp_path: Path, complete_values
) -> None:
    draft = write_draft(tmp_path / "d.fanwen", complete_values)
    os.link(draft, tmp_path / "same.txt")
    before = draft.read_bytes()
    result = fanwen("export", str(draft), "--format", "txt", "-o", str(tmp_path / "same.txt"))
    assert_one_line_error(result, "same.txt")
    assert draft.read_bytes() == before


def test_control_characters_from_a_draft_are_not_sent_to_the_terminal(tmp_path: Path) -> None:
    draft = write_draft(tmp_path / "d.fanwen", {"\x1b]0;pwned\x07": "x", "unit_name": "单位"})
    result = fanwen("check", str(draft))
    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout
    assert "\\u001b]0;pwned\\u0007" in result.stdout


@pytest.mark.parametrize("fmt", ["txt", "html", "docx", "pdf"])
def test_values_no_export_can_carry_are_taken_out_with_a_warning_naming_the_field(
    tmp_path: Path,
    fmt: str,
    complete_values,
) -> None:
    values = dict(complete_values, unit_name="单位\ud800\ufffe\x0c\x1b名\U0001ffff")
    draft = tmp_path / "d.fanwen"
    draft.write_text(json.dumps({"values": values}, ensure_ascii=True), encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    result = fanwen("export", str(draft), "--format", fmt, "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    assert "unit_name" in result.stderr and out.is_file()


def test_a_million_digit_number_is_a_problem_not_a_crash(tmp_path: Path, complete_values) -> None:
    draft = tmp_path / "big.fanwen"
    values = dict(complete_values, meetings="9" * 1_000_001)
    draft.write_text(json.dumps({"values": values}), encoding="utf-8")
    result = fanwen("check", str(draft))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    result = fanwen("export", str(draft), "--format", "txt", "-o", str(tmp_path / "o.txt"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "o.txt").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_draft_is_one_line_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.fanwen"
    os.mkfifo(fifo)
    result = fanwen("check", str(fifo))
    assert_one_line_error(result, "pipe.fanwen")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX command lines are bytes")
def test_an_undecodable_title_is_refused_and_leaves_nothing(
    tmp_path: Path,
    fanwen_home: Path,
    seed_path,
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "template", "import", str(seed_path), "--title", b"\xff\xfe"],
        capture_output=True,
        env={**os.environ, "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"},
        timeout=120,
    )
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2 and "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1 and "--title" in stderr
    templates = fanwen_home / "templates"
    assert not templates.exists() or list(templates.iterdir()) == []


def test_templates_lists_the_good_ones_beside_a_broken_one(fanwen_home: Path) -> None:
    from core.test_hardening import copy_template

    root = fanwen_home / "templates"
    root.mkdir(parents=True)
    for name in ("good", "bad"):
        folder = copy_template(fanwen_home / "x", name)
        folder.rename(root / name)
    schema = root / "bad" / "template.toml"
    schema.write_text(
        schema.read_text(encoding="utf-8") + "\ndeep = " + "[" * 3000 + "]" * 3000 + "\n",
        encoding="utf-8",
    )
    result = fanwen("templates")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert {line.split("\t")[0] for line in result.stdout.splitlines()} == {"sixin", "good"}
    assert str(schema) in result.stderr
