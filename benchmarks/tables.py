"""A Word 范文 whose blanks sit in a long table against the same blanks in paragraphs, in a
process of its own: `python3 -m benchmarks.tables [--rows N] [--runs N]`.

Two .docx files with the same number of blanks: one table of N rows (乡镇 | 人口（人） | 面积（平方
公里） | 增长%, three blanks a row) and N paragraphs holding the same three blanks each. For each:
the import (read, find the blanks, label them, write the body), and the DOCX export of the
report made from it. The ratios say what a table costs over paragraphs with the same facts;
medians of `runs` after one warm-up. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import median, time_call

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _cell(text: str) -> str:
    return f"<w:tc><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def write_sources(folder: Path, rows: int) -> tuple[Path, Path]:
    """The table .docx and the paragraphs .docx, with the same blanks."""
    import docx
    from docx.oxml import parse_xml

    header = "".join(_cell(t) for t in ("乡镇", "人口（人）", "面积（平方公里）", "增长%"))
    row = "".join(_cell(t) for t in ("第N镇", "XX", "X.X", "X.X"))
    table = docx.Document()
    table.add_paragraph("XX县乡镇基本情况")
    xml = f"<w:tbl {W}><w:tr>{header}</w:tr>" + f"<w:tr>{row}</w:tr>" * rows + "</w:tbl>"
    body = table.element.body
    body.insert(len(body) - 1, parse_xml(xml))
    paragraphs = docx.Document()
    paragraphs.add_paragraph("XX县乡镇基本情况")
    for _ in range(rows):
        paragraphs.add_paragraph("第N镇常住人口XX人，面积X.X平方公里，人口增长X.X%。")
    table_path, paragraphs_path = folder / "table.docx", folder / "paragraphs.docx"
    table.save(str(table_path))
    paragraphs.save(str(paragraphs_path))
    return table_path, paragraphs_path


def measure(rows: int, runs: int) -> dict[str, float]:
    from app.core.export.docx import render_docx
    from app.core.importer import plan_import
    from app.core.report import ReportModel

    folder = Path(tempfile.mkdtemp(prefix="fanwen-tables-"))
    os.environ["FANWEN_HOME"] = str(folder / "home")
    results: dict[str, float] = {"rows": rows}
    for name, path in zip(("table", "paragraphs"), write_sources(folder, rows), strict=True):
        plan_import(path)  # warm: imports
        results[f"{name}_import_s"] = median(time_call(lambda p=path: plan_import(p), runs))
        template = plan_import(path).template()
        model = ReportModel(template)
        results[f"{name}_fields"] = len(template.fields)
        render_docx(model.document)
        times = time_call(lambda m=model: render_docx(m.document), runs)
        results[f"{name}_docx_s"] = median(times)
    results["import_ratio"] = results["table_import_s"] / results["paragraphs_import_s"]
    results["docx_ratio"] = results["table_docx_s"] / results["paragraphs_docx_s"]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(prog="python3 -m benchmarks.tables")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(measure(args.rows, args.runs)))
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
