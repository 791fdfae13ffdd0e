"""The 公文 parts recognised in imported 范文 and in body paragraphs (app.core.gongwen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.body import ParagraphSpec
from app.core.document import FieldRun, Lead, Role, RunState, TextRun
from app.core.gongwen import heading_level, lead_heading
from app.core.import_parts import is_addressee, is_date, refine_roles
from app.core.importer import plan_import
from app.core.loader import load_template
from app.core.render import build_paragraph

DATA = Path(__file__).resolve().parents[1] / "data"
REAL = DATA / "corpus" / "real"

#: What each file of the corpus has besides title, headings and body.
EXPECTED_PARTS = {
    "county_gov_report.txt": {Role.ADDRESSEE: ["各位代表："]},
    "meeting_notice.txt": {
        Role.ADDRESSEE: ["法学院负责抓教学工作的同志："],
        Role.SIGNATURE: ["XXXX大学法学院（章）"],
        Role.DATE: ["20××年12月28日"],
    },
    "taihu_notice.txt": {
        Role.ADDRESSEE: ["各乡、镇人民政府，县政府各部门、各直属机构："],
        Role.SIGNATURE: ["太湖县人民政府"],
        Role.DATE: ["XXXX年X月XX日"],
    },
    "hunan_notice.txt": {
        Role.ADDRESSEE: ["各市州、县市区人民政府，省政府各厅委、各直属机构："],
        Role.ATTACHMENT: [
            "附件：1.湖南省高校毕业生就业工作任务分解表",
            "2.湖南省高校毕业生基层就业补助资金管理办法",
        ],
        Role.SIGNATURE: ["湖南省人民政府办公厅"],
        Role.DATE: ["XXXX年X月XX日"],
    },
    "clean_village_selfcheck.txt": {Role.DATE: ["20xx年xx月xx日"]},
    "commendation.txt": {Role.ADDRESSEE: ["各有关单位:"], Role.DATE: ["二〇__年X月__日"]},
    "praise_letter.txt": {Role.ADDRESSEE: ["X X县X X镇政府:"]},
    "sales_summary.txt": {Role.HEADING3: ["1. 年度业绩概述", "2. 市场与客户", "3. 产品与服务表现"]},
    "flood_report_gb18030.txt": {
        Role.ADDRESSEE: ["ＸＸ县应急管理局："],
        Role.SIGNATURE: ["ＸＸ镇人民政府"],
        Role.DATE: ["２０ＸＸ年Ｘ月Ｘ日"],
    },
}
PART_ROLES = {
    Role.SUBTITLE,
    Role.ADDRESSEE,
    Role.HEADING3,
    Role.HEADING4,
    Role.ATTACHMENT,
    Role.SIGNATURE,
    Role.DATE,
}
FILES = [
    *sorted(REAL.glob("*.txt")),
    *sorted((DATA / "gongwen").glob("*.txt")),
    *sorted((DATA / "corpus").glob("*.txt")),
    DATA / "corpus" / "experience_material.docx",
]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_parts_of_every_corpus_file_and_nothing_else(path: Path) -> None:
    plan = plan_import(path)
    found: dict[Role, list[str]] = {}
    for (role, _section), text in zip(plan.roles, plan.source.paragraphs, strict=True):
        if role in PART_ROLES:
            found.setdefault(role, []).append(text)
    assert found == EXPECTED_PARTS.get(path.name, {})


def test_the_importer_writes_the_parts_as_directives_and_the_template_reads_them() -> None:
    plan = plan_import(DATA / "gongwen" / "hunan_notice.txt")
    body = plan.editor.body
    assert "\n@addressee 各市州" in body
    assert "\n@attachment 附件：1." in body and "\n@attachment 2." in body
    assert "\n@signature 湖南省人民政府办公厅\n" in body
    assert '\n@date {{ field("' in body
    roles = [p.role for p in _document(plan).paragraphs]
    assert roles[-4:] == [Role.ATTACHMENT, Role.ATTACHMENT, Role.SIGNATURE, Role.DATE]


def _document(plan):  # type: ignore[no-untyped-def]
    from app.core.report import ReportModel

    return ReportModel(plan.editor.to_template(), {}).document


def test_the_built_in_templates_keep_their_roles(repo_root: Path) -> None:
    """No part appears in a built-in template's report: roles come from its directives, and no
    body paragraph of them opens with a heading number."""
    from app.core.report import ReportModel

    for folder in sorted((repo_root / "templates").iterdir()):
        document = ReportModel(load_template(folder), {}).document
        assert {p.role for p in document.paragraphs} <= {
            Role.TITLE,
            Role.HEADING,
            Role.SUBHEADING,
            Role.BODY,
        }
        assert all(p.lead is None for p in document.paragraphs)


@pytest.mark.parametrize(
    ("text", "lead", "role"),
    [
        ("（一）压实防汛责任。镇党委书记任指挥长。", "（一）压实防汛责任。", Role.SUBHEADING),
        ("1.加强组织领导。成立领导小组。", "1.加强组织领导。", Role.HEADING3),
        ("2、时间：2023年5月", "2、时间：", Role.HEADING3),
        ("一、指导思想。以……为指导。", "一、指导思想。", Role.HEADING),
        ("（1）人员：张三", "（1）人员：", Role.HEADING4),
    ],
)
def test_a_heading_that_opens_a_paragraph(text: str, lead: str, role: Role) -> None:
    runs, found = lead_heading((TextRun(text),))
    assert found == Lead(role, 1)
    assert runs[0].text == lead and "".join(r.text for r in runs) == text


@pytest.mark.parametrize(
    "text",
    [
        "1.5万元用于补助。",  # a decimal, not a number
        "一、二季度经济平稳。",  # 一、二 counts quarters
        "（二）开展隐患排查",  # all heading: a heading line, not a run-in one
        "（一）" + "很长的第一句" * 8 + "。正文",  # a numbered sentence, not a heading
        "（联系人：张三）",
        "一是班子带头，凝心聚力。",
    ],
)
def test_no_lead_where_there_is_none(text: str) -> None:
    assert lead_heading((TextRun(text),)) == ((TextRun(text),), None)


def test_a_value_never_makes_or_moves_a_lead() -> None:
    """The lead is read from the template's wording and placeholders, never from the values."""
    spec = ParagraphSpec("p", Role.BODY, "", ("（一）", _ref("unit"), "工作情况。正文"))
    from app.core.kinds import CheckedValue

    short = build_paragraph(spec, {})
    long_value = {"unit": CheckedValue("很长的单位名称。" * 10)}
    long = build_paragraph(spec, long_value)
    assert short.lead == long.lead == Lead(Role.SUBHEADING, 3)
    assert long.runs[2] == TextRun("工作情况。")


