"""Fanwen's benchmarks: `python3 -m benchmarks [--quick] [--json-only]`.

Every figure is measured in this run against a baseline measured in the same run on the same
machine, and checked against the budgets in `benchmarks/budgets.py`:

* start-up: `fanwen gui --smoke` against a bare PySide6 window with a QTextBrowser
  (`benchmarks/bare_window.py`), same interpreter, alternated, median of N runs: wall time and
  peak RSS ratios;
* keystroke to preview: the real main window (offscreen) on the seed template, edits spread
  over all fields, from the key press to the preview showing the new text; p50 and p99, and the
  ratio to re-setting the whole preview with `setHtml`;
* scaling: the same on a template 100 times the seed, plus its load time and window start-up;
* exports: txt, html, docx and pdf of a complete seed draft, median of repeated runs.

Prints a table and, last, one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import budgets
from benchmarks.measure import median, percentile, run_process, time_call

HERE = Path(__file__).resolve().parent


def startup(runs: int, draft: Path | None = None) -> dict[str, float]:
    """Alternate the bare window and `fanwen gui --smoke`; medians of wall time and peak RSS."""
    env = {"QT_QPA_PLATFORM": "offscreen"}
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    app_cmd = [sys.executable, "-m", "app", "gui", "--smoke"]
    if draft is not None:
        app_cmd.append(str(draft))
    bare, ours = [], []
    for _ in range(runs):
        bare.append(run_process(bare_cmd, env))
        ours.append(run_process(app_cmd, env))
    return {
        "bare_s": median([r.seconds for r in bare]),
        "app_s": median([r.seconds for r in ours]),
        "bare_rss_mib": median([r.peak_rss_mib for r in bare]),
        "app_rss_mib": median([r.peak_rss_mib for r in ours]),
    }


def keystrokes(template_folder: Path | None, edits: int, seed: int = 7) -> dict[str, float]:
    """Key presses in the real main window, timed until the preview shows the new text."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.core.export.html import render_html
    from app.core.library import find_template
    from app.core.loader import load_template
    from app.core.template import Origin
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow

    app = create_application()
    template = (
        load_template(template_folder, Origin.USER) if template_folder else find_template("sixin")
    )
    window = MainWindow(template)
    window.resize(1400, 900)
    window.show()
    QTest.qWaitForWindowExposed(window)
    QApplication.processEvents()

    rng = random.Random(seed)
    fields = list(template.fields)
    rng.shuffle(fields)
    plan = [fields[i % len(fields)] for i in range(edits)]
    times: list[float] = []
    for number, field in enumerate(plan):
        step = window.navigator.step_of(field.key)
        if step is not None and window.current_step_id() != step:
            window.show_step(step)
        edit = window.input_for(field.key)
        edit.setFocus()
        QApplication.processEvents()
        while window.preview.layout_pending():  # idle-time layout, not part of a keystroke
            QApplication.processEvents()
        char = str(1 + number % 9) if field.kind.is_number else chr(ord("a") + number % 26)
        expected = edit.text() + char
        index = window.model.paragraphs_of(field.key)
        start = time.perf_counter()
        QTest.keyClick(edit, char)
        QApplication.processEvents()
        elapsed = time.perf_counter() - start
        if index and window.model.value(field.key) != expected:
            raise RuntimeError(f"the edit of {field.key} did not reach the model")
        if index and expected not in window.preview.block_text(index[0]):
            raise RuntimeError(f"the preview did not show the edit of {field.key}")
        times.append(elapsed)

    document = window.model.document
    page = render_html(document)
    full = time_call(lambda: window.preview._text.setHtml(page), 5)
    # The edits are unsaved: closing would ask whether to save them. Nothing is kept.
    from app.ui.dialogs import SaveChoice

    window.dialogs.ask_save_changes = lambda name: SaveChoice.DISCARD
    window.close()
    window.deleteLater()
    app.processEvents()
    return {
        "edits": len(times),
        "p50_ms": percentile(times, 0.50) * 1000,
        "p99_ms": percentile(times, 0.99) * 1000,
        "max_ms": max(times) * 1000,
        "full_refresh_ms": median(full) * 1000,
    }


def large_template_load(folder: Path, runs: int) -> dict[str, float]:
    """Load time of the large template in a fresh process (cold and with the schema cache)."""
    code = (
        "import time, sys; t=time.perf_counter();"
        "from app.core.loader import load_template; from app.core.template import Origin;"
        "from app.core.report import ReportModel;"
        f"ReportModel(load_template(__import__('pathlib').Path({str(folder)!r}), Origin.USER));"
        "print(time.perf_counter()-t)"
    )
    import subprocess

    values = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        values.append(float(out.strip()))
    return {"load_first_s": values[0], "load_s": median(values[1:] or values)}


