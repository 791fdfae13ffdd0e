"""Fanwen's benchmarks: `python3 -m benchmarks [--quick]`.

Every figure is measured in this run against a baseline measured in the same run on the same
machine, and checked against the budgets in `benchmarks/budgets.py`:

* start-up: `fanwen gui --smoke` against a bare PySide6 window with a QTextBrowser
  (`benchmarks/bare_window.py`), same interpreter, alternated, median of N runs each: wall time
  and peak RSS ratios. Both end at the first paint of their text view. Both run as installed
  programs run: with compiled bytecode (one uncounted warm-up run of each writes it to a
  private cache, since this environment may forbid writing it beside the sources);
* keystroke to preview: the real main window (offscreen) on the seed template, edits spread
  over all fields, from the key press until the preview has painted the new text
  (`benchmarks/keystroke.py`), against a bare window whose line edit replaces the same
  paragraphs of the same report in a QTextBrowser (`benchmarks/bare_keystroke.py`), the two
  processes alternated key press by key press: the ratio of their p99; p50, p99 and max of
  both reported, and beside them re-setting the whole preview with `setHtml` until painted;
* scaling: the same on a template 100 times the seed, plus its load time and window start-up;
* exports: txt, html, docx and pdf of a complete seed draft, median of repeated runs;
* batch: a DOCX report per row of a 50-row table (`fanwen batch`'s work), per report, against
  one export of such a report (`benchmarks/batch.py`);
* tables: a Word 范文 whose blanks sit in a long table against the same blanks in paragraphs:
  the import and the DOCX export (`benchmarks/tables.py`).

This process never loads Qt: everything measured runs in child processes, so no figure
includes the benchmark's own memory or state.

Prints a table and, last, one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path

from benchmarks import budgets
from benchmarks.measure import ProcessRun, median, run_alternated, run_json, run_process

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    try:
        from importlib.metadata import version

        pyside = version("PySide6-Essentials")
    except Exception:  # informative only
        pyside = "?"
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = float("nan")
    return {
        "python": platform.python_version(),
        "pyside6": pyside,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "load_before": round(load, 2),
    }


def startup(
    runs: int, large_draft: Path, report_page: Path
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Alternate the bare window, `fanwen gui --smoke`, the same on the 100x template and, as
    a reference, the bare window showing the seed report; medians of wall time and peak RSS.
    One uncounted warm-up run of each first."""
    bare_cmd = [sys.executable, str(HERE / "bare_window.py")]
    app_cmd = [sys.executable, "-m", "app", "gui", "--smoke"]
    large_cmd = [*app_cmd, str(large_draft)]
    report_cmd = [sys.executable, str(HERE / "report_window.py"), str(report_page)]
    for command in (bare_cmd, app_cmd, large_cmd, report_cmd):
        run_process(command)
    bare: list[ProcessRun] = []
    ours: list[ProcessRun] = []
    large: list[ProcessRun] = []
    report: list[ProcessRun] = []
    for _ in range(runs):
        bare.append(run_process(bare_cmd))
        ours.append(run_process(app_cmd))
        large.append(run_process(large_cmd))
        report.append(run_process(report_cmd))

    def figures(runs_: list[ProcessRun]) -> dict[str, float]:
        return {
            "app_s": median([r.seconds for r in runs_]),
            "app_rss_mib": median([r.peak_rss_mib for r in runs_]),
            "bare_s": median([r.seconds for r in bare]),
            "bare_rss_mib": median([r.peak_rss_mib for r in bare]),
            "runs": len(runs_),
        }

    return figures(ours), figures(large), figures(report)


def write_report_page(target: Path) -> Path:
    """The seed report as the preview's HTML, for the reference window (made in a child: this
    process never loads Qt)."""
    code = (
        "import sys; from pathlib import Path; from app.core.library import find_template;"
        "from app.core.report import ReportModel; from app.ui.preview import document_html;"
        "Path(sys.argv[1]).write_text(document_html(ReportModel(find_template('sixin'))"
        ".document, 32), encoding='utf-8'); print('{}')"
    )
    run_json([sys.executable, "-c", code, str(target)])
    return target


def large_template_load(folder: Path, runs: int) -> dict[str, float]:
    """Load time of the large template in a fresh process (first: no schema cache yet)."""
    code = (
        "import time, sys; t=time.perf_counter();"
        "from app.core.loader import load_template; from app.core.template import Origin;"
        "from app.core.report import ReportModel;"
        f"ReportModel(load_template(__import__('pathlib').Path({str(folder)!r}), Origin.USER));"
        "print('{\"s\": %r}' % (time.perf_counter()-t))"
    )
    values = [run_json([sys.executable, "-c", code])["s"] for _ in range(runs)]
    return {"load_first_s": values[0], "load_s": median(values[1:] or values)}


