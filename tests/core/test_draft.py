"""Draft files: loading what people and tools write, rejecting what is not a draft, round trips."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.draft import Draft, load_draft, parse_draft, save_draft
from app.core.errors import DraftError
from app.core.kinds import exportable_text


def test_minimal_hand_written_draft_loads():
    draft = parse_draft(
        b'{"values": {"meetings": 36, "wait_minutes": 4.50, "unit_name": "x"}}', "a"
    )
    assert draft.template == "sixin"
    assert draft.values == {"meetings": "36", "wait_minutes": "4.50", "unit_name": "x"}


def test_bom_and_null_values():
    draft = parse_draft(
        '\ufeff{"template": "sixin", "values": {"a": null, "b": "1"}}'.encode(), "a"
    )
    assert draft.values == {"b": "1"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "a.fanwen：文件是空的。"),
        (b"   \n", "a.fanwen：文件是空的。"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe",
            "a.fanwen：不是范文填写助手的草稿文件（不是文本文件）。",
        ),
        (b'{"values": {', "a.fanwen：不是有效的草稿文件（JSON 在第 1 行第 13 列处损坏）。"),
        (b"[1, 2]", "a.fanwen：不是范文填写助手的草稿文件。"),
        (b'{"name": "something else"}', "a.fanwen：不是范文填写助手的草稿文件（缺少“values”）。"),
        (b'{"format": "other", "values": {}}', "a.fanwen：不是范文填写助手的草稿文件。"),
        (
            b'{"format": "fanwen-draft", "version": 9, "values": {}}',
            "a.fanwen：由更新版本的范文填写助手保存（草稿格式 9），请升级后再打开。",
        ),
        (b'{"values": [1]}', "a.fanwen：草稿的“values”应为“字段: 值”的对象。"),
        (b'{"values": {"k": [1]}}', "a.fanwen：值“k”应为文字或数字。"),
        (b'{"values": {"k": true}}', "a.fanwen：值“k”应为文字或数字。"),
        (b'{"template": 3, "values": {}}', "a.fanwen：草稿的“template”应为模板编号。"),
        (b'{"values": {"k": NaN}}', "a.fanwen：不是有效的草稿文件（JSON 已损坏）。"),
    ],
)
def test_bad_drafts_are_rejected_with_a_clear_message(data, message):
    with pytest.raises(DraftError) as error:
        parse_draft(data, "a.fanwen")
    assert str(error.value) == message


def test_unknown_keys_and_entries_survive_a_save(tmp_path):
    path = tmp_path / "d.fanwen"
    path.write_text(
        json.dumps({"template": "sixin", "values": {"old": "1"}, "future_thing": {"x": [1, 2]}}),
        encoding="utf-8",
    )
    draft = load_draft(path)
    save_draft(draft, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["values"] == {"old": "1"}
    assert data["future_thing"] == {"x": [1, 2]}
    assert data["format"] == "fanwen-draft" and data["version"] == 1
    assert data["created"] and data["modified"]


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(DraftError, match="找不到文件"):
        load_draft(tmp_path / "nope.fanwen")
    with pytest.raises(DraftError, match="是文件夹"):
        load_draft(tmp_path)


def test_failed_save_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "d.fanwen"
    save_draft(Draft(values={"unit_name": "旧"}), path)
    before = path.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        save_draft(Draft(values={"unit_name": "新" * 1000}), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["d.fanwen"]  # no temporary file left


values_strategy = st.dictionaries(
    st.text(min_size=1, max_size=20),
    st.one_of(
        st.text(),
        st.integers(min_value=-(10**20), max_value=10**20).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
    ),
    max_size=20,
)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=values_strategy, template=st.sampled_from(["sixin", "other-id"]))
def test_any_accepted_draft_survives_save_and_load(tmp_path, values, template):
    path = tmp_path / "round.fanwen"
    # what a session holds: text with nothing an export cannot carry (kinds.exportable_text)
    values = {exportable_text(k): exportable_text(v) for k, v in values.items()}
    draft = Draft(template=template, values=values)
    save_draft(draft, path)
    loaded = load_draft(path)
    assert loaded == draft
    save_draft(loaded, path)
    assert load_draft(path) == loaded


json_values = st.dictionaries(
    st.text(max_size=15),
    st.one_of(
        st.none(),
        st.text(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=False, allow_infinity=False),
    ),
    max_size=15,
)
json_extra = st.dictionaries(
    st.text(max_size=10).filter(
        lambda k: (
            k
            not in {
                "format",
                "version",
                "template",
                "template_version",
                "created",
                "modified",
                "values",
                "wording",  # paragraph changes, with their own form (tests/core/test_wording.py)
            }
        )
    ),
    st.recursive(
        st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=10),
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.text(max_size=5), children, max_size=3)
        ),
        max_leaves=8,
    ),
    max_size=4,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=json_values, extra=json_extra, marker=st.booleans())
def test_any_file_the_loader_accepts_survives_save_and_load(tmp_path, values, extra, marker):
    content = {"values": values, **extra}
    if marker:
        content.update({"format": "fanwen-draft", "version": 1, "template": "sixin"})
    path = tmp_path / "any.fanwen"
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    first = load_draft(path)
    # every non-empty value is kept, numbers as the text JSON wrote them
    assert set(first.values) == {k for k, v in values.items() if v is not None}
    save_draft(first, path)
    second = load_draft(path)
    assert second == first
    assert {k: second.extra[k] for k in extra} == extra
