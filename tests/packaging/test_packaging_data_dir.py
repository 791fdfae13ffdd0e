"""`data_dir()` finds the built-in templates and resources in source and installed form.

The frozen form (a PyInstaller bundle: `sys._MEIPASS`) is checked by running the real bundle in
`.ci/packaging`; here the lookup itself is checked for it, plus a real wheel built from this
checkout, installed into a folder of its own, and run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from app.core import paths

REPO = Path(__file__).resolve().parents[2]


def test_source_checkout_finds_templates_and_resources() -> None:
    assert paths.data_dir() == REPO
    assert (paths.builtin_templates_dir() / "sixin" / "template.toml").is_file()
    assert (paths.resources_dir() / "icons" / "fanwen.svg").is_file()


def test_frozen_lookup_is_the_bundle_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.data_dir() == tmp_path
    assert paths.builtin_templates_dir() == tmp_path / "templates"
    assert paths.resources_dir() == tmp_path / "resources"


@pytest.mark.slow
def test_installed_wheel_finds_its_own_data(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = wheels.glob("fanwen-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert "app/_data/templates/sixin/template.toml" in names
    assert "app/_data/resources/icons/fanwen.svg" in names

    target = tmp_path / "site"
    install = [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target)]
    subprocess.run(
        [*install, str(wheel)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    # Only the installed copy of `app` is importable: PYTHONPATH is the target folder alone, and
    # the working directory is not the checkout (dependencies come from site-packages).
    env = {**os.environ, "PYTHONPATH": str(target)}
    probe = (
        "import json, app, app.core.paths as p; print(json.dumps([app.__file__, "
        "str(p.data_dir()), str(p.builtin_templates_dir() / 'sixin' / 'template.toml')]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    ).stdout
    module, data, template = json.loads(out)
    assert Path(module).is_relative_to(target)
    assert Path(data) == target / "app" / "_data"
    assert Path(template).is_file()

    listed = subprocess.run(
        [sys.executable, "-m", "app", "templates", "--json"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    ).stdout
    (sixin,) = [t for t in json.loads(listed) if t["id"] == "sixin"]
    assert Path(sixin["folder"]) == target / "app" / "_data" / "templates" / "sixin"
