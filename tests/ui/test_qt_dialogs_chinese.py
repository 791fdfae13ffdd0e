"""Qt's own dialogs speak the interface's language: each standard dialog the app opens (open
and save, the template folder, print, print preview, page setup, message boxes) is opened the
way the app opens it, read while it is up, and holds no English label in the Chinese UI.

Units, paper names and file names are not labels: what is in brackets (“美国信纸 (Letter)”,
“毫米 (mm)”), a path, a file pattern and a unit suffix are not counted.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from tests.ui.conftest import OFFSCREEN_NOISE

from app.printing import dialogs as print_dialogs
from app.ui.dialogs import Dialogs

ENGLISH = re.compile(r"[A-Za-z]{2,}")
NOT_WORDS = re.compile(r"\([^)]*\)|（[^）]*）|\*\.\w+|\.fanwen|\.docx|PDF|/\S*")


def english_labels(dialog: QWidget) -> list[str]:
    """The dialog's labels, buttons, group and tab titles, actions and tooltips with English."""
    texts = [dialog.windowTitle()]
    texts += [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog)]
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisibleTo(dialog):
            texts += [button.text(), button.toolTip()]
    texts += [group.title() for group in dialog.findChildren(QGroupBox)]
    for tabs in dialog.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for action in dialog.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    return [t for t in texts if t and ENGLISH.search(NOT_WORDS.sub("", t))]


def read_while_open(qtbot, open_dialog, reader=english_labels) -> list[str]:
    """Run `open_dialog` (which blocks in a modal dialog), read the dialog once it is up,
    then close it."""
    found: list[list[str]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, look)
            return
        QApplication.processEvents()
        found.append(reader(dialog))
        for child in dialog.findChildren(QDialog):  # one it opened (page setup)
            child.reject()
        if isinstance(dialog, QDialog):
            dialog.reject()
        else:
            dialog.close()

    QTimer.singleShot(0, look)
    open_dialog()
    assert found, "no dialog opened"
    return found[0]


@pytest.fixture
def dialogs(window):
    return Dialogs(window)  # the real ones (the window's are replaced for the tests)


def test_file_dialogs_are_chinese(window, dialogs, qtbot, tmp_path):
    filters = ["范文草稿 (*.fanwen)"]
    assert read_while_open(qtbot, lambda: dialogs.open_file("打开", tmp_path, filters)) == []
    assert (
        read_while_open(qtbot, lambda: dialogs.save_file("另存为", tmp_path, filters, filters[0]))
        == []
    )
    chooser = window.template_actions
    assert read_while_open(qtbot, lambda: chooser.ask_source_file()) == []


def test_message_boxes_are_chinese(window, dialogs, qtbot):
    assert read_while_open(qtbot, lambda: dialogs.ask_save_changes("报告.fanwen")) == []
    assert read_while_open(qtbot, lambda: dialogs.ask_recover("恢复吗？")) == []
    assert read_while_open(qtbot, lambda: dialogs.error("出错了", "无法打开")) == []
    assert read_while_open(qtbot, lambda: dialogs.exported(Path("报告.docx"))) == []
    assert read_while_open(qtbot, lambda: window.wording_actions.confirm_restore_all()) == []


def test_print_dialogs_are_chinese(window, qtbot):
    document = window.model.document
    assert read_while_open(qtbot, lambda: print_dialogs.print_document(window, document)) == []
    assert read_while_open(qtbot, lambda: print_dialogs.print_preview(window, document)) == []


# Without a system printer (CUPS) the printer is a PDF one: Qt says so, and shows the dialog.
@pytest.mark.qt_log_ignore(
    "QPageSetupDialog: Cannot be used on non-native printers", OFFSCREEN_NOISE
)
def test_page_setup_is_chinese(window, qtbot):
    from PySide6.QtPrintSupport import QPageSetupDialog

    printer = print_dialogs.make_printer(window.model.document)
    dialog = QPageSetupDialog(printer, window)  # what 页面设置 in the print preview opens
    assert read_while_open(qtbot, dialog.exec) == []


def test_the_supplement_to_qts_catalogue_is_compiled_from_its_ts(tmp_path):
    import subprocess

    import PySide6

    from app.ui.translation import supplement_path

    qm = supplement_path("zh_CN")
    tool = Path(PySide6.__file__).parent / "lrelease"
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [str(tool), "-silent", str(qm.with_suffix(".ts")), "-qm", str(fresh)], check=True
    )
    assert fresh.read_bytes() == qm.read_bytes()
