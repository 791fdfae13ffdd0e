"""Rules between fields and the report model's incremental updates."""

from __future__ import annotations

import dataclasses

from app.core.report import ReportModel


def test_line_by_line_rendering_equals_rendering_the_whole_body(sixin, complete_values):
    """The fast path (plain lines parsed without Jinja) gives what Jinja gives for the body."""
    from app.core.render import render_structure

    values = {**complete_values, "revenue_growth": "-1"}
    model = ReportModel(sixin, values)
    # a trailing whitespace-control tag forces the whole-body path
    whole = dataclasses.replace(sixin, body=sixin.body + "{#- end -#}\n{%- if false %}{% endif %}")
    assert render_structure(whole, model.checked).by_line is False
    assert render_structure(whole, model.checked).paragraphs == model.structure.paragraphs


def test_a_line_switched_off_by_logic_re_renders_everything(tmp_path):
    from app.core.loader import load_template

    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "template.toml").write_text(
        '[template]\nid = "t"\ntitle = "T"\n[[sections]]\nid = "a"\nlabel = "A"\n'
        '[[fields]]\nkey = "n"\nlabel = "N"\nkind = "integer"\nsection = "a"\n',
        encoding="utf-8",
    )
    (folder / "body.txt.j2").write_text(
        '@title T\n共{{ field("n") }}个。\n{% if filled("n") %}已填写。{% endif %}\n末段。\n',
        encoding="utf-8",
    )
    model = ReportModel(load_template(folder))
    assert [p.text for p in model.document.paragraphs] == ["T", "共XX个。", "末段。"]
    update = model.set_value("n", "3")
    assert update.structural
    assert [p.text for p in model.document.paragraphs] == ["T", "共3个。", "已填写。", "末段。"]
    assert model.set_value("n", "4").structural is False


def test_a_template_body_is_rendered_once_for_its_check_and_a_new_report(
    tmp_path, monkeypatch, complete_values
):
    """Loading renders the body without values to check it; a new (empty) report starts from
    that same structure instead of rendering again; values render anew."""
    import shutil

    from app.core import render
    from app.core.loader import load_template
    from app.core.paths import builtin_templates_dir

    runs = []
    real = render._Renderer

    class CountingRenderer(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            runs.append(args[1])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(render, "_Renderer", CountingRenderer)
    folder = tmp_path / "sixin"
    shutil.copytree(builtin_templates_dir() / "sixin", folder)
    body = folder / "body.txt.j2"  # a body no earlier test rendered (a structure is per content)
    body.write_text(body.read_text(encoding="utf-8") + f"{{# {tmp_path.name} #}}\n", "utf-8")
    template = load_template(folder)
    assert len(runs) == 1
    blank = ReportModel(template)
    assert len(runs) == 1
    assert blank.structure is render.render_structure(template, {})
    filled = ReportModel(template, complete_values)
    assert len(runs) == 2
    assert filled.document.paragraphs != blank.document.paragraphs
