"""Timing, memory and reporting shared by the benchmarks.

Every ``bench/bench_*.py`` module exposes ``run() -> list[Result]`` and ends with
``cli(run)``: ``python -m bench.bench_x`` prints its rows as a table, and
``--json`` prints them for ``bench/run.py``, which runs each module in its own
process (Django is configured once per process: SQLite here, PostgreSQL there).
"""

import argparse
import contextlib
import json
import math
import signal
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields


class Skipped(Exception):
    """A benchmark that cannot run here (e.g. no PostgreSQL); the message says why."""


@dataclass(frozen=True)
class Result:
    """One row of the table: our code and a reference, measured in the same run."""

    name: str
    reference: str
    ours_ms: float  # median time of one operation
    reference_ms: float
    ours_p95_ms: float | None = None
    reference_p95_ms: float | None = None
    ours_rps: float | None = None  # requests per second, for the rows served over HTTP
    reference_rps: float | None = None
    ours_peak_kib: float | None = None
    reference_peak_kib: float | None = None

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.reference_ms

    @classmethod
    def from_dict(cls, data: dict) -> "Result":
        names = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the value below which ``fraction`` of the samples fall."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def timed_ms(operation: Callable[[], object], *, repeat: int = 5, number: int = 50) -> list[float]:
    """The duration of each of ``repeat * number`` calls, in milliseconds."""
    operation()  # warm caches, as a running server would have them
    samples = []
    for _ in range(repeat * number):
        start = time.perf_counter()
        operation()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def peak_kib(operation: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        operation()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def result_from_samples(
    name: str, reference: str, ours: list[float], theirs: list[float], **extra
) -> Result:
    return Result(
        name=name,
        reference=reference,
        ours_ms=statistics.median(ours),
        reference_ms=statistics.median(theirs),
        ours_p95_ms=percentile(ours, 0.95),
        reference_p95_ms=percentile(theirs, 0.95),
        **extra,
    )


def compare(name: str, ours: Callable, reference: Callable, reference_name: str) -> Result:
    return result_from_samples(
        name,
        reference_name,
        timed_ms(ours),
        timed_ms(reference),
        ours_peak_kib=peak_kib(ours),
        reference_peak_kib=peak_kib(reference),
    )


def _pair(ours: float | None, reference: float | None, spec: str) -> str:
    if ours is None or reference is None:
        return "–"
    return f"{ours:{spec}} / {reference:{spec}}"


def _ratio(ours: float | None, reference: float | None) -> str:
    if ours is None or not reference:
        return "–"
    ratio = ours / reference
    return f"{ratio:.0f}×" if ratio >= 10 else f"{ratio:.2g}×"


def format_table(results: list[Result]) -> str:
    lines = [
        "| benchmark | reference | p50 ours / reference (ms) | p50 ratio "
        "| p95 ours / reference (ms) | p95 ratio | req/s ours / reference | req/s ratio "
        "| peak memory ours / reference (KiB) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.reference} | {_pair(r.ours_ms, r.reference_ms, '.2f')} "
            f"| {_ratio(r.ours_ms, r.reference_ms)} "
            f"| {_pair(r.ours_p95_ms, r.reference_p95_ms, '.2f')} "
            f"| {_ratio(r.ours_p95_ms, r.reference_p95_ms)} "
            f"| {_pair(r.ours_rps, r.reference_rps, '.0f')} "
            f"| {_ratio(r.ours_rps, r.reference_rps)} "
            f"| {_pair(r.ours_peak_kib, r.reference_peak_kib, '.0f')} |"
        )
    lines.append("")
    lines.append(
        "Time ratios are ours / reference (above 1×: slower than the reference); "
        "the req/s ratio is ours / reference too (below 1×: fewer requests per second)."
    )
    return "\n".join(lines)


def cli(run: Callable[[], list[Result]]) -> None:
    """Entry point of a benchmark module: a table, or JSON for bench/run.py (``--json``)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    as_json = parser.parse_args().json

    def stop(signum, frame):
        raise SystemExit(128 + signum)  # so that ``finally`` blocks stop servers

    signal.signal(signal.SIGTERM, stop)
    skipped = None
    # Only the results go to stdout: whatever the code under test prints goes to stderr.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            results = run()
        except Skipped as exc:
            results, skipped = [], str(exc)
    if as_json:
        print(json.dumps({"results": [asdict(r) for r in results], "skipped": skipped}))
        return
    if results:
        print(format_table(results))
    if skipped:
        print(skipped)
