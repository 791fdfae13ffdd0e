"""A change read in words: ``change("k", "同比增长{}%", "同比下降{}%", "与上年持平")``.

The seed's revenue sentence reads +5 as 同比增长5%, -3.5 as 同比下降3.5% and 0 as 与上年持平 (it
read 同比增长0%); empty, it reads as the 范文. The phrase stays bound to its field when the
paragraph is reworded, in the draft, in the kept structure, in a user template (sandboxed), and
the field editor reads and writes its phrases.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core import render, structure_cache
from app.core.document import FieldRun, RunState, TextRun
from app.core.draft import Draft, load_draft, save_draft
from app.core.errors import DraftError, TemplateError
from app.core.export import render_bytes
from app.core.library import find_template
from app.core.paths import user_templates_dir
from app.core.render import ChangeRef, FieldRef, SignRef
from app.core.report import ReportModel
from app.core.template import Origin, Template
from app.core.template_edit import TemplateEditor
from app.core.wording import parse_markup, parse_wording, signature, wording_data, wording_markup

GROWTH = ChangeRef("revenue_growth", "同比增长{}%", "同比下降{}%", "与上年持平", "XX")


@pytest.fixture
def sixin() -> Template:
    return find_template("sixin")


def _revenue_text(model: ReportModel) -> str:
    return next(p.text for p in model.document.paragraphs if "入库税费收入" in p.text)


def _docx_text(data: bytes, tmp_path: Path) -> str:
    import docx

    path = tmp_path / "report.docx"
    path.write_bytes(data)
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# ------------------------------------------------------------------------- rendering


@pytest.mark.parametrize(
    ("typed", "runs"),
    [
        ("5", [TextRun("同比增长"), ("5", RunState.FILLED), TextRun("%")]),
        ("-3.5", [TextRun("同比下降"), ("3.5", RunState.FILLED), TextRun("%")]),
        ("0", [("与上年持平", RunState.FILLED)]),
        ("0.0", [("与上年持平", RunState.FILLED)]),
        ("", [TextRun("同比增长"), ("XX", RunState.EMPTY), TextRun("%")]),
        ("abc", [TextRun("同比增长"), ("abc", RunState.INVALID), TextRun("%")]),
    ],
)
def test_a_change_phrase_follows_the_value(sixin: Template, typed: str, runs: list[object]) -> None:
    checked = {"revenue_growth": sixin.field("revenue_growth").check(typed)}
    got = render.change_runs(GROWTH, checked["revenue_growth"])
    assert [(run.text, run.state) if isinstance(run, FieldRun) else run for run in got] == runs
    # the value's place (or the phrase standing for it) is the field's: it leads to the field
    (value,) = [run for run in got if isinstance(run, FieldRun)]
    assert value.key == "revenue_growth"


def test_the_seed_reads_zero_as_no_change_and_the_rest_as_before(sixin: Template) -> None:
    model = ReportModel(sixin)
    assert "税费收入XX亿元，同比增长XX%。" in _revenue_text(model)  # the 范文
    for typed, expected in (
        ("5", "亿元，同比增长5%。"),
        ("-3.5", "亿元，同比下降3.5%。"),
        ("0", "亿元，与上年持平。"),
        ("", "亿元，同比增长XX%。"),
    ):
        update = model.set_value("revenue_growth", typed)
        assert not update.structural  # the paragraph is rebuilt, the body not rendered again
        assert expected in _revenue_text(model), typed


def test_the_monthly_report_reads_computed_zero_as_no_change() -> None:
    def text(model: ReportModel) -> str:
        return "\n".join(p.text for p in model.document.paragraphs)

    values = {"revenue": "1100", "revenue_last_year": "1000", "found": "3"}
    previous = {"revenue": "1100", "found": "5"}
    model = ReportModel(find_template("monthly"), values, previous=previous)
    assert "同比增长10.0%，与上月持平。" in text(model)
    assert "本月查摆问题3个，比上月减少2个；" in text(model)
    model.set_value("found", "5")
    assert "本月查摆问题5个，与上月持平；" in text(model)
    model.set_value("revenue", "1000")
    assert "万元，与上年同期持平，环比下降9.1%。" in text(model)


def test_exports_of_the_seed_with_zero_say_no_change(
    sixin: Template, complete_values: dict[str, str], tmp_path: Path
) -> None:
    model = ReportModel(sixin, {**complete_values, "revenue_growth": "0"})
    assert model.blocking_problems() == []
    txt = render_bytes(model.document, "txt").decode("utf-8-sig")
    word = _docx_text(render_bytes(model.document, "docx"), tmp_path)
    for text in (txt, word):
        assert "亿元，与上年持平。向上级呈送" in text
        assert "增长0%" not in text and "同比增长" not in text


def _fanwen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_the_command_line_exports_and_checks_zero(
    complete_values: dict[str, str], tmp_path: Path
) -> None:
    draft = tmp_path / "持平.fanwen"
    save_draft(Draft("sixin", {**complete_values, "revenue_growth": "0"}), draft)
    checked = _fanwen("check", str(draft))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    for name in ("txt", "docx"):
        out = tmp_path / f"report.{name}"
        result = _fanwen("export", str(draft), "-f", name, "-o", str(out))
        assert result.returncode == 0, result.stderr
        data = out.read_bytes()
        text = data.decode("utf-8-sig") if name == "txt" else _docx_text(data, tmp_path)
        assert "亿元，与上年持平。" in text and "增长0%" not in text, name


# ------------------------------------------------------------------------- rewording


def test_a_reworded_paragraph_keeps_the_change_phrase_bound(
    sixin: Template, complete_values: dict[str, str], tmp_path: Path
) -> None:
    model = ReportModel(sixin, {**complete_values, "revenue_growth": "5"})
    paragraph = next(p for p in model.template_paragraphs() if GROWTH in p.spec.pieces)
    assert "同比增长{revenue_growth}%" in signature(paragraph.spec.pieces)  # as drafts stored
    markup = wording_markup(paragraph.spec.pieces, sixin)
    token = "〔同比增长{}%/同比下降{}%/与上年持平·税费收入同比增减〕"
    assert token in markup
    edited = parse_markup(
        markup.replace("向上级呈送", "共向上级呈送"), sixin, paragraph.spec.pieces
    )
    assert GROWTH in edited
    model.set_wording(paragraph.id, edited)
    assert "同比增长5%。共向上级呈送" in _revenue_text(model)
    model.set_value("revenue_growth", "0")
    assert "亿元，与上年持平。共向上级呈送" in _revenue_text(model)
    model.set_value("revenue_growth", "-1.5")
    assert "同比下降1.5%。共向上级呈送" in _revenue_text(model)
    assert model.frozen_wording() == [] and model.problems() == []
    # the draft keeps it bound
    draft = tmp_path / "改写.fanwen"
    save_draft(Draft("sixin", model.values, wording=model.wording), draft)
    loaded = load_draft(draft)
    reopened = ReportModel(sixin, {**model.values, "revenue_growth": "0"}, loaded.wording)
    assert "亿元，与上年持平。共向上级呈送" in _revenue_text(reopened)


@given(
    st.lists(
        st.one_of(
            st.text(st.characters(blacklist_characters="\ue000\ue001\n\r"), min_size=1),
            st.builds(
                ChangeRef,
                st.just("revenue_growth"),
                st.sampled_from(["同比增长{}%", "增{}", "上升"]),
                st.sampled_from(["同比下降{}%", "降{}个百分点"]),
                st.sampled_from(["与上年持平", "持平{}"]),
                st.sampled_from(["XX", "X.X"]),
            ),
            st.just(SignRef("revenue_growth", "增长", "下降")),
            st.just(FieldRef("tax_revenue", "XX")),
        ),
        max_size=6,
    )
)
@settings(max_examples=100)
def test_reworded_pieces_round_trip_through_a_draft(pieces: list[object]) -> None:
    sixin = find_template("sixin")
    from app.core.wording import Adaptation, check_pieces

    checked = check_pieces(pieces, sixin)  # type: ignore[arg-type]
    data = wording_data({"s4.3": Adaptation("s4.3", "原文", pieces=checked)})
    again = parse_wording(json.loads(json.dumps(data, ensure_ascii=False)), "d")
    assert again["s4.3"].pieces == checked


@pytest.mark.parametrize(
    "item",
    [
        {"change": "revenue_growth", "positive": "增{}{}", "negative": "降", "zero": "平"},
        {"change": "revenue_growth", "positive": "增{}", "negative": "降"},
        {"change": "revenue_growth", "positive": "增", "negative": "降", "zero": 0},
        {"change": "revenue_growth", "positive": "增", "negative": "降", "zero": "{x}"},
    ],
)
def test_a_malformed_change_phrase_in_a_draft_is_a_clear_error(item: dict[str, object]) -> None:
    with pytest.raises(DraftError) as caught:
        parse_wording({"s4.3": {"original": "", "text": [item]}}, "改写.fanwen")
    assert "改写.fanwen" in str(caught.value) and "wording.s4.3.text" in str(caught.value)


# ------------------------------------------------------------------------- kept structure


def test_the_kept_structure_holds_change_phrases(sixin: Template, fanwen_home: Path) -> None:
    render.forget_structures()
    blank = render.render_structure(sixin, {})
    assert any(GROWTH in spec.pieces for spec in blank.paragraphs)
    key = structure_cache.content_key(sixin)
    path = structure_cache.cache_file(key)
    assert path.exists()
    assert structure_cache.load(path, sixin, key) == blank
    stored = path.read_text(encoding="utf-8")
    assert '"change": "revenue_growth"' in stored and '"zero": "与上年持平"' in stored


# ------------------------------------------------------------------------- user templates

SCHEMA = """format = 1
[template]
id = "{id}"
title = "测试模板"
[[sections]]
id = "general"
label = "基本信息"
[[fields]]
key = "growth"
label = "增速"
kind = "percent"
section = "general"
placeholder = "X.X"
min = -100
"""


def _user_template(template_id: str, body: str) -> Path:
    folder = user_templates_dir() / template_id
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(SCHEMA.format(id=template_id), encoding="utf-8")
    (folder / "body.txt.j2").write_text(body, encoding="utf-8")
    return folder


def test_a_user_template_may_use_change_phrases(fanwen_home: Path) -> None:
    from app.core.loader import load_template

    body = (
        '全县生产总值{{ change("growth", "同比增长{}%", "同比下降{}%", "与上年同期持平") }}。\n'
        '{% if filled("growth") %}已填{% endif %}'
        "{{ change('growth', zero='持平', negative='降{}', positive='升{}') }}\n"
    )
    template = load_template(_user_template("mine", body), Origin.USER)
    assert template.sandboxed
    model = ReportModel(template)
    assert model.document.paragraphs[0].text == "全县生产总值同比增长X.X%。"
    model.set_value("growth", "0")
    assert [p.text for p in model.document.paragraphs] == [
        "全县生产总值与上年同期持平。",
        "已填持平",
    ]
    model.set_value("growth", "-2")
    assert [p.text for p in model.document.paragraphs] == ["全县生产总值同比下降2%。", "已填降2"]


@pytest.mark.parametrize(
    ("call", "says"),
    [
        ('change("growth", "增{}{}", "降{}", "平")', "“增{}{}”"),
        ('change("growth", "增{}", "降{ }", "平")', "“降{ }”"),
        ('change("growth", "增{}", "降{}")', "三种说法"),
        ('change("growth", "增{}", "降{}", 3)', "带引号"),
        ('change("nothing", "增{}", "降{}", "平")', "nothing"),
    ],
)
def test_a_malformed_change_call_is_refused_with_a_clear_message(
    fanwen_home: Path, call: str, says: str
) -> None:
    from app.core.loader import load_template

    folder = _user_template("bad", '{{ field("growth") }}\n{{ ' + call + " }}\n")
    with pytest.raises(TemplateError) as caught:
        load_template(folder, Origin.USER)
    message = str(caught.value)
    assert "\n" not in message and "body.txt.j2" in message
    assert says in message, message
    assert "Traceback" not in message


# ------------------------------------------------------------------------- the field editor


def test_the_editor_reads_and_writes_the_phrases(sixin: Template) -> None:
    editor = TemplateEditor.from_template(sixin)
    phrases = editor.change_phrases("revenue_growth")
    assert phrases == ("同比增长{}%", "同比下降{}%", "与上年持平")
    assert len(editor.places("revenue_growth")) == 1  # the phrase is the value's place
    assert editor.change_phrases("tax_revenue") is None
    editor.set_change_phrases("revenue_growth", "比上年增长{}%", "比上年减少{}%", "同上年一样")
    again = TemplateEditor.from_template(editor.to_template())
    assert again.change_phrases("revenue_growth") == (
        "比上年增长{}%",
        "比上年减少{}%",
        "同上年一样",
    )
    model = ReportModel(editor.to_template(), {"revenue_growth": "-2"})
    assert "亿元，比上年减少2%。" in _revenue_text(model)
    model.set_value("revenue_growth", "0")
    assert "亿元，同上年一样。" in _revenue_text(model)
    body = editor.body
    with pytest.raises(TemplateError, match="税费收入同比增减"):
        editor.set_change_phrases("revenue_growth", "增{}{}", "降", "平")
    with pytest.raises(TemplateError, match="组织入库税费收入"):
        editor.set_change_phrases("tax_revenue", "增{}", "降{}", "平")
    assert editor.body == body  # a refused edit changes nothing


def test_a_sign_word_before_the_value_becomes_a_change_phrase(sixin: Template) -> None:
    """How templates wrote it before change(): 同比{{ sign() }}{{ field(magnitude) }}%."""
    editor = TemplateEditor.from_template(sixin)
    editor.body = editor.body.replace(
        '{{ change("revenue_growth", "同比增长{}%", "同比下降{}%", "与上年持平") }}',
        '同比{{ sign("revenue_growth", "增长", "下降") }}'
        '{{ field("revenue_growth", placeholder="X.X", magnitude=true) }}%',
    )
    # shown as it reads now: no change reads as a rise of 0
    assert editor.change_phrases("revenue_growth") == ("同比增长{}%", "同比下降{}%", "同比增长{}%")
    editor.set_change_phrases("revenue_growth", "同比增长{}%", "同比下降{}%", "与上年持平")
    assert (
        '亿元，{{ change("revenue_growth", "同比增长{}%", "同比下降{}%", "与上年持平", '
        'placeholder="X.X") }}。' in editor.body
    )
    model = ReportModel(editor.to_template())
    assert "亿元，同比增长X.X%。" in _revenue_text(model)  # the 范文 as it was


def test_merging_and_splitting_keep_change_places(sixin: Template) -> None:
    editor = TemplateEditor.from_template(sixin)
    editor.body += '\n另：{{ change("tax_relief", "增加{}", "减少{}", "持平") }}。'
    places = len(editor.places("revenue_growth"))
    merged = editor.merge(["revenue_growth", "tax_relief"])
    assert merged == "revenue_growth"
    assert len(editor.places("revenue_growth")) == places + 2
    assert '另：{{ change("revenue_growth", "增加{}", "减少{}", "持平") }}。' in editor.body
    keys = editor.split("revenue_growth")
    last = keys[-1]
    assert editor.change_phrases(last) == ("增加{}", "减少{}", "持平")
    editor.unmark(last, 0)
    assert "另：增加XX。" in editor.body and last not in editor.body


def test_the_form_and_the_editor_count_a_change_place_once(sixin: Template) -> None:
    """The form's hint (全文共 N 处) and the editor's 处数 agree for change places."""
    editor = TemplateEditor.from_template(sixin)
    editor.body += '\n另：{{ change("revenue_growth", "增加{}", "减少{}", "持平") }}。'
    template = editor.to_template()
    for typed in ("", "5", "-1", "0"):
        model = ReportModel(template, {"revenue_growth": typed})
        counted = model.document.occurrences()["revenue_growth"]
        assert counted == len(editor.places("revenue_growth")), typed


def test_a_rewording_made_before_change_phrases_reads_zero_as_no_change(
    sixin: Template, complete_values: dict[str, str]
) -> None:
    """Drafts reworded when the seed read 同比{{ sign() }}{{ field(magnitude) }}%: the bound
    sign word and value become the template's change phrase again when the draft opens."""
    from app.core.wording import Adaptation

    model = ReportModel(sixin)
    paragraph = next(p for p in model.template_paragraphs() if GROWTH in p.spec.pieces)
    old: list[object] = []
    for piece in paragraph.spec.pieces:
        if piece == GROWTH:
            old[-1] = str(old[-1]) + "同比"
            old += [SignRef("revenue_growth", "增长", "下降")]
            old += [FieldRef("revenue_growth", "XX", magnitude=True), "%" + "（改）"]
        elif isinstance(piece, str) and old and isinstance(old[-1], str):
            old[-1] = str(old[-1]) + piece
        else:
            old.append(piece)
    original = signature(paragraph.spec.pieces)
    wording = {paragraph.id: Adaptation(paragraph.id, original, pieces=tuple(old))}  # type: ignore[arg-type]
    opened = ReportModel(sixin, {**complete_values, "revenue_growth": "0"}, wording)
    assert opened.repaired_wording() == [paragraph.id]
    assert GROWTH in (opened.wording[paragraph.id].pieces or ())
    assert "亿元，与上年持平（改）。向上级呈送" in _revenue_text(opened)
