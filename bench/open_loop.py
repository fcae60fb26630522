"""An open-loop load generator: visits start at a fixed rate, whatever the server does.

A closed loop (N users, each waiting for an answer before the next request) slows
down with the server and hides its worst moments. Here visit k is due at
``k / rate`` seconds; a pool of threads runs them. A page's latency counts from
when its visit was due, so if every thread is busy the wait still shows.
"""

import random
import statistics
import threading
import traceback
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bench.common import LoadRow, percentile
from bench.load_mix import Mix, Site
from bench.visitor import Recorder, Sample, Visitor

THREADS = 128  # enough for the server, not the generator, to be what saturates


@dataclass(frozen=True)
class Drive:
    visits: int
    max_start_lag_ms: float  # how late the latest visit started (threads all busy)
    crashed: int  # visits that raised: a bug of the bench, reported


def drive(
    site: Site,
    mix: Mix,
    recorder: Recorder,
    *,
    rate: float,
    duration: float,
    seed: int = 2026,
    stop: threading.Event | None = None,
) -> Drive:
    """Runs ``rate`` visits per second for ``duration`` seconds (or until ``stop``)."""
    rng = random.Random(seed)
    lags, crashes = [], []
    lock = threading.Lock()

    def run(visit, visitor: Visitor, due: float) -> None:
        with lock:
            lags.append(recorder.now() - due)
        try:
            visit(visitor, site, due)
        except Exception:  # a bench bug must not stop the load: noted, counted
            with lock:
                crashes.append(traceback.format_exc(limit=3))

    stop = stop or threading.Event()
    begin = recorder.now()
    count = 0
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        while count / rate < duration and not stop.is_set():
            due = begin + count / rate
            wait = due - recorder.now()
            if wait > 0 and stop.wait(wait):
                break
            _name, visit, _weight = mix.pick(rng)
            visitor = Visitor(site.port, recorder, rng=random.Random(rng.getrandbits(32)))
            pool.submit(run, visit, visitor, due)
            count += 1
    if crashes:
        recorder.refusal("bench", f"{len(crashes)} visits crashed; first: {crashes[0]}")
    return Drive(count, max(lags, default=0) * 1000, len(crashes))


def load_rows(
    samples: list[Sample], duration: float, *, total: str = "all requests"
) -> list[LoadRow]:
    """One row per kind of request, then the total: the pages read first, then each
    form's steps in the order a visitor takes them."""
    by_kind: dict[str, list[Sample]] = defaultdict(list)
    for sample in sorted(samples, key=lambda s: s.started):
        by_kind[sample.kind].append(sample)
    seen = list(by_kind)

    def order(kind: str):
        return (not kind.startswith("GET "), kind.split(":")[0], seen.index(kind))

    rows = [_row(kind, by_kind[kind], duration) for kind in sorted(seen, key=order)]
    if len(rows) > 1:
        rows.append(_row(total, samples, duration))
    return rows


def _row(name: str, samples: list[Sample], duration: float) -> LoadRow:
    latencies = [s.latency_ms for s in samples]
    cacheable = [s for s in samples if s.cache]
    return LoadRow(
        name=name,
        requests=len(samples),
        rps=len(samples) / duration,
        p50_ms=statistics.median(latencies),
        p95_ms=percentile(latencies, 0.95),
        p99_ms=percentile(latencies, 0.99),
        max_ms=max(latencies),
        server_errors=sum(1 for s in samples if s.status >= 500),
        failures=sum(1 for s in samples if s.status == 0),
        rate_limited=sum(1 for s in samples if s.status == 429),
        refused=sum(1 for s in samples if s.refused),
        cache_hits=(
            sum(1 for s in cacheable if s.cache == "HIT") / len(samples) if cacheable else None
        ),
    )
