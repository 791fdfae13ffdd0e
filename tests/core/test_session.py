"""The report session: every change an operation that says what changed, on one undo history;
"modified" is one fact. No QApplication here."""

from __future__ import annotations

import dataclasses

import pytest

from app.core.draft import Draft, load_draft
from app.core.errors import FanwenError
from app.core.library import find_template
from app.core.saving import save_draft_safely
from app.core.session import ReportSession
from app.core.wording import WordingState


@pytest.fixture
def session() -> ReportSession:
    return ReportSession(find_template("sixin"))


def _body_paragraph(session: ReportSession, key: str) -> str:
    """The id of the template paragraph holding field `key`."""
    return next(
        p.id
        for p in session.model.template_paragraphs()
        if any(getattr(piece, "key", None) == key for piece in p.spec.pieces)
    )


def test_typing_in_one_field_is_one_step(session):
    for text in ("江", "江城", "江城市"):
        change = session.set_value("unit_name", text, typing=1)
        assert change.update.paragraphs  # the paragraphs showing the value
    assert session.modified
    assert session.undo_text() == "输入“单位名称”"
    change = session.undo()
    assert change is not None and change.focus == "unit_name"
    assert change.values == {"unit_name": ""}
    assert session.model.value("unit_name") == ""
    assert not session.can_undo() and not session.modified
    session.redo()
    assert session.model.value("unit_name") == "江城市"


def test_typing_elsewhere_or_in_another_run_is_a_new_step(session):
    session.set_value("meetings", "1", typing=1)
    session.set_value("talk_cadres", "2", typing=1)
    session.set_value("meetings", "13", typing=2)
    session.undo()
    assert session.model.value("meetings") == "1"
    session.undo()
    assert session.model.value("talk_cadres") == ""
    session.undo()
    assert not session.can_undo()


def test_typing_back_to_what_was_there_leaves_no_step(session):
    session.set_value("meetings", "5", typing=1)
    session.set_value("meetings", "", typing=1)
    assert not session.can_undo() and not session.modified


def test_a_value_that_does_not_change_is_no_change(session):
    change = session.set_value("meetings", "")
    assert not change.update.changed and not session.can_undo()


def test_modified_follows_the_saved_position(session, tmp_path):
    session.set_value("meetings", "5", typing=1)
    result = save_draft_safely(session.current_draft(), tmp_path / "a.fanwen")
    session.mark_saved(result.draft, tmp_path / "a.fanwen")
    assert not session.modified
    # more typing in the same run after a save is a new step: the saved state stays reachable
    session.set_value("meetings", "56", typing=1)
    assert session.modified
    session.undo()
    assert not session.modified and session.model.value("meetings") == "5"
    session.undo()
    assert session.modified
    # a new change after undoing past the save: the saved state is out of reach
    session.set_value("talk_cadres", "3")
    assert session.modified
    while session.can_undo():
        session.undo()
    assert session.modified


def test_wording_changes_are_undone_like_values(session):
    paragraph = _body_paragraph(session, "model_branch")
    before = [p.text for p in session.model.document.paragraphs]
    change = session.switch_off(paragraph)
    assert change.update.structural
    assert session.model.wording_state(paragraph) is WordingState.OFF
    assert session.modified
    assert session.undo_text() == "删去段落"
    change = session.undo()
    assert change is not None and change.update.structural
    assert session.model.wording_state(paragraph) is WordingState.ORIGINAL
    assert [p.text for p in session.model.document.paragraphs] == before
    assert not session.modified
    session.redo()
    assert session.model.wording_state(paragraph) is WordingState.OFF


def test_rewording_undo_and_redo(session):
    paragraph = _body_paragraph(session, "shared_items")
    spec = next(p for p in session.model.template_paragraphs() if p.id == paragraph).spec
    field = next(piece for piece in spec.pieces if not isinstance(piece, str))
    session.set_value("shared_items", "12", typing=1)
    session.set_wording(paragraph, ["全面梳理了", field, "项共有业务。"])
    assert session.undo_text() == "改写段落"
    text = session.model.document.paragraphs
    assert any(p.text == "全面梳理了12项共有业务。" for p in text)
    session.undo()
    assert session.model.wording_state(paragraph) is WordingState.ORIGINAL
    assert session.model.value("shared_items") == "12"  # only the wording was taken back
    session.redo()
    assert session.model.wording_state(paragraph) is WordingState.EDITED
    assert session.current_draft().wording[paragraph].pieces is not None


