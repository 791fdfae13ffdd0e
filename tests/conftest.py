"""Test setup: headless Qt, and a temporary FANWEN_HOME for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "data" / "seed_sixin.txt"


@pytest.fixture(autouse=True)
def fanwen_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder; the real profile is never touched."""
    home = tmp_path / "fanwen-home"
    monkeypatch.setenv("FANWEN_HOME", str(home))
    monkeypatch.delenv("FANWEN_SHARED_TEMPLATES", raising=False)
    monkeypatch.delenv("FANWEN_LANG", raising=False)
    return home


@pytest.fixture(autouse=True)
def _chinese_messages():
    """Core messages default to Chinese; a test that switches language is undone."""
    from app.core import i18n

    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")


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


@pytest.fixture
def complete_values() -> dict[str, str]:
    """A fresh copy of a complete, valid value set for the sixin template."""
    return dict(COMPLETE_VALUES)


@pytest.fixture(scope="session")
def sixin():
    """The built-in “四心” template, loaded once."""
    from app.core.loader import load_template

    return load_template(REPO / "templates" / "sixin")
