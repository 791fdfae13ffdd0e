"""The window opens on the built-in template with the first field focused; --smoke exits 0."""

from __future__ import annotations

import os
import subprocess
import sys


def test_opens_on_builtin_template_in_chinese_first_field_focused(window, qtbot):
    assert window.model.template.id == "sixin"
    assert window.steps.count() == 6
    assert window.steps.item(0).text().startswith("基本信息")
    assert window.steps.item(1).text().startswith("一、一颗红心永向党")
    assert window.steps.item(5).text() == "预览与导出"
    first = window.input_for("unit_name")
    qtbot.waitUntil(first.hasFocus)
    assert window.filled_label.text() == "已填 0/47"


def test_smoke_exits_zero(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "app", "gui", "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def test_no_display_gives_one_line_and_smoke_falls_back_to_offscreen(tmp_path):
    import os
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "app"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "fanwen: 没有图形显示（未设置 DISPLAY）：请在桌面环境中运行范文填写助手，或使用“fanwen export”等命令。"
    ]
    smoke = subprocess.run(
        [sys.executable, "-m", "app", "gui", "--smoke"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert smoke.returncode == 0, smoke.stderr
