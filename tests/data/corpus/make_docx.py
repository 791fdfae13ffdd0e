"""Writes experience_material.docx, the Word 范文 of the import corpus (run once; the .docx is
kept in the repository, so the tests read a real file, not one made at test time).

    python3 tests/data/corpus/make_docx.py
"""

from __future__ import annotations

from pathlib import Path

import docx

PARAGRAPHS = [
    ("Title", "聚焦“三个一”　打造XX街道基层治理新样板"),
    (
        None,
        "XX街道位于城区核心，辖X个社区、常住人口X.X万人。XXXX年以来，街道以党建引领基层治理，"
        "探索形成“一网统管、一格多员、一事一议”工作法，群众满意度提升至XX.X%。",
    ),
    ("Heading 1", "一、一网统管，治理效能有提升"),
    (
        None,
        "依托城市运行管理平台，整合12345热线、网格巡查等XX类数据，建成街道指挥中心X个。",
    ),
    (None, "（一）平台建设"),
    (
        None,
        "一是实时感知。全年平台受理事件X,XXX件，按时办结率XX%。二是闭环处置。建立“发现—派单—"
        "处置—反馈”流程，平均处置时长缩短至X.X小时。",
    ),
    (None, "二、一格多员，力量下沉有保障"),
    (
        None,
        "将辖区划分为XX个网格，配备专职网格员XX名，下沉机关干部XX人。XX街道被评为全市基层治理"
        "示范街道。",
    ),
    (None, "三、一事一议，群众参与有渠道"),
    (
        None,
        "XXXX年共召开居民议事会XX场，解决停车难、加装电梯等民生实事XX件，XX街道群众获得感明显"
        "增强。",
    ),
]

#: The table under the paragraphs, and the lines of the txt export showing it (aligned columns:
#: a Chinese character is two columns wide, two spaces between columns).
TABLE = [("指标", "数值"), ("网格数", "XX")]
TABLE_LINES = ["指标    数值", "网格数  XX"]


def main() -> None:
    document = docx.Document()
    for style, text in PARAGRAPHS:
        paragraph = document.add_paragraph(style=style)
        # Word splits text into runs at every change of formatting: so do we, to read it back whole.
        middle = len(text) // 2
        paragraph.add_run(text[:middle])
        paragraph.add_run(text[middle:]).bold = True
    table = document.add_table(rows=2, cols=2)
    for row, (name, value) in enumerate(TABLE):
        table.cell(row, 0).text = name
        table.cell(row, 1).text = value
    document.core_properties.author = "Fanwen tests"
    document.save(Path(__file__).with_name("experience_material.docx"))


if __name__ == "__main__":
    main()
