"""Load test of a production-like stack: 60 seconds of visitors reading and sending forms.

The stack (bench.production_stack) is what docker-compose runs: gunicorn with 3
workers and the production settings, a Celery worker, PostgreSQL (database
``tec_load``: demo content and 2,000 generated resources) and Redis (DB 6).

The load is an open loop (bench.open_loop): BENCH_LOAD_RATE visits per second
(default 6) start on schedule whatever the server does, for BENCH_LOAD_SECONDS
(default 60) after 10 seconds of warm-up. Each visit is one page read (home, a
theme, the library and its search, resources, the site search, the agenda, vote
results: found by following the site's links) or one form sent (newsletter,
contribution, « préciser mon besoin », vote: bench.load_mix), each visitor from
their own address. A form that does not exist yet is left out, with a note.

Reported per kind of request: p50/p95/p99 latency, requests per second, server
errors (none expected), requests without answer, 429 (a rate limit reached, not an
error) and refusals (a form sent back); then whether the worker ran every task
the forms queued.

Run alone: ``.venv/bin/python -m bench.bench_load`` (``make bench`` runs every benchmark).
"""

import os
import re
import sys
import time
from collections import Counter

from bench.common import Check, LoadRow, Report, Skipped, cli
from bench.load_mix import Site, build_mix, discover
from bench.open_loop import drive, load_rows
from bench.production_stack import (
    GUNICORN_WORKERS,
    Stack,
    fresh_run_dir,
    production_stack,
    redis_client,
)
from bench.visitor import Recorder, Visitor, fill
from bench.voters import make_voters

RATE = float(os.environ.get("BENCH_LOAD_RATE") or 6)
DURATION = float(os.environ.get("BENCH_LOAD_SECONDS") or 60)
WARMUP_SECONDS = 10
SATURATED_MS = 2000  # a median page slower than this: the server is behind the load
# The requests that send a form (as named by bench.load_mix): none may be refused.
FORM_KINDS = {
    "newsletter: sign up",
    "contribution: send",
    "need: send",
    "vote: log in",
    "vote: send",
}
DRAIN_SECONDS = 60


def run() -> Report:
    workdir = fresh_run_dir("load")
    try:
        with production_stack(workdir) as stack:
            return load_test(stack)
    except Skipped as skipped:
        raise Skipped(f"load test skipped: {skipped}") from skipped


def load_test(stack: Stack) -> Report:
    recorder = Recorder()
    recorder.enabled, recorder.phase = False, "discovery"  # not measured
    site = Site(stack.port, make_voters=lambda count: make_voters(stack, count))
    probe = Visitor(stack.port, recorder)
    discover(probe, site)
    mix = build_mix(site, probe)
    emails_before = stack.emails_sent()
    progress(f"warm-up: {WARMUP_SECONDS} s at {RATE:g} visits/s")
    recorder.phase = "warm-up"
    drive(site, mix, recorder, rate=RATE, duration=WARMUP_SECONDS, seed=1)

    recorder.enabled, recorder.phase = True, ""
    progress(f"measuring: {DURATION:.0f} s at {RATE:g} visits/s")
    started = time.monotonic()
    outcome = drive(site, mix, recorder, rate=RATE, duration=DURATION)
    elapsed = time.monotonic() - started
    recorder.enabled, recorder.phase = False, "after the load"
    rows = load_rows(recorder.samples, elapsed)
    label = f"{DURATION:.0f} s at {RATE:g} visits/s, gunicorn ×{GUNICORN_WORKERS}"

    report = Report(load=rows)
    total = rows[-1]
    report.checks.append(
        Check(
            f"load ({label}): no server error",
            total.server_errors == 0,
            f"{total.server_errors} answers 5xx out of {total.requests}",
        )
    )
    report.checks.append(
        Check(
            f"load ({label}): every request answered",
            total.failures == 0,
            f"{total.failures} without answer (refused, reset or over 30 s)",
        )
    )
    sent = [row for row in rows if row.name in FORM_KINDS]
    report.checks.append(
        Check(
            f"load ({label}): the forms people send are accepted",
            not any(row.refused for row in sent),
            ", ".join(f"{row.name}: {row.refused} refused of {row.requests}" for row in sent)
            or "no form found",
        )
    )
    report.checks.append(cached_forms_check(stack, site))
    report.checks.append(queue_drained(stack, emails_before))
    report.notes += [
        f"Load test: open loop, {RATE:g} visits/s for {DURATION:.0f} s after "
        f"{WARMUP_SECONDS} s of warm-up: {outcome.visits} visits, {total.requests} requests "
        f"({total.rps:.1f}/s); latest start of a visit {outcome.max_start_lag_ms:.0f} ms after "
        "it was due (latencies count from when it was due). Mix: "
        + ", ".join(f"{name} {weight}" for name, _visit, weight in mix.visits)
        + ".",
        *saturation_note(rows),
        *(f"Load test: {note}" for note in site.notes),
        *(f"Load test, refused « {kind} »: {reason}" for kind, reason in recorder.refusals.items()),
        *server_error_notes(stack),
    ]
    return report


