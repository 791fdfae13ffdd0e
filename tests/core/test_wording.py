"""Adapting the wording per draft: a paragraph switched off, another reworded with its fields
still bound; the preview (the document) and every export follow, and the draft keeps it."""

from __future__ import annotations

import html
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.draft import Draft, load_draft, parse_draft, save_draft
from app.core.errors import DraftError, FanwenError
from app.core.export import FORMATS, render_bytes
from app.core.library import find_template
from app.core.render import FieldRef, build_paragraph
from app.core.report import ReportModel
from app.core.template import Template
from app.core.wording import (
    Adaptation,
    WordingState,
    parse_markup,
    parse_wording,
    wording_markup,
)


@pytest.fixture
def sixin() -> Template:
    return find_template("sixin")


def _paragraph_id(model: ReportModel, start: str) -> str:
    return next(p.id for p in model.template_paragraphs() if p.spec.pieces[0].startswith(start))


def _text_of(name: str, data: bytes, tmp: Path) -> str:
    """The text a reader sees in an export of format `name` (every registered format)."""
    if name == "txt":
        return data.decode("utf-8-sig")
    if name == "html":
        return html.unescape(re.sub(r"<[^>]+>", "", data.decode("utf-8")))
    if name == "docx":
        import docx

        path = tmp / "report.docx"
        path.write_bytes(data)
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if name == "pdf":
        path = tmp / "report.pdf"
        path.write_bytes(data)
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        )
        return re.sub(r"\s+", "", result.stdout.decode("utf-8"))  # lines wrap anywhere
    raise AssertionError(f"no way to read the text of a {name} export: add one here")


@pytest.fixture
def exports(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[ReportModel], dict]:
    """The text of every registered export format (HTML without its markup)."""
    if "pdf" in FORMATS:  # registered by app.printing, which paints with Qt: a QApplication first
        request.getfixturevalue("qapp")

    def texts(model: ReportModel) -> dict[str, str]:
        return {
            name: _text_of(name, render_bytes(model.document, name), tmp_path) for name in FORMATS
        }

    return texts


def test_switching_a_paragraph_off_removes_it_everywhere(
    sixin: Template, exports: Callable[[ReportModel], dict]
) -> None:
    model = ReportModel(sixin, {"model_branch": "第一"})
    third = _paragraph_id(model, "三是典型示范")
    before_total = model.counts()[1]
    update = model.switch_off(third)
    assert update.structural
    assert all(not p.text.startswith("三是典型示范") for p in model.document.paragraphs)
    for name, text in exports(model).items():
        assert "三是典型示范" not in text, name
        assert "二是党建引领" in text, name
    # its only field is no longer asked for
    assert not model.is_active("model_branch")
    assert model.counts()[1] == before_total - 1
    assert "model_branch" not in {p.keys[0] for p in model.problems()}
    assert model.wording_state(third) is WordingState.OFF

    model.switch_on(third)
    assert any(p.text.startswith("三是典型示范") for p in model.document.paragraphs)
    assert model.is_active("model_branch")
    assert model.wording == {}


def test_rewording_keeps_the_fields_bound(
    sixin: Template, exports: Callable[[ReportModel], dict]
) -> None:
    model = ReportModel(sixin)
    second = _paragraph_id(model, "二是党建引领")
    original = next(p for p in model.template_paragraphs() if p.id == second)
    found = next(p for p in original.spec.pieces if isinstance(p, FieldRef))
    assert found.key == "problems_found"
    model.set_wording(second, ["二是党建引领。共查摆问题", found, "个，已全部整改。"])
    index = next(i for i, p in enumerate(model.document.paragraphs) if p.id == second)
    assert model.document.paragraphs[index].text == "二是党建引领。共查摆问题XX个，已全部整改。"

    update = model.set_value("problems_found", "12")
    assert update.paragraphs == (index,) and not update.structural
    assert model.document.paragraphs[index].text == "二是党建引领。共查摆问题12个，已全部整改。"
    for text in exports(model).values():
        assert "二是党建引领。共查摆问题12个，已全部整改。" in text
        assert "开展管党治党责任落实情况专项检查" not in text
    # fields no longer in any paragraph are not asked for; the others still are
    assert not model.is_active("problems_rectified")
    assert model.is_active("problems_found")
    # the incremental update gives what a full render gives
    fresh = ReportModel(sixin, model.values, model.wording)
    assert fresh.document.paragraphs == model.document.paragraphs
    assert model.document.paragraphs[index] == build_paragraph(model._specs[index], model.checked)


def test_restore_puts_the_template_wording_back(sixin: Template) -> None:
    model = ReportModel(sixin, {"unit_name": "某某市税务局"})
    original_texts = [p.text for p in model.document.paragraphs]
    first = model.template_paragraphs()[1].id
    model.set_wording(first, ["只剩一句话。"])
    model.switch_off(_paragraph_id(model, "三是典型示范"))
    assert [p.text for p in model.document.paragraphs] != original_texts
    model.restore(first)
    assert model.wording_state(first) is WordingState.ORIGINAL
    model.restore_all()
    assert [p.text for p in model.document.paragraphs] == original_texts
    assert model.wording == {}


