"""Test setup: headless Qt, and a temporary FANWEN_HOME for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QPA_FONTDIR", "/usr/share/fonts")

from tests.samples import COMPLETE_VALUES, REPO, SEED


@pytest.fixture(autouse=True)
def fanwen_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data and config folders; the real profile is never
    touched."""
    home = tmp_path / "fanwen-home"
    monkeypatch.setenv("FANWEN_HOME", str(home))
    # The writer's fontconfig folder (app.core.font_rule writes there, outside FANWEN_HOME).
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("FANWEN_SHARED_TEMPLATES", raising=False)
    monkeypatch.delenv("FANWEN_LANG", raising=False)
    return home


@pytest.fixture(autouse=True)
def _chinese_messages():
    """Core messages default to Chinese; a test that switches language is undone."""
    from app.core import i18n

    i18n.set_language("zh_CN")
    yield
    i18n.set_language("zh_CN")


@pytest.fixture
def complete_values() -> dict[str, str]:
    """A fresh copy of a complete, valid value set for the sixin template."""
    return dict(COMPLETE_VALUES)


@pytest.fixture(scope="session")
def sixin():
    """The built-in “四心” template, loaded once."""
    from app.core.loader import load_template

    return load_template(REPO / "templates" / "sixin")


@pytest.fixture
def seed_path() -> Path:
    """The seed 范文 the built-in template was made from."""
    return SEED


@pytest.fixture
def repo_root() -> Path:
    """The repository's folder."""
    return REPO
