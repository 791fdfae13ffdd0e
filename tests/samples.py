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
