"""Template folders: the built-in one loads; broken ones give one line naming file and key."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.samples import REPO

from app.core.errors import TemplateError
from app.core.library import find_template, load_library
from app.core.loader import load_template
from app.core.paths import data_dir
from app.core.template import Origin

SIXIN = REPO / "templates" / "sixin"


def test_sixin_declares_sections_and_fields(sixin):
    assert sixin.id == "sixin"
    assert sixin.title == "“四心”抓好思政工作助力机构改革"
    assert [s.id for s in sixin.sections] == ["general", "s1", "s2", "s3", "s4"]
    assert [f.key for f in sixin.section_fields("general")] == [
        "unit_name",
        "report_year",
        "report_month",
    ]
    assert len(sixin.fields) == 47
    assert {r.id for r in sixin.rules} >= {
        "rectified_within_found",
        "categories_within_items",
        "inspection_date_exists",
    }


def test_data_dir_finds_the_builtin_templates():
    assert (data_dir() / "templates" / "sixin" / "template.toml").is_file()


def copy_sixin(tmp_path: Path) -> Path:
    folder = tmp_path / "sixin"
    shutil.copytree(SIXIN, folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        ('kind = "integer"', 'kind = "integr"', "fields[3].kind: 未知的字段类型“integr”"),
        ('key = "meetings"', 'key = "unit_name"', "fields[3].key: “unit_name”重复使用。"),
        ('section = "s1"', 'section = "s9"', "fields[3].section: 未知的章节“s9”。"),
        ('id = "sixin"', 'id = "../evil"', "template.id: “../evil”不是有效的编号"),
        ("min = 1", 'min = "one"', "fields[7].min: 应为数字。"),
        (
            'check = "problems_rectified <= problems_found"',
            'check = "problems_rectified <= nothing"',
            "rules[0] “rectified_within_found”.check: 未知的数字类字段“nothing”。",
        ),
        (
            'severity = "warning"',
            'severity = "fatal"',
            "rules[3] “most_problems_rectified”.severity: 应为“error”或“warning”。",
        ),
        ('title = "“四心”', "title = “四心", "不是有效的 TOML"),
    ],
)
def test_broken_schema_names_file_and_key(tmp_path, old, new, fragment):
    folder = copy_sixin(tmp_path)
    schema = folder / "template.toml"
    text = schema.read_text(encoding="utf-8")
    assert old in text
    schema.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        load_template(folder)
    message = str(error.value)
    assert str(schema) in message
    assert fragment in message
    assert "\n" not in message


def test_body_errors_name_the_body_file(tmp_path):
    folder = copy_sixin(tmp_path)
    body = folder / "body.txt.j2"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace('field("meetings")', 'field("meeting")'), encoding="utf-8")
    with pytest.raises(TemplateError, match="正文使用了说明文件中没有声明的字段“meeting”"):
        load_template(folder)
    body.write_text(text.replace('field("meetings") }}', 'field("meetings") }'), encoding="utf-8")
    with pytest.raises(TemplateError, match=r"body.txt.j2，第 \d+ 行：模板语法错误"):
        load_template(folder)
    body.write_text(text.replace('{{ field("meetings") }}', "XX"), encoding="utf-8")
    with pytest.raises(TemplateError, match="没有使用：meetings"):
        load_template(folder)


def test_library_reports_broken_user_templates_and_keeps_going(fanwen_home):
    user = fanwen_home / "templates" / "mine"
    user.mkdir(parents=True)
    (user / "template.toml").write_text("this is not toml = = =", encoding="utf-8")
    library = load_library()
    assert list(library.templates) == ["monthly", "sixin"]
    assert len(library.broken) == 1 and library.broken[0].origin is Origin.USER
    with pytest.raises(TemplateError, match="不是有效的 TOML"):
        library.get("mine")
    assert find_template("sixin").origin is Origin.BUILTIN


def test_core_never_imports_qt():
    code = (
        "import sys, app.cli, app.core.report, app.core.export.html, app.core.export.text, "
        "app.core.library, app.core.draft\n"
        "from app.core.library import find_template\n"
        "from app.core.report import ReportModel\n"
        "ReportModel(find_template('sixin'))\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'docx'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_a_user_template_of_plain_lines_loads_without_jinja(tmp_path):
    """A user template's body is checked line by line; lines of wording and simple calls need
    no Jinja, so loading such a template (and starting a report on it) does not import it."""
    folder = copy_sixin(tmp_path)
    code = (
        "import sys, pathlib\n"
        "from app.core.loader import load_template\n"
        "from app.core.report import ReportModel\n"
        "from app.core.template import Origin\n"
        f"template = load_template(pathlib.Path({str(folder)!r}), Origin.USER)\n"
        "assert template.sandboxed\n"
        "ReportModel(template)\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def kept_entries(home: Path, kind: str) -> list[Path]:
    """The entries of one of the app's caches (`schemas`, `structures`)."""
    return list((home / "cache" / kind).glob("*.json"))


