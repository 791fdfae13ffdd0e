"""The fontconfig rule that gives the 公文 fonts free stand-ins of their own style on Linux.

An exported DOCX names 仿宋, 黑体, 楷体, 方正小标宋简体 and 宋体 (`app.core.export.layout`). Word
and WPS substitute a missing one from the DOCX's font table; LibreOffice asks fontconfig for the
name, and fontconfig, knowing none of them, gives every one the same sans face. This rule tells
fontconfig which free faces stand in for each name and its common aliases: a serif (Song/Ming)
face for 仿宋, 小标宋 and 宋体, a Kai face (else serif) for 楷体, a sans (Hei) face for 黑体.

Each alias *accepts* the other names of its style, then the free faces (`<accept>`: appended
right after the name, with the name's own binding), so a machine that has the real font (or
another edition of it) still uses it; only where none is there does the first installed
stand-in win, ahead of the generic faces fontconfig would add.

The one source of the rule: the .deb installs it for all users (`packaging/debian.py`), the app
(设置 menu, `fanwen fonts --install`) writes it for the writer alone, at
``$XDG_CONFIG_HOME/fontconfig/conf.d/`` (``~/.config`` by default): outside `FANWEN_HOME`,
because fontconfig reads only its own folders, and only when the writer asks for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from enum import Enum
from html import escape
from pathlib import Path

from app.core.atomic import atomic_write_bytes
from app.core.errors import FanwenError
from app.core.i18n import _

FILE_NAME = "65-fanwen-gongwen.conf"
#: The line that makes a file at that path ours (also in the files of earlier .deb builds).
MARKER = "<!-- Fanwen (范文填写助手): free stand-ins for the 公文 fonts, when they are missing. -->"

#: Free serif CJK faces of distributions (fonts-noto-cjk, Adobe's Source Han, fonts-arphic-*).
SERIF_FACES = (
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Source Han Serif CN",
    "Noto Serif SC",
    "AR PL UMing CN",
    "AR PL SungtiL GB",
)
#: Free Kai faces first, then the serif ones.
KAI_FACES = ("AR PL UKai CN", "AR PL KaitiM GB", *SERIF_FACES)
#: Free sans (Hei) CJK faces.
SANS_FACES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
)

#: The 公文 fonts by style: their Chinese and Latin names, the GB2312 and GBK editions, the
#: Windows and macOS (华文, ST...) and Founder (方正, FZ...) names of the same style.
FANGSONG_NAMES = (
    "仿宋",
    "仿宋_GB2312",
    "FangSong",
    "FangSong_GB2312",
    "华文仿宋",
    "STFangsong",
    "方正仿宋_GBK",
    "方正仿宋简体",
    "FZFangSong-Z02S",
)
KAI_NAMES = (
    "楷体",
    "楷体_GB2312",
    "KaiTi",
    "KaiTi_GB2312",
    "华文楷体",
    "STKaiti",
    "方正楷体_GBK",
    "方正楷体简体",
    "FZKai-Z03S",
)
#: The title's heavier Song faces; plain 宋体 stands in for them before the free faces.
TITLE_SONG_NAMES = (
    "方正小标宋简体",
    "方正小标宋_GBK",
    "方正小标宋",
    "FZXiaoBiaoSong-B05S",
    "小标宋",
    "华文中宋",
    "STZhongsong",
)
SONG_NAMES = (
    "宋体",
    "SimSun",
    "新宋体",
    "NSimSun",
    "华文宋体",
    "STSong",
    "方正书宋_GBK",
)
HEI_NAMES = (
    "黑体",
    "SimHei",
    "华文黑体",
    "STHeiti",
    "方正黑体_GBK",
    "方正黑体简体",
    "FZHei-B01S",
)

#: Each group of names with the free faces that stand in for it, in order.
STAND_INS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (FANGSONG_NAMES, SERIF_FACES),
    (TITLE_SONG_NAMES, ("宋体", "SimSun", *SERIF_FACES)),
    (SONG_NAMES, SERIF_FACES),
    (KAI_NAMES, KAI_FACES),
    (HEI_NAMES, SANS_FACES),
)

#: Words in a family name that say it is a serif (Song, Ming, Fangsong, Kai) face.
_SERIF_WORDS = ("serif", "song", "sung", "ming", "fang", "kai", "mincho", "roman", "times")
_SERIF_CHARACTERS = ("宋", "仿", "楷", "明")

#: How long `fc-match` may take before the app stops waiting (it answers in milliseconds once
#: its cache is built; a first run on a large font folder can take longer, and then no hint).
FC_MATCH_SECONDS = 3.0


class RuleState(Enum):
    """What is at the rule's place in the writer's fontconfig folder."""

    ABSENT = "absent"
    INSTALLED = "installed"  # ours, as this version writes it
    OUTDATED = "outdated"  # ours, from another version: installing again updates it
    FOREIGN = "foreign"  # a file that is not ours: never touched


class FontRuleError(FanwenError):
    """The rule could not be written or removed: one line naming the file."""


def rule_text() -> str:
    """The fontconfig file: every 公文 font name accepts the other names of its style (a
    machine with 仿宋_GB2312 shows it for 仿宋), then the free faces of that style."""
    lines = [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
        MARKER,
        "<!-- Each name keeps its place: a machine that has the font itself still uses it. -->",
        "<fontconfig>",
    ]
    for names, faces in STAND_INS:
        for name in names:
            lines.append('  <alias binding="same">')
            lines.append(f"    <family>{escape(name, quote=False)}</family>")
            lines.append("    <accept>")
            others = [other for other in names if other != name]
            lines.extend(
                f"      <family>{escape(face, quote=False)}</family>" for face in [*others, *faces]
            )
            lines.append("    </accept>")
            lines.append("  </alias>")
    lines.append("</fontconfig>")
    return "\n".join(lines) + "\n"


def supported() -> bool:
    """Whether the writer's own rule means anything here: Linux, where LibreOffice and WPS ask
    fontconfig (Windows and macOS offices substitute fonts themselves)."""
    return sys.platform.startswith("linux")


def config_home(environ: Mapping[str, str] | None = None) -> Path:
    """$XDG_CONFIG_HOME, or ~/.config when unset or not absolute (the XDG rule)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_CONFIG_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".config"


