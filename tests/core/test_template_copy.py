"""The copy of a template a draft carries is checked before it is used."""

from __future__ import annotations

from app.core.draft import Draft
from app.core.template_copy import KEY, carried, is_older


def _draft(copy: object, template: str = "anquan") -> Draft:
    return Draft(template=template, extra={KEY: copy})


def test_a_usable_copy_is_taken():
    copy = {"id": "anquan", "version": "1.0", "files": {"template.toml": "x", "body.txt.j2": "y"}}
    assert carried(_draft(copy)) == copy


def test_a_copy_that_does_not_fit_is_ignored():
    files = {"template.toml": "x"}
    assert carried(_draft({"id": "other", "version": "1", "files": files})) is None
    assert carried(_draft({"id": "anquan", "version": 1, "files": files})) is None
    assert carried(_draft({"id": "anquan", "version": "1", "files": {"../x": "y"}})) is None
    assert carried(_draft({"id": "anquan", "version": "1", "files": {"a": 3}})) is None
    assert carried(_draft({"id": "anquan", "version": "1", "files": {}})) is None
    assert carried(_draft("not a copy")) is None
    assert carried(Draft(template="anquan")) is None


def test_versions_compare_as_numbers():
    assert is_older("1.2", "1.10")
    assert not is_older("1.10", "1.2") and not is_older("1.0", "1.0")
    assert not is_older("v1", "v2")
