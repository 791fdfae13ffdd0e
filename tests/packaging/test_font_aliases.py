"""The .deb's fontconfig file: free stand-ins of the same style for the 公文 fonts.

Exports name 仿宋, 黑体, 楷体, 方正小标宋简体 and 宋体 first (what Windows offices have). On a Linux
desktop without them fontconfig used to give every one the same fallback, a sans face: an
exported DOCX opened in LibreOffice or WPS showed its body, headings and title alike. With the
package's aliases (checked here through FONTCONFIG_FILE, as if installed) each name gets the free
face of its own style from the same stack, and LibreOffice lays the DOCX out in them.
"""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app.core.export import ExportOptions, export_report, layout
from app.core.library import find_template
from app.core.report import ReportModel
from packaging_modules import load
from pdf_pages import convert_with_libreoffice, require_tool

REPO = Path(__file__).resolve().parents[2]


debian = load("debian")


@pytest.fixture(scope="module")
def aliases_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fontconfig")
    conf = folder / debian.FONTCONFIG_NAME
    conf.write_text(debian.gongwen_font_aliases(debian.gongwen_font_lists(REPO)), encoding="utf-8")
    return conf


@pytest.fixture(scope="module")
def fontconfig_env(aliases_file: Path, tmp_path_factory) -> dict[str, str]:
    """An environment whose fontconfig is the system's plus the package's file."""
    import os

    main = tmp_path_factory.mktemp("fontconfig-main") / "fonts.conf"
    main.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="no">/etc/fonts/fonts.conf</include>\n'
        f"  <include>{aliases_file}</include>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return dict(os.environ, FONTCONFIG_FILE=str(main))


def aliases(conf: Path) -> dict[str, list[str]]:
    root = ET.parse(conf).getroot()
    return {
        alias.findtext("family"): [f.text for f in alias.find("accept").iter("family")]
        for alias in root.iter("alias")
    }


def test_every_gongwen_name_gets_the_free_faces_of_its_own_stack(aliases_file):
    found = aliases(aliases_file)
    for fonts in [*layout.ROLE_FONTS.values(), layout.PAGE_NUMBER_FONTS]:
        for name in fonts:
            if not name.startswith(debian.FREE_FONT_PREFIXES):
                assert found[name], name
    assert found["仿宋"][0] == "Noto Serif CJK SC"
    assert found["FangSong"][0] == "Noto Serif CJK SC"
    assert found["黑体"][0] == "Noto Sans CJK SC"
    assert found["楷体"][0] == "AR PL UKai CN"
    assert found["方正小标宋简体"][0] == "Noto Serif CJK SC"
    assert found["宋体"][0] == "Noto Serif CJK SC"
    assert not any(name.startswith(debian.FREE_FONT_PREFIXES) for name in found)


def fc_family(name: str, env: dict[str, str]) -> str:
    fc_match = require_tool("fc-match", "fontconfig")
    return subprocess.run(
        [fc_match, "-f", "%{family[0]}", name], capture_output=True, text=True, env=env, check=True
    ).stdout


def test_fontconfig_resolves_the_gongwen_names_to_their_stand_ins(fontconfig_env):
    require_tool("fc-match", "fontconfig")
    assert fc_family("仿宋", fontconfig_env) == "Noto Serif CJK SC"
    assert fc_family("FangSong", fontconfig_env) == "Noto Serif CJK SC"
    assert fc_family("黑体", fontconfig_env) == "Noto Sans CJK SC"
    assert fc_family("方正小标宋简体", fontconfig_env) == "Noto Serif CJK SC"
    assert fc_family("楷体", fontconfig_env) in ("AR PL UKai CN", "Noto Serif CJK SC")
    # a family that is installed is not touched
    assert fc_family("DejaVu Sans", fontconfig_env) == "DejaVu Sans"


@pytest.mark.slow
def test_libreoffice_lays_the_docx_out_in_the_stand_ins(fontconfig_env, tmp_path, complete_values):
    pdffonts = require_tool("pdffonts", "poppler-utils")
    docx = tmp_path / "报告.docx"
    model = ReportModel(find_template("sixin"), complete_values)
    export_report(model.document, "docx", docx, ExportOptions())
    pdf = convert_with_libreoffice(docx, env=fontconfig_env)
    fonts = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, check=True)
    assert "NotoSerifCJK" in fonts.stdout  # body, title, page numbers
    assert "NotoSansCJK" in fonts.stdout  # the 一、 headings
