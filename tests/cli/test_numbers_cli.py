"""The numbers that carry over, through the real `fanwen` process: January filled from a
spreadsheet, February made with `fanwen next` and filled from its own: 同比 and 环比 computed
without typing a percentage."""

from __future__ import annotations

import json

import openpyxl

from cli.test_cli import assert_one_line_error, fanwen, write_draft

JANUARY_SHEET = """项目,数值
单位名称,江城市税务局
报告年度,2027
报告月份,1
本月税费收入（万元）,1100
去年同月税费收入（万元）,1000
查摆问题数,10
已整改问题数,8
下月工作重点,组织开展汇算清缴辅导
联系人,李明
联系电话,027-12345678
"""


def february_xlsx(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["本月税费收入", "去年同月税费收入", "查摆问题数", "已整改问题数"])
    sheet.append([1210, 1150, 12, 12])
    book.save(path)
    return path


def report_text(draft, tmp_path) -> str:
    out = tmp_path / (draft.stem + ".txt")
    result = fanwen("export", str(draft), "--format", "txt", "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8-sig")


def test_january_then_february_through_the_cli(tmp_path):
    january = write_draft(tmp_path / "一月.fanwen", {}, template="monthly")
    sheet = tmp_path / "一月.csv"
    sheet.write_text(JANUARY_SHEET, encoding="gb18030")
    result = fanwen("fill", str(january), "--from", str(sheet))
    assert result.returncode == 0, result.stderr
    assert "本月税费收入：— → 1100" in result.stdout
    assert "“项目”" in result.stderr  # listed, never silently dropped
    assert (tmp_path / "一月.fanwen.bak").is_file()
    text = report_text(january, tmp_path)
    assert "同比增长10.0%" in text
    assert "整改率80.0%" in text

    february = tmp_path / "二月.fanwen"
    result = fanwen("next", str(january), "-o", str(february))
    assert result.returncode == 0, result.stderr
    made = json.loads(february.read_text(encoding="utf-8"))
    assert made["values"]["report_month"] == "2"
    assert made["previous"]["from"] == str(january.resolve())
    assert "revenue" not in made["values"]

    filled = tmp_path / "二月-已填.fanwen"
    result = fanwen(
        "fill",
        str(february),
        "--from",
        str(february_xlsx(tmp_path / "二月.xlsx")),
        "-o",
        str(filled),
    )
    assert result.returncode == 0, result.stderr
    result = fanwen("check", str(filled))
    assert result.returncode == 0, result.stdout + result.stderr
    text = report_text(filled, tmp_path)
    assert "江城市税务局2027年2月工作报告" in text
    assert "同比增长5.2%" in text  # (1210 - 1150) / 1150
    assert "环比增长10.0%" in text  # (1210 - 1100) / 1100
    assert "比上月增加2个" in text
    assert "整改率100.0%" in text


def test_fill_with_a_bad_table_changes_nothing(tmp_path):
    draft = write_draft(tmp_path / "d.fanwen", {"found": "3"}, template="monthly")
    before = draft.read_bytes()
    for name, content in [
        ("empty.csv", b""),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("ambiguous.csv", "收入,12\n".encode()),
    ]:
        table = tmp_path / name
        table.write_bytes(content)
        result = fanwen("fill", str(draft), "--from", str(table))
        assert_one_line_error(result, str(table))
        assert result.stdout == ""
        assert draft.read_bytes() == before
        assert not (tmp_path / "d.fanwen.bak").exists()


def test_a_million_rows_get_one_line(tmp_path):
    draft = write_draft(tmp_path / "d.fanwen", {}, template="monthly")
    table = tmp_path / "huge.csv"
    table.write_bytes(b"found,1\n" * 1_000_000)
    result = fanwen("fill", str(draft), "--from", str(table))
    assert_one_line_error(result, str(table), "10000")


def test_values_as_a_table_and_back(tmp_path):
    draft = write_draft(
        tmp_path / "一月.fanwen",
        {"unit_name": "江城市税务局", "found": "10", "rectified": "8", "revenue": "abc"},
        template="monthly",
    )
    out = tmp_path / "数值.csv"
    result = fanwen("values", str(draft), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "标签,键,值,单位"
    assert "整改率,rectify_rate,80.0,%" in lines
    assert "本月税费收入,revenue,abc,万元" in lines  # as typed: the statistician sees it
    xlsx = tmp_path / "数值.xlsx"
    result = fanwen("values", str(draft), "--format", "xlsx", "-o", str(xlsx))
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(xlsx).active
    rows = {row[1]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["found"][2] == 10 and rows["rectify_rate"][2] == 80
    # read back into another draft
    other = write_draft(tmp_path / "other.fanwen", {}, template="monthly")
    result = fanwen("fill", str(other), "--from", str(xlsx))
    assert result.returncode == 0, result.stderr
    filled = json.loads(other.read_text(encoding="utf-8"))["values"]
    assert filled["found"] == "10" and filled["unit_name"] == "江城市税务局"
    assert "rectify_rate" not in filled


def test_values_to_an_unwritable_place_is_one_line(tmp_path):
    draft = write_draft(tmp_path / "d.fanwen", {}, template="monthly")
    result = fanwen("values", str(draft), "-o", str(tmp_path / "missing" / "v.csv"))
    assert_one_line_error(result, "v.csv")


def test_values_never_replace_the_draft(tmp_path):
    draft = write_draft(tmp_path / "d.fanwen", {"found": "3"}, template="monthly")
    before = draft.read_bytes()
    result = fanwen("values", str(draft), "-o", str(draft))
    assert_one_line_error(result, "d.fanwen")
    assert draft.read_bytes() == before
