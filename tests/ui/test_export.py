"""Export from the app: format list from the registry, system file dialog with the right filter
and extension, the problem dialog (go to / export anyway), open file or folder, errors shown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core import export as export_module
from app.core.export import FORMATS, ExportFormat
from app.core.export.text import encode_text
from app.ui import main_window as main_window_module
from app.ui.dialogs import AfterExport, ExportChoice


class Recorder:
    """Stands in for the modal dialogs and records what they were asked."""

    def __init__(self, window, target: Path | None, chosen_filter: str | None = None):
        self.window = window
        self.target = target
        self.chosen_filter = chosen_filter
        self.save_calls = []
        self.problem_calls = []
        self.errors = []
        self.exported = []
        self.problem_answer = (ExportChoice.EXPORT_ANYWAY, None)
        self.after = AfterExport.NOTHING
        dialogs = window.dialogs
        dialogs.save_file = self.save_file
        dialogs.export_problems = self.export_problems
        dialogs.error = lambda title, message: self.errors.append((title, message))
        dialogs.exported = self.exported_dialog

    def save_file(self, title, start, filters, selected):
        self.save_calls.append((title, start, filters, selected))
        return self.target, self.chosen_filter or selected

    def export_problems(self, lines):
        self.problem_calls.append(lines)
        return self.problem_answer

    def exported_dialog(self, path):
        self.exported.append(path)
        return self.after


def complete_window(open_main_window, tmp_path, values):
    from app.core.draft import Draft, save_draft

    draft = tmp_path / "complete.fanwen"
    save_draft(Draft(values=values), draft)
    return open_main_window(draft)


def test_export_txt_writes_the_values_through_the_file_dialog(
    open_main_window, tmp_path, complete_values, qtbot
):
    window = complete_window(open_main_window, tmp_path, complete_values)
    target = tmp_path / "out" / "报告"
    target.parent.mkdir()
    recorder = Recorder(window, target)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    written = target.with_name("报告.txt")  # the extension is added
    assert written.is_file()
    data = written.read_bytes()
    assert data == encode_text(window.model.document, "utf-8")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    text = data.decode("utf-8-sig")
    for value in complete_values.values():
        assert value in text
    assert recorder.problem_calls == []  # complete: no problem dialog
    _title, start, filters, selected = recorder.save_calls[0]
    assert filters == ["纯文本 (*.txt)", "网页 (*.html)", *filters[2:]]
    assert selected == "纯文本 (*.txt)"
    assert start.name == "complete.txt"
    assert recorder.exported == [written]
    assert recorder.errors == []


def test_export_html_chosen_by_filter(open_main_window, tmp_path, complete_values):
    window = complete_window(open_main_window, tmp_path, complete_values)
    Recorder(window, tmp_path / "report", "网页 (*.html)")
    written = window.export_report()
    assert written == tmp_path / "report.html"
    html = written.read_text(encoding="utf-8")
    assert "江城市税务局" in html and "<html" in html
    assert window.settings.get(main_window_module.config.EXPORT_FORMAT) == "html"


def test_gb18030_is_offered_for_txt(open_main_window, tmp_path, complete_values):
    window = complete_window(open_main_window, tmp_path, complete_values)
    Recorder(window, tmp_path / "gb.txt")
    window.show_step("export")
    combo = window.forms.export_page.encoding
    combo.setCurrentIndex(combo.findData("gb18030"))
    window.forms.export_page.set_format("txt")
    window.forms.export_page.export_button.click()
    data = (tmp_path / "gb.txt").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "江城市税务局" in data.decode("gb18030")


def test_problems_are_listed_and_go_to_focuses_the_field(window, qtbot, tmp_path):
    recorder = Recorder(window, tmp_path / "x.txt")
    window.edit_value("meetings", "abc")
    recorder.problem_answer = (ExportChoice.GO_TO, "meetings")
    assert window.export_report() is None
    lines = recorder.problem_calls[0]
    assert len(lines) == 47
    texts = {line.key: line.text for line in lines}
    assert texts["meetings"] == "改革座谈会、动员会、培训会次数：“abc”不是整数。"
    assert texts["unit_name"] == "单位名称：尚未填写。"
    assert recorder.save_calls == []
    assert window.focused_key == "meetings"
    assert window.current_step_id() == "s1"


def test_export_anyway_keeps_the_placeholders(window, tmp_path):
    recorder = Recorder(window, tmp_path / "draft.txt")
    window.edit_value("unit_name", "江城市税务局")
    recorder.problem_answer = (ExportChoice.EXPORT_ANYWAY, None)
    written = window.export_report("txt")
    text = written.read_text(encoding="utf-8-sig")
    assert "江城市税务局落实总局" in text
    assert "培训会等XX余次" in text


def test_cancel_writes_nothing(window, tmp_path):
    recorder = Recorder(window, tmp_path / "never.txt")
    recorder.problem_answer = (ExportChoice.CANCEL, None)
    assert window.export_report() is None
    assert not (tmp_path / "never.txt").exists()


def test_unwritable_place_is_reported_not_swallowed(window, tmp_path):
    recorder = Recorder(window, tmp_path / "no-such-folder" / "x.txt")
    assert window.export_report("txt") is None
    assert len(recorder.errors) == 1
    title, message = recorder.errors[0]
    assert title == "导出失败"
    assert "no-such-folder" in message
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="folder modes are POSIX")
def test_read_only_folder_is_reported(window, read_only_folder):
    recorder = Recorder(window, read_only_folder / "x.txt")
    assert window.export_report("txt") is None
    _title, message = recorder.errors[0]
    assert "x.txt" in message and "权限" in message
    assert list(read_only_folder.iterdir()) == []


def test_open_file_or_folder_after_export(window, tmp_path, monkeypatch):
    opened = []
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    recorder = Recorder(window, tmp_path / "a.txt")
    recorder.after = AfterExport.OPEN_FILE
    window.export_report("txt")
    recorder.after = AfterExport.OPEN_FOLDER
    recorder.target = tmp_path / "b.txt"
    window.export_report("txt")
    assert [Path(url.toLocalFile()) for url in opened] == [tmp_path / "a.txt", tmp_path]


def test_formats_come_from_the_registry(open_main_window, tmp_path, monkeypatch):
    fake = ExportFormat("md", ".md", "Markdown", lambda document, options: b"# " + b"x")
    monkeypatch.setitem(FORMATS, "md", fake)
    assert export_module.FORMATS is FORMATS
    window = open_main_window()
    assert "md" in window.forms.export_page.format_buttons
    recorder = Recorder(window, tmp_path / "r", "Markdown (*.md)")
    recorder.problem_answer = (ExportChoice.EXPORT_ANYWAY, None)
    written = window.export_report()
    assert written == tmp_path / "r.md"
    assert written.read_bytes() == b"# x"
    assert "Markdown (*.md)" in recorder.save_calls[0][2]


def test_the_author_typed_on_the_export_page_goes_into_docx_and_pdf_and_is_remembered(
    open_main_window, tmp_path, complete_values, qtbot
):
    """The DOCX and PDF document properties carry the author the writer gives on 预览与导出
    (kept in the settings for the next report); txt has no properties, so the field is off."""
    import zipfile

    window = complete_window(open_main_window, tmp_path, complete_values)
    window.show_step("export")
    page = window.forms.export_page
    page.set_format("txt")
    assert not page.author.isEnabled()
    page.set_format("docx")
    assert page.author.isEnabled()
    page.author.setFocus()
    page.author.setText("  江城市税务局办公室 张三  ")  # not yet confirmed by leaving the field
    Recorder(window, tmp_path / "报告.docx")
    assert window.export_report("docx") == tmp_path / "报告.docx"
    with zipfile.ZipFile(tmp_path / "报告.docx") as docx:
        core = docx.read("docProps/core.xml").decode("utf-8")
    assert "<dc:creator>江城市税务局办公室 张三</dc:creator>" in core
    Recorder(window, tmp_path / "报告.pdf")
    assert window.export_report("pdf") == tmp_path / "报告.pdf"
    assert _pdf_info_author(tmp_path / "报告.pdf") == "江城市税务局办公室 张三"

    second = open_main_window()
    second.show_step("export")
    assert second.forms.export_page.author.text() == "江城市税务局办公室 张三"


def _pdf_info_author(path: Path) -> str:
    """The PDF's document information "Author", as poppler's pdfinfo reads it."""
    import subprocess

    from pdf_pages import require_tool

    require_tool("pdfinfo", "poppler-utils")
    info = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return next(
        line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("Author:")
    )


def test_an_author_too_long_for_documents_is_said_not_crashed(
    open_main_window, tmp_path, complete_values
):
    """An author a DOCX cannot hold (from a hand-edited settings file) is an export error the
    writer is told about; nothing is written."""
    from app.ui import settings as config

    window = complete_window(open_main_window, tmp_path, complete_values)
    window.settings.set(config.EXPORT_AUTHOR, "长" * 300)
    recorder = Recorder(window, tmp_path / "报告.docx")
    assert window.export_report("docx") is None
    assert len(recorder.errors) == 1 and "255" in recorder.errors[0][1]
    assert not (tmp_path / "报告.docx").exists()


def test_an_export_is_never_written_over_the_open_draft(
    open_main_window, tmp_path, complete_values
):
    """A draft kept as report.txt, exported as txt onto itself: refused, the draft untouched."""
    from app.core.draft import Draft, save_draft

    draft = tmp_path / "report.txt"
    save_draft(Draft(values=complete_values), draft)
    before = draft.read_bytes()
    window = open_main_window(draft)
    recorder = Recorder(window, draft, "纯文本 (*.txt)")
    assert window.export_report("txt") is None
    assert draft.read_bytes() == before
    assert len(recorder.errors) == 1 and "report.txt" in recorder.errors[0][1]
    assert "草稿" in recorder.errors[0][1]
