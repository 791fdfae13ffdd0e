"""The writer's fontconfig rule for the 公文 fonts (app.core.font_rule): what it maps, where it
is written, that a file not ours is never touched, and what fontconfig makes of it.

Every test has XDG_CONFIG_HOME at a temporary folder (tests/conftest.py); the fontconfig checks
ask the real `fc-match` with that folder, as LibreOffice would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import font_rule
from app.core.document import Role
from app.core.export import layout
from app.core.font_rule import FontRuleError, RuleState
from pdf_pages import require_tool

FREE = set(font_rule.SERIF_FACES) | set(font_rule.KAI_FACES) | set(font_rule.SANS_FACES)


def accepted(text: str) -> dict[str, list[str]]:
    """{name: the families it accepts, in order} of a rule's text."""
    root = ET.fromstring(text.encode("utf-8"))
    return {
        alias.findtext("family"): [f.text for f in alias.find("accept").iter("family")]
        for alias in root.iter("alias")
    }


def first_free(families: list[str]) -> str:
    return next(f for f in families if f in FREE)


def test_every_gongwen_name_the_exports_use_gets_a_free_face_of_its_style():
    found = accepted(font_rule.rule_text())
    style = {
        Role.TITLE: "Noto Serif CJK SC",
        Role.BODY: "Noto Serif CJK SC",
        Role.SUBHEADING: "AR PL UKai CN",
        Role.HEADING: "Noto Sans CJK SC",
        Role.ROW: "Noto Serif CJK SC",  # table cells: 仿宋
        Role.SUBTITLE: "AR PL UKai CN",  # the 公文 parts: a subtitle in 楷体, the rest 仿宋
        Role.ADDRESSEE: "Noto Serif CJK SC",
        Role.HEADING3: "Noto Serif CJK SC",
        Role.HEADING4: "Noto Serif CJK SC",
        Role.ATTACHMENT: "Noto Serif CJK SC",
        Role.SIGNATURE: "Noto Serif CJK SC",
        Role.DATE: "Noto Serif CJK SC",
    }
    for role, fonts in layout.ROLE_FONTS.items():
        for name in fonts:
            if name not in FREE:
                assert first_free(found[name]) == style[role], (role, name)
    for name in layout.PAGE_NUMBER_FONTS:
        if name not in FREE:
            assert first_free(found[name]) == "Noto Serif CJK SC", name


@pytest.mark.parametrize(
    ("names", "face"),
    [
        (("仿宋", "FangSong", "仿宋_GB2312", "FangSong_GB2312"), "Noto Serif CJK SC"),
        (("楷体", "KaiTi", "楷体_GB2312", "KaiTi_GB2312"), "AR PL UKai CN"),
        (("黑体", "SimHei"), "Noto Sans CJK SC"),
        (("方正小标宋简体", "方正小标宋_GBK", "华文中宋"), "Noto Serif CJK SC"),
        (("宋体", "SimSun"), "Noto Serif CJK SC"),
    ],
)
def test_the_common_aliases_accept_each_other_first_then_the_free_faces(names, face):
    found = accepted(font_rule.rule_text())
    for name in names:
        others = [n for n in names if n != name]
        families = found[name]
        assert first_free(families) == face
        free_at = families.index(face)
        assert all(families.index(other) < free_at for other in others), name


def test_the_title_takes_plain_song_before_a_free_face_but_never_the_other_way():
    found = accepted(font_rule.rule_text())
    title = found["方正小标宋简体"]
    assert title.index("宋体") < title.index("Noto Serif CJK SC")
    assert not {"方正小标宋简体", "华文中宋", "小标宋"} & set(found["宋体"])  # page numbers


def test_no_free_face_is_redirected():
    assert not FREE & set(accepted(font_rule.rule_text()))


def test_the_rule_goes_to_the_writers_fontconfig_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    expected = tmp_path / "config" / "fontconfig" / "conf.d" / "65-fanwen-gongwen.conf"
    assert font_rule.user_rule_path() == expected
    # unset or relative: ~/.config, as the XDG rule says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for value in ("", "relative/config"):
        monkeypatch.setenv("XDG_CONFIG_HOME", value)
        assert font_rule.user_rule_path() == (
            tmp_path / "home" / ".config" / "fontconfig" / "conf.d" / "65-fanwen-gongwen.conf"
        )


