"""The export page of a complete report keeps its parts together at the top (no empty band
between the summary and the formats)."""

from __future__ import annotations


def test_the_export_page_of_a_complete_report_has_no_empty_band(window, qtbot, complete_values):
    window.resize(1366, 768)
    for key, value in complete_values.items():
        window.edit_value(key, value)
    window.actions.next.trigger()  # past the last section…
    window.show_step(window.navigator.steps[-1].id)  # …to 预览与导出
    page = window.forms.export_page
    qtbot.waitUntil(page.isVisible)
    assert not page.problems.isVisible()
    gap = page.format_buttons["txt"].mapTo(page, page.format_buttons["txt"].rect().topLeft()).y()
    summary_bottom = page.summary.geometry().bottom()
    assert gap - summary_bottom < 60, (summary_bottom, gap)
    button = page.export_button.geometry()
    assert button.bottom() < page.height() // 2
