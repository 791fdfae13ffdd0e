"""The command line uses the author set in the app: one settings file, read by both (the app
through QSettings, `fanwen export` through configparser, without Qt)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

from docx import Document as open_docx

from app.core.draft import Draft, save_draft
from app.core.settings_file import read_setting


def test_fanwen_export_uses_the_author_typed_in_the_app(window, qtbot, fanwen_home, tmp_path):
    window.show_step(window.navigator.steps[-1].id)
    page = window.forms.export_page
    page.set_format("docx")
    page.author.setFocus()
    page.author.setText("王小明, 办公室")  # a comma: QSettings quotes it
    page.author.editingFinished.emit()  # the writer leaves the field
    window.settings.sync()
    assert read_setting("export/author") == "王小明, 办公室"

    draft = tmp_path / "报告.fanwen"
    save_draft(Draft(values={"unit_name": "江城市税务局"}), draft)
    env = dict(os.environ, FANWEN_HOME=str(fanwen_home))
    for extra, expected in (([], "王小明, 办公室"), (["--author", "李四"], "李四")):
        out = tmp_path / f"out{len(extra)}.docx"
        result = subprocess.run(
            [sys.executable, "-m", "app", "export", str(draft), "--format", "docx",
             "-o", str(out), "--force", *extra],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        author = open_docx(io.BytesIO(out.read_bytes())).core_properties.author
        assert author == expected


def test_what_qsettings_writes_reads_back_without_qt(fanwen_home):
    from app.ui.settings import EXPORT_AUTHOR, WINDOW_GEOMETRY, Settings

    settings = Settings()
    for value in ("王小明", ' 引号"与\\反斜杠; 分号 ', "100% 𠀋", "tab\there", "@at"):
        settings.set(EXPORT_AUTHOR, value)
        settings.sync()
        assert read_setting("export/author") == value, value
    from PySide6.QtCore import QByteArray

    settings.set(WINDOW_GEOMETRY, QByteArray(b"\x01\x02"))
    settings.sync()
    assert read_setting("window/geometry") is None  # not a string
    assert read_setting("export/nothing") is None
