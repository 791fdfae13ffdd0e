"""Hypothesis: whatever a writer puts in the fields survives saving from the app and opening
again, unchanged (any Unicode, huge strings, numbers at the edges, values the template does
not know)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.draft import Draft
from app.core.kinds import exportable_text

KEYS = [
    "unit_name",
    "meetings",
    "wait_minutes",
    "satisfaction_rate",
    "revenue_growth",
    "report_year",
    "inspection_day",
    "adopted_research",
]

value = st.one_of(
    st.text(max_size=80),
    st.builds(lambda piece, n: piece * n, st.text(min_size=1, max_size=8), st.integers(1, 6_000)),
    st.sampled_from(
        ["0", "-0", "100", "100.0001", "-100", "9" * 300, "1e999", "２０２６", "－3.5"]
    ),
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    values=st.dictionaries(st.sampled_from(KEYS), value, max_size=len(KEYS)),
    unknown=st.dictionaries(
        st.from_regex(r"old_[a-z]{1,8}", fullmatch=True),
        st.text(max_size=30).map(exportable_text),  # as a draft file's values come in
        max_size=2,
    ),
)
def test_values_survive_save_and_open(window, tmp_path, values, unknown):
    path = tmp_path / "round.fanwen"
    told = []
    window.dialogs.information = lambda title, message: told.append(message)
    window.files.load(window.model.template, Draft(values=dict(unknown)), None)
    for key, text in values.items():
        window.edit_value(key, text)
    # what no export can carry is taken out as it is typed (kinds.exportable_text)
    typed = {key: exportable_text(text) for key, text in values.items()}
    expected = {**unknown, **{k: v for k, v in typed.items() if v}}
    assert window.model.values == expected
    assert window.files.write(path)
    window.files.load(window.model.template, Draft(), None)
    assert window.files.open_path(path, ask=False)
    assert window.model.values == expected
    for key, text in typed.items():
        assert window.forms.input_for(key).text() == text
    assert bool(told) == bool(unknown)  # values without a place are reported
