"""Hostile templates: a template a user brings cannot run code, read files or run forever.

Each is put in the user's template folder beside a good one: the library lists the good one and
reports each hostile one as broken, with one clear line naming the file and what is refused.
Behind the static check, the render itself is sandboxed, has no file loader and is stopped when
it takes too long or writes too much.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import jinja2
import pytest

from app.core import render
from app.core.errors import TemplateError
from app.core.library import load_library
from app.core.loader import load_template
from app.core.paths import user_templates_dir
from app.core.report import ReportModel
from app.core.template import Origin

SCHEMA = """format = 1
[template]
id = "{id}"
title = "测试模板"
[[sections]]
id = "general"
label = "基本信息"
[[fields]]
key = "unit"
label = "单位"
kind = "text"
section = "general"
placeholder = "XX"
"""

HOSTILE = {
    "globals": '{{ field.__globals__ }}{{ field("unit") }}',
    "class-mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}{{ field(\"unit\") }}",
    "getattr-format": '{{ field("unit").format }}',
    "include": '{% include "/etc/passwd" %}{{ field("unit") }}',
    "include-up": '{% include "../../../../etc/passwd" %}{{ field("unit") }}',
    "import": '{% import "report.html" as page %}{{ field("unit") }}',
    "from-import": '{% from "/etc/hosts" import x %}{{ field("unit") }}',
    "extends": '{% extends "report.html" %}{{ field("unit") }}',
    "range-loop": '{% for i in range(10**9) %}x{% endfor %}{{ field("unit") }}',
    "nested-loops": (
        "{% for i in [1,2,3] %}{% for j in [1,2,3] %}{% for k in [1,2,3] %}x"
        '{% endfor %}{% endfor %}{% endfor %}{{ field("unit") }}'
    ),
    "string-bomb": '{{ "x" * 10**9 }}{{ field("unit") }}',
    "power-bomb": '{{ 10**10**10 }}{{ field("unit") }}',
    "concat-bomb": '{% set a = "xxxxxxxxxx" %}{% set a = a ~ a ~ a %}{{ a }}{{ field("unit") }}',
    "filter": '{{ "x"|center(1000000000) }}{{ field("unit") }}',
    "lipsum": '{{ lipsum(10000, false, 10000, 10000) }}{{ field("unit") }}',
    "cycler": '{{ cycler.__init__.__globals__ }}{{ field("unit") }}',
    "macro": '{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}{{ field("unit") }}',
    "self": '{{ self.__dict__ }}{{ field("unit") }}',
    "huge": "共" * 2_100_000 + '{{ field("unit") }}',
}


def _write(root: Path, template_id: str, body: str) -> Path:
    folder = root / template_id
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(SCHEMA.format(id=template_id), encoding="utf-8")
    (folder / "body.txt.j2").write_text(body, encoding="utf-8")
    return folder


def test_the_library_lists_the_good_and_reports_each_hostile_template() -> None:
    root = user_templates_dir()
    _write(root, "good", '@title 报告\n{{ field("unit") }}工作总结\n')
    for name, body in HOSTILE.items():
        _write(root, name, body)
    started = time.monotonic()
    library = load_library()
    assert time.monotonic() - started < 20  # refused up front, not run until stopped
    assert "good" in library.templates and "sixin" in library.templates
    broken = {b.folder.name: b.error for b in library.broken}
    assert set(broken) == set(HOSTILE)
    for name, error in broken.items():
        assert "\n" not in error, name
        assert str(root / name) in error, name
        assert "非内置模板不允许" in error or "过大" in error, (name, error)
    assert "“__globals__”" in broken["globals"]
    assert "读取其他文件" in broken["include"] and "include" in broken["include"]
    assert "循环" in broken["range-loop"] and "循环" in broken["nested-loops"]
    assert "“*”" in broken["string-bomb"] and "“**”" in broken["power-bomb"]
    assert "“set”" in broken["concat-bomb"]
    assert "“center”" in broken["filter"]
    assert "“lipsum”" in broken["lipsum"]
    assert "过大" in broken["huge"]


def test_a_broken_template_is_reported_by_the_cli_and_the_rest_listed(tmp_path: Path) -> None:
    root = user_templates_dir()
    _write(root, "good", '{{ field("unit") }}工作总结\n')
    _write(root, "evil", HOSTILE["include"])
    result = subprocess.run(
        [sys.executable, "-m", "app", "templates"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "good\t" in result.stdout and "sixin\t" in result.stdout
    assert "evil" not in result.stdout
    assert "evil" in result.stderr and "Traceback" not in result.stderr


def test_builtin_templates_are_not_restricted_but_user_ones_are(tmp_path: Path) -> None:
    body = '{% for i in [1, 2] %}{{ i }}{% endfor %}{{ field("unit") }}\n'
    folder = _write(tmp_path, "loops", body)
    builtin = load_template(folder, Origin.BUILTIN)
    assert ReportModel(builtin).document.paragraphs[0].text == "12XX"
    with pytest.raises(TemplateError, match="循环"):
        load_template(folder, Origin.SHARED)


def test_the_user_environment_reads_no_files() -> None:
    for name in ("report.html", "/etc/passwd", "../../templates/sixin/body.txt.j2"):
        template = render.user_environment().from_string("{% include " + repr(name) + " %}")
        with pytest.raises(jinja2.TemplateNotFound):
            template.render()
    assert render.environment().loader is not None  # the built-in one still has its pages


def test_a_render_that_runs_too_long_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: even a loop that got past the check is stopped by the time budget."""
    monkeypatch.setattr(render, "USER_RENDER_SECONDS", 0.3)
    compiled = render.user_environment().from_string(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    started = time.monotonic()
    with pytest.raises(TemplateError, match=r"时间过长|takes too long") as caught:
        render._render_limited(compiled, {}, "evil/body.txt.j2")
    assert time.monotonic() - started < 10
    assert "evil/body.txt.j2" in str(caught.value)


def test_a_render_that_writes_too_much_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "USER_RENDER_MAX_CHARS", 100_000)
    compiled = render.user_environment().from_string(
        "{% for i in range(100000) %}{% for j in range(1000) %}xxxxxxxxxx{% endfor %}{% endfor %}"
    )
    with pytest.raises(TemplateError):
        render._render_limited(compiled, {}, "evil/body.txt.j2")


def test_sandbox_blocks_attribute_access_at_run_time() -> None:
    """And behind the time budget, Jinja's sandbox itself refuses unsafe attributes."""

    def field() -> str:
        return ""

    compiled = render.user_environment().from_string("{{ field.__globals__ }}")
    with pytest.raises(jinja2.exceptions.SecurityError):
        render._render_limited(compiled, {"field": field}, "evil/body.txt.j2")