def saturation_note(rows: list[LoadRow]) -> list[str]:
    """Says so when the server fell behind the offered load: its latencies are then
    mostly time spent waiting in line, and a lower BENCH_LOAD_RATE measures it better."""
    pages = [row for row in rows if row.name.startswith("GET ")]
    if not pages or max(row.p50_ms for row in pages) < SATURATED_MS:
        return []
    return [
        f"**Load test: the server fell behind**: a median page took "
        f"{max(row.p50_ms for row in pages) / 1000:.1f} s at {RATE:g} visits/s; this machine "
        "could not serve that rate during this run (shared, or too small): set "
        "BENCH_LOAD_RATE lower to measure service times rather than the queue."
    ]


def cached_forms_check(stack: Stack, site: Site) -> Check:
    """A visitor given a page from the page cache can still send the forms it holds.

    Each page is asked for twice: the second visitor gets the cached copy if the page
    is cached, and sends its POST forms. Django refuses a form whose CSRF token does
    not go with the visitor's CSRF cookie (403): that is what is looked for.
    """
    recorder = Recorder()
    paths = ["/", "/newsletter/inscription/", *(pages[0] for pages in site.pages.values())]
    cached, refused = [], []
    for path in dict.fromkeys(paths):
        Visitor(stack.port, recorder).get(path, "first visitor")
        visitor = Visitor(stack.port, recorder)
        page = visitor.get(path, "second visitor")
        if page is None or page.headers.get("X-Cache") != "HIT":
            continue
        for form in page.post_forms():
            cached.append(f"{path} → {form.action}")
            answer = visitor.post(form, fill(form, visitor.rng, {}, set()), "cached form")
            if answer is None or answer.status == 403:
                refused.append(f"{path} → {form.action} (HTTP {answer.status if answer else 0})")
    return Check(
        "forms on pages served from the page cache can be sent",
        not refused,
        (f"refused with 403 (CSRF): {', '.join(refused)}; " if refused else "")
        + (
            f"{len(cached)} forms on cached pages sent" if cached else "no cached page holds a form"
        ),
    )


def progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def queue_drained(stack: Stack, emails_before: int) -> Check:
    """The worker runs every task the forms queued: the queue empties, no task fails."""
    queue = redis_client(stack.env["CELERY_BROKER_URL"])
    deadline = time.monotonic() + DRAIN_SECONDS
    while queue.llen("celery") and time.monotonic() < deadline:
        time.sleep(0.5)
    left = queue.llen("celery")
    time.sleep(1)  # the last task reserved finishes
    log = stack.workers[-1].log.read_text(errors="replace")
    failed = len(re.findall(r"Task \S+ raised unexpected|ERROR", log))
    done = len(re.findall(r"Task \S+\[[0-9a-f-]+\] succeeded", log))
    emails = stack.emails_sent() - emails_before
    return Check(
        "load: the Celery worker runs every queued task",
        left == 0 and failed == 0,
        f"{done} tasks succeeded, {failed} failed, {left} still queued {DRAIN_SECONDS} s "
        f"after the load; {emails} e-mails written",
    )


def server_error_notes(stack: Stack, limit: int = 3) -> list[str]:
    """The first server errors in gunicorn's log, and the security refusals (CSRF…)
    grouped by reason, for the report."""
    log = stack.workdir / "gunicorn.log"
    lines = log.read_text(errors="replace").splitlines() if log.exists() else []
    errors = [line for line in lines if " ERROR " in line or "Traceback" in line]
    notes = [f"Server log: {line[:300]}" for line in errors[:limit]]
    if errors:
        notes.append(f"Server log: {len(errors)} error lines in all, see {log}")
    refusals = Counter(
        line.split(" django.security.", 1)[1][:200]
        for line in lines
        if " WARNING django.security." in line
    )
    notes += [f"Server log: {count} × {reason}" for reason, count in refusals.most_common(5)]
    return notes


if __name__ == "__main__":
    cli(run)