def test_install_and_remove(fanwen_home):
    path = font_rule.user_rule_path()
    assert font_rule.rule_state() is RuleState.ABSENT
    assert font_rule.install_rule() == path
    assert path.read_text(encoding="utf-8") == font_rule.rule_text()
    assert font_rule.rule_state() is RuleState.INSTALLED
    assert not any(p.name.endswith(".tmp") for p in path.parent.iterdir())
    assert not path.is_relative_to(fanwen_home)
    font_rule.install_rule()  # again: the same file
    assert font_rule.rule_state() is RuleState.INSTALLED
    assert font_rule.remove_rule() is True
    assert not path.exists()
    assert font_rule.rule_state() is RuleState.ABSENT
    assert font_rule.remove_rule() is False


def test_an_older_rule_of_ours_is_updated():
    path = font_rule.user_rule_path()
    path.parent.mkdir(parents=True)
    path.write_text(f"<?xml version='1.0'?>\n{font_rule.MARKER}\n<fontconfig/>\n", "utf-8")
    assert font_rule.rule_state() is RuleState.OUTDATED
    font_rule.install_rule()
    assert font_rule.rule_state() is RuleState.INSTALLED


@pytest.mark.parametrize("kind", ["other file", "link", "folder"])
def test_a_file_that_is_not_ours_is_never_touched(tmp_path, kind):
    path = font_rule.user_rule_path()
    path.parent.mkdir(parents=True)
    if kind == "other file":
        path.write_text("<fontconfig><!-- mine --></fontconfig>\n", "utf-8")
    elif kind == "link":
        target = tmp_path / "elsewhere.conf"
        target.write_text(font_rule.rule_text(), "utf-8")  # even a link to a copy of ours
        path.symlink_to(target)
    else:
        path.mkdir()
    before = sorted((p.name, p.is_dir()) for p in path.parent.iterdir())
    content = path.read_bytes() if path.is_file() else None
    assert font_rule.rule_state() is RuleState.FOREIGN
    with pytest.raises(FontRuleError, match=r"65-fanwen-gongwen\.conf") as install:
        font_rule.install_rule()
    with pytest.raises(FontRuleError, match=r"65-fanwen-gongwen\.conf") as remove:
        font_rule.remove_rule()
    for error in (install, remove):
        assert "\n" not in str(error.value)
    assert sorted((p.name, p.is_dir()) for p in path.parent.iterdir()) == before
    if content is not None:
        assert path.read_bytes() == content


def test_a_folder_that_cannot_be_made_is_one_line():
    blocker = font_rule.config_home() / "fontconfig"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("a file where a folder should be", "utf-8")
    with pytest.raises(FontRuleError, match=r"65-fanwen-gongwen\.conf") as error:
        font_rule.install_rule()
    assert "\n" not in str(error.value)
    assert blocker.read_text("utf-8") == "a file where a folder should be"


@pytest.mark.parametrize(
    ("families", "serif"),
    [
        (["Noto Serif CJK SC"], True),
        (["AR PL UMing CN"], True),
        (["AR PL UKai CN"], True),
        (["仿宋_GB2312", "FangSong_GB2312"], True),
        (["Source Han Serif SC"], True),
        (["Noto Sans CJK SC"], False),
        (["DejaVu Sans"], False),
        (["WenQuanYi Zen Hei"], False),
        (["Droid Sans Fallback"], False),
    ],
)
def test_serif_faces_are_told_by_their_names(families, serif):
    assert font_rule.looks_serif(families) is serif


# ------------------------------------------------------------------ what fontconfig makes of it


def fc_family(name: str, env: dict[str, str] | None = None) -> str:
    fc_match = require_tool("fc-match", "fontconfig")
    return subprocess.run(
        [fc_match, "-f", "%{family[0]}", name],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    ).stdout