def keystrokes(
    template: Path | None, edits: int, refreshes: int, page: Path
) -> tuple[dict[str, float], dict[str, float]]:
    """Keystroke to preview in the app (`benchmarks/keystroke.py`) and in the bare window
    (`benchmarks/bare_keystroke.py`) on the same report and paragraphs, each in a child process
    of its own, alternated key press by key press."""
    app_cmd = [sys.executable, "-m", "benchmarks.keystroke", "--edits", str(edits)]
    app_cmd += ["--refreshes", str(refreshes)]
    if template is not None:
        app_cmd += ["--template", str(template)]
    run_json([*app_cmd, "--baseline-page", str(page)])
    bare_cmd = [sys.executable, "-m", "benchmarks.bare_keystroke", str(page), "--paced"]
    app, bare = run_alternated([[*app_cmd, "--paced"], bare_cmd], edits)
    return app, bare


def exports(runs: int) -> dict[str, float]:
    """Export timings, measured in a child process (`benchmarks/exports.py`)."""
    return run_json([sys.executable, "-m", "benchmarks.exports", "--runs", str(runs)])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="tiny settings (for the test suite)")
    args = parser.parse_args()
    quick = args.quick
    runs = 2 if quick else budgets.STARTUP_RUNS
    edits = 30 if quick else budgets.KEYSTROKE_EDITS
    refreshes = 3 if quick else 20
    copies = 3 if quick else budgets.LARGE_COPIES

    from benchmarks.large_template import write_large_template

    home = Path(tempfile.mkdtemp(prefix="fanwen-bench-"))
    # Children: the real profile is never touched; offscreen; the sources of this checkout
    # first; bytecode cached privately (the first run of each program writes it).
    python_path = os.pathsep.join(
        [str(REPO / "src"), str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    os.environ.update(
        {
            "FANWEN_HOME": str(home),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPATH": python_path,
            "PYTHONPYCACHEPREFIX": str(home / "pycache"),
        }
    )
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    large = write_large_template(home / "templates", copies)  # a user template
    large_draft = home / "large.fanwen"
    large_draft.write_text('{"template": "sixin-large", "values": {}}', encoding="utf-8")

    results: dict[str, object] = {"machine": machine(), "quick": quick}
    report_page = write_report_page(home / "report.html")
    results["startup"], results["startup_large"], results["startup_report"] = startup(
        runs, large_draft, report_page
    )
    results["large_load"] = large_template_load(large, max(3, runs // 2))
    results["keystroke_seed"], results["keystroke_seed_bare"] = keystrokes(
        None, edits, refreshes, home / "keystroke-seed.json"
    )
    results["keystroke_large"], results["keystroke_large_bare"] = keystrokes(
        large, edits, refreshes, home / "keystroke-large.json"
    )
    results["exports"] = exports(3 if quick else 10)
    batch_rows, batch_runs = ("10", "1") if quick else ("50", "5")
    results["batch"] = run_json(
        [sys.executable, "-m", "benchmarks.batch", "--rows", batch_rows, "--runs", batch_runs]
    )

    table_rows = "200" if quick else str(budgets.TABLE_ROWS)
    results["tables"] = run_json(
        [sys.executable, "-m", "benchmarks.tables", "--rows", table_rows, "--runs", "1"]
    )

    checks = evaluate(results)
    print_table(results, checks)
    results["checks"] = checks
    print(json.dumps(results, ensure_ascii=False))
    return 0 if all(c["pass"] for c in checks) else 1


def run() -> None:
    """Run and exit with the benchmark's code."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def evaluate(results: dict[str, object]) -> list[dict[str, object]]:
    """Each budget with its measured value and PASS/FAIL."""
    s = results["startup"]
    sl = results["startup_large"]
    ks, ksb = results["keystroke_seed"], results["keystroke_seed_bare"]
    kl, klb = results["keystroke_large"], results["keystroke_large_bare"]
    assert isinstance(s, dict) and isinstance(sl, dict)
    assert isinstance(ks, dict) and isinstance(kl, dict)
    assert isinstance(ksb, dict) and isinstance(klb, dict)

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
        check(
            "keystroke→preview p99 / bare, seed",
            ks["p99_ms"] / ksb["p99_ms"],
            budgets.KEYSTROKE_P99_RATIO,
            "x",
        ),
        check(
            "keystroke→preview p99 / bare, 100× template",
            kl["p99_ms"] / klb["p99_ms"],
            budgets.KEYSTROKE_P99_RATIO,
            "x",
        ),
        check(
            "100× template start-up / seed start-up",
            sl["app_s"] / s["app_s"],
            budgets.LARGE_STARTUP_RATIO,
            "x",
        ),
        check(
            "batch DOCX per report / single export",
            float(results["batch"]["ratio"]),  # type: ignore[index]
            budgets.BATCH_PER_REPORT_RATIO,
            "x",
        ),
        check(
            "import: blanks in a table / in paragraphs",
            float(results["tables"]["import_ratio"]),  # type: ignore[index]
            budgets.TABLE_IMPORT_RATIO,
            "x",
        ),
        check(
            "DOCX: blanks in a table / in paragraphs",
            float(results["tables"]["docx_ratio"]),  # type: ignore[index]
            budgets.TABLE_DOCX_RATIO,
            "x",
        ),
    ]


def print_table(results: dict[str, object], checks: list[dict[str, object]]) -> None:
    """A human-readable summary."""

    def row(label: str, value: str) -> None:
        print(f"  {label:<58} {value}")

    s, sl = results["startup"], results["startup_large"]
    ks, kl = results["keystroke_seed"], results["keystroke_large"]
    ll, ex = results["large_load"], results["exports"]
    assert isinstance(s, dict) and isinstance(sl, dict) and isinstance(ks, dict)
    assert isinstance(kl, dict) and isinstance(ll, dict) and isinstance(ex, dict)
    m = results["machine"]
    assert isinstance(m, dict)
    print("Fanwen benchmarks" + (" (quick)" if results["quick"] else ""))
    print(
        f"  {m['cpus']} CPUs ({m['cpu']}), load {m['load_before']}; Python {m['python']}, "
        f"PySide6 {m['pyside6']}; start-up: median of {s['runs']} alternated runs each"
    )
    row("bare window start-up", f"{s['bare_s'] * 1000:.0f} ms, {s['bare_rss_mib']:.0f} MiB")
    row("fanwen gui --smoke", f"{s['app_s'] * 1000:.0f} ms, {s['app_rss_mib']:.0f} MiB")
    sr = results["startup_report"]
    assert isinstance(sr, dict)
    row(
        "reference: bare window showing the seed report",
        f"{sr['app_s'] * 1000:.0f} ms, {sr['app_rss_mib']:.0f} MiB "
        f"({sr['app_s'] / s['bare_s']:.2f}×, {sr['app_rss_mib'] / s['bare_rss_mib']:.2f}× bare)",
    )
    row(
        "fanwen gui --smoke, 100× template",
        f"{sl['app_s'] * 1000:.0f} ms, {sl['app_rss_mib']:.0f} MiB",
    )
    row(
        "100× template load (first / cached)",
        f"{ll['load_first_s'] * 1000:.0f} ms / {ll['load_s'] * 1000:.0f} ms",
    )
    ksb, klb = results["keystroke_seed_bare"], results["keystroke_large_bare"]
    assert isinstance(ksb, dict) and isinstance(klb, dict)
    for label, k, bare in (("seed", ks, ksb), ("100× template", kl, klb)):
        row(
            f"keystroke→preview, {label} ({k['edits']} edits, {k['fields']} fields)",
            f"p50 {k['p50_ms']:.2f} ms, p99 {k['p99_ms']:.2f} ms, max {k['max_ms']:.1f} ms",
        )
        row(
            f"bare keystroke, {label} ({bare['edits']} edits, {bare['paragraphs']} paragraphs)",
            f"p50 {bare['p50_ms']:.2f} ms, p99 {bare['p99_ms']:.2f} ms, "
            f"max {bare['max_ms']:.1f} ms (app p99 {k['p99_ms'] / bare['p99_ms']:.2f}×)",
        )
        row(
            f"full setHtml refresh, {label} ({k['paragraphs']} paragraphs)",
            f"{k['full_refresh_ms']:.1f} ms (p99 is {k['p99_ms'] / k['full_refresh_ms']:.2f}×)",
        )
        row(
            f"the app's full re-render (structure change), {label}",
            f"{k['full_render_ms']:.1f} ms",
        )
    for name, value in ex.items():
        row(f"export {name.removesuffix('_ms')}", f"{value:.1f} ms")
    b = results["batch"]
    assert isinstance(b, dict)
    row(
        f"batch DOCX, {b['rows']} rows: per report / single export",
        f"{b['batch_per_report_ms']:.1f} ms / {b['single_export_ms']:.1f} ms",
    )
    t = results["tables"]
    assert isinstance(t, dict)
    row(
        f"import, {t['rows']:.0f} table rows / as paragraphs",
        f"{t['table_import_s'] * 1000:.0f} ms / {t['paragraphs_import_s'] * 1000:.0f} ms",
    )
    row(
        f"DOCX, {t['rows']:.0f} table rows / as paragraphs",
        f"{t['table_docx_s'] * 1000:.0f} ms / {t['paragraphs_docx_s'] * 1000:.0f} ms",
    )
    print()
    for c in checks:
        mark = "PASS" if c["pass"] else "FAIL"
        print(f"  {mark}  {c['budget']:<46} {c['value']} {c['unit']} (budget {c['limit']})")


if __name__ == "__main__":
    run()