@contextlib.contextmanager
def never_again(monkeypatch, owner: object, name: str, what: str) -> Iterator[None]:
    """Inside the block, calling `owner.name` fails the test: `what` was done again."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{what} again")

    with monkeypatch.context() as patch:
        patch.setattr(owner, name, refuse)
        yield


def test_schemas_are_cached_and_the_cache_follows_the_file(tmp_path, fanwen_home, monkeypatch):
    import tomllib

    folder = copy_sixin(tmp_path)
    schema = folder / "template.toml"
    first = load_template(folder)
    assert len(kept_entries(fanwen_home, "schemas")) == 1
    with never_again(monkeypatch, tomllib, "loads", "the cached schema was parsed"):
        assert load_template(folder).fields == first.fields
    # an edit to the file is seen at once (the cache is keyed by content)
    schema.write_text(
        schema.read_text(encoding="utf-8").replace("单位名称", "单位全称"), encoding="utf-8"
    )
    assert load_template(folder).field("unit_name").label == "单位全称"
    # a damaged cache entry is ignored
    for path in kept_entries(fanwen_home, "schemas"):
        path.write_text("{not json", encoding="utf-8")
    assert load_template(folder).field("unit_name").label == "单位全称"


def test_a_templates_blank_structure_is_kept_between_starts(tmp_path, fanwen_home, monkeypatch):
    """Rendering a long body with no values costs tens of ms at each start: it is cached."""
    from app.core import render
    from app.core.render import render_structure

    folder = copy_sixin(tmp_path)
    render.forget_structures()
    rendered = render_structure(load_template(folder), {})
    assert len(kept_entries(fanwen_home, "structures")) == 1
    render.forget_structures()  # a new start
    with never_again(monkeypatch, render, "_render_structure", "the kept structure was rendered"):
        assert render_structure(load_template(folder), {}) == rendered
    # an edited body is another entry; a damaged or foreign entry is rendered again
    body = folder / "body.txt.j2"
    body.write_text(
        body.read_text(encoding="utf-8").replace("坚定了政治立场", "坚定政治立场", 1),
        encoding="utf-8",
    )
    edited = render_structure(load_template(folder), {})
    assert edited != rendered
    assert len(kept_entries(fanwen_home, "structures")) == 2
    # a field's placeholder (the body's `field()` reads it) is part of the key too
    schema = folder / "template.toml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace('placeholder = "XX"', 'placeholder = "某某"', 1),
        encoding="utf-8",
    )
    renamed = render_structure(load_template(folder), {})
    places = [p for spec in renamed.paragraphs for p in spec.pieces if not isinstance(p, str)]
    assert any(p.key == "unit_name" and p.placeholder == "某某" for p in places)
    for path in kept_entries(fanwen_home, "structures"):
        path.write_text('{"paragraphs": [["p", "body", "", [["nosuchfield", "XX", false]]]]}')
    render.forget_structures()
    assert render_structure(load_template(folder), {}) == renamed


def test_a_logic_change_after_a_start_from_the_kept_structure_reads_only_its_lines(
    tmp_path, fanwen_home
):
    """A structure kept on disk comes without the body's line plan: the first change of a
    field the wording's logic reads re-renders the lines reading it, not the whole body (15 ms
    on a long report), and gives what a full render gives."""
    from app.core import body, render
    from app.core.report import ReportModel

    folder = copy_sixin(tmp_path)
    body_file = folder / "body.txt.j2"
    body_file.write_text(
        body_file.read_text(encoding="utf-8").replace(
            '{{ change("revenue_growth", "同比增长{}%", "同比下降{}%", "与上年持平") }}',
            '{% if filled("revenue_growth") %}同比{% else %}比上年{% endif %}'
            '{{ sign("revenue_growth", "增长", "下降") }}'
            '{{ field("revenue_growth", magnitude=true) }}%',
        ),
        encoding="utf-8",
    )
    render.render_structure(load_template(folder), {})  # kept on disk
    render.forget_structures()  # a new start: nothing planned in this process
    model = ReportModel(load_template(folder))
    last = len(model.document.paragraphs) - 1
    assert "比上年增长" in model.document.paragraphs[-1].text
    update = model.set_value("revenue_growth", "-2")
    assert update.paragraphs == (last,) and not update.structural
    assert "同比下降2%" in model.document.paragraphs[-1].text
    assert body.plan.cache_info().currsize == 0  # the whole body was not planned
    full = render.render_structure(model.template, model.checked)
    assert model.structure.paragraphs == full.paragraphs
