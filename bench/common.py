"""Timing and memory measurement shared by the benchmarks."""

import statistics
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    name: str
    ours_ms: float
    reference_ms: float
    reference: str
    ours_peak_kib: float
    reference_peak_kib: float

    @property
    def ratio(self) -> float:
        return self.ours_ms / self.reference_ms


def median_ms(operation: Callable[[], object], *, repeat: int = 5, number: int = 50) -> float:
    """Median over ``repeat`` rounds of the mean time of one call, in milliseconds."""
    operation()  # warm caches, as a running server would have them
    rounds = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            operation()
        rounds.append((time.perf_counter() - start) / number * 1000)
    return statistics.median(rounds)


def peak_kib(operation: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        operation()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def compare(name: str, ours: Callable, reference: Callable, reference_name: str) -> Result:
    return Result(
        name=name,
        ours_ms=median_ms(ours),
        reference_ms=median_ms(reference),
        reference=reference_name,
        ours_peak_kib=peak_kib(ours),
        reference_peak_kib=peak_kib(reference),
    )


def format_table(results: list[Result]) -> str:
    lines = [
        "| benchmark | ours (ms) | reference | reference (ms) | time ratio | peak memory ours / reference (KiB) |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.name} | {r.ours_ms:.2f} | {r.reference} | {r.reference_ms:.2f} | "
            f"{r.ratio:.1f}× | {r.ours_peak_kib:.0f} / {r.reference_peak_kib:.0f} |"
        )
    return "\n".join(lines)
