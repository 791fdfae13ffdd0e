"""The installers' data files agree with each other and with what desktops and Windows expect:
the .desktop entry and the MIME type name the same type, icons exist at every size the .deb
installs (and are those sizes), the .ico holds the Windows sizes, the maintainer scripts are
executable, and the NSIS script stays a per-user install. (dpkg, makensis and the real install
are exercised by .ci/packaging; these catch a broken file before a build.)"""

from __future__ import annotations

import configparser
import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from packaging_modules import load

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
ICONS = REPO / "resources" / "icons"
NSIS = REPO / "installer" / "windows" / "fanwen.nsi"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


debian = load("debian")


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  (keys are case-sensitive)
    parser.read(LINUX / "fanwen.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def mime_type() -> ET.Element:
    root = ET.parse(LINUX / "fanwen-mime.xml").getroot()
    (element,) = root.findall(f"{MIME_NS}mime-type")
    return element


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_desktop_entry_names_in_chinese_and_english_and_opens_drafts() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Fanwen"
    assert entry["Name[zh_CN]"] == "范文填写助手"
    assert entry["Comment[zh_CN]"]
    assert entry["Exec"] == "fanwen %f"  # a double-clicked draft is passed to `fanwen DRAFT`
    assert entry["Icon"] == "fanwen"
    assert mime_type().get("type") in entry["MimeType"].split(";")


def test_mime_type_claims_fanwen_files() -> None:
    element = mime_type()
    assert element.get("type") == "application/x-fanwen"
    assert [g.get("pattern") for g in element.findall(f"{MIME_NS}glob")] == ["*.fanwen"]
    comments = {
        c.get("{http://www.w3.org/XML/1998/namespace}lang"): c.text
        for c in element.findall(f"{MIME_NS}comment")
    }
    assert comments[None] == "Fanwen draft"
    assert comments["zh_CN"] == "范文填写草稿"


def test_hicolor_icons_exist_at_every_installed_size() -> None:
    for size in debian.HICOLOR_SIZES:
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "fanwen.png"
        assert png_size(png) == (size, size)
    svg = ET.parse(ICONS / "fanwen.svg").getroot()
    assert svg.get("viewBox") == "0 0 512 512"


def test_windows_icon_holds_the_sizes_windows_asks_for() -> None:
    data = (ICONS / "fanwen.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _c, _r, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert bits == 32
        assert offset + length <= len(data)
        sizes.append(width or 256)
        assert (width or 256) == (height or 256)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_maintainer_scripts_are_executable_shell_scripts() -> None:
    for name in ("postinst", "postrm"):
        script = LINUX / name
        assert script.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
        assert os.access(script, os.X_OK), f"{script} is not executable"


def test_nsis_script_is_a_per_user_install_unless_told_all_users() -> None:
    text = NSIS.read_text(encoding="utf-8-sig")
    assert NSIS.read_bytes().startswith(b"\xef\xbb\xbf")  # makensis reads Chinese text as UTF-8
    assert "RequestExecutionLevel user" in text  # no admin rights needed by default
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APP_ID}"' in text
    assert '!insertmacro MUI_LANGUAGE "SimpChinese"' in text
    # the registry root follows the shell context: HKCU, or HKLM only after /ALLUSERS
    assert 'WriteRegStr SHCTX "Software\\Classes\\.fanwen"' in text
    assert "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall" in text
    on_init = text[text.index("Function .onInit") : text.index("FunctionEnd")]
    assert '${GetOptions} $R0 "/ALLUSERS" $R1' in on_init
    assert "UserInfo::GetAccountType" in on_init  # refuses without admin rights
    assert on_init.index("$PROGRAMFILES64") < on_init.index("SetShellVarContext all")
    assert "WriteRegStr HKLM" not in text and "SetShellVarContext current" not in text


def test_installer_side_picture_is_a_bitmap_nsis_takes() -> None:
    data = (NSIS.parent / "welcome.bmp").read_bytes()
    assert data[:2] == b"BM"
    width, height, _planes, bits = struct.unpack_from("<iiHH", data, 18)
    assert (width, abs(height), bits) == (164, 314, 24)
