"""The benchmark command runs end to end on a tiny setting (figures are not judged here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_benchmark_command_runs_quick(tmp_path, repo_root):
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": os.pathsep.join([str(repo_root / "src"), str(repo_root)]),
    }
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    assert result.stdout.strip(), result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    names = [check["budget"] for check in report["checks"]]
    assert len(names) == 8
    assert report["batch"]["rows"] == 10
    assert report["tables"]["table_fields"] == report["tables"]["paragraphs_fields"]
    assert report["keystroke_seed"]["edits"] == 30
    # the baseline: the same number of edits, over the paragraphs the app's edits change
    for name in ("seed", "large"):
        app, bare = report[f"keystroke_{name}"], report[f"keystroke_{name}_bare"]
        assert bare["edits"] == app["edits"] == 30
        assert 0 < bare["paragraphs"] <= min(app["fields"], app["paragraphs"])
        assert 0 < bare["p50_ms"] <= bare["p99_ms"] <= bare["max_ms"]
    keystroke = [c for c in report["checks"] if c["budget"].startswith("keystroke")]
    assert len(keystroke) == 2 and all(c["unit"] == "x" for c in keystroke)
    seed = report["keystroke_seed"]["p99_ms"] / report["keystroke_seed_bare"]["p99_ms"]
    assert keystroke[0]["value"] == round(seed, 3)
    assert "bare keystroke, seed" in result.stdout
    assert {"txt_ms", "html_ms", "docx_ms", "pdf_ms"} <= set(report["exports"])
    assert "PASS" in result.stdout or "FAIL" in result.stdout
