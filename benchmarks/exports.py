"""Export timings in a process of their own: `python3 -m benchmarks.exports [--runs N]`.

txt, html, docx and pdf of a complete seed draft; each format is made once first (imports,
fonts) and then timed `runs` times; the median is reported. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.measure import median, time_call

HERE = Path(__file__).resolve().parent


def measure(runs: int) -> dict[str, float]:
    sys.path.insert(0, str(HERE.parent / "tests"))
    import app.printing  # noqa: F401 - registers "pdf"
    from app.core.export import FORMATS, ExportOptions, render_bytes
    from app.core.library import find_template
    from app.core.report import ReportModel
    from conftest import COMPLETE_VALUES  # type: ignore[import-not-found]

    model = ReportModel(find_template("sixin"), COMPLETE_VALUES)
    results = {}
    for name in FORMATS:
        render_bytes(model.document, name, ExportOptions())  # warm: imports, fonts
        times = time_call(lambda n=name: render_bytes(model.document, n, ExportOptions()), runs)
        results[f"{name}_ms"] = median(times) * 1000
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.exports")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(measure(args.runs)))
    sys.stdout.flush()
    os._exit(0)  # no interpreter teardown of Qt objects (see benchmarks.__main__.run)


if __name__ == "__main__":
    main()
