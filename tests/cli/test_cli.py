"""The `fanwen` command run as a user runs it: a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.test_golden import seed_report_lines


def fanwen(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None):
    """Run `python -m app ARGS` and return the completed process (text mode)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=full_env,
        timeout=120,
    )


def write_draft(path: Path, values: dict[str, object], template: str = "sixin") -> Path:
    path.write_text(
        json.dumps({"template": template, "values": values}, ensure_ascii=False), encoding="utf-8"
    )
    return path


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def test_templates_lists_the_builtin():
    result = fanwen("templates", "--json")
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert [(t["id"], t["fields"]) for t in items] == [("sixin", 47)]


def test_fields_json_lists_the_seed_fields_in_document_order():
    result = fanwen("fields", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 47
    assert {"key", "label", "kind", "section", "required", "occurrences"} <= set(rows[0])
    by_key = {row["key"]: row for row in rows}
    assert by_key["unit_name"]["occurrences"] == 3
    assert by_key["report_month"]["occurrences"] == 2
    assert by_key["report_year"]["kind"] == "year"
    assert sum(row["occurrences"] for row in rows) == 50  # 49 placeholders + the year
    assert rows[0]["key"] == "unit_name" and rows[1]["key"] == "meetings"


def test_fields_of_an_unknown_template():
    assert_one_line_error(fanwen("fields", "--template", "nope"), "未知的模板“nope”")


def test_check_complete_and_incomplete(tmp_path, complete_values):
    complete = write_draft(tmp_path / "full.fanwen", complete_values)
    result = fanwen("check", str(complete))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "已填 47/47 项，0 个问题" in result.stdout
    partial = write_draft(tmp_path / "part.fanwen", {"unit_name": "某局", "report_month": "13"})
    result = fanwen("check", str(partial))
    assert result.returncode == 1
    assert "统计截至月份：月份应在 1 到 12 之间。" in result.stdout
    assert "改革座谈会、动员会、培训会次数：尚未填写。" in result.stdout


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_export_complete_draft_reproduces_the_seed(tmp_path, fmt, complete_values):
    draft = write_draft(tmp_path / "报告.fanwen", complete_values)
    result = fanwen("export", str(draft), "--format", fmt)
    assert result.returncode == 0, result.stderr
    out = tmp_path / f"报告.{fmt}"
    assert result.stdout.strip() == str(out)
    data = out.read_bytes()
    if fmt == "txt":
        lines = [ln.strip("\u3000") for ln in data.decode("utf-8-sig").split("\r\n") if ln]
    else:
        import re

        page = data.decode("utf-8")
        bodies = re.findall(r"<(?:p|h1)[^>]*>(.*?)</(?:p|h1)>", page, flags=re.S)
        lines = [re.sub(r"<[^>]+>", "", b) for b in bodies]
    seed = seed_report_lines()
    assert len(lines) == len(seed)
    for got, original in zip(lines, seed, strict=True):
        # outside the placeholders every character is the seed's
        import re

        pattern = re.escape(original).replace("2018", ".+?")
        pattern = re.sub(r"X+", ".+?", pattern)
        assert re.fullmatch(pattern, got), (original, got)
    assert any("江城市税务局融思政" in line for line in lines)


def test_export_gb18030(tmp_path, complete_values):
    draft = write_draft(tmp_path / "d.fanwen", complete_values)
    out = tmp_path / "gb.txt"
    result = fanwen("export", str(draft), "-f", "txt", "-o", str(out), "--encoding", "gb18030")
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("gb18030")
    assert text.startswith("“四心”抓好思政工作助力机构改革\r\n")


def test_export_refuses_incomplete_draft_unless_forced(tmp_path):
    draft = write_draft(tmp_path / "d.fanwen", {"unit_name": "某局"})
    out = tmp_path / "d.txt"
    result = fanwen("export", str(draft), "--format", "txt")
    assert result.returncode == 2
    assert not out.exists()
    assert "未导出：有 46 项未填或填写有误" in result.stderr
    assert "  统计截至月份：尚未填写。" in result.stderr
    assert "Traceback" not in result.stderr
    result = fanwen("export", str(draft), "--format", "txt", "--force")
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8-sig")
    assert "某局落实总局" in text and "培训会等XX余次" in text and "1-X月份" in text


def test_export_prints_rule_warnings_without_blocking(tmp_path, complete_values):
    draft = write_draft(tmp_path / "d.fanwen", {**complete_values, "problems_rectified": "3"})
    result = fanwen("export", str(draft), "--format", "html")
    assert result.returncode == 0
    assert "提醒：已整改到位问题数、专项检查查摆问题数：正文说" in result.stderr


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "文件是空的"),
        (b"{broken", "JSON 在第 1 行"),
        (b"\x00\x01\x02\xff\xfe\xfd", "不是文本文件"),
        (b'{"some": "other json"}', "缺少“values”"),
        (b'{"template": "nope", "values": {}}', "未知的模板“nope”"),
    ],
)
def test_bad_drafts_give_one_line_and_no_output(tmp_path, content, fragment):
    draft = tmp_path / "bad.fanwen"
    draft.write_bytes(content)
    for args in (("check", str(draft)), ("export", str(draft), "--format", "txt")):
        result = fanwen(*args)
        assert_one_line_error(result, "bad.fanwen", fragment)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.fanwen", "fanwen-home"] or sorted(
        p.name for p in tmp_path.iterdir()
    ) == ["bad.fanwen"]