def test_identical_wording_is_no_change_and_empty_wording_switches_off(sixin: Template) -> None:
    model = ReportModel(sixin)
    paragraph = model.template_paragraphs()[1]
    model.set_wording(paragraph.id, list(paragraph.spec.pieces))
    assert model.wording == {}
    model.set_wording(paragraph.id, ["  "])
    assert model.wording_state(paragraph.id) is WordingState.OFF


def test_bad_wording_is_refused(sixin: Template) -> None:
    model = ReportModel(sixin)
    paragraph = model.template_paragraphs()[1].id
    with pytest.raises(FanwenError, match="不能换行"):
        model.set_wording(paragraph, ["第一行\n第二行"])
    with pytest.raises(FanwenError, match="没有的字段"):
        model.set_wording(paragraph, ["共", FieldRef("no_such_field", "XX"), "个"])
    with pytest.raises(KeyError):
        model.switch_off("s9.99")
    assert model.wording == {}


def test_wording_survives_save_and_load(
    sixin: Template, tmp_path: Path, exports: Callable[[ReportModel], dict]
) -> None:
    model = ReportModel(sixin, {"unit_name": "某某市税务局", "problems_found": "7"})
    second = _paragraph_id(model, "二是党建引领")
    model.switch_off(_paragraph_id(model, "三是典型示范"))
    model.set_wording(
        second, ["二是党建引领。查摆问题", FieldRef("problems_found", "XX"), "个{不是字段}。"]
    )
    path = tmp_path / "报告.fanwen"
    save_draft(Draft("sixin", dict(model.values), wording=dict(model.wording)), path)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert set(stored["wording"]) == set(model.wording)
    loaded = load_draft(path)
    assert loaded.wording == model.wording
    reopened = ReportModel(sixin, loaded.values, loaded.wording)
    assert reopened.document.paragraphs == model.document.paragraphs
    assert exports(reopened) == exports(model)
    assert "二是党建引领。查摆问题7个{不是字段}。" in exports(reopened)["txt"]


def test_a_change_made_for_other_wording_is_kept_but_not_applied(sixin: Template) -> None:
    stale = Adaptation("s1.4", original="模板改过之前的三是……", off=True)
    unknown = Adaptation("s7.1", original="", off=True)
    model = ReportModel(sixin, {}, {"s1.4": stale, "s7.1": unknown})
    assert sorted(model.stale_wording()) == ["s1.4", "s7.1"]
    assert any(p.text.startswith("三是典型示范") for p in model.document.paragraphs)
    model.restore_all()
    assert set(model.wording) == {"s1.4", "s7.1"}  # kept, for the writer to see


def test_rewording_a_paragraph_whose_wording_depends_on_a_value(
    sixin: Template, exports: Callable[[ReportModel], dict]
) -> None:
    model = ReportModel(sixin, {"revenue_growth": "-2"})
    paragraph = next(
        p for p in model.template_paragraphs() if any("同比" in str(x) for x in p.spec.pieces)
    )
    text = wording_markup(paragraph.pieces or (), sixin)
    assert "〔税费收入同比增减〕" in text
    edited = parse_markup(text.replace("向上级呈送", "共向上级呈送"), sixin, paragraph.pieces)
    model.set_wording(paragraph.id, edited)
    assert model.wording_state(paragraph.id) is WordingState.EDITED
    model.set_value("revenue_growth", "-3.5")
    txt = exports(model)["txt"]
    assert "同比下降3.5%。共向上级呈送" in txt


def test_markup_round_trip(sixin: Template) -> None:
    pieces = (
        "〔2024〕1号文件要求，",
        FieldRef("unit_name", "XX"),
        "召开会议",
        FieldRef("meetings", "XX"),
        "余次。",
    )
    text = wording_markup(pieces, sixin)
    assert (
        text == "〔2024〕1号文件要求，〔单位名称〕召开会议〔改革座谈会、动员会、培训会次数〕余次。"
    )
    assert parse_markup(text, sixin, pieces) == pieces
    assert parse_markup("〔unit_name〕很好", sixin) == (FieldRef("unit_name", "XX"), "很好")


@pytest.mark.parametrize(
    "wording",
    [
        [],
        {"s1.1": "off"},
        {"s1.1": {"original": 3}},
        {"s1.1": {"original": "", "off": "yes"}},
        {"s1.1": {"original": "", "text": "一句话"}},
        {"s1.1": {"original": "", "text": [42]}},
        {"s1.1": {"original": "", "text": [{"field": 1}]}},
    ],
)
def test_malformed_wording_in_a_draft_is_a_clear_error(wording: object) -> None:
    data = json.dumps({"template": "sixin", "values": {}, "wording": wording}).encode()
    with pytest.raises(DraftError) as caught:
        parse_draft(data, "坏.fanwen")
    assert "坏.fanwen" in str(caught.value) and "wording" in str(caught.value)


def test_parse_wording_drops_entries_that_change_nothing() -> None:
    assert parse_wording({"s1.1": {"original": "x"}}, "d") == {}
    assert parse_wording(None, "d") == {}
