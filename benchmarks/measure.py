"""Measuring helpers: child processes' wall time and peak RSS, percentiles, medians."""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ProcessRun:
    """One finished child process."""

    seconds: float
    peak_rss_mib: float
    returncode: int


def _kib_to_mib(value: int) -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS
    return value / 1024 if sys.platform != "darwin" else value / (1024 * 1024)


def own_peak_rss_mib() -> float:
    """This process's own peak RSS so far: the high-water mark of its memory map (VmHWM), which,
    unlike `getrusage`, does not include what the process that started this one had when it
    did (`ru_maxrss` carries that over an exec, see `run_process`)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return _kib_to_mib(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def run_process(args: Sequence[str], env: dict[str, str] | None = None) -> ProcessRun:
    """Run a command, returning its wall time and its own peak RSS (from wait4's rusage).

    Linux folds the parent's memory high-water mark into a child's `ru_maxrss` when the child
    execs (the forked image it replaces counts as the child's). The figure is the child's own
    only while the parent stayed smaller than the child: this is checked, and a polluted figure
    raises instead of being reported.
    """
    start = time.perf_counter()
    process = subprocess.Popen(
        list(args),
        env=child_environment(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {process.returncode}: {stderr.strip()}")
    peak = _kib_to_mib(usage.ru_maxrss)
    parent = own_peak_rss_mib()
    if peak <= parent * 1.05:
        raise RuntimeError(
            f"peak RSS of {' '.join(args)} ({peak:.0f} MiB) cannot be told apart from the "
            f"benchmark's own ({parent:.0f} MiB): measure processes before loading Qt here"
        )
    return ProcessRun(seconds, peak, process.returncode)


def child_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of measured children: ours, plus `extra`."""
    return {**os.environ, **(extra or {})}


def run_json(args: Sequence[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run a measuring child that prints one JSON object as its last line; return it."""
    result = subprocess.run(
        list(args), env=child_environment(env), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} exited {result.returncode}: {result.stderr.strip()[-2000:]}"
        )
    lines = result.stdout.strip().splitlines()
    if not lines:
        raise RuntimeError(f"{' '.join(args)} printed nothing: {result.stderr.strip()[-2000:]}")
    value = json.loads(lines[-1])
    assert isinstance(value, dict)
    return value


def run_alternated(commands: Sequence[Sequence[str]], steps: int) -> list[dict[str, Any]]:
    """Run paced measuring children side by side, one step of each in turn (the first one first
    at even steps, the last one first at odd steps), so that the host's load over the run hits
    them alike; return the JSON object each prints last.

    A paced child makes one step per line it reads on stdin and answers with one line; at the
    end of stdin it prints its result (see `benchmarks.paint.paced`)."""
    with tempfile.TemporaryFile() as errors:
        processes = [
            subprocess.Popen(
                list(command),
                env=child_environment(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
            )
            for command in commands
        ]

        def failed(process: subprocess.Popen[str]) -> RuntimeError:
            process.kill()
            code = process.wait()
            errors.seek(0)
            message = errors.read().decode("utf-8", "replace").strip()[-2000:]
            command = " ".join(commands[processes.index(process)])
            return RuntimeError(f"{command} exited {code}: {message}")

        try:
            for step in range(steps):
                for process in processes if step % 2 == 0 else processes[::-1]:
                    assert process.stdin is not None and process.stdout is not None
                    try:
                        process.stdin.write("\n")
                        process.stdin.flush()
                    except BrokenPipeError:
                        raise failed(process) from None
                    if not process.stdout.readline():
                        raise failed(process)
            results = []
            for process in processes:
                assert process.stdin is not None and process.stdout is not None
                process.stdin.close()
                lines = process.stdout.read().strip().splitlines()
                if process.wait() != 0 or not lines:
                    raise failed(process)
                value = json.loads(lines[-1])
                assert isinstance(value, dict)
                results.append(value)
            return results
        finally:
            for process in processes:
                if process.poll() is None:
                    process.kill()
                    process.wait()


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def median(values: Sequence[float]) -> float:
    """The median."""
    return statistics.median(values)


def time_call(function: Callable[[], object], repeat: int) -> list[float]:
    """Seconds taken by `function()` over `repeat` calls."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times