def exports(runs: int) -> dict[str, float]:
    """Median time of each export format for a complete seed draft (first call excluded)."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from app.core.export import FORMATS, ExportOptions, render_bytes
    from app.core.library import find_template
    from app.core.report import ReportModel
    from conftest import COMPLETE_VALUES  # type: ignore[import-not-found]

    with contextlib.suppress(ImportError):  # pdf is registered by the Qt printing package
        import app.printing  # noqa: F401
    model = ReportModel(find_template("sixin"), COMPLETE_VALUES)
    results = {}
    for name in FORMATS:
        render_bytes(model.document, name, ExportOptions())  # warm: imports, fonts
        times = time_call(lambda n=name: render_bytes(model.document, n, ExportOptions()), runs)
        results[f"{name}_ms"] = median(times) * 1000
    return results


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="tiny settings (for the test suite)")
    args = parser.parse_args()
    quick = args.quick
    runs = 2 if quick else 9
    edits = 30 if quick else 600
    copies = 3 if quick else budgets.LARGE_COPIES

    from benchmarks.large_template import write_large_template

    home = Path(tempfile.mkdtemp(prefix="fanwen-bench-"))
    os.environ["FANWEN_HOME"] = str(home)  # the benchmark never touches the real profile
    large = write_large_template(home / "templates", copies)  # a user template
    large_draft = home / "large.fanwen"
    large_draft.write_text('{"template": "sixin-large", "values": {}}', encoding="utf-8")

    results: dict[str, object] = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "quick": quick,
    }
    results["startup"] = startup(runs)
    results["keystroke_seed"] = keystrokes(None, edits)
    results["large_load"] = large_template_load(large, max(2, runs // 3))
    results["startup_large"] = startup(max(2, runs // 2), large_draft)
    results["keystroke_large"] = keystrokes(large, edits)
    results["exports"] = exports(3 if quick else 10)

    checks = evaluate(results)
    print_table(results, checks)
    results["checks"] = checks
    print(json.dumps(results, ensure_ascii=False))
    return 0 if all(c["pass"] for c in checks) else 1


def run() -> None:
    """Run and exit without Python's interpreter teardown of Qt objects (a PySide6 6.12 crash
    at finalisation would turn a finished run into an abort)."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def evaluate(results: dict[str, object]) -> list[dict[str, object]]:
    """Each budget with its measured value and PASS/FAIL."""
    s = results["startup"]
    sl = results["startup_large"]
    ks = results["keystroke_seed"]
    kl = results["keystroke_large"]
    assert isinstance(s, dict) and isinstance(sl, dict)
    assert isinstance(ks, dict) and isinstance(kl, dict)

    def check(name: str, value: float, limit: float, unit: str) -> dict[str, object]:
        return {
            "budget": name,
            "value": round(value, 3),
            "limit": limit,
            "unit": unit,
            "pass": value <= limit,
        }

    return [
        check(
            "start-up wall / bare window", s["app_s"] / s["bare_s"], budgets.STARTUP_WALL_RATIO, "x"
        ),
        check(
            "start-up peak RSS / bare window",
            s["app_rss_mib"] / s["bare_rss_mib"],
            budgets.STARTUP_RSS_RATIO,
            "x",
        ),
        check("keystroke→preview p99, seed", ks["p99_ms"], budgets.KEYSTROKE_P99_MS, "ms"),
        check("keystroke→preview p99, 100× template", kl["p99_ms"], budgets.KEYSTROKE_P99_MS, "ms"),
        check(
            "100× template start-up / seed start-up",
            sl["app_s"] / s["app_s"],
            budgets.LARGE_STARTUP_RATIO,
            "x",
        ),
    ]


def print_table(results: dict[str, object], checks: list[dict[str, object]]) -> None:
    """A human-readable summary."""

    def row(label: str, value: str) -> None:
        print(f"  {label:<46} {value}")

    s, sl = results["startup"], results["startup_large"]
    ks, kl = results["keystroke_seed"], results["keystroke_large"]
    ll, ex = results["large_load"], results["exports"]
    assert isinstance(s, dict) and isinstance(sl, dict) and isinstance(ks, dict)
    assert isinstance(kl, dict) and isinstance(ll, dict) and isinstance(ex, dict)
    print("Fanwen benchmarks" + (" (quick)" if results["quick"] else ""))
    row("bare window start-up", f"{s['bare_s'] * 1000:.0f} ms, {s['bare_rss_mib']:.0f} MiB")
    row("fanwen gui --smoke", f"{s['app_s'] * 1000:.0f} ms, {s['app_rss_mib']:.0f} MiB")
    row(
        "fanwen gui --smoke, 100× template",
        f"{sl['app_s'] * 1000:.0f} ms, {sl['app_rss_mib']:.0f} MiB",
    )
    row(
        "100× template load (first / cached)",
        f"{ll['load_first_s'] * 1000:.0f} ms / {ll['load_s'] * 1000:.0f} ms",
    )
    for label, k in (("seed", ks), ("100× template", kl)):
        row(
            f"keystroke→preview, {label} ({k['edits']} edits)",
            f"p50 {k['p50_ms']:.2f} ms, p99 {k['p99_ms']:.2f} ms, max {k['max_ms']:.1f} ms",
        )
        row(
            f"full setHtml refresh, {label}",
            f"{k['full_refresh_ms']:.1f} ms (p99 is {k['p99_ms'] / k['full_refresh_ms']:.2f}×)",
        )
    for name, value in ex.items():
        row(f"export {name.removesuffix('_ms')}", f"{value:.1f} ms")
    print()
    for c in checks:
        mark = "PASS" if c["pass"] else "FAIL"
        print(f"  {mark}  {c['budget']:<44} {c['value']} {c['unit']} (budget {c['limit']})")


if __name__ == "__main__":
    run()
