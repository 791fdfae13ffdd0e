"""Writes economy_tables.docx, a Word 范文 whose statistics sit in tables (run once; the .docx is
kept in the repository, so the tests read a real file, not one made at test time).

    python3 tests/data/tables/make_tables_docx.py

Its shapes follow real 统计表 and 情况表 of county reports: a 主要经济指标 table (指标 | 单位 |
本月 | 累计 | 同比增长%, "其中：" rows, a note row merged across the table), and a 重点项目 table
whose 类别 column is merged down its rows, with the title above and paragraphs around them.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

INDICATORS = [
    ("指标", "单位", "本月", "累计", "同比增长%"),
    ("地区生产总值", "亿元", "XX", "XX", "X.X"),
    ("固定资产投资", "万元", "XX", "XX", "X.X"),
    ("其中：工业投资", "万元", "XX", "XX", "X.X"),
    ("规模以上工业增加值", "万元", "XX", "XX", "X.X"),
    ("社会消费品零售总额", "万元", "XX", "XX", "X.X"),
]
PROJECTS = [
    ("类别", "项目名称", "计划投资（万元）", "完成投资（万元）"),
    ("产业项目", "XX产业园二期", "XX", "XX"),
    ("", "XX智能制造基地", "XX", "XX"),
    ("民生项目", "XX学校改扩建", "XX", "XX"),
]


def _header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _v_merge(cell, value: str | None) -> None:
    merge = OxmlElement("w:vMerge")
    if value:
        merge.set(qn("w:val"), value)
    cell._tc.get_or_add_tcPr().append(merge)


def main() -> None:
    document = docx.Document()
    document.add_paragraph("XX县XXXX年X月经济运行情况", style="Title")
    document.add_paragraph(
        "X月份，全县上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进。主要指标完成情况如下："
    )
    document.add_paragraph("一、主要经济指标完成情况", style="Heading 1")
    document.add_paragraph("表1　XX县主要经济指标完成情况")
    table = document.add_table(rows=len(INDICATORS) + 1, cols=5)
    table.style = "Table Grid"
    for r, values in enumerate(INDICATORS):
        for c, text in enumerate(values):
            table.cell(r, c).text = text
    _header(table.rows[0])
    note = table.cell(len(INDICATORS), 0).merge(table.cell(len(INDICATORS), 4))
    note.text = "注：地区生产总值为季度数据，增速按可比价格计算。"
    document.add_paragraph("从上表看，固定资产投资同比增长X.X%，增速较上月提高X.X个百分点。")
    document.add_paragraph("二、重点项目推进情况", style="Heading 1")
    projects = document.add_table(rows=len(PROJECTS), cols=4)
    projects.style = "Table Grid"
    for r, values in enumerate(PROJECTS):
        for c, text in enumerate(values):
            if text:
                projects.cell(r, c).text = text
    _header(projects.rows[0])
    _v_merge(projects.cell(1, 0), "restart")
    _v_merge(projects.cell(2, 0), None)
    document.add_paragraph("下一步，我县将紧盯全年目标任务，确保完成XX亿元投资任务。")
    document.core_properties.author = "Fanwen tests"
    document.save(Path(__file__).with_name("economy_tables.docx"))


if __name__ == "__main__":
    main()
