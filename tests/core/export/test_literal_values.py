"""Whatever the writer types comes out literally: no Jinja evaluation, escaped in HTML."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.export import ExportOptions, render_bytes
from app.core.export.html import render_html
from app.core.export.text import document_text
from app.core.report import ReportModel

HOSTILE = [
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% for x in range(10) %}x{% endfor %}",
    "&amp; & <b>粗</b>",
    "\"quoted\" 'single'",
    "\ue0003\ue001",  # the renderer's own marker characters
    "@title 假标题",
]


def _span_texts(page: str, key: str) -> list[str]:
    pattern = rf'<span class="field [a-z]+" data-field="{key}">(.*?)</span>'
    return [html.unescape(m) for m in re.findall(pattern, page, flags=re.S)]


def test_hostile_text_comes_out_literally(sixin):
    for value in HOSTILE:
        model = ReportModel(sixin, {"unit_name": value})
        text = document_text(model.document)
        assert text.count(value) == 3, value
        page = render_html(model.document)
        assert _span_texts(page, "unit_name") == [value] * 3
        assert "<script>" not in page


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_any_text_value_is_literal_in_txt_and_escaped_in_html(sixin, value):
    model = ReportModel(sixin, {"model_branch": value})
    expected = value.strip() or "XX"
    run = next(r for r in model.document.field_runs() if r.key == "model_branch")
    assert run.text == expected
    assert expected + "党支部" in document_text(model.document)
    page = render_html(model.document)
    assert _span_texts(page, "model_branch") == [expected]


def test_a_million_characters_in_a_text_field(sixin):
    value = ("<&>{{x}}" * 125_000)[:1_000_000]
    model = ReportModel(sixin, {"unit_name": value})
    text = render_bytes(model.document, "txt").decode("utf-8-sig")
    assert text.count(value) == 3
    page = render_bytes(model.document, "html", ExportOptions()).decode("utf-8")
    assert _span_texts(page, "unit_name") == [value] * 3
