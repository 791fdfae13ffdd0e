"""The live preview: updated on every keystroke by paragraph, never re-rendered as a whole;
focused paragraph highlighted and kept in view; a click on a value focuses its field."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCursor, QTextFormat
from tests.ui.helpers import fill, replace_text, type_into

from app.core.document import Document, TextRun
from app.core.export.text import document_lines
from app.ui.preview import HIGHLIGHT


def test_typing_updates_the_preview_paragraph_by_paragraph(window, qtbot):
    preview = window.preview
    renders = preview.full_renders
    paragraph = window.model.paragraphs_of("meetings")[0]
    before = [preview.block_text(i) for i in range(preview.block_count())]
    window.focus_field("meetings")
    edit = window.forms.input_for("meetings")
    updates = preview.block_updates
    type_into(qtbot, edit, "3")
    assert "培训会等3余次" in preview.block_text(paragraph)
    type_into(qtbot, edit, "6")
    assert "培训会等36余次" in preview.block_text(paragraph)
    assert preview.full_renders == renders  # no full re-render on a keystroke
    assert preview.block_updates - updates == 2  # one paragraph per keystroke
    after = [preview.block_text(i) for i in range(preview.block_count())]
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [paragraph]


def test_a_value_used_in_three_places_shows_in_all(window, qtbot):
    window.focus_field("unit_name")
    type_into(qtbot, window.forms.input_for("unit_name"), "江城市税务局")
    places = window.model.paragraphs_of("unit_name")
    assert len(places) == 3
    for index in places:
        assert "江城市税务局" in window.preview.block_text(index)


def test_structure_change_reads_as_a_decrease(window, qtbot):
    renders = window.preview.full_renders
    window.focus_field("revenue_growth")
    type_into(qtbot, window.forms.input_for("revenue_growth"), "-3.5")
    text = window.preview.plain_text()
    assert "同比下降3.5%" in text
    assert "同比增长" not in text
    assert window.preview.full_renders >= renders  # a full render is allowed only here


def test_preview_shows_exactly_the_exported_text(window, qtbot, complete_values):
    fill(window, qtbot, complete_values)
    assert window.model.values == complete_values
    assert window.model.problems() == []
    shown = window.preview.plain_text().split("\n")
    exported = [line.strip("\u3000") for line in document_lines(window.model.document) if line]
    assert shown == exported
    for value in complete_values.values():
        assert value.lstrip("-") in window.preview.plain_text()


def test_focused_field_paragraph_is_highlighted_and_in_view(window, qtbot):
    preview = window.preview
    window.focus_field("adopted_research")
    paragraphs = window.model.paragraphs_of("adopted_research")
    qtbot.waitUntil(lambda: preview.highlighted() == paragraphs)
    assert preview.paragraph_visible(paragraphs[0])
    block = preview.block(paragraphs[0])
    assert block.blockFormat().background().color() == QColor(HIGHLIGHT)
    window.focus_field("unit_name")
    assert preview.highlighted() == window.model.paragraphs_of("unit_name")
    old = preview.block(paragraphs[0]).blockFormat()
    assert not old.hasProperty(QTextFormat.Property.BackgroundBrush)


def test_typing_does_not_move_what_the_writer_looks_at(window, qtbot):
    preview = window.preview
    window.focus_field("adopted_research")  # scrolls the preview to the end
    bar = preview.verticalScrollBar()
    assert bar.value() > 0
    top_block = preview.cursorForPosition(QPoint(5, 5)).blockNumber()
    # A value far above the visible part changes the height of its paragraph.
    window.edit_value("unit_name", "某某省某某市某某区税务局第一税务分局" * 3)
    assert preview.cursorForPosition(QPoint(5, 5)).blockNumber() == top_block
    # Typing in the focused field keeps the scroll position.
    position = bar.value()
    type_into(qtbot, window.forms.input_for("adopted_research"), "abc")
    assert bar.value() == position


def test_clicking_a_placeholder_focuses_its_field(window, qtbot):
    preview = window.preview
    paragraph = window.model.paragraphs_of("problems_found")[0]
    preview.reveal(paragraph)
    found = preview.field_at_paragraph(paragraph)
    assert found is not None
    position, key = found
    assert key == "problems_found"
    cursor = QTextCursor(preview.document())
    cursor.setPosition(position + 1)
    point = preview.cursorRect(cursor).center()
    qtbot.mouseClick(preview.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.current_step_id() == "s1"
    edit = window.forms.input_for("problems_found")
    qtbot.waitUntil(edit.hasFocus)
    assert window.focused_key == "problems_found"


def _look(document, block):
    """What a block shows: its text, block format and runs (text with colours, font, link)."""
    fmt = block.blockFormat()
    runs: list[tuple[str, tuple[object, ...]]] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        char = fragment.charFormat()
        background = char.background()
        look = (
            char.foreground().color().name(),
            background.color().name() if background.style() != Qt.BrushStyle.NoBrush else None,
            char.fontUnderline(),
            char.anchorHref(),
            tuple(char.fontFamilies() or ()),
            char.fontWeight(),
            char.fontPointSize(),
        )
        if runs and runs[-1][1] == look:
            runs[-1] = (runs[-1][0] + fragment.text(), look)
        else:
            runs.append((fragment.text(), look))
        iterator += 1
    rect = document.documentLayout().blockBoundingRect(block)
    block_background = fmt.background()
    return (
        block.text(),
        fmt.alignment(),
        fmt.textIndent(),
        fmt.lineHeight(),
        block_background.color().name()
        if block_background.style() != Qt.BrushStyle.NoBrush
        else None,
        (rect.left(), rect.top(), rect.width(), rect.height()),
        tuple(runs),
    )


def assert_like_one_fresh_flow(window, document=None) -> None:
    """Every paragraph of the preview looks and lies exactly where a single HTML flow of the
    same report puts it."""
    from PySide6.QtGui import QTextDocument

    from app.ui import preview as preview_module

    preview = window.preview
    document = document or window.model.document
    flat = QTextDocument()
    flat.setDefaultFont(preview.document().defaultFont())
    flat.setDocumentMargin(preview_module.PAGE_MARGIN)
    flat.setHtml(preview_module.document_html(document, preview.indent_px(), window.focused_key))
    flat.setTextWidth(preview.document().textWidth())
    for index in preview.highlighted():
        block_format = QTextBlockFormat()
        block_format.setBackground(QColor(HIGHLIGHT))
        QTextCursor(flat.findBlockByNumber(index)).mergeBlockFormat(block_format)
    shown = [_look(preview.document(), preview.block(i)) for i in range(preview.block_count())]
    fresh = [_look(flat, flat.findBlockByNumber(i)) for i in range(flat.blockCount())]
    assert shown == fresh


def test_preview_in_frames_updated_by_runs_looks_like_one_fresh_flow(window, qtbot, monkeypatch):
    """The preview's frames and run-by-run updates are invisible: after typing (valid values,
    invalid ones, a cleared field, a sign that changes the wording, a non-BMP character), every
    paragraph looks and lies exactly where a single HTML flow of the same report puts it."""

    from app.ui import preview as preview_module

    monkeypatch.setattr(preview_module, "CHUNK_PARAGRAPHS", 4)  # many frames on the seed
    preview = window.preview
    preview.set_report(window.model.document)

    assert_like_one_fresh_flow(window)
    for key, text in [
        ("unit_name", "江城市𠮷税务局"),
        ("report_month", "13"),
        ("problems_found", "5"),
        ("problems_rectified", "7"),
        ("meetings", "12"),
        ("revenue_growth", "-3.5"),
        ("report_month", "9"),
        ("meetings", ""),
    ]:
        window.focus_field(key)
        replace_text(qtbot, window.forms.input_for(key), text)
        assert_like_one_fresh_flow(window)
    assert preview.block_updates > 0
    # A paragraph whose runs change shape (wording that comes and goes) is set again whole.
    document = Document(list(window.model.document.paragraphs))
    index = window.model.paragraphs_of("meetings")[0]
    paragraph = document.paragraphs[index]
    document.paragraphs[index] = paragraph._replace(runs=(*paragraph.runs, TextRun("（新增）")))
    preview.update_paragraphs(document, [index])
    assert_like_one_fresh_flow(window, document)


def test_the_paragraph_under_a_point_is_the_one_shown_there(window, monkeypatch):
    from app.ui import preview as preview_module

    monkeypatch.setattr(preview_module, "CHUNK_PARAGRAPHS", 4)  # paragraphs in many frames
    preview = window.preview
    preview.set_report(window.model.document)
    layout = preview.document().documentLayout()
    for index in (0, 3, 4, 9, len(window.model.document.paragraphs) - 1):
        preview.reveal(index)
        rect = layout.blockBoundingRect(preview.block(index)).toAlignedRect()
        point = rect.center() - QPoint(
            preview.horizontalScrollBar().value(), preview.verticalScrollBar().value()
        )
        assert preview.paragraph_at(point) == index
        assert window.wording_actions.paragraph_at(point) == index


def test_the_first_report_is_laid_out_one_screen_first_and_whole_when_idle(open_main_window, qtbot):
    """Start-up lays out (and shapes in its CJK faces) only what the first screen shows; the
    writer sees the same page, and the rest of the report follows while the app is idle."""
    from app.ui.application import wait_until_ready

    window = open_main_window(show=False)
    window.resize(900, 500)
    preview = window.preview
    count = preview.block_count()
    hidden = [i for i in range(count) if not preview.block(i).isVisible()]
    assert hidden and hidden == list(range(hidden[0], count))  # the end of the report waits
    window.show()
    assert wait_until_ready(window)  # returns right after the first paint
    assert preview.has_painted()
    laid_out = [i for i in range(count) if preview.block(i).layout().lineCount() > 0]
    assert laid_out == list(range(len(laid_out))) and 0 < len(laid_out) < count
    # the view is filled: what is laid out reaches below its bottom
    layout = preview.document().documentLayout()
    bottom = layout.blockBoundingRect(preview.block(laid_out[-1])).bottom()
    assert bottom > preview.verticalScrollBar().value() + preview.viewport().height()
    assert preview.layout_pending()
    qtbot.waitUntil(lambda: not preview.layout_pending(), timeout=5000)
    assert all(preview.block(i).isVisible() for i in range(count))
    assert all(preview.block(i).layout().lineCount() > 0 for i in range(count))
    assert_like_one_fresh_flow(window)
    assert preview.plain_text().split("\n")[-1] == preview.block_text(count - 1)


def test_a_field_below_the_first_screen_is_shown_when_focused_at_once(open_main_window):
    window = open_main_window(show=False)
    window.resize(900, 500)
    preview = window.preview
    last_key = window.model.template.fields[-1].key
    index = window.model.paragraphs_of(last_key)[0]
    assert not preview.block(index).isVisible()
    window.show()
    window.focus_field(last_key)  # before the idle layout has shown the end of the report
    assert preview.block(index).isVisible()
    assert preview.paragraph_visible(index)


def test_the_title_is_drawn_in_the_weight_the_exports_use(window):
    """小标宋 is a heavy face of regular weight: the DOCX and HTML exports do not embolden the
    title, so the preview does not either (a bold 小标宋 would be synthesised twice as heavy)."""
    from PySide6.QtGui import QFont

    from app.core.document import Role

    title = next(i for i, p in enumerate(window.model.document.paragraphs) if p.role is Role.TITLE)
    block = window.preview.block(title)
    weights = set()
    iterator = block.begin()
    while not iterator.atEnd():
        weights.add(iterator.fragment().charFormat().fontWeight())
        iterator += 1
    assert weights == {QFont.Weight.Normal}


def test_values_of_a_broken_rule_are_marked_in_the_preview_on_both_sides(window, qtbot):
    """The form shows 类 > 条 at both fields; the preview marks both values the same way (the
    colours of an invalid value), and puts them back once the rule holds."""
    from app.core.document import RunState
    from app.ui.preview import COLORS

    invalid_color = COLORS[RunState.INVALID][0]

    def color_of(text: str, paragraph: int) -> str:
        block = window.preview.block(paragraph)
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.text() == text:
                return fragment.charFormat().foreground().color().name()
            iterator += 1
        raise AssertionError(f"{text!r} not in paragraph {paragraph}: {block.text()}")

    paragraph = window.model.paragraphs_of("opinion_items")[0]
    window.focus_field("opinion_items")
    replace_text(qtbot, window.forms.input_for("opinion_items"), "2")
    window.focus_field("opinion_categories")
    replace_text(qtbot, window.forms.input_for("opinion_categories"), "5")
    assert color_of("5", paragraph) == invalid_color
    assert color_of("2", paragraph) == invalid_color
    assert_like_one_fresh_flow(window)
    window.focus_field("opinion_items")
    replace_text(qtbot, window.forms.input_for("opinion_items"), "12")
    assert color_of("5", paragraph) != invalid_color
    assert color_of("12", paragraph) != invalid_color
    assert_like_one_fresh_flow(window)


def test_font_stacks_put_the_installed_families_first(qapp):
    """Qt takes the first family it finds; each missing one before it costs a fontconfig search."""
    from PySide6.QtGui import QFontDatabase

    from app.ui.preview import font_stack

    installed = QFontDatabase.families()[0]
    stack = font_stack(("Fanwen Missing Font", installed, "serif"))
    assert stack == f"'{installed}', 'Fanwen Missing Font', serif"


def test_roles_the_first_report_did_not_have_look_as_in_a_report_that_had_them(window, qtbot):
    """The preview reads a role's formats from a sample when the role first appears (the first
    window reads only those of the report it shows): a report with the 公文 parts shown after
    the seed's looks exactly as in a preview whose first report it is."""
    from app.core.document import Role
    from app.core.importer import plan_import
    from app.core.report import ReportModel
    from app.ui.preview import Preview

    notice = Path(__file__).resolve().parents[1] / "data" / "gongwen" / "hunan_notice.txt"
    document = ReportModel(plan_import(notice).editor.to_template(), {}).document
    first = {paragraph.role for paragraph in window.model.document.paragraphs}
    new = {paragraph.role for paragraph in document.paragraphs} - first
    assert {Role.ADDRESSEE, Role.SIGNATURE, Role.DATE, Role.ATTACHMENT} <= new
    fresh = Preview()
    qtbot.addWidget(fresh)
    fresh.resize(window.preview.size())
    fresh.set_report(document)
    fresh.show()
    qtbot.waitExposed(fresh)
    fresh.show_everything()
    window.preview.forget_focus()
    window.preview.set_report(document)
    window.preview.show_everything()
    assert fresh.document().textWidth() == window.preview.document().textWidth()
    for view in (window.preview, fresh):
        assert view.block_count() == len(document.paragraphs)
    assert [
        _look(window.preview.document(), window.preview.block(i))
        for i in range(len(document.paragraphs))
    ] == [_look(fresh.document(), fresh.block(i)) for i in range(len(document.paragraphs))]
