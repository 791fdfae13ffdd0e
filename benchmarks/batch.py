"""A batch's cost per report against a single export's, in a process of its own:
`python3 -m benchmarks.batch [--rows N] [--runs N] [--format docx]`.

The batch: `fanwen batch`'s work (plan the rows from a table, then export a report per row into
a folder) over N rows of the monthly template, divided by N. The single export: what
`fanwen export` does for one such report (its model built from the values, the document
rendered, the file written). Both after one warm-up (imports, fonts); medians of `runs`.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.measure import median, time_call

HERE = Path(__file__).resolve().parent


def table(rows: int) -> list[list[str]]:
    header = ["单位名称", "报告年度", "报告月份", "本月税费收入", "去年同月税费收入"]
    header += ["查摆问题数", "已整改问题数", "下月工作重点", "联系人", "联系电话"]
    body = [
        [f"第{n}分局", "2027", "3", str(1000 + n), "1000", str(n), str(n), "汇算清缴", "李明", "1"]
        for n in range(1, rows + 1)
    ]
    return [header, *body]


def measure(rows: int, runs: int, fmt: str) -> dict[str, float]:
    from app.core.batch import plan_batch, run_batch
    from app.core.export import export_report
    from app.core.loader import load_template
    from app.core.report import ReportModel

    template = load_template(HERE.parent / "templates" / "monthly")
    data = table(rows)
    folder = Path(tempfile.mkdtemp(prefix="fanwen-batch-bench-"))

    def batch() -> None:
        plan = plan_batch(data, template, "rows")
        run_batch(plan, template, fmt, folder / "batch")

    values = dict(zip(data[0], data[1], strict=True))
    keys = plan_batch(data[:2], template, "rows").rows[0].values

    def single() -> None:
        model = ReportModel(template, keys)
        export_report(model.document, fmt, folder / f"single.{fmt}")

    assert values
    batch()
    single()
    batch_s = median(time_call(batch, runs))
    single_s = median(time_call(single, runs * 5))
    return {
        "rows": rows,
        "batch_per_report_ms": batch_s / rows * 1000,
        "single_export_ms": single_s * 1000,
        "ratio": (batch_s / rows) / single_s,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.batch")
    parser.add_argument("--rows", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--format", default="docx")
    args = parser.parse_args()
    print(json.dumps(measure(args.rows, args.runs, args.format)))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
