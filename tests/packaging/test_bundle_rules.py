"""The rules build.spec filters the PyInstaller bundle with (packaging/bundle_rules.py) and the
ICU data items the Linux bundle keeps (packaging/icu_data.py), on entries as PyInstaller and
icupkg list them."""

from __future__ import annotations

from pathlib import Path

import pytest

from packaging_modules import load

REPO = Path(__file__).resolve().parents[2]


rules = load("bundle_rules")
icu = load("icu_data")

SITE = "/venv/lib/python3.11/site-packages/PySide6/Qt"


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6/Qt/lib/libQt6PrintSupport.so.6", True),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", True),
        ("PySide6/Qt/lib/libQt6Qml.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("PySide6/Qt/lib/libQt6Pdf.so.6", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", False),
        ("PySide6/Qt/lib/libQt6OpenGL.so.6", False),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", False),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", False),
        ("libQt6Network.so.6", False),  # the top-level link PyInstaller adds
        ("PySide6/Qt/lib/libicudata.so.73", True),
        ("PySide6/QtWidgets.abi3.so", True),
        ("PySide6/QtSvg.abi3.so", False),  # the library stays for the SVG icon plugins
        ("PySide6/Qt/lib/libQt6Svg.so.6", True),
        ("PySide6/QtDBus.abi3.so", False),  # the library stays, the Python binding is unused
        ("PySide6/QtNetwork.abi3.so", False),
        ("PySide6/libpyside6.abi3.so.6.12", True),
        ("PySide6/libpyside6qml.abi3.so.6.12", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_zh_CN.qm", False),  # chains to modules Essentials lacks
        ("PySide6/Qt/translations/qtdeclarative_zh_CN.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
    ],
)
def test_linux_qt_entries(dest: str, kept: bool) -> None:
    source = f"{SITE}/{dest.removeprefix('PySide6/Qt/')}"
    assert rules.keep_entry(dest, source, "linux") is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt6Core.dll", True),
        ("PySide6/Qt6Gui.dll", True),
        ("PySide6/Qt6Quick.dll", False),
        ("PySide6/Qt6Pdf.dll", False),
        ("PySide6/opengl32sw.dll", False),
        ("PySide6/QtWidgets.pyd", True),
        ("PySide6/QtQml.pyd", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/plugins/platforms/qdirect2d.dll", False),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
        ("PySide6/plugins/imageformats/qsvg.dll", True),
        ("PySide6/plugins/imageformats/qgif.dll", False),
        ("PySide6/plugins/tls/qschannelbackend.dll", False),
        ("PySide6/translations/qtbase_zh_CN.qm", True),
        ("PySide6/translations/qtbase_ja.qm", False),
        ("PySide6/msvcp140.dll", True),
        ("PySide6/pyside6.abi3.dll", True),
        ("PySide6/pyside6qml.abi3.dll", False),
    ],
)
def test_windows_qt_entries(dest: str, kept: bool) -> None:
    source = "C:\\venv\\Lib\\site-packages\\" + dest.replace("/", "\\")
    assert rules.keep_entry(dest, source, "win32") is kept


def test_linux_desktop_libraries_are_left_to_the_system() -> None:
    assert not rules.keep_entry("libX11.so.6", "/lib/x86_64-linux-gnu/libX11.so.6", "linux")
    assert not rules.keep_entry("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "linux")
    assert not rules.keep_entry("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6")
    # ...but what comes with Python and the wheels stays
    python_lib = "/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0"
    assert rules.keep_entry("libpython3.11.so.1.0", python_lib, "linux")
    assert rules.keep_entry("lxml/etree.cpython-311-x86_64-linux-gnu.so", "/v/lxml/e.so", "linux")
    # a Debian Python keeps libpython and its extension modules under /usr/lib
    debian_python = "/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0"
    assert rules.keep_entry("libpython3.11.so.1.0", debian_python, "linux")
    ctypes_module = "python3.11/lib-dynload/_ctypes.cpython-311-x86_64-linux-gnu.so"
    assert rules.keep_entry(ctypes_module, f"/usr/lib/{ctypes_module}", "linux")


def test_python_docx_keeps_its_template_but_not_the_unpacked_copy() -> None:
    site = "/v/site-packages/docx/templates"
    assert rules.keep_entry("docx/templates/default.docx", f"{site}/default.docx", "linux")
    assert rules.keep_entry("docx/templates/default-styles.xml", f"{site}/s.xml", "linux")
    unpacked = "docx/templates/default-docx-template/word/styles.xml"
    assert not rules.keep_entry(unpacked, f"{site}/x.xml", "linux")


def test_app_data_is_kept() -> None:
    for dest in (
        "templates/sixin/template.toml",
        "resources/icons/fanwen.svg",
        "resources/i18n/fanwen_zh_CN.qm",
        "resources/export/report.html",
    ):
        assert rules.keep_entry(dest, f"/src/{dest}", "linux")
        assert rules.keep_entry(dest, f"C:\\src\\{dest}", "win32")


def test_installer_only_icons_stay_out_of_the_bundle() -> None:
    for dest in ("resources/icons/hicolor/48x48/apps/fanwen.png", "resources/icons/fanwen.ico"):
        assert not rules.keep_entry(dest, f"/src/{dest}", "linux")


def test_filter_entries_splits_kept_and_dropped() -> None:
    entries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", f"{SITE}/lib/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", f"{SITE}/lib/libQt6Qml.so.6", "BINARY"),
    ]
    kept, dropped = rules.filter_entries(entries, "linux")
    assert [e[0] for e in kept] == ["PySide6/Qt/lib/libQt6Core.so.6"]
    assert [e[0] for e in dropped] == ["PySide6/Qt/lib/libQt6Qml.so.6"]


def test_installers_take_the_package_version() -> None:
    import app

    assert rules.project_version(REPO) == app.__version__


@pytest.mark.parametrize(
    ("version", "quad"),
    [("0.1.0", "0.1.0.0"), ("1.2", "1.2.0.0"), ("2.0.1+g1234", "2.0.1.0"), ("3.1.4.1", "3.1.4.1")],
)
def test_windows_version_numbers(version: str, quad: str) -> None:
    assert rules.version_quad(version) == quad


CONVERTERS = frozenset({"gb18030", "windows-936-2000"})


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("root.res", True),
        ("zh.res", True),
        ("zh_Hans_CN.res", True),
        ("en_GB.res", True),
        ("de.res", False),
        ("ja_JP.res", False),
        ("coll/zh.res", True),
        ("coll/root.res", True),
        ("coll/ucadata.icu", True),
        ("coll/de.res", False),
        ("coll/de_.res", False),
        ("zone/zh_Hant.res", True),
        ("zone/fr.res", False),
        ("zone/tzdbNames.res", True),
        ("region/zh.res", True),
        ("curr/zh.res", False),
        ("unit/en.res", False),
        ("lang/res_index.res", True),
        ("zoneinfo64.res", True),
        ("supplementalData.res", True),
        ("cnvalias.icu", True),
        ("gb18030.cnv", True),
        ("windows-936-2000.cnv", True),
        ("ibm-943_P15A-2003.cnv", False),
        ("translit/root.res", False),
        ("rbnf/zh.res", False),
        ("brkitr/cjdict.dict", False),
        ("unames.icu", False),
    ],
)
def test_icu_items(item: str, kept: bool) -> None:
    assert icu.keep_item(item, CONVERTERS) is kept
