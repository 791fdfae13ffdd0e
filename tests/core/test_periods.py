"""The next period's report: the period advances, text is carried, numbers start empty with the
previous values kept for prev() and 上期."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.draft import Draft, load_draft
from app.core.loader import load_template
from app.core.periods import advance, derived_from, next_draft, period_fields, previous_values
from app.core.report import ReportModel
from app.core.session import ReportSession
from conftest import COMPLETE_VALUES, REPO


@pytest.fixture(scope="module")
def monthly():
    return load_template(REPO / "templates" / "monthly")


JANUARY = {
    "unit_name": "江城市税务局",
    "report_year": "2027",
    "report_month": "1",
    "revenue": "1100",
    "revenue_last_year": "1000",
    "found": "10",
    "rectified": "8",
    "next_focus": "抓好汇算清缴",
}


@pytest.mark.parametrize(
    ("year", "part", "number", "expected"),
    [
        (2026, "month", 9, (2026, 10)),
        (2026, "month", 12, (2027, 1)),
        (2026, "quarter", 3, (2026, 4)),
        (2026, "quarter", 4, (2027, 1)),
        (None, "month", 12, (None, 1)),
    ],
)
def test_advance(year, part, number, expected):
    assert advance(year, part, number) == expected


@given(st.integers(min_value=1949, max_value=2099), st.integers(min_value=1, max_value=12))
def test_a_month_advances_by_exactly_one_month(year, month):
    next_year, next_month = advance(year, "month", month)
    assert 1 <= next_month <= 12
    assert next_year is not None
    assert next_year * 12 + next_month - 1 == year * 12 + month  # months since year 0, plus 1


@given(st.integers(min_value=1949, max_value=2099), st.integers(min_value=1, max_value=4))
def test_a_quarter_advances_by_exactly_one_quarter(year, quarter):
    next_year, next_quarter = advance(year, "quarter", quarter)
    assert 1 <= next_quarter <= 4
    assert next_year is not None
    assert next_year * 4 + next_quarter - 1 == year * 4 + quarter


def test_the_period_fields_are_declared_or_found_by_name(monthly, sixin):
    assert period_fields(monthly) == {"year": "report_year", "month": "report_month"}
    assert period_fields(sixin) == {"year": "report_year", "month": "report_month"}


def test_the_next_months_draft(monthly, tmp_path):
    source = tmp_path / "一月.fanwen"
    draft = Draft(template="monthly", values=dict(JANUARY))
    new = next_draft(monthly, draft, source)
    assert new.values == {
        "unit_name": "江城市税务局",
        "next_focus": "抓好汇算清缴",
        "report_year": "2027",
        "report_month": "2",
    }
    assert derived_from(new.extra) == str(source)
    previous = previous_values(new.extra)
    assert previous["revenue"] == "1100"
    assert previous["rectify_rate"] == "80.0"  # computed values are kept too
    model = ReportModel(monthly, {**new.values, "revenue": "1210", "found": "12"}, None, previous)
    assert model.value("revenue_mom") == "10.0"
    assert model.value("found_change") == "2"


def test_december_advances_to_january_of_the_next_year(sixin):
    draft = Draft(values={**COMPLETE_VALUES, "report_month": "12"})
    new = next_draft(sixin, draft, None)
    assert new.values["report_month"] == "1"
    assert new.values["report_year"] == "2027"
    assert new.values["unit_name"] == COMPLETE_VALUES["unit_name"]
    assert "meetings" not in new.values
    assert previous_values(new.extra)["meetings"] == "36"
    assert derived_from(new.extra) is None


def test_an_empty_period_stays_empty(monthly):
    new = next_draft(monthly, Draft(template="monthly", values={"unit_name": "某局"}), None)
    assert new.values == {"unit_name": "某局"}


def test_the_previous_period_survives_saving_and_opening(monthly, tmp_path):
    from app.core.draft import save_draft

    new = next_draft(monthly, Draft(template="monthly", values=dict(JANUARY)), None)
    path = tmp_path / "二月.fanwen"
    save_draft(new, path)
    session = ReportSession(monthly, load_draft(path), path)
    session.set_value("revenue", "990")
    assert session.model.value("revenue_mom") == "-10.0"
    again = session.current_draft()
    assert previous_values(again.extra)["revenue"] == "1100"
    assert json.loads(again.to_json())["previous"]["values"]["found"] == "10"


def test_fanwen_next_writes_the_next_draft(tmp_path, fanwen_home):
    from app.cli import main

    source = tmp_path / "一月.fanwen"
    source.write_text(json.dumps({"template": "monthly", "values": JANUARY}), encoding="utf-8")
    output = tmp_path / "二月.fanwen"
    assert main(["next", str(source), "-o", str(output)]) == 0
    made = load_draft(output)
    assert made.values["report_month"] == "2"
    assert derived_from(made.extra) == str(source.resolve())


def test_fanwen_next_refuses_to_overwrite_and_bad_drafts(tmp_path, capsys):
    from app.cli import main

    source = tmp_path / "一月.fanwen"
    source.write_text(json.dumps({"template": "monthly", "values": JANUARY}), encoding="utf-8")
    existing = tmp_path / "二月.fanwen"
    existing.write_text("keep", encoding="utf-8")
    assert main(["next", str(source), "-o", str(existing)]) != 0
    assert existing.read_text(encoding="utf-8") == "keep"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(existing) in err and "Traceback" not in err
    broken = tmp_path / "坏.fanwen"
    broken.write_text("not json", encoding="utf-8")
    target = tmp_path / "out.fanwen"
    assert main(["next", str(broken), "-o", str(target)]) != 0
    assert not target.exists()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(broken) in err


def test_period_declarations_are_checked(tmp_path):
    import shutil

    from app.core.errors import TemplateError

    folder = tmp_path / "monthly"
    shutil.copytree(REPO / "templates" / "monthly", folder)
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace('period = "month"', 'period = "week"'), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"fields\[2\]\.period"):
        load_template(folder)
    schema.write_text(text.replace('period = "month"', 'period = "year"'), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"fields\[2\]\.period"):
        load_template(folder)


def test_a_quarterly_report_advances_its_quarter(tmp_path):
    from app.core.loader import template_from_schema

    schema = {
        "template": {"id": "quarterly", "title": "季报"},
        "sections": [{"id": "general", "label": "基本信息"}],
        "fields": [
            {"key": "y", "label": "年度", "kind": "year", "section": "general", "period": "year"},
            {
                "key": "q",
                "label": "季度",
                "kind": "integer",
                "section": "general",
                "period": "quarter",
                "min": 1,
                "max": 4,
            },
            {"key": "n", "label": "件数", "kind": "integer", "section": "general"},
            {
                "key": "g",
                "label": "环比",
                "kind": "percent",
                "section": "general",
                "formula": '(n - prev("n")) / prev("n") * 100',
                "decimals": 1,
                "min": -100,
            },
        ],
    }
    body = '{{ field("y") }}年第{{ field("q") }}季度办理{{ field("n") }}件，环比{{ sign("g", "增长", "下降") }}{{ field("g", magnitude=true) }}%。\n'
    template = template_from_schema(schema, tmp_path, body=body)
    new = next_draft(
        template, Draft(template="quarterly", values={"y": "2026", "q": "4", "n": "40"}), None
    )
    assert new.values == {"y": "2027", "q": "1"}
    model = ReportModel(template, {**new.values, "n": "30"}, None, previous_values(new.extra))
    assert model.document.paragraphs[0].text == "2027年第1季度办理30件，环比下降25.0%。"
