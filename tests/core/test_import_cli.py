"""`fanwen template import` end to end, as a writer runs it: the real process, the real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.core.draft import Draft, save_draft

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"

REPORT = """××县XXXX年工作总结
　　今年，××县完成投资X,XXX万元，增长X.X%，新建学校XX所。
一、主要做法
（一）抓项目
　　一是抓开工，XXXX年X月X日集中开工ＸＸ个项目。二是抓服务，为××县企业解决问题XX个。
（二）抓民生
　　三是抓就业，新增就业XX人。
"""


def _fanwen(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        cwd=cwd,
        env=dict(os.environ),
    )


def test_import_then_fill_and_export_reproduces_the_text(tmp_path: Path, fanwen_home: Path) -> None:
    source = tmp_path / "我的总结.txt"
    source.write_bytes(REPORT.encode("gb18030"))
    result = _fanwen("template", "import", str(source), "--id", "county-summary")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "county-summary\n"
    assert "××县XXXX年工作总结" in result.stderr  # the summary line names the title
    assert (fanwen_home / "templates" / "county-summary" / "template.toml").is_file()

    fields = json.loads(_fanwen("fields", "--template", "county-summary", "--json").stdout)
    kinds = [(f["kind"], f["placeholder"], f["occurrences"]) for f in fields]
    assert kinds == [
        ("text", "××", 3),
        ("year", "XXXX", 1),
        ("decimal", "X,XXX", 1),
        ("percent", "X.X", 1),
        ("integer", "XX", 1),
        ("year", "XXXX", 1),  # part of a date: not the report's year, not merged with it
        ("month", "X", 1),
        ("day", "X", 1),
        ("integer", "ＸＸ", 1),
        ("integer", "XX", 1),
        ("integer", "XX", 1),
    ]
    values = dict(
        zip(
            [f["key"] for f in fields],
            ["清河", "2025", "3,200", "8.5", "6", "2025", "3", "18", "12", "45", "1,280"],
            strict=True,
        )
    )
    draft = tmp_path / "总结.fanwen"
    save_draft(Draft("county-summary", values), draft)
    output = tmp_path / "总结.txt"
    exported = _fanwen("export", str(draft), "--format", "txt", "-o", str(output))
    assert exported.returncode == 0, exported.stderr
    lines = [
        line.strip("\u3000")
        for line in output.read_bytes().decode("utf-8-sig").split("\r\n")
        if line
    ]
    assert lines == [
        "清河县2025年工作总结",
        "今年，清河县完成投资3,200万元，增长8.5%，新建学校6所。",
        "一、主要做法",
        "（一）抓项目",
        "一是抓开工，2025年3月18日集中开工12个项目。二是抓服务，为清河县企业解决问题45个。",
        "（二）抓民生",
        "三是抓就业，新增就业1,280人。",
    ]


def test_wording_in_a_draft_is_exported(tmp_path: Path) -> None:
    source = tmp_path / "r.txt"
    source.write_text(REPORT, encoding="utf-8")
    assert _fanwen("template", "import", str(source), "--id", "r").returncode == 0
    draft = tmp_path / "r.fanwen"
    data = {
        "template": "r",
        "values": {},
        "wording": {"s1.4": {"original": "三是抓就业，新增就业{count_4}人。", "off": True}},
    }
    draft.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = _fanwen(
        "export", str(draft), "--format", "txt", "--force", "-o", str(tmp_path / "o.txt")
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "o.txt").read_bytes().decode("utf-8-sig")
    assert "三是抓就业" not in text and "二是抓服务" in text
    checked = _fanwen("check", str(draft))
    assert "count_4" not in checked.stdout and "新增就业" not in checked.stdout


def test_errors_are_one_line_without_traceback(tmp_path: Path, fanwen_home: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(REPORT, encoding="utf-8")
    none = tmp_path / "none.txt"
    none.write_text("没有占位符的文字。", encoding="utf-8")
    cases = [
        (["template", "import", str(tmp_path / "missing.txt")], "missing.txt"),
        (["template", "import", str(none)], "没有找到占位符"),
        (["template", "import", str(good), "--id", "../../etc"], "不是有效的模板编号"),
        (["template", "import", str(good), "--id", "sixin"], "内置模板"),
        (["template", "import", str(CORPUS / "make_docx.py")], "无法导入此类文件"),
        (["template"], "fanwen template"),
    ]
    for args, message in cases:
        result = _fanwen(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stdout == ""
        assert message in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert not (fanwen_home / "templates").exists() or not any(
        (fanwen_home / "templates").iterdir()
    )
    assert _fanwen("template", "import", str(good), "--id", "twice").returncode == 0
    again = _fanwen("template", "import", str(good), "--id", "twice")
    assert again.returncode == 2 and "已经存在" in again.stderr


def test_default_id_comes_from_the_file_name(tmp_path: Path) -> None:
    source = tmp_path / "Annual Report.txt"
    source.write_text(REPORT, encoding="utf-8")
    assert _fanwen("template", "import", str(source)).stdout == "annual-report\n"
    assert _fanwen("template", "import", str(source)).stdout == "annual-report-2\n"
    chinese = tmp_path / "工作总结.docx"
    chinese.write_bytes((CORPUS / "experience_material.docx").read_bytes())
    result = _fanwen("template", "import", str(chinese), "--title", "街道经验")
    assert result.stdout == "imported\n"
    assert "表格" not in result.stderr  # its table is imported: nothing to say about it
    listed = _fanwen("templates").stdout
    assert "imported\t街道经验\t" in listed


def test_runs_that_are_probably_not_blanks_are_kept_and_the_option_is_named(
    tmp_path: Path,
) -> None:
    source = tmp_path / "suspects.txt"
    source.write_text("镇X委书记带队，拍X光片XX人次。\n", encoding="utf-8")
    kept = _fanwen("template", "import", str(source), "--id", "kept")
    assert kept.returncode == 0, kept.stderr
    assert "2 处看似空白的内容按原文保留" in kept.stderr and "--blank-suspects" in kept.stderr
    assert "1 fields" in kept.stderr or "1 个字段" in kept.stderr
    made = _fanwen("template", "import", str(source), "--id", "made", "--blank-suspects")
    assert made.returncode == 0, made.stderr
    assert "--blank-suspects" not in made.stderr
    assert "3 fields" in made.stderr or "3 个字段" in made.stderr