def user_rule_path(environ: Mapping[str, str] | None = None) -> Path:
    """Where the writer's rule goes: the fontconfig folder every user's fontconfig reads."""
    return config_home(environ) / "fontconfig" / "conf.d" / FILE_NAME


def rule_state(path: Path | None = None) -> RuleState:
    """What is at `path` (the writer's rule by default)."""
    path = user_rule_path() if path is None else path
    if not os.path.lexists(path):
        return RuleState.ABSENT
    if path.is_symlink() or not path.is_file():
        return RuleState.FOREIGN
    try:
        with path.open("rb") as handle:
            content = handle.read(256 * 1024 + 1)
    except OSError:
        return RuleState.FOREIGN
    text = content.decode("utf-8", errors="replace")
    if MARKER not in text:
        return RuleState.FOREIGN
    return RuleState.INSTALLED if text == rule_text() else RuleState.OUTDATED


def install_rule(path: Path | None = None) -> Path:
    """Write the rule (atomically) for the writer; the file written. A file there that is not
    ours is left as it is: FontRuleError."""
    path = user_rule_path() if path is None else path
    if rule_state(path) is RuleState.FOREIGN:
        raise FontRuleError(
            _("{file}: another file is already there; it was left as it is.", file=path)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, rule_text().encode("utf-8"))
    except OSError as exc:
        raise FontRuleError(
            _("{file}: cannot be written: {error}", file=path, error=exc.strerror or exc)
        ) from None
    return path


def remove_rule(path: Path | None = None) -> bool:
    """Remove the writer's rule; False when there was none. A file there that is not ours is
    left as it is: FontRuleError."""
    path = user_rule_path() if path is None else path
    state = rule_state(path)
    if state is RuleState.ABSENT:
        return False
    if state is RuleState.FOREIGN:
        raise FontRuleError(_("{file}: not written by Fanwen; it was left as it is.", file=path))
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise FontRuleError(
            _("{file}: cannot be removed: {error}", file=path, error=exc.strerror or exc)
        ) from None
    return True


def matched_families(name: str, environ: dict[str, str] | None = None) -> list[str] | None:
    """The family names of the face fontconfig gives for `name` in Chinese text (`fc-match`),
    or None when it cannot be asked (no fontconfig, too slow, an error)."""
    program = shutil.which("fc-match")
    if program is None:
        return None
    try:
        result = subprocess.run(
            [program, "-f", "%{family}", f"{name}:lang=zh-cn"],
            capture_output=True,
            timeout=FC_MATCH_SECONDS,
            env=environ,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    families = result.stdout.decode("utf-8", errors="replace").strip()
    if result.returncode != 0 or not families:
        return None
    return [family.strip() for family in families.split(",") if family.strip()]


def looks_serif(families: list[str]) -> bool:
    """Whether a face of these family names is a serif (Song, Ming, Fangsong, Kai) face, by its
    names: fontconfig keeps no such property."""
    for family in families:
        lowered = family.lower()
        if "sans" in lowered:
            continue
        if any(word in lowered for word in _SERIF_WORDS):
            return True
        if any(character in family for character in _SERIF_CHARACTERS):
            return True
    return False


def body_font_falls_back_to_sans(environ: dict[str, str] | None = None) -> bool:
    """Whether LibreOffice would show an exported report's body (仿宋) in a sans face here:
    fontconfig resolves 仿宋_GB2312 to one. False when fontconfig cannot be asked."""
    families = matched_families("仿宋_GB2312", environ)
    return families is not None and not looks_serif(families)
