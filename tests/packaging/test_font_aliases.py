"""The .deb's fontconfig file: the app's own rule for the 公文 fonts, installed for all users.

Exports name 仿宋, 黑体, 楷体, 方正小标宋简体 and 宋体 first (what Windows offices have). On a Linux
desktop without them fontconfig gives every one the same fallback, a sans face. The package
installs `app.core.font_rule`'s file (the one 设置 and `fanwen fonts --install` write for one
writer) in /usr/share/fontconfig/conf.avail, enabled from /etc/fonts/conf.d; checked here
through FONTCONFIG_FILE, as if installed. What LibreOffice makes of it: tests/e2e.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from app.core import font_rule
from packaging_modules import load
from pdf_pages import require_tool

REPO = Path(__file__).resolve().parents[2]


debian = load("debian")


@pytest.fixture(scope="module")
def system_wide_env(tmp_path_factory) -> dict[str, str]:
    """An environment whose fontconfig is the system's plus the package's file, as
    /etc/fonts/conf.d reads it (no user rule)."""
    folder = tmp_path_factory.mktemp("fontconfig")
    conf = folder / debian.FONTCONFIG_NAME
    conf.write_text(debian.gongwen_font_rule(REPO), encoding="utf-8")
    main = folder / "fonts.conf"
    main.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="no">/etc/fonts/fonts.conf</include>\n'
        f"  <include>{conf}</include>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return dict(os.environ, FONTCONFIG_FILE=str(main), XDG_CONFIG_HOME=str(folder / "none"))


def test_the_package_ships_the_apps_own_rule_under_the_same_name():
    assert debian.gongwen_font_rule(REPO) == font_rule.rule_text()
    assert debian.FONTCONFIG_NAME == font_rule.FILE_NAME


def fc_family(name: str, env: dict[str, str]) -> str:
    fc_match = require_tool("fc-match", "fontconfig")
    return subprocess.run(
        [fc_match, "-f", "%{family[0]}", name], capture_output=True, text=True, env=env, check=True
    ).stdout


def test_fontconfig_resolves_the_gongwen_names_to_their_stand_ins(system_wide_env):
    require_tool("fc-match", "fontconfig")
    assert fc_family("仿宋", system_wide_env) == "Noto Serif CJK SC"
    assert fc_family("FangSong", system_wide_env) == "Noto Serif CJK SC"
    assert fc_family("黑体", system_wide_env) == "Noto Sans CJK SC"
    assert fc_family("方正小标宋简体", system_wide_env) == "Noto Serif CJK SC"
    assert fc_family("楷体", system_wide_env) in ("AR PL UKai CN", "Noto Serif CJK SC")
    # a family that is installed is not touched
    assert fc_family("DejaVu Sans", system_wide_env) == "DejaVu Sans"