def test_wording_that_cannot_be_used_is_no_step(session):
    paragraph = _body_paragraph(session, "shared_items")
    with pytest.raises(FanwenError):
        session.set_wording(paragraph, ["一行\n两行"])
    assert not session.can_undo() and not session.modified


def test_leaving_out_a_paragraph_rebuilds_the_steps(session):
    paragraph = _body_paragraph(session, "model_branch")
    navigator = session.navigator
    change = session.switch_off(paragraph)
    assert change.steps and session.navigator is not navigator  # the forms are built again
    assert not session.model.is_active("model_branch")  # and no longer ask for the field
    assert session.set_value("meetings", "3").steps is False  # a value moves nothing


def test_loading_another_report_starts_a_fresh_history(session, tmp_path):
    session.set_value("meetings", "5")
    template = find_template("sixin")
    change = session.load(template, Draft(values={"unit_name": "江城"}), tmp_path / "x.fanwen")
    assert change.replaced and change.values["unit_name"] == "江城"
    assert not session.can_undo() and not session.modified
    assert session.path == tmp_path / "x.fanwen"
    session.load(template, Draft(values={"unit_name": "江城"}), None, unsaved=True)
    assert session.modified  # recovered: its file does not hold it


def test_a_report_that_cannot_be_built_leaves_the_session_as_it_was(session, tmp_path):
    session.set_value("meetings", "5")
    broken = dataclasses.replace(find_template("sixin"), body="{{ field('nope') }}")
    with pytest.raises(FanwenError):
        session.load(broken, Draft(), tmp_path / "other.fanwen")
    assert session.path is None and session.model.value("meetings") == "5"
    assert session.template.id == "sixin" and session.can_undo()


def test_an_edited_template_applied_to_the_report_is_one_step(session):
    session.set_value("unit_name", "江城市税务局")
    old = session.template
    fields = tuple(f._replace(label="单位全称") if f.key == "unit_name" else f for f in old.fields)
    edited = dataclasses.replace(old, fields=fields)
    change = session.change_template(edited, session.model.values)
    assert change.steps and not change.replaced
    assert session.template.field("unit_name").label == "单位全称"
    assert session.model.value("unit_name") == "江城市税务局"
    assert session.undo_text() == "编辑模板字段"
    session.undo()
    assert session.template is old
    session.redo()
    assert session.template.field("unit_name").label == "单位全称"


def test_a_language_switch_rerenders_without_a_step(session):
    session.set_value("meetings", "abc")
    session.undo()
    session.redo()
    change = session.rerender()
    assert change.steps and not change.replaced
    assert session.can_undo() and not session.can_redo()


def test_the_current_draft_round_trips(session, tmp_path):
    session.set_value("unit_name", "江城市税务局")
    session.switch_off(_body_paragraph(session, "model_branch"))
    path = tmp_path / "r.fanwen"
    save_draft_safely(session.current_draft(), path)
    again = ReportSession(find_template("sixin"), load_draft(path), path)
    assert again.model.values == session.model.values
    assert again.model.wording == session.model.wording
    assert [p.text for p in again.model.document.paragraphs] == [
        p.text for p in session.model.document.paragraphs
    ]


def test_reworded_revenue_then_a_rise_says_zengzhang_and_undo_restores_the_wording(session):
    """Issue 13's bug through the session: reword the revenue paragraph, then -3.5 -> +5."""
    from app.core.wording import parse_markup, wording_markup

    session.set_value("revenue_growth", "-3.5", typing=1)
    paragraph = next(
        p for p in session.model.template_paragraphs() if "revenue_growth" in str(p.spec.pieces)
    )
    original = [p.text for p in session.model.document.paragraphs if p.id == paragraph.id]
    assert "同比下降3.5%" in original[0]
    markup = wording_markup(paragraph.spec.pieces, session.template)
    edited = parse_markup(
        markup.replace("向上级呈送", "共向上级呈送"), session.template, paragraph.spec.pieces
    )
    session.set_wording(paragraph.id, edited)
    session.set_value("revenue_growth", "5", typing=2)

    def text() -> str:
        return next(p.text for p in session.model.document.paragraphs if p.id == paragraph.id)

    assert "同比增长5%。共向上级呈送" in text() and "下降" not in text()
    session.undo()  # the value
    assert "同比下降3.5%。共向上级呈送" in text()
    session.undo()  # the wording
    assert text() == original[0]
    assert session.model.wording_state(paragraph.id) is WordingState.ORIGINAL
    session.redo()
    session.redo()
    assert "同比增长5%。共向上级呈送" in text()
