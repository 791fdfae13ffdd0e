"""Reading tables of figures (.csv, .xlsx) and matching them to a template's fields."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from app.core.loader import load_template
from app.core.spreadsheet import (
    MAX_ROWS,
    SpreadsheetError,
    plan_fill,
    read_fill,
    read_table,
)
from conftest import REPO


@pytest.fixture(scope="module")
def monthly():
    return load_template(REPO / "templates" / "monthly")


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    book.save(path)
    return path


def test_two_columns_of_labels_and_values(tmp_path, monthly):
    path = write_csv(
        tmp_path / "一月.csv",
        "项目,数值\n本月税费收入（万元）,1100\n去年同月税费收入,1000\nfound,10\n已整改问题数：,8\n备注,无\n",
    )
    plan = read_fill(path, monthly, {})
    assert plan.values == {
        "revenue": "1100",
        "revenue_last_year": "1000",
        "found": "10",
        "rectified": "8",
    }
    assert [e.name for e in plan.unmatched] == ["项目", "备注"]
    assert plan.unmatched[1].where == "第 6 行"


def test_a_header_row_and_one_row_of_values_in_gb18030(tmp_path, monthly):
    path = write_csv(
        tmp_path / "一月.csv",
        "单位名称,查摆问题数,已整改问题数,整改率\n江城市税务局,10,8,80\n",
        "gb18030",
    )
    plan = read_fill(path, monthly, {"found": "10"})
    assert plan.values == {"unit_name": "江城市税务局", "rectified": "8"}  # found unchanged
    assert [m.key for m in plan.computed] == ["rectify_rate"]  # never filled


def test_xlsx_numbers_read_as_the_writer_would_type_them(tmp_path, monthly):
    path = write_xlsx(
        tmp_path / "一月.xlsx",
        [["本月税费收入", 1100.0], ["去年同月税费收入", 1000.5], ["查摆问题数", 10]],
    )
    assert read_fill(path, monthly, {}).values == {
        "revenue": "1100",
        "revenue_last_year": "1000.5",
        "found": "10",
    }


def test_empty_cells_do_not_clear_values(tmp_path, monthly):
    path = write_csv(tmp_path / "a.csv", "查摆问题数,\n已整改问题数,3\n")
    assert read_fill(path, monthly, {"found": "10"}).values == {"rectified": "3"}


def bad(path: Path, template, fragment: str) -> None:
    with pytest.raises(SpreadsheetError) as error:
        read_fill(path, template, {})
    message = str(error.value)
    assert str(path) in message and "\n" not in message
    assert fragment in message


def test_bad_tables_get_one_clear_message(tmp_path, monthly):
    bad(write_csv(tmp_path / "empty.csv", ""), monthly, "空")
    bad(write_csv(tmp_path / "blank.csv", "\n,,\n\n"), monthly, "空")
    bad(write_csv(tmp_path / "report.docx", "PK not really"), monthly, ".xlsx")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    bad(tmp_path / "picture.png", monthly, ".xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    bad(tmp_path / "old.xls", monthly, ".xls")
    bad(tmp_path / "missing.csv", monthly, "找不到")
    bad(
        write_csv(tmp_path / "ambiguous.csv", "收入,1100\n"),
        monthly,
        "本月税费收入、去年同月税费收入",
    )
    bad(write_csv(tmp_path / "twice.csv", "found,1\n查摆问题数,2\n"), monthly, "查摆问题数")
    bad(
        write_csv(tmp_path / "rows.csv", "查摆问题数,已整改问题数,单位名称\n1,2,a\n3,4,b\n"),
        monthly,
        "2 行",
    )


def test_xlsx_with_merged_cells_or_formula_errors_is_refused(tmp_path, monthly):
    merged = write_xlsx(tmp_path / "merged.xlsx", [["查摆问题数", 10], ["", ""]], merge="A1:A2")
    bad(merged, monthly, "合并")
    errors = write_xlsx(tmp_path / "errors.xlsx", [["查摆问题数", "#DIV/0!"]])
    bad(errors, monthly, "B1")
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    bad(broken, monthly, ".xlsx")


def test_a_million_rows_are_refused_quickly(tmp_path, monthly):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"found,1\n" * 1_000_000)
    bad(path, monthly, str(MAX_ROWS))


def test_read_table_trims_and_keeps_rows(tmp_path):
    path = write_csv(tmp_path / "t.csv", "\ufeffa , b,,\nc,d\n\n\n")
    assert read_table(path) == [["a", "b"], ["c", "d"]]


def test_tab_separated_text(tmp_path, monthly):
    path = write_csv(tmp_path / "t.csv", "查摆问题数\t10\n已整改问题数\t7\n")
    assert plan_fill(read_table(path), monthly, {}, "t").values == {"found": "10", "rectified": "7"}
