"""Tables in the live preview: each row one block, its cells at tab stops, every value in a
cell a link to its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from tests.ui.helpers import type_into

from app.core.document import Role
from app.core.draft import Draft, save_draft
from app.core.paths import user_templates_dir
from samples import write_table_template


def _open_tables(open_main_window, tmp_path, values=None):
    write_table_template(user_templates_dir() / "tables")
    path = tmp_path / "表格.fanwen"
    save_draft(Draft(template="tables", values=values or {}), path)
    return open_main_window(path)


def test_a_table_row_is_one_block_of_tab_separated_cells(open_main_window, tmp_path, qtbot):
    window = _open_tables(open_main_window, tmp_path, {"gdp_month": "125.6"})
    preview = window.preview
    preview.show_everything()
    rows = [i for i, p in enumerate(window.model.document.paragraphs) if p.role is Role.ROW]
    assert preview.block_text(rows[1]) == "地区生产总值\t亿元\t125.6\tXX\t增长XX"
    tabs = preview.block(rows[1]).blockFormat().tabPositions()
    assert len(tabs) == 4 and [t.position for t in tabs] == sorted(t.position for t in tabs)
    assert preview.block(rows[0]).blockFormat().tabPositions() == tabs  # one table, one grid


def test_typing_a_cell_value_changes_only_its_row(open_main_window, tmp_path, qtbot):
    window = _open_tables(open_main_window, tmp_path)
    preview = window.preview
    preview.show_everything()
    renders = preview.full_renders
    before = [preview.block_text(i) for i in range(preview.block_count())]
    window.focus_field("gdp_total")
    type_into(qtbot, window.forms.input_for("gdp_total"), "356.2")
    row = window.model.paragraphs_of("gdp_total")[0]
    assert preview.block_text(row) == "地区生产总值\t亿元\tXX\t356.2\t增长XX"
    assert preview.full_renders == renders
    after = [preview.block_text(i) for i in range(preview.block_count())]
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [row]


def test_clicking_a_value_in_a_cell_focuses_its_field(open_main_window, tmp_path, qtbot):
    window = _open_tables(open_main_window, tmp_path)
    preview = window.preview
    paragraph = window.model.paragraphs_of("project")[0]
    preview.reveal(paragraph)
    found = preview.field_at_paragraph(paragraph)
    assert found is not None and found[1] == "project"
    cursor = QTextCursor(preview.document())
    cursor.setPosition(found[0] + 1)
    point = preview.cursorRect(cursor).center()
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_step_id() == "b"
    qtbot.waitUntil(window.forms.input_for("project").hasFocus)
    assert window.focused_key == "project"


def test_a_table_row_is_left_out_whole_but_never_reworded(open_main_window, tmp_path, qtbot):
    window = _open_tables(open_main_window, tmp_path)
    rows = [i for i, p in enumerate(window.model.document.paragraphs) if p.role is Role.ROW]
    menu = window.wording_actions.preview_menu(rows[2])
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert not actions["修改措辞(&W)…"].isEnabled()
    assert actions["不用此段(&L)"].isEnabled()
    errors = []
    window.dialogs.error = lambda title, message: errors.append(message)
    asked = []
    window.wording_actions.ask_wording = lambda paragraph: asked.append(paragraph) or (0, None)
    row_id = window.model.document.paragraphs[rows[2]].id
    window.wording_actions.edit(row_id)
    assert asked == [] and errors == ["表格行不能修改措辞，可以整行不用。"]
    window.wording_actions.switch_off(row_id)
    texts = [p.text for p in window.model.document.paragraphs if p.role is Role.ROW]
    assert "固定资产投资万元XX——" not in texts and len(texts) == len(rows) - 1
