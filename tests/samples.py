"""Data the tests share: the repository, the seed 范文 and a complete draft of the built-in
template. Tests take them as fixtures (`complete_values`, `seed_path`, `repo_root`, from
tests/conftest.py); module-level helpers import them from here."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "seed_sixin.txt"

#: A complete, valid set of values for the built-in “四心” template (all 47 fields).
COMPLETE_VALUES: dict[str, str] = {
    "unit_name": "江城市税务局",
    "report_year": "2026",
    "report_month": "9",
    "meetings": "36",
    "talk_cadres": "420",
    "demoted_cadres": "58",
    "military_cadres": "37",
    "opinion_categories": "4",
    "opinion_items": "23",
    "rectify_measures": "12",
    "problems_found": "46",
    "problem_measures": "52",
    "problems_rectified": "41",
    "stage_count": "6",
    "party_days": "184",
    "party_lectures": "96",
    "org_meetings": "88",
    "model_branch": "第一税务分局",
    "reminders": "3",
    "notices": "7",
    "report_letters": "5",
    "inspection_month": "8",
    "inspection_day": "16",
    "shared_items": "86",
    "unified_flows": "9",
    "service_halls": "14",
    "one_trip_items": "320",
    "wait_minutes": "4.5",
    "satisfaction_rate": "99.6",
    "group_name": "长江",
    "refund_hours": "2",
    "refund_amount": "1.2",
    "tax_relief": "23.7",
    "visited_households": "600",
    "suggestions": "150",
    "solved_problems": "128",
    "training_sessions": "18",
    "trainees": "2600",
    "enterprise_a": "华中重工",
    "enterprise_b": "江城建设",
    "loan_smes": "240",
    "loan_amount": "3.6",
    "tax_revenue": "186.4",
    "revenue_growth": "6.8",
    "research_reports": "11",
    "instructions": "9",
    "adopted_research": "《关于优化留抵退税流程的调研》",
}


#: A template with a table (tests of tables: body syntax, model, exports, preview, PDF).
TABLE_SCHEMA = """\
[template]
id = "tables"
title = "主要经济指标"
[[sections]]
id = "a"
label = "总体情况"
[[sections]]
id = "b"
label = "项目"
[[fields]]
key = "gdp_month"
label = "地区生产总值 本月"
kind = "decimal"
section = "a"
unit = "亿元"
[[fields]]
key = "gdp_total"
label = "地区生产总值 累计"
kind = "decimal"
section = "a"
unit = "亿元"
[[fields]]
key = "gdp_rate"
label = "地区生产总值 同比增长"
kind = "decimal"
section = "a"
unit = "%"
min = -100
[[fields]]
key = "invest_month"
label = "固定资产投资 本月"
kind = "decimal"
section = "a"
unit = "万元"
[[fields]]
key = "project"
label = "重点项目名称"
kind = "text"
section = "b"
"""
TABLE_BODY = """\
@title 主要经济指标完成情况
@section a 一、总体情况
全县经济运行平稳，主要指标如下表。
@table
@header 指标 | 单位 | 本月 | 累计 | 同比增长%
@row 地区生产总值 | 亿元 | {{ field("gdp_month") }} | {{ field("gdp_total") }} | {{ sign("gdp_rate", "增长", "下降") }}{{ field("gdp_rate", magnitude=true) }}
@row 固定资产投资 | 万元 | {{ field("invest_month") }} | — | —
@row 注：A\\|B为测算口径 | < | < | < | <
@endtable
以上数据为初步统计。
@section b 二、重点项目
@table
@header 类别 | 项目
@row 产业项目 | {{ field("project") }}产业园
@row ^ | 智能制造基地
@endtable
"""


def write_table_template(folder: Path) -> Path:
    """Write the table template into `folder` (made if needed); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "template.toml").write_text(TABLE_SCHEMA, encoding="utf-8")
    (folder / "body.txt.j2").write_text(TABLE_BODY, encoding="utf-8")
    return folder
