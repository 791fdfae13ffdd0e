"""`fanwen fonts`: the state of the writer's fontconfig rule for the 公文 fonts, and installing
and removing it; one line out, an exit code, never a traceback. XDG_CONFIG_HOME is a temporary
folder (tests/conftest.py), handed to the process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.core import font_rule
from cli.test_cli import assert_one_line_error, fanwen
from pdf_pages import require_tool

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig: Linux")


def one_line(result) -> str:
    assert "Traceback" not in result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, result.stdout + result.stderr
    return lines[0]


def test_status_install_status_remove():
    path = font_rule.user_rule_path()
    status = fanwen("fonts")
    assert status.returncode == 1
    assert str(path) in one_line(status)

    installed = fanwen("fonts", "--install")
    assert installed.returncode == 0, installed.stderr
    assert str(path) in one_line(installed)
    assert "LibreOffice" in one_line(installed)  # open windows must be restarted
    assert path.read_text(encoding="utf-8") == font_rule.rule_text()

    again = fanwen("fonts")
    assert again.returncode == 0
    assert str(path) in one_line(again)

    removed = fanwen("fonts", "--remove")
    assert removed.returncode == 0
    assert str(path) in one_line(removed)
    assert not path.exists()
    nothing = fanwen("fonts", "--remove")
    assert nothing.returncode == 0
    assert str(path) in one_line(nothing)


def test_installed_through_the_cli_fontconfig_resolves_the_names():
    fc_match = require_tool("fc-match", "fontconfig")
    assert fanwen("fonts", "--install").returncode == 0

    def family(name: str) -> str:
        return subprocess.run(
            [fc_match, "-f", "%{family[0]}", name], capture_output=True, text=True, check=True
        ).stdout

    assert family("仿宋_GB2312") == "Noto Serif CJK SC"
    assert family("黑体") == "Noto Sans CJK SC"


def test_a_file_that_is_not_ours_is_reported_and_kept():
    path = font_rule.user_rule_path()
    path.parent.mkdir(parents=True)
    path.write_text("<fontconfig/>\n", encoding="utf-8")
    status = fanwen("fonts")
    assert status.returncode == 1
    assert str(path) in one_line(status)
    for option in ("--install", "--remove"):
        result = fanwen("fonts", option)
        assert_one_line_error(result, str(path))
        assert result.returncode == 2
    assert path.read_text(encoding="utf-8") == "<fontconfig/>\n"


def test_install_and_remove_together_is_a_usage_error():
    result = fanwen("fonts", "--install", "--remove")
    assert_one_line_error(result, "--remove")
    assert result.returncode == 2
    assert not font_rule.user_rule_path().exists()


def test_a_folder_that_cannot_be_written_is_one_line():
    blocker = font_rule.config_home() / "fontconfig"
    blocker.parent.mkdir(parents=True)
    blocker.write_text("not a folder", encoding="utf-8")
    result = fanwen("fonts", "--install")
    assert_one_line_error(result, font_rule.FILE_NAME)


def test_elsewhere_than_linux_it_says_so_and_writes_nothing(monkeypatch, capsys):
    from app import cli

    monkeypatch.setattr(font_rule, "supported", lambda: False)
    assert cli.main(["fonts"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1
    assert cli.main(["fonts", "--install"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert not font_rule.user_rule_path().exists()
