"""Computed fields in the window: read-only, their formula in words, updated as the writer types,
and why an empty one is empty."""

from __future__ import annotations

import json

import pytest
from tests.ui.helpers import replace_text, type_into


@pytest.fixture
def monthly_window(open_main_window, tmp_path):
    draft = tmp_path / "一月.fanwen"
    draft.write_text(json.dumps({"template": "monthly", "values": {}}), encoding="utf-8")
    return open_main_window(draft)


def test_a_computed_field_is_read_only_with_its_formula_in_words(monthly_window):
    window = monthly_window
    window.focus_field("found")
    edit = window.forms.input_for("rectify_rate")
    assert edit.isReadOnly()
    row = window.forms.page_of("rectify_rate").rows["rectify_rate"]
    assert row.hint.text() == "= 已整改问题数 ÷ 查摆问题数 × 100"
    assert row.hint.isVisibleTo(window)
    assert row.message.text() == "等待填写“已整改问题数、查摆问题数”。"


def test_typing_an_input_updates_the_computed_field_and_the_preview(monthly_window, qtbot):
    window = monthly_window
    window.focus_field("found")
    type_into(qtbot, window.forms.input_for("found"), "8")
    window.focus_field("rectified")
    type_into(qtbot, window.forms.input_for("rectified"), "6")
    rate = window.forms.input_for("rectify_rate")
    assert rate.text() == "75.0"
    assert "整改率75.0%" in "".join(p.text for p in window.model.document.paragraphs)
    row = window.forms.page_of("rectify_rate").rows["rectify_rate"]
    assert row.message.text() == ""
    replace_text(qtbot, window.forms.input_for("found"), "0")
    assert rate.text() == ""
    assert rate.property("problem") == "error"
    assert "除数为零" in row.message.text()
    window.actions.undo.trigger()
    assert rate.text() == "75.0"
