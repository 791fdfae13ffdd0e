"""The blank structure kept on disk: keyed by a content hash, used only by its own template."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from app.core import render, structure_cache
from app.core.loader import load_template
from app.core.paths import builtin_templates_dir


def _copy(tmp_path: Path, template_id: str) -> Path:
    folder = tmp_path / template_id
    shutil.copytree(builtin_templates_dir() / "sixin", folder)
    schema = folder / "template.toml"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace('id = "sixin"', f'id = "{template_id}"', 1),
        encoding="utf-8",
    )
    return folder


def test_an_entry_never_stands_in_for_another_template(tmp_path: Path, fanwen_home: Path) -> None:
    first = load_template(_copy(tmp_path, "first"))
    second = load_template(_copy(tmp_path, "second"))
    first_key = structure_cache.content_key(first)
    second_key = structure_cache.content_key(second)
    assert first_key != second_key  # the key holds the template's id and origin
    assert "\0first\0" in first_key and f"\0{first.origin}\0" in first_key
    assert structure_cache.content_key(load_template(tmp_path / "first")) == first_key
    structure = render.render_structure(first, {})
    first_file = structure_cache.cache_file(first_key)
    assert structure_cache.load(first_file, first, first_key) == structure
    # an entry copied under the other template's name is not used for it
    second_file = structure_cache.cache_file(second_key)
    shutil.copyfile(first_file, second_file)
    assert structure_cache.load(second_file, second, second_key) is None
    assert structure_cache.load(first_file, second, first_key) is None


def test_the_blank_structure_is_not_kept_in_the_template(tmp_path: Path, fanwen_home: Path) -> None:
    template = load_template(_copy(tmp_path, "kept"))  # loading renders it once
    assert render.render_structure(template, {}) is render.render_structure(template, {})
    kept = vars(template).values() if hasattr(template, "__dict__") else ()
    assert not any(isinstance(value, render.Structure) for value in kept)


def test_an_entry_whose_file_name_collides_is_not_used(tmp_path: Path, fanwen_home: Path) -> None:
    """The file name is only where to look: an entry is used only for exactly its own key (a
    crafted template whose checksums collide with the built-in's cannot stand in for it)."""
    render.forget_structures()
    template = load_template(_copy(tmp_path, "first"))
    key = structure_cache.content_key(template)
    structure = render.render_structure(template, {})
    kept = structure_cache.cache_file(key)
    entry = json.loads(kept.read_bytes())
    entry["key"] = key[:-1] + "!"  # same template id, same file: another key
    kept.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    assert structure_cache.load(kept, template, key) is None
    entry["key"] = key
    kept.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    assert structure_cache.load(kept, template, key) == structure


def test_a_kept_structure_that_is_a_fifo_is_skipped_not_waited_for(
    tmp_path: Path, fanwen_home: Path
) -> None:
    import os
    import threading

    render.forget_structures()
    template = load_template(_copy(tmp_path, "fifo"))
    key = structure_cache.content_key(template)
    kept = structure_cache.cache_file(key)
    kept.unlink(missing_ok=True)
    kept.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(kept)
    result: list[object] = []
    reader = threading.Thread(
        target=lambda: result.append(structure_cache.load(kept, template, key))
    )
    reader.start()
    reader.join(5)
    assert not reader.is_alive() and result == [None]
