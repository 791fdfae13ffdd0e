"""Adapting the wording per draft: a paragraph switched off, another reworded with its fields
still bound; the preview (the document) and every export follow, and the draft keeps it."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.core.draft import Draft, load_draft, parse_draft, save_draft
from app.core.errors import DraftError, FanwenError
from app.core.export import FORMATS, render_bytes
from app.core.library import find_template
from app.core.render import ChangeRef, FieldRef, SignRef
from app.core.report import ProblemKind, ReportModel, TemplateParagraph
from app.core.template import Template
from app.core.wording import (
    Adaptation,
    Piece,
    WordingState,
    check_pieces,
    parse_markup,
    parse_wording,
    signature,
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
    assert "〔同比增长{}%/同比下降{}%/与上年持平·税费收入同比增减〕" in text
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


# ------------------------------------------------------------------------- sign words (增长/下降)


def _revenue(model: ReportModel) -> TemplateParagraph:
    """The seed's revenue paragraph: {{ change("revenue_growth", "同比增长{}%", …) }}……"""
    return next(
        p
        for p in model.template_paragraphs()
        if any(isinstance(x, ChangeRef) and x.key == "revenue_growth" for x in p.spec.pieces)
    )


def _as_before_change_phrases(pieces: tuple[Piece, ...], word: str | None) -> list[Piece]:
    """The seed paragraph as the template read before it had change phrases: 同比, the sign
    word (bound when `word` is None, else frozen as `word`), the value, %."""
    result: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, ChangeRef):
            sign = SignRef(piece.key, "增长", "下降")
            result += ["同比", sign if word is None else word]
            result += [FieldRef(piece.key, piece.blank, magnitude=True), "%"]
        else:
            result.append(piece)
    return list(check_pieces(result, find_template("sixin")))


def _reword_revenue(model: ReportModel) -> str:
    paragraph = _revenue(model)
    text = wording_markup(paragraph.pieces or (), model.template)
    assert "〔同比增长{}%/同比下降{}%/与上年持平·税费收入同比增减〕" in text
    edited = parse_markup(
        text.replace("向上级呈送", "共向上级呈送"), model.template, paragraph.spec.pieces
    )
    model.set_wording(paragraph.id, edited)
    return paragraph.id


def _fanwen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_a_reworded_paragraph_keeps_its_sign_word_bound(
    sixin: Template,
    complete_values: dict[str, str],
    exports: Callable[[ReportModel], dict],
    tmp_path: Path,
) -> None:
    """The bug of issue 13: reworded, then -3.5 -> +5 said 同比下降5% everywhere."""
    model = ReportModel(sixin, {**complete_values, "revenue_growth": "-3.5"})
    paragraph_id = _reword_revenue(model)
    index = next(i for i, p in enumerate(model.document.paragraphs) if p.id == paragraph_id)
    assert "同比下降3.5%。共向上级呈送" in model.document.paragraphs[index].text
    update = model.set_value("revenue_growth", "5")
    assert not update.structural and index in update.paragraphs
    assert "同比增长5%。共向上级呈送" in model.document.paragraphs[index].text
    for name, text in exports(model).items():
        assert "同比增长5%。共向上级呈送" in text, name
        assert "同比下降" not in text, name
    assert model.problems() == [] and model.frozen_wording() == []
    # the draft keeps the sign word bound, and the command line reads it so
    draft = tmp_path / "改写.fanwen"
    save_draft(Draft("sixin", model.values, wording=model.wording), draft)
    stored = json.loads(draft.read_text(encoding="utf-8"))["wording"][paragraph_id]["text"]
    assert {
        "change": "revenue_growth",
        "positive": "同比增长{}%",
        "negative": "同比下降{}%",
        "zero": "与上年持平",
        "placeholder": "XX",
    } in stored
    assert ReportModel(sixin, model.values, load_draft(draft).wording).document == model.document
    checked = _fanwen("check", str(draft))
    assert checked.returncode == 0 and "提醒" not in checked.stdout.replace("0 个提醒", "")
    for name in ("txt", "html", "docx", "pdf"):  # the command line draws the PDF with Qt itself
        out = tmp_path / f"report.{name}"
        assert _fanwen("export", str(draft), "-f", name, "-o", str(out)).returncode == 0
        text = _text_of(name, out.read_bytes(), tmp_path)
        assert "同比增长5%。共向上级呈送" in text, name
        assert "同比下降" not in text, name


