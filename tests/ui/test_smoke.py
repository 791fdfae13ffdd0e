"""The window opens on the built-in template with the first field focused; --smoke exits 0."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest


def test_opens_on_builtin_template_in_chinese_first_field_focused(window, qtbot):
    assert window.model.template.id == "sixin"
    assert window.steps.count() == 6
    assert window.steps.item(0).text().startswith("基本信息")
    assert window.steps.item(1).text().startswith("一、一颗红心永向党")
    assert window.steps.item(5).text() == "预览与导出"
    first = window.forms.input_for("unit_name")
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


def test_the_window_opens_without_the_exporters_or_their_libraries(tmp_path):
    """Start-up loads what the first step shows: python-docx, the PDF and print code, the export
    page and the TOML parser (a schema is read from its cache after the first start) wait until
    they are used."""
    code = (
        "import sys\n"
        "from app.ui.application import create_application, open_window, wait_until_ready\n"
        "app = create_application()\n"
        "window, error = open_window(None)\n"
        "window.show()\n"
        "assert wait_until_ready(window)\n"
        "loaded = [m for m in sys.modules if m.startswith(('docx', 'app.printing',\n"
        "    'app.core.export', 'app.ui.export_page', 'tomllib', '_hashlib'))]\n"
        "print(loaded)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FANWEN_HOME=str(tmp_path / "home"))
    for _start in range(2):  # the first start also writes the schema cache
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads listed by /proc")
@pytest.mark.skipif(
    tuple(PySide6.__version_info__[:2]) < (6, 9),
    reason="Qt before 6.9 has no QT_NO_GUI_THREADPOOL switch (the arm64 bundle's 6.8 paints "
    "through its pool, as Qt always did)",
)
def test_painting_stays_on_the_main_thread(tmp_path):
    """Qt's raster engine would hand large fills to a thread pool and wait for it (slower for
    the areas the app repaints, and late when the machine is busy): the app's paints, the first
    full window included, leave no pooled thread behind."""
    code = (
        "import os\n"
        "from pathlib import Path\n"
        "from app.ui.application import create_application, open_window, wait_until_ready\n"
        "app = create_application()\n"
        "window, error = open_window(None)\n"
        "window.show()\n"
        "assert wait_until_ready(window)\n"
        "window.preview.viewport().repaint()\n"
        "window.preview.verticalScrollBar().repaint()\n"
        "tasks = Path('/proc/self/task')\n"
        "print([(tasks / t / 'comm').read_text().strip() for t in os.listdir(tasks)])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FANWEN_HOME=str(tmp_path / "home"))
    env.pop("QT_NO_GUI_THREADPOOL", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    threads = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    assert threads  # the main thread at least
    assert not [name for name in threads if "pooled" in name], threads
