"""`fanwen batch`: a report per row of a spreadsheet, through the real process."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from app.core.batch import plan_batch, safe_stem
from app.core.loader import load_template
from app.core.spreadsheet import SpreadsheetError
from cli.test_cli import assert_one_line_error, fanwen
from conftest import REPO

HEADER = [
    "单位名称",
    "报告年度",
    "报告月份",
    "本月税费收入",
    "去年同月税费收入",
    "查摆问题数",
    "已整改问题数",
    "下月工作重点",
    "联系人",
    "联系电话",
    "备注",
]


def unit_row(number: int) -> list[object]:
    return [
        f"第{number}税务分局",
        2027,
        3,
        1000 + number,
        1000,
        number,
        number,
        "抓好汇算清缴",
        "李明",
        "027-1234",
        "",
    ]


def docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_fifty_rows_make_fifty_docx_files_with_their_own_values(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for number in range(1, 51):
        book.active.append(unit_row(number))
    incomplete = unit_row(51)
    incomplete[5] = None  # 查摆问题数 missing
    book.active.append(incomplete)
    rows = tmp_path / "各分局.xlsx"
    book.save(rows)
    out = tmp_path / "报告"
    result = fanwen(
        "batch", "--template", "monthly", "--rows", str(rows), "--out", str(out), "--format", "docx"
    )
    assert result.returncode == 1  # a row was left out
    written = sorted(out.glob("*.docx"))
    assert len(written) == 50
    assert not list(out.glob(".fanwen-batch-*"))
    assert "第 52 行" in result.stderr and "第51税务分局" in result.stderr
    assert "“备注”" in result.stderr
    for number in (1, 17, 50):
        text = docx_text(out / f"第{number}税务分局.docx")
        assert f"第{number}税务分局2027年3月工作报告" in text
        growth = f"{number / 10:.1f}"
        assert f"同比增长{growth}%" in text
        assert f"查摆问题{number}个" in text
    assert not (out / "第51税务分局.docx").exists()
    forced = fanwen(
        "batch",
        "--template",
        "monthly",
        "--rows",
        str(rows),
        "--out",
        str(out),
        "--format",
        "txt",
        "--force",
    )
    assert forced.returncode == 0, forced.stderr
    assert len(list(out.glob("*.txt"))) == 51


def test_a_bad_rows_file_writes_nothing(tmp_path):
    rows = tmp_path / "rows.csv"
    rows.write_text("收入,单位名称\n1,a\n", encoding="utf-8")
    out = tmp_path / "out"
    result = fanwen(
        "batch", "--template", "monthly", "--rows", str(rows), "--out", str(out), "--format", "txt"
    )
    assert_one_line_error(result, str(rows), "收入")
    assert result.stdout == ""
    assert not out.exists() or not any(out.iterdir())


@pytest.fixture(scope="module")
def monthly():
    return load_template(REPO / "templates" / "monthly")


def test_file_names_are_safe_and_unique(monthly):
    rows = [["单位名称", "查摆问题数"], ["a/b:c", "1"], ["A/B:C", "2"], ["", "3"], [" .. ", "4"]]
    plan = plan_batch(rows, monthly, "t")
    assert [row.stem for row in plan.rows] == ["a_b_c", "A_B_C-2", "第 4 行", "第 5 行"]
    assert safe_stem("x" * 200, "f") == "x" * 80


def test_the_name_column_can_be_chosen(monthly):
    rows = [["编号", "单位名称"], ["001", "甲"], ["002", "乙"]]
    assert [r.stem for r in plan_batch(rows, monthly, "t").rows] == ["甲", "乙"]
    assert [r.stem for r in plan_batch(rows, monthly, "t", "编号").rows] == ["001", "002"]
    with pytest.raises(SpreadsheetError, match="序号"):
        plan_batch(rows, monthly, "t", "序号")