def test_fontconfig_gives_each_name_a_face_of_its_style_once_installed():
    require_tool("fc-match", "fontconfig")
    without = {name: fc_family(name) for name in ("仿宋_GB2312", "黑体")}
    font_rule.install_rule()
    assert fc_family("仿宋_GB2312") == "Noto Serif CJK SC"
    assert fc_family("仿宋") == "Noto Serif CJK SC"
    assert fc_family("FangSong") == "Noto Serif CJK SC"
    assert fc_family("方正小标宋简体") == "Noto Serif CJK SC"
    assert fc_family("SimSun") == "Noto Serif CJK SC"
    assert fc_family("黑体") == "Noto Sans CJK SC"
    assert fc_family("SimHei") == "Noto Sans CJK SC"
    assert fc_family("楷体_GB2312") in ("AR PL UKai CN", "Noto Serif CJK SC")
    assert fc_family("DejaVu Sans") == "DejaVu Sans"  # an installed family is not touched
    assert without["仿宋_GB2312"] != "Noto Serif CJK SC"  # the rule made the difference
    font_rule.remove_rule()
    assert fc_family("仿宋_GB2312") == without["仿宋_GB2312"]


def test_the_hint_condition_follows_the_rule():
    require_tool("fc-match", "fontconfig")
    assert font_rule.body_font_falls_back_to_sans() is True  # CI: fonts-noto-cjk, no 仿宋
    font_rule.install_rule()
    assert font_rule.body_font_falls_back_to_sans() is False


def test_no_fontconfig_no_hint(monkeypatch):
    monkeypatch.setenv("PATH", "")
    assert font_rule.matched_families("仿宋_GB2312") is None
    assert font_rule.body_font_falls_back_to_sans() is False


@pytest.fixture
def machine_with_fangsong(tmp_path) -> dict[str, str]:
    """An environment whose fontconfig has a font named 仿宋_GB2312 (a copy of DejaVu Sans,
    renamed as fontconfig scans it) besides the system's fonts."""
    fc_match = require_tool("fc-match", "fontconfig")
    source = subprocess.run(
        [fc_match, "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, check=True
    ).stdout
    if not source or not os.path.isfile(source):
        pytest.skip("no DejaVu Sans to stand for the real font")
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    fake = fonts / "fangsong-gb2312.ttf"
    shutil.copyfile(source, fake)
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        f"  <cachedir>{tmp_path / 'cache'}</cachedir>\n"  # first: the one written to
        '  <include ignore_missing="no">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n"
        '  <match target="scan">\n'
        f"    <test name='file'><string>{fake}</string></test>\n"
        "    <edit name='family' mode='assign' binding='same'><string>仿宋_GB2312</string></edit>\n"
        "  </match>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return dict(os.environ, FONTCONFIG_FILE=str(conf), XDG_CACHE_HOME=str(tmp_path / "cache"))


def test_a_machine_that_has_the_font_keeps_it(machine_with_fangsong):
    font_rule.install_rule()
    env = machine_with_fangsong
    assert fc_family("仿宋_GB2312", env) == "仿宋_GB2312"
    assert fc_family("仿宋_GB2312:lang=zh-cn", env) == "仿宋_GB2312"
    # the other names of 仿宋 take the real one before any stand-in
    assert fc_family("仿宋", env) == "仿宋_GB2312"
    assert fc_family("FangSong", env) == "仿宋_GB2312"
    assert fc_family("黑体", env) == "Noto Sans CJK SC"
    assert font_rule.body_font_falls_back_to_sans(env) is False


def test_the_rule_is_what_fontconfig_reads_from_the_writers_folder():
    """fontconfig's own user folder ($XDG_CONFIG_HOME/fontconfig/conf.d) is where it goes."""
    fc_conflist = shutil.which("fc-conflist")
    if fc_conflist is None:
        pytest.skip("fc-conflist is not installed")
    path = font_rule.install_rule()
    listing = subprocess.run([fc_conflist], capture_output=True, text=True, check=True).stdout
    assert f"+ {path}: " in listing  # "+": read and in force


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=2000))
def test_any_other_content_is_foreign_and_kept(content):
    path = font_rule.user_rule_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    if font_rule.MARKER.encode("utf-8") in content:
        return
    assert font_rule.rule_state() is RuleState.FOREIGN
    with pytest.raises(FontRuleError):
        font_rule.install_rule()
    with pytest.raises(FontRuleError):
        font_rule.remove_rule()
    assert path.read_bytes() == content
