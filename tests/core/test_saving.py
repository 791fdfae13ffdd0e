"""Drafts from older template versions, and saving with a backup that never damages a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.draft import Draft, load_draft, save_draft
from app.core.errors import DraftError
from app.core.kinds import exportable_text
from app.core.saving import backup_path, save_draft_safely
from faults import fill_the_disk


def test_save_keeps_the_previous_version_as_a_backup(tmp_path):
    path = tmp_path / "报告.fanwen"
    save_draft(Draft(values={"unit_name": "第一版"}), path)
    first = path.read_bytes()
    result = save_draft_safely(Draft(values={"unit_name": "第二版"}), path)
    assert result.backup == backup_path(path) == tmp_path / "报告.fanwen.bak"
    assert result.backup.read_bytes() == first
    assert load_draft(path).values == {"unit_name": "第二版"}
    assert result.draft.modified is not None


def test_a_save_interrupted_mid_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "报告.fanwen"
    save_draft(Draft(values={"unit_name": "旧的"}), path)
    before = path.read_bytes()
    fill_the_disk(monkeypatch)
    with pytest.raises(DraftError, match="磁盘已满"):
        save_draft_safely(Draft(values={"unit_name": "新的" * 1000}), path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.fanwen"]  # no stray temp file


def test_save_into_a_folder_that_is_gone(tmp_path):
    with pytest.raises(DraftError, match="文件夹不存在"):
        save_draft_safely(Draft(values={"a": "1"}), tmp_path / "gone" / "x.fanwen")


values_strategy = st.dictionaries(
    keys=st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,20}", fullmatch=True),
    values=st.one_of(
        st.text(max_size=200),
        # huge strings: a random piece repeated up to a megabyte or so
        st.builds(
            lambda piece, times: piece * times,
            st.text(min_size=1, max_size=12),
            st.integers(min_value=1_000, max_value=80_000),
        ),
        st.sampled_from(
            [
                "0",
                "-0",
                "9" * 400,
                "-9999999999999999999999.000000000001",
                "1e308",
                "1E-400",
                "NaN",
                "Infinity",
                "\u0000",
                "\ufeff开头",
                "\u2028",
                "🀄" * 3,
                "{{ field('x') }}",
                "</script>",
            ]
        ),
    ),
    max_size=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=values_strategy)
def test_any_values_survive_save_and_load(tmp_path, values):
    path = Path(tmp_path) / "round.fanwen"
    # what a session holds: text with nothing an export cannot carry (kinds.exportable_text)
    values = {key: exportable_text(value) for key, value in values.items()}
    save_draft_safely(Draft(values=values, extra={"from_a_newer_tool": [1, {"x": None}]}), path)
    loaded = load_draft(path)
    assert loaded.values == values
    assert loaded.extra == {"from_a_newer_tool": [1, {"x": None}]}
