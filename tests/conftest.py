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


#: A complete, plausible draft of the built-in “四心” report: all 47 fields, every rule satisfied.
COMPLETE_VALUES: dict[str, str] = {
    "unit_name": "某某市税务局",
    "report_year": "2018",
    "report_month": "9",
    "meetings": "30",
    "talk_cadres": "260",
    "demoted_cadres": "45",
    "military_cadres": "20",
    "opinion_categories": "6",
    "opinion_items": "38",
    "rectify_measures": "12",
    "problems_found": "56",
    "problem_measures": "64",
    "problems_rectified": "49",
    "stage_count": "5",
    "party_days": "86",
    "party_lectures": "42",
    "org_meetings": "73",
    "model_branch": "第一税务分局",
    "reminders": "2",
    "notices": "7",
    "report_letters": "9",
    "inspection_month": "8",
    "inspection_day": "21",
    "shared_items": "326",
    "unified_flows": "45",
    "service_halls": "14",
    "one_trip_items": "210",
    "wait_minutes": "6.5",
    "satisfaction_rate": "99.8",
    "group_name": "某某钢铁",
    "refund_hours": "2",
    "refund_amount": "1.2",
    "tax_relief": "18.6",
    "visited_households": "600",
    "suggestions": "300",
    "solved_problems": "126",
    "training_sessions": "8",
    "trainees": "1200",
    "enterprise_a": "某某重工",
    "enterprise_b": "某某建设集团",
    "loan_smes": "350",
    "loan_amount": "4.3",
    "tax_revenue": "126.5",
    "revenue_growth": "8.2",
    "research_reports": "6",
    "instructions": "11",
    "adopted_research": "《减税降费对制造业的影响》",
}


@pytest.fixture
def complete_values() -> dict[str, str]:
    """Every field of the built-in “四心” template filled with a plausible value."""
    return dict(COMPLETE_VALUES)