def _ref(key: str):  # type: ignore[no-untyped-def]
    from app.core.body import FieldRef

    return FieldRef(key, "XX")


def test_run_roles_follow_the_lead() -> None:
    runs, lead = lead_heading(
        (TextRun("（一）标题。正文"), FieldRun("k", "1", RunState.FILLED, "X"))
    )
    from app.core.document import Paragraph

    paragraph = Paragraph("p", Role.BODY, "", runs, lead=lead)
    assert paragraph.run_roles() == [Role.SUBHEADING, Role.BODY, Role.BODY]


@pytest.mark.parametrize(
    "text",
    [
        "2023年5月10日",
        "20××年×月×日",
        "二〇二三年五月十日",
        "XX 年 XX 月 XX 日",
        "（2019年1月17日）",
    ],
)
def test_dates(text: str) -> None:
    assert is_date(text)


@pytest.mark.parametrize("text", ["2023年5月10日召开会议。", "5月10日", "今年以来"])
def test_not_dates(text: str) -> None:
    assert not is_date(text)


@pytest.mark.parametrize("text", ["县委、县政府：", "同志们：", "各位代表：", "XX县应急管理局："])
def test_addressees(text: str) -> None:
    assert is_addressee(text)


@pytest.mark.parametrize(
    "text", ["现将有关情况报告如下：", "主要做法：", "根据要求，现通知如下：", "同志们：现在开会。"]
)
def test_not_addressees(text: str) -> None:
    assert not is_addressee(text)


def test_a_closing_formula_stays_a_body_paragraph() -> None:
    paragraphs = ["关于XX的报告", "XX局：", "正文。", "特此报告。", "XX县XX局", "2024年1月5日"]
    roles = [Role.TITLE] + [Role.BODY] * 5
    assert refine_roles(paragraphs, roles) == [
        Role.TITLE,
        Role.ADDRESSEE,
        Role.BODY,
        Role.BODY,
        Role.SIGNATURE,
        Role.DATE,
    ]


_cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
_punct = st.sampled_from([*list("，。、；：！？“”（）《》%"), "XX", "X", "2023", "年", "月", "日"])
_body_text = st.lists(st.one_of(_cjk, _punct), min_size=1, max_size=80).map("".join)


@given(st.lists(_body_text, min_size=1, max_size=8))
@settings(max_examples=300)
def test_body_text_without_parts_stays_body(texts: list[str]) -> None:
    """Ordinary body lines (sentences: they end in 。 and do not open with a heading number) are
    never taken for a part or a run-in heading."""
    paragraphs = [t.rstrip("：:") + "。" for t in texts]
    paragraphs = [p for p in paragraphs if heading_level(p) is None]
    roles = refine_roles(paragraphs, [Role.BODY] * len(paragraphs))
    assert roles == [Role.BODY] * len(paragraphs)
    for text in paragraphs:
        assert lead_heading((TextRun(text),))[1] is None
