"""The import plan and the template editor: what the writer adjusts before saving, and saving."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.body_write import escape_literal
from app.core.document import Role
from app.core.errors import TemplateError
from app.core.export.text import document_text
from app.core.importer import (
    SourceDocument,
    decode_text,
    plan_from_source,
    plan_import,
    read_source,
    split_paragraphs,
    suggest_id,
)
from app.core.kinds import FieldKind
from app.core.library import find_template, load_library
from app.core.loader import load_template
from app.core.paths import builtin_templates_dir, user_templates_dir
from app.core.report import ReportModel
from app.core.template import Origin
from app.core.template_edit import TemplateEditor


def _plan(*paragraphs: str, template_id: str = "t1"):  # type: ignore[no-untyped-def]
    return plan_from_source(SourceDocument("范文.txt", tuple(paragraphs), "utf-8"), template_id)


def _texts(model: ReportModel) -> list[str]:
    return [p.text for p in model.document.paragraphs]


COUNTY = (
    "××县2025年工作总结",
    "今年以来，××县全面推进各项工作。",
    "一、经济运行",
    "××县实现生产总值XX亿元，比上年增长X.X%。",
    "二、社会事业",
    "××县新建学校X所，××县群众满意率达XX%。",
)


# ------------------------------------------------------------------------- entities


def test_a_recurring_entity_is_one_field_the_writer_can_split() -> None:
    plan = _plan(*COUNTY)
    county = plan.fields[0]
    assert (county.label, county.kind, county.section) == ("县名称", FieldKind.TEXT, "general")
    assert len(plan.editor.places(county.key)) == 5
    assert plan.entities == [county.key]
    assert "原文共5处" in county.hint

    model = ReportModel(plan.template())
    model.set_value(county.key, "清河")
    assert model.document.paragraphs[0].text == "清河县2025年工作总结"
    assert sum(p.text.count("清河县") for p in model.document.paragraphs) == 5

    keys = plan.editor.split(county.key)
    assert len(keys) == 5 and keys[0] == county.key
    template = plan.template()
    assert _texts(ReportModel(template)) == list(COUNTY)
    assert [template.field(k).placeholder for k in keys] == ["××"] * 5


def test_merging_different_placeholders_keeps_each_one() -> None:
    plan = _plan("XX局牵头，ＸＸ局配合，共检查X家企业。")
    first, second = plan.fields[0].key, plan.fields[1].key
    merged = plan.editor.merge([first, second])
    assert merged == first and not plan.editor.has_field(second)
    template = plan.template()
    empty = ReportModel(template)
    assert _texts(empty) == ["XX局牵头，ＸＸ局配合，共检查X家企业。"]
    empty.set_value(first, "市场监管")
    assert _texts(empty) == ["市场监管局牵头，市场监管局配合，共检查X家企业。"]
    assert 'placeholder="ＸＸ"' in plan.editor.body and 'placeholder="XX"' not in plan.editor.body


def test_detach_one_place_and_unmark_a_false_placeholder() -> None:
    plan = _plan("××县位于东部，××县人口多，××县发展快。", "本表中X表示未统计。共XX个。")
    county = plan.fields[0].key
    own = plan.editor.detach(county, 1)
    assert len(plan.editor.places(county)) == 2 and len(plan.editor.places(own)) == 1
    model = ReportModel(plan.template())
    model.set_value(own, "临川")
    assert model.document.paragraphs[0].text == "××县位于东部，临川县人口多，××县发展快。"

    marker = next(f.key for f in plan.fields if f.placeholder == "X")
    plan.editor.unmark(marker, 0)
    assert not plan.editor.has_field(marker)
    assert _texts(ReportModel(plan.template()))[1] == "本表中X表示未统计。共XX个。"


def test_field_settings_and_order_within_a_section() -> None:
    plan = _plan("一、情况", "检查X家企业，发现XX个问题，整改XX个。")
    keys = [f.key for f in plan.fields]
    editor = plan.editor
    editor.set_label(keys[0], "检查企业数")
    editor.set_kind(keys[1], FieldKind.DECIMAL)
    editor.set_unit(keys[1], "个（项）")
    editor.set_required(keys[2], False)
    assert editor.move(keys[2], -1) is True
    assert editor.move(keys[0], -1) is False  # already first in its section
    with pytest.raises(TemplateError):
        editor.set_label(keys[0], "  ")
    template = plan.template()
    assert [f.key for f in template.section_fields("s1")] == [keys[0], keys[2], keys[1]]
    assert template.field(keys[0]).label == "检查企业数"
    assert template.field(keys[1]).kind is FieldKind.DECIMAL
    assert template.field(keys[1]).unit == "个（项）"
    assert template.field(keys[2]).required is False
    model = ReportModel(template)
    assert keys[2] not in {p.keys[0] for p in model.blocking_problems()}


def test_contexts_show_each_place() -> None:
    plan = _plan(*COUNTY)
    contexts = plan.editor.contexts(plan.fields[0].key)
    assert len(contexts) == 5
    assert contexts[0] == "【××】县2025年工作总结"
    assert all("【××】县" in c for c in contexts)


# ------------------------------------------------------------------------- structure


def test_headings_subheadings_and_run_in_numbering() -> None:
    plan = _plan(
        "关于XX工作的报告",
        "一、基本情况",
        "（一）组织领导",
        "（二）压实责任。各单位签订责任书XX份，一是明确分工，二是强化考核。",
        "二、下一步打算。今年计划完成XX项任务。",
    )
    roles = [role for role, _section in plan.roles]
    assert roles == [Role.TITLE, Role.HEADING, Role.SUBHEADING, Role.BODY, Role.BODY]
    assert [s.label for s in plan.editor.used_sections()] == ["基本信息", "基本情况"]


def test_a_paragraph_that_starts_like_a_directive_stays_wording() -> None:
    source = ("XX报告", "@title 不是标题", "@section s9 也不是章节", "@subheading 也不是", "XX个")
    plan = _plan(*source)
    model = ReportModel(plan.template())
    assert _texts(model) == list(source)
    assert [p.role for p in model.document.paragraphs][1:4] == [Role.BODY] * 3


def test_wording_that_begins_with_a_no_break_space_keeps_it() -> None:
    source = ("\xa0标题", "一、\xa0章节", "\xa0正文XX个", "@title\xa0不是标题")
    plan = _plan(*source)
    model = ReportModel(plan.template())
    assert _texts(model) == list(source)


def test_jinja_syntax_in_the_source_comes_out_literally() -> None:
    source = ("{{ 7*7 }}{% if %}{# 注释 #}共XX个{", "{XX}}和{{XX}}、{%raw%}X{%endraw%}")
    plan = _plan(*source)
    model = ReportModel(plan.template())
    assert _texts(model) == list(source)
    assert "49" not in document_text(model.document)


_SOURCE_CHARS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
    st.sampled_from(list("XＸ×x,.．%％年月日个{}#%@\"'\\ 　\t-—、，。“”（）0123456789abcXYZ")),
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Co")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(_SOURCE_CHARS, min_size=1, max_size=40), min_size=1, max_size=6))
def test_any_source_round_trips_exactly(lines: list[str]) -> None:
    """Every character other than the placeholders is kept: the empty report reads as the
    source; a filled one has each value exactly where its placeholder stood."""
    paragraphs = split_paragraphs("\n".join([*lines, "共XX个"]))
    plan = _plan(*paragraphs, template_id="prop")
    template = plan.template()
    model = ReportModel(template)
    assert _texts(model) == paragraphs

    values = {f.key: ("7" if f.kind.is_number else "某") for f in template.fields}
    for key, value in values.items():
        model.set_value(key, value)
    expected = []
    for number, text in enumerate(paragraphs):
        pieces, position = [], 0
        for place in (p for p in plan.places if p.paragraph == number):
            span = place.placeholder
            pieces += [text[position : span.start], values[place.key]]
            position = span.end
        expected.append("".join(pieces) + text[position:])
    assert _texts(model) == expected


# ------------------------------------------------------------------------- reading files


def test_text_encodings_are_detected(tmp_path: Path) -> None:
    text = "××县工作总结\r\n\u3000\u3000共XX个。\r\n"
    for encoding, expected in [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
    ]:
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        source = read_source(path)
        assert source.encoding == expected
        assert source.paragraphs == ("××县工作总结", "共XX个。")
    assert decode_text("共XX个".encode("gb18030"), "x")[1] == "gb18030"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.pdf", b"%PDF", "无法导入此类文件"),
        ("a.txt", b"\x00\x01\x02\xff\xfe\x00\x00\x81", "不是 UTF-8 或 GB18030"),
        ("a.txt", b"  \r\n\r\n", "没有可导入的文字"),
        ("a.txt", "本文没有占位符。".encode(), "没有找到占位符"),
        ("a.docx", b"PK\x03\x04 not really a zip", "不是 Word（.docx）文档"),
        ("a.txt", "共XX个\ue000".encode(), "保留的字符"),
    ],
)
def test_bad_sources_are_refused_with_one_clear_line(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TemplateError) as caught:
        plan_import(path)
    assert message in str(caught.value)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)
    assert not user_templates_dir().exists() or not any(user_templates_dir().iterdir())


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match=r"找不到文件|file not found"):
        plan_import(tmp_path / "无.txt")
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    with pytest.raises(TemplateError, match="是文件夹"):
        plan_import(folder)


# ------------------------------------------------------------------------- ids and saving


@pytest.mark.parametrize("bad", ["../evil", "a/b", "..", "", "UPPER", "-lead", "a" * 65, "x\\y"])
def test_invalid_ids_are_refused(bad: str, tmp_path: Path) -> None:
    plan = _plan("共XX个", template_id=bad)
    with pytest.raises(TemplateError, match="不是有效的模板编号"):
        plan.save()
    assert not (tmp_path / "evil").exists()


def test_builtin_and_existing_ids_are_not_overwritten() -> None:
    builtin = builtin_templates_dir() / "sixin" / "template.toml"
    before = builtin.read_bytes()
    with pytest.raises(TemplateError, match="内置模板"):
        _plan("共XX个", template_id="sixin").save()
    assert builtin.read_bytes() == before
    first = _plan("共XX个", template_id="mine").save()
    with pytest.raises(TemplateError, match="已经存在"):
        _plan("共XX项", template_id="mine").save()
    assert "}}个" in (first / "body.txt.j2").read_text(encoding="utf-8")
    _plan("共XX项", template_id="mine").save(overwrite=True)
    assert "}}项" in (first / "body.txt.j2").read_text(encoding="utf-8")
    assert sorted(p.name for p in user_templates_dir().iterdir()) == ["mine"]


def test_suggested_ids_are_valid_and_free() -> None:
    assert suggest_id("工作总结") == "imported"
    assert suggest_id("Work Summary 2025") == "work-summary-2025"
    _plan("共XX个", template_id="imported").save()
    assert suggest_id("工作总结") == "imported-2"
    assert suggest_id("sixin") == "sixin-2"


def test_saved_folder_is_an_ordinary_template(tmp_path: Path) -> None:
    plan = _plan(*COUNTY, template_id="county")
    folder = plan.save()
    assert folder == user_templates_dir() / "county"
    assert sorted(p.name for p in folder.iterdir()) == ["body.txt.j2", "template.toml"]
    schema = tomllib.loads((folder / "template.toml").read_text(encoding="utf-8"))
    assert schema["template"]["id"] == "county"
    assert [s["id"] for s in schema["sections"]] == ["general", "s1", "s2"]
    loaded = load_template(folder, Origin.USER)
    assert [f.key for f in loaded.fields] == [f.key for f in plan.fields]
    assert _texts(ReportModel(loaded)) == list(COUNTY)


# ------------------------------------------------------------------------- editing any template


def test_editing_the_builtin_template_saves_a_user_copy() -> None:
    editor = TemplateEditor.from_template(find_template("sixin"))
    assert len(editor.rules) == 5
    editor.template_id = "sixin-mine"
    editor.set_label("unit_name", "本单位名称")
    merged = editor.merge(["problems_found", "problems_rectified"])
    assert merged == "problems_found"
    assert [rule["id"] for rule in editor.rules] == [
        "categories_within_items",
        "inspection_date_exists",
        "demoted_within_talks",
    ]  # the two rules comparing the merged fields made no sense any more
    assert len(editor.notes) == 2 and "已删除规则" in editor.notes[0]
    parts = editor.split("unit_name")
    assert len(parts) == 3
    folder = editor.save()
    library = load_library()
    assert library.broken == []
    mine = library.templates["sixin-mine"]
    assert mine.origin is Origin.USER and mine.field("unit_name").label == "本单位名称"
    original = ReportModel(find_template("sixin"))
    copy = ReportModel(mine)
    assert _texts(copy) == _texts(original)  # same wording, same placeholders when empty
    copy.set_value("revenue_growth", "-3.5")
    assert "同比下降3.5%" in document_text(copy.document)  # the logic still works sandboxed
    assert (folder / "template.toml").is_file()


def test_changing_a_compared_field_to_text_drops_its_rules_and_says_so() -> None:
    editor = TemplateEditor.from_template(find_template("sixin"))
    editor.template_id = "sixin-text"
    editor.set_kind("problems_found", FieldKind.TEXT)
    assert all("problems_found" not in str(rule.get("check", "")) for rule in editor.rules)
    assert len(editor.notes) == 2 and "problems_found" not in editor.notes[0]
    editor.to_template()  # still a valid template


def test_escape_literal_renders_as_itself() -> None:
    for text in ["{", "{{", "{%", "{#", "}}", "a{b}c", "{{{%#}}"]:
        plan = _plan(f"前{text}后XX个")
        assert _texts(ReportModel(plan.template())) == [f"前{text}后XX个"]
    assert escape_literal("无括号") == "无括号"


def test_a_save_left_half_done_is_not_listed_and_does_not_block_the_next() -> None:
    root = user_templates_dir()
    leftover = root / ".mine.abc123"
    leftover.mkdir(parents=True)
    (leftover / "template.toml").write_text("format = 1\n", encoding="utf-8")
    (root / ".mine.old-1").mkdir()
    _plan("共XX个", template_id="mine").save()
    _plan("共XX项", template_id="mine").save(overwrite=True)
    library = load_library()
    assert "mine" in library.templates and library.broken == []
    visible = sorted(p.name for p in root.iterdir() if not p.name.startswith("."))
    assert visible == ["mine"]


def test_a_form_line_of_the_unit_is_proposed_with_its_profile_role(tmp_path):
    """填报单位：XX / 联系人：XXX / 联系电话：XXXXXXX: the importer proposes the profile roles, so
    a new report of the imported template starts with 设置 > 单位信息 filled in (issue 18)."""
    from app.core.importer import import_template
    from app.core.library import find_template
    from app.core.profile import save_profile
    from app.core.session import ReportSession

    source = tmp_path / "安全生产月报.txt"
    source.write_text(
        "XX镇安全生产工作月报\n"
        "填报单位：XXXXXX\n"
        "本月共排查隐患XX处，已整改XX处，XX镇党委高度重视。\n"
        "联系人：XXX　　联系电话：XXXXXXXXXXX\n",
        encoding="utf-8",
    )
    folder, plan = import_template(source, "anquan-yuebao")
    roles = {f.settings.get("role") for f in plan.editor.fields}
    assert {"unit_name", "contact_person", "phone"} <= roles
    counts = [f for f in plan.editor.fields if f.label and "隐患" in f.label]
    assert counts and all("role" not in f.settings for f in counts)  # a sentence's blank: none
    save_profile(
        {"unit_name": "江城镇人民政府", "contact_person": "王小明", "phone": "0710-1234567"}
    )
    session = ReportSession(find_template("anquan-yuebao"))
    filled = set(session.model.values.values())
    assert {"江城镇人民政府", "王小明", "0710-1234567"} <= filled
    assert folder.is_dir()
