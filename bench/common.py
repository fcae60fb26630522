"""Timing, memory and reporting shared by the benchmarks.

Every ``bench/bench_*.py`` module exposes ``run() -> list[Result]`` (or a
``Report``, for the load and fault tests) and ends with ``cli(run)``:
``python -m bench.bench_x`` prints its rows as tables, and ``--json`` prints them
for ``bench/run.py``, which runs each module in its own process (Django is
configured once per process: SQLite here, PostgreSQL there).
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
from dataclasses import asdict, dataclass, field, fields


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


@dataclass(frozen=True)
class LoadRow:
    """One kind of request under load (no reference): how fast, how often, how it failed."""

    name: str
    requests: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    server_errors: int = 0  # 5xx answers: none expected
    failures: int = 0  # no answer at all: refused, reset, timed out
    rate_limited: int = 0  # 429: expected beyond a rate limit, not an error
    refused: int = 0  # any other 4xx, or a form sent back with errors
    cache_hits: float | None = None  # share of answers with X-Cache: HIT

    @classmethod
    def from_dict(cls, data: dict) -> "LoadRow":
        names = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


@dataclass(frozen=True)
class Check:
    """A property a fault test verifies, with what was measured."""

    name: str
    passed: bool
    detail: str

    @classmethod
    def from_dict(cls, data: dict) -> "Check":
        return cls(name=data["name"], passed=data["passed"], detail=data["detail"])


@dataclass
class Report:
    """What a module found: rows against a reference, rows under load, checks, notes."""

    results: list[Result] = field(default_factory=list)
    load: list[LoadRow] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def extend(self, other: "Report") -> None:
        self.results += other.results
        self.load += other.load
        self.checks += other.checks
        self.notes += other.notes

    def as_json(self) -> dict:
        return {
            "results": [asdict(r) for r in self.results],
            "load": [asdict(r) for r in self.load],
            "checks": [asdict(c) for c in self.checks],
            "notes": self.notes,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Report":
        return cls(
            results=[Result.from_dict(row) for row in data.get("results", [])],
            load=[LoadRow.from_dict(row) for row in data.get("load", [])],
            checks=[Check.from_dict(row) for row in data.get("checks", [])],
            notes=list(data.get("notes", [])),
        )

    def problems(self) -> list[str]:
        """What must not happen: server errors or lost requests under load, failed checks."""
        found = [
            f"{row.name}: {row.server_errors} server errors (5xx), {row.failures} without answer"
            for row in self.load
            if row.server_errors or row.failures
        ]
        found += [
            f"{check.name}: FAILED ({check.detail})" for check in self.checks if not check.passed
        ]
        return found


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


def _ms(value: float) -> str:
    return f"{value:.0f}" if value >= 100 else f"{value:.1f}"


def format_load_table(rows: list[LoadRow]) -> str:
    lines = [
        "| requests of the kind | count | req/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) "
        "| 5xx | no answer | 429 | other 4xx / form refused | cache hits |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        hits = "–" if r.cache_hits is None else f"{r.cache_hits:.0%}"
        errors = f"**{r.server_errors}**" if r.server_errors else "0"
        failures = f"**{r.failures}**" if r.failures else "0"
        lines.append(
            f"| {r.name} | {r.requests} | {r.rps:.1f} | {_ms(r.p50_ms)} | {_ms(r.p95_ms)} "
            f"| {_ms(r.p99_ms)} | {_ms(r.max_ms)} | {errors} | {failures} | {r.rate_limited} "
            f"| {r.refused} | {hits} |"
        )
    return "\n".join(lines)


def format_checks(checks: list[Check]) -> str:
    lines = ["| check | result | measured |", "|---|---|---|"]
    for c in checks:
        lines.append(f"| {c.name} | {'pass' if c.passed else '**FAIL**'} | {c.detail} |")
    return "\n".join(lines)


def format_report(report: Report) -> str:
    """The module's tables (those it has rows for), its notes, and its problems first."""
    parts = []
    problems = report.problems()
    if problems:
        parts.append("\n".join(["**PROBLEMS**", "", *(f"- **{p}**" for p in problems)]))
    if report.results:
        parts.append(format_table(report.results))
    if report.load:
        parts.append("## Under load\n\n" + format_load_table(report.load))
    if report.checks:
        parts.append("## Checks\n\n" + format_checks(report.checks))
    if report.notes:
        parts.append("\n".join(f"- {note}" for note in report.notes))
    return "\n\n".join(parts)


def cli(run: Callable[[], "list[Result] | Report"]) -> None:
    """Entry point of a benchmark module: tables, or JSON for bench/run.py (``--json``)."""
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
            outcome = run()
        except Skipped as exc:
            outcome, skipped = [], str(exc)
    report = outcome if isinstance(outcome, Report) else Report(results=outcome)
    if as_json:
        print(json.dumps({**report.as_json(), "skipped": skipped}))
        return
    if text := format_report(report):
        print(text)
    if skipped:
        print(skipped)
    if report.problems():
        sys.exit(1)
