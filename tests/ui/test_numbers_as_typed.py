"""Numbers as writers type them: a whole number typed with a leading zero ("09") goes into the
report as 9, while the form keeps what was typed."""

from __future__ import annotations

from tests.ui.helpers import type_into

from app.core.export import render_bytes


def test_a_leading_zero_is_kept_in_the_form_and_dropped_in_the_report(window, qtbot):
    window.focus_field("report_month")
    edit = window.forms.input_for("report_month")
    type_into(qtbot, edit, "09")
    assert edit.text() == "09"  # what was typed
    assert window.model.value("report_month") == "09"  # and what the draft keeps
    assert window.model.field_error("report_month") is None
    assert "1-9月" in window.preview.plain_text()
    txt = render_bytes(window.model.document, "txt").decode("utf-8-sig")
    assert "1-9月" in txt and "1-09月" not in txt
    window.focus_field("meetings")
    type_into(qtbot, window.forms.input_for("meetings"), "036")
    assert window.forms.input_for("meetings").text() == "036"
    assert "等36余次" in window.preview.plain_text()