def test_non_number_and_month_13(tmp_path, complete_values):
    draft = write_draft(
        tmp_path / "d.fanwen", {**complete_values, "meetings": "很多", "report_month": 13}
    )
    result = fanwen("export", str(draft), "--format", "txt")
    assert result.returncode == 2
    assert "改革座谈会、动员会、培训会次数：“很多”不是整数。" in result.stderr
    assert "统计截至月份：月份应在 1 到 12 之间。" in result.stderr
    assert not (tmp_path / "d.txt").exists()


def test_unwritable_destination(tmp_path, complete_values):
    draft = write_draft(tmp_path / "d.fanwen", complete_values)
    missing = tmp_path / "no-such-folder" / "out.txt"
    assert_one_line_error(
        fanwen("export", str(draft), "-f", "txt", "-o", str(missing)), "所在文件夹不存在"
    )
    assert_one_line_error(
        fanwen("export", str(draft), "-f", "txt", "-o", str(tmp_path)), "是文件夹"
    )
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        assert_one_line_error(
            fanwen("export", str(draft), "-f", "txt", "-o", str(locked / "o.txt")), "没有写入权限"
        )


def test_missing_draft_and_usage_errors(tmp_path, complete_values):
    assert_one_line_error(fanwen("check", str(tmp_path / "none.fanwen")), "找不到文件")
    assert_one_line_error(fanwen("export", str(tmp_path / "x.fanwen")), "--format")
    draft = write_draft(tmp_path / "d.fanwen", complete_values)
    assert_one_line_error(fanwen("export", str(draft), "--format", "pptx"), "pptx")
    result = fanwen("export", str(draft), "-f", "txt", "--encoding", "latin-1")
    assert_one_line_error(result, "latin-1")


def test_english_messages(tmp_path):
    result = fanwen("check", str(tmp_path / "none.fanwen"), env={"FANWEN_LANG": "en"})
    assert_one_line_error(result, "file not found")


def test_seed_is_the_one_the_tests_use(seed_path):
    assert seed_path.read_text(encoding="utf-8").splitlines()[1] == "“四心”抓好思政工作助力机构改革"


def test_export_author_goes_into_the_docx_properties(tmp_path, complete_values):
    import zipfile

    draft = write_draft(tmp_path / "d.fanwen", complete_values)
    out = tmp_path / "报告.docx"
    result = fanwen("export", str(draft), "--format", "docx", "-o", str(out), "--author", "李四")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as docx:
        assert "<dc:creator>李四</dc:creator>" in docx.read("docProps/core.xml").decode("utf-8")
    plain = tmp_path / "无作者.docx"
    assert fanwen("export", str(draft), "--format", "docx", "-o", str(plain)).returncode == 0
    with zipfile.ZipFile(plain) as docx:
        assert "李四" not in docx.read("docProps/core.xml").decode("utf-8")


def test_an_author_documents_cannot_hold_is_cleaned_or_refused(tmp_path, complete_values):
    """Control characters (XML cannot carry them) become spaces; an author longer than a DOCX
    property holds is one clear line, and no file."""
    import zipfile

    draft = write_draft(tmp_path / "d.fanwen", complete_values)
    out = tmp_path / "a.docx"
    result = fanwen(
        "export", str(draft), "--format", "docx", "-o", str(out), "--author", "张\x01三\t "
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(out) as docx:
        assert "<dc:creator>张 三</dc:creator>" in docx.read("docProps/core.xml").decode("utf-8")
    long_out = tmp_path / "b.docx"
    result = fanwen(
        "export", str(draft), "--format", "docx", "-o", str(long_out), "--author", "长" * 300
    )
    assert_one_line_error(result, "300", "255")
    assert not long_out.exists()


def test_help_lists_every_command():
    from app.cli import COMMANDS

    result = fanwen("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout
    gui_help = fanwen("gui", "--help")
    assert gui_help.returncode == 0
    assert "--smoke" in gui_help.stdout


def test_the_last_collection_at_exit_does_not_walk_the_apps_objects(monkeypatch):
    """The collector is off while the app starts (`_run`); when the app ends, what it made is
    set aside, so the interpreter's final collection does not walk all of it (53 M
    instructions, 5 % of a smoke run, before)."""
    import gc

    import app.ui.application as application
    from app import cli

    monkeypatch.setattr(application, "run_gui", lambda draft=None, smoke=False: 0)
    before = gc.get_freeze_count()
    try:
        assert cli.main(["gui", "--smoke"]) == 0
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