def test_a_legacy_draft_with_a_frozen_sign_word_is_repaired_on_load(
    sixin: Template, complete_values: dict[str, str], tmp_path: Path
) -> None:
    model = ReportModel(sixin, complete_values)
    paragraph = _revenue(model)
    # as rewording stored it before: the word as wording, picked when the value was negative
    frozen = _as_before_change_phrases(paragraph.spec.pieces, "下降")
    frozen[0] = "全市系统：" + str(frozen[0])
    original = signature(paragraph.spec.pieces)
    assert "同比增长{revenue_growth}%" in original  # what drafts stored: a blank render's word
    draft = tmp_path / "旧.fanwen"
    save_draft(
        Draft(
            "sixin",
            {**complete_values, "revenue_growth": "5"},
            wording={paragraph.id: Adaptation(paragraph.id, original, pieces=tuple(frozen))},
        ),
        draft,
    )
    loaded = load_draft(draft)
    opened = ReportModel(sixin, loaded.values, loaded.wording)
    assert opened.repaired_wording() == [paragraph.id]
    assert opened.frozen_wording() == [] and opened.problems() == []
    text = next(p.text for p in opened.document.paragraphs if p.id == paragraph.id)
    assert text.startswith("全市系统：") and "同比增长5%" in text
    assert any(isinstance(p, ChangeRef) for p in opened.wording[paragraph.id].pieces or ())
    opened.set_value("revenue_growth", "-1")
    text = next(p.text for p in opened.document.paragraphs if p.id == paragraph.id)
    assert "同比下降1%" in text
    opened.set_value("revenue_growth", "0")
    text = next(p.text for p in opened.document.paragraphs if p.id == paragraph.id)
    assert "亿元，与上年持平。" in text
    # opened as a report, the repaired draft counts as changed until it is saved
    from app.core.session import ReportSession

    session = ReportSession(sixin, loaded, draft)
    assert session.modified
    assert (
        session.current_draft().wording[paragraph.id].pieces == opened.wording[paragraph.id].pieces
    )


def test_a_frozen_word_that_cannot_be_repaired_is_reported(
    sixin: Template, complete_values: dict[str, str], tmp_path: Path
) -> None:
    model = ReportModel(sixin, complete_values)
    paragraph = _revenue(model)
    pieces = []
    for piece in _as_before_change_phrases(paragraph.spec.pieces, None):
        if isinstance(piece, SignRef):
            continue
        if isinstance(piece, FieldRef) and piece.key == "revenue_growth":
            pieces += [piece, "%，比上年下降明显"]  # the word no longer right before the value
            continue
        pieces.append(piece)
    pieces[-1] = str(pieces[-1]).removeprefix("%")
    draft = tmp_path / "冻结.fanwen"
    save_draft(
        Draft(
            "sixin",
            {**complete_values, "revenue_growth": "5"},
            wording={
                paragraph.id: Adaptation(
                    paragraph.id, signature(paragraph.spec.pieces), pieces=tuple(pieces)
                )
            },
        ),
        draft,
    )
    loaded = load_draft(draft)
    opened = ReportModel(sixin, loaded.values, loaded.wording)
    assert opened.repaired_wording() == [] and opened.frozen_wording() == [paragraph.id]
    (problem,) = opened.problems()
    assert problem.kind is ProblemKind.WORDING and problem.keys == ("revenue_growth",)
    assert problem.paragraph == paragraph.id
    assert not problem.blocking and "恢复原文" in problem.message
    assert opened.field_problems(sixin.field("revenue_growth")) == [problem]
    assert opened.counts()[2] == 1
    checked = _fanwen("check", str(draft))
    assert checked.returncode == 0
    assert "税费收入同比增减" in checked.stdout and "恢复原文" in checked.stdout
    opened.restore(paragraph.id)
    assert opened.problems() == [] and opened.counts()[2] == 0


def test_sign_word_markup_round_trip(sixin: Template) -> None:
    pieces = (
        "收入同比",
        SignRef("revenue_growth", "增长", "下降"),
        FieldRef("revenue_growth", "XX", magnitude=True),
        "%，",
        SignRef("tax_relief", "增长", "下降"),
    )
    text = wording_markup(pieces, sixin)
    assert "〔增长/下降·税费收入同比增减〕〔税费收入同比增减〕%" in text
    assert parse_markup(text, sixin, pieces) == pieces
    one = pieces[:4]
    assert wording_markup(one, sixin) == "收入同比〔增长/下降〕〔税费收入同比增减〕%，"
    assert parse_markup("同比〔增长/下降〕了", sixin, one) == ("同比", one[1], "了")
    # words that match no sign word of the paragraph are wording
    assert parse_markup("同比〔上升/下降〕了", sixin, one) == ("同比〔上升/下降〕了",)
