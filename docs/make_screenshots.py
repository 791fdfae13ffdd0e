"""Make the screenshot series under docs/shots/, as a writer sees the app on a 1366×768 screen.

Run from the repository root in an X server with a window manager and CJK fonts but without the
公文 fonts (Debian: xvfb, openbox, imagemagick, fonts-noto-cjk, libreoffice, poppler-utils):

    Xvfb :5 -screen 0 1366x768x24 & DISPLAY=:5 openbox &
    DISPLAY=:5 FANWEN_HOME=$(mktemp -d) QT_QPA_PLATFORM=xcb PYTHONPATH=src:. \\
        python3 docs/make_screenshots.py docs/shots

Each shot is the whole screen (`import -window root`), taken once the window has painted:
01 first start, 02 a section half-filled with a rule problem, 03 the field editor, 04 the
reword dialog, 05 the recovery list, 06 the export page of the report completed, 07 a page of the DOCX as LibreOffice
renders it here (no 公文 fonts installed, the app's fontconfig rule for them installed: serif
body and title, sans headings), 08 a paragraph left out, as the preview shows it, 09 the field
editor's rules between fields, each with whether it holds for the report now.
`python3 docs/make_screenshots.py docs/shots 07` makes 07 alone (no X server needed).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

#: What a writer has typed so far: 基本信息 and part of section one, one slip in it (2 items
#: in 4 categories: fewer items than categories breaks a rule).
VALUES = {
    "unit_name": "江城市税务局",
    "report_year": "2026",
    "report_month": "9",
    "meetings": "36",
    "talk_cadres": "420",
    "demoted_cadres": "58",
    "military_cadres": "37",
    "opinion_categories": "4",
    "opinion_items": "2",
    "problems_found": "46",
}


def settle(milliseconds: int = 600) -> None:
    """Let the window system and the app draw."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def shoot(folder: Path, name: str) -> Path:
    settle()
    target = folder / f"{name}.png"
    subprocess.run(["import", "-window", "root", str(target)], check=True)
    small(target)
    print(target)
    return target


def small(image: Path) -> None:
    """256 colours are plenty for a screen of text: a third of the size in the repository."""
    subprocess.run(["convert", str(image), "-colors", "256", f"PNG8:{image}"], check=True)


def leave_a_declined_autosave(values: dict[str, str]) -> None:
    """An autosave of a session that ended without saving, set aside at a start."""
    from app.core import autosave
    from app.core.draft import Draft

    session = autosave.new_session()
    content = json.loads(autosave.autosave_bytes(session, Draft(values=values), None))
    content["pid"], content["boot"] = -1, "earlier"
    folder = autosave.autosave_path(session).parent / autosave.DECLINED
    folder.mkdir(parents=True, exist_ok=True)
    (folder / autosave.autosave_path(session).name).write_text(
        json.dumps(content, ensure_ascii=False), encoding="utf-8"
    )


def docx_page(folder: Path, document) -> None:  # type: ignore[no-untyped-def]
    """The report as DOCX, converted by LibreOffice, its first page as an image: on this PC
    without the 公文 fonts, with the app's fontconfig rule installed (as 设置 > 安装公文字体替代规则
    or `fanwen fonts --install` would) in a fontconfig folder of its own."""
    from app.core import font_rule
    from app.core.export import render_bytes

    work = Path(tempfile.mkdtemp())
    config = work / "config"
    font_rule.install_rule(font_rule.user_rule_path({"XDG_CONFIG_HOME": str(config)}))
    docx = work / "报告.docx"
    docx.write_bytes(render_bytes(document, "docx"))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(work), str(docx)],
        check=True,
        capture_output=True,
        timeout=180,
        env=dict(os.environ, XDG_CONFIG_HOME=str(config)),
    )  # fmt: skip
    subprocess.run(
        ["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", str(work / "报告.pdf"),
         str(work / "page")],
        check=True,
    )  # fmt: skip
    page = next(work.glob("page*.png"))
    target = folder / "07-docx-libreoffice.png"
    target.write_bytes(page.read_bytes())
    small(target)
    print(target)


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/shots")
    folder.mkdir(parents=True, exist_ok=True)
    if sys.argv[2:] == ["07"]:  # the DOCX page alone: no window, no X server
        from app.core.library import find_template
        from app.core.report import ReportModel
        from tests.conftest import COMPLETE_VALUES

        docx_page(folder, ReportModel(find_template("sixin"), COMPLETE_VALUES).document)
        return
    from app.ui.application import create_application, open_window

    create_application()
    leave_a_declined_autosave({"unit_name": "江城市税务局", "meetings": "36", "report_month": "8"})
    window, _error = open_window(None)
    window.showMaximized()
    settle(1200)
    window.focus_first_field()
    shoot(folder, "01-first-start")

    for key, value in VALUES.items():
        window.edit_value(key, value)
    window.focus_field("opinion_items")
    shoot(folder, "02-section-with-a-rule-problem")

    from app.core.template_edit import TemplateEditor
    from app.ui.template_editor import FieldEditor

    editor = FieldEditor(TemplateEditor.from_template(window.session.template), window)
    editor.show()
    editor.select("opinion_items")
    shoot(folder, "03-field-editor-1366x768")
    editor.reject()

    rules = TemplateEditor.from_template(window.session.template)
    rules.report_values = {key: value.text for key, value in window.model.checked.items()}
    editor = FieldEditor(rules, window)
    editor.show()
    editor.parts.setCurrentWidget(editor.rules_part)
    editor.rules_part.rule_list.setCurrentItem(editor.rules_part.rule_list.topLevelItem(1))
    shoot(folder, "09-field-editor-rules")
    editor.reject()

    from app.ui.wording_dialogs import WordingEditDialog

    paragraph = next(
        p for p in window.model.template_paragraphs() if "problems_found" in str(p.spec.pieces)
    )
    reword = WordingEditDialog(window.model, paragraph, window)
    reword.show()
    shoot(folder, "04-reword-dialog")
    reword.reject()

    off = next(p for p in window.model.template_paragraphs() if "model_branch" in str(p.spec.pieces))
    window.wording_actions.switch_off(off.id)
    window.focus_field("problems_found")
    settle()
    window.preview.show_everything()
    rect, _item = window.preview.left_out.rects()[0]
    bar = window.preview.verticalScrollBar()
    bar.setValue(round(rect.top()) - window.preview.viewport().height() // 2)
    shoot(folder, "08-left-out-paragraph")
    window.adapter.undo()

    from app.core.kept_autosaves import kept_autosaves
    from app.ui.recovery_dialog import RecoveryDialog

    recovery = RecoveryDialog(kept_autosaves(exclude=window.autosave.name), window)
    recovery.show()
    shoot(folder, "05-recovery-list")
    recovery.reject()

    from tests.conftest import COMPLETE_VALUES

    for key, value in COMPLETE_VALUES.items():
        window.edit_value(key, value)
    window.show_step(window.navigator.steps[-1].id)
    shoot(folder, "06-export-page")

    docx_page(folder, window.model.document)
    window.session.mark_saved(window.session.current_draft(), Path(tempfile.mktemp()))
    QCoreApplication.processEvents()
    os._exit(0)  # skip interpreter teardown of the Qt objects


if __name__ == "__main__":
    main()
