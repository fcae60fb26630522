"""Fault tests of the production-like stack: Redis stopped, PostgreSQL restarted and
the Celery worker killed, each while visitors keep coming.

The stack (bench.production_stack, settings bench.fault_settings) uses a private
``redis-server`` on a free port, so stopping it disturbs nobody; a light open-loop
load (BENCH_FAULT_RATE visits per second, default 4) runs during the first two tests.

1. Redis stopped for 10 s: pages are still served (no 5xx), ``/sante/`` says
   « degraded », a form that queues an e-mail still succeeds (the task runs in the
   web process); once Redis is back, ``/sante/`` says « ok » again and the worker
   runs queued tasks again.
2. PostgreSQL restarted (``pg_ctlcluster … restart``, fast mode): how many requests
   fail and for how long; after that, none may fail (the last 8 seconds of load).
   This restarts the machine's PostgreSQL cluster, for a second or two: it happens
   only when this module is run (``make bench`` or ``python -m bench.bench_faults``),
   never from the test suite; BENCH_SKIP_POSTGRES_RESTART=1 leaves it out.
3. The Celery worker killed with SIGKILL while a task runs, then a new worker
   started: the task is run again to its end (``task_acks_late``; Redis hands it
   out again after the visibility timeout) and the queued ones too: work lost 0.
   Then only the worker's pool process is killed mid-task: the worker puts the task
   back at once (``task_reject_on_worker_lost``) and runs it again.

Run alone: ``.venv/bin/python -m bench.bench_faults`` (``make bench`` runs every benchmark).
"""

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from bench.common import Check, Report, Skipped, cli
from bench.load_mix import FORM_SCENARIOS, QUEUES_A_TASK, Mix, Site, build_mix, discover
from bench.open_loop import drive, load_rows
from bench.production_stack import (
    CeleryWorker,
    RedisServer,
    Stack,
    database_url,
    fresh_run_dir,
    production_stack,
)
from bench.tasks_for_faults import NAME as SLOW_JOB
from bench.visitor import Recorder, Sample, Visitor
from bench.voters import make_voters

RATE = float(os.environ.get("BENCH_FAULT_RATE") or 4)
REDIS_DOWN_SECONDS = 10
RECOVERY_TIMEOUT = 30
QUIET_SECONDS = 8  # after a PostgreSQL restart, the last seconds must be free of errors
JOB_SECONDS = 4
VISIBILITY_TIMEOUT = int(os.environ.get("BENCH_VISIBILITY_TIMEOUT") or 15)


def run() -> Report:
    try:
        return fault_tests()
    except Skipped as skipped:
        raise Skipped(f"fault tests skipped: {skipped}") from skipped


def fault_tests() -> Report:
    workdir = fresh_run_dir("faults")
    redis = RedisServer(workdir)
    redis.start()
    try:
        with production_stack(
            workdir,
            redis_url=redis.url,
            settings="bench.fault_settings",
            worker_include="bench.tasks_for_faults",
        ) as stack:
            recorder = Recorder()
            recorder.enabled = False
            site = Site(stack.port, make_voters=lambda count: make_voters(stack, count))
            probe = Visitor(stack.port, recorder)
            discover(probe, site)
            mix = build_mix(site, probe)
            report = Report(notes=[f"Fault tests: {note}" for note in site.notes])
            report.extend(redis_down(stack, redis, site, mix))
            report.extend(postgres_restart(stack, site, mix))
            report.extend(worker_killed(stack))
            return report
    finally:
        redis.stop()


# --- Helpers ------------------------------------------------------------------------


@contextlib.contextmanager
def background_load(site: Site, mix: Mix, recorder: Recorder):
    """Visitors keep coming at RATE visits per second until the block ends."""
    stop = threading.Event()
    thread = threading.Thread(
        target=drive,
        args=(site, mix, recorder),
        kwargs={"rate": RATE, "duration": 3600, "stop": stop, "seed": 7},
        daemon=True,
    )
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=60)


def progress(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def health(port: int) -> tuple[int, dict]:
    page = Visitor(port, Recorder()).get("/sante/", "health")
    if page is None:
        return 0, {}
    try:
        return page.status, json.loads(page.body)
    except ValueError:
        return page.status, {}


def wait_for(condition, timeout: float, step: float = 0.25) -> float | None:
    """Seconds until ``condition()`` held, or None if it did not within ``timeout``."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(step)
    return None


def log_count(path: Path, pattern: str) -> int:
    return len(re.findall(pattern, path.read_text(errors="replace"))) if path.exists() else 0


def bad(sample: Sample) -> bool:
    return sample.status == 0 or sample.status >= 500


def queue_a_task(stack: Stack, site: Site):
    """Sends the first form that queues an e-mail; (name, its answer) or (None, None)."""
    for name in QUEUES_A_TASK:
        if name in site.forms:
            scenario, _weight = FORM_SCENARIOS[name]
            return name, scenario(Visitor(stack.port, Recorder()), site)
    return None, None


def worker_successes(stack: Stack) -> int:
    return sum(log_count(w.log, r"Task \S+ succeeded") for w in stack.workers)


# --- 1. Redis stopped ---------------------------------------------------------------


def redis_down(stack: Stack, redis: RedisServer, site: Site, mix: Mix) -> Report:
    progress(f"Redis stopped for {REDIS_DOWN_SECONDS} s under load")
    report = Report()
    recorder = Recorder()
    server_log = stack.workdir / "gunicorn.log"
    with background_load(site, mix, recorder):
        time.sleep(4)
        stopped_at = recorder.now()
        redis.stop()
        time.sleep(1)
        status, body = health(stack.port)
        report.checks.append(
            Check(
                "Redis stopped: /sante/ says degraded",
                status == 200 and body.get("status") == "degraded",
                f"HTTP {status}, {json.dumps(body, ensure_ascii=False)}",
            )
        )
        emails, in_process = stack.emails_sent(), log_count(server_log, "runs in process")
        posted = time.monotonic()
        name, answer = queue_a_task(stack, site)
        took = time.monotonic() - posted
        if name is None:
            report.notes.append("Redis stopped: no form that queues a task, check left out")
        else:
            written = wait_for(lambda: stack.emails_sent() > emails, 10)
            ran_here = log_count(server_log, "runs in process") - in_process
            report.checks.append(
                Check(
                    f"Redis stopped: a form that queues a task ({name}) succeeds, "
                    "the task runs in process",
                    answer is not None and answer.status in (302, 303) and written is not None,
                    f"HTTP {answer.status if answer else 'no answer'} in {took:.1f} s; "
                    f"e-mail written: {'yes' if written is not None else 'no'}; "
                    f"« runs in process » logged {ran_here} times",
                )
            )
        time.sleep(max(0, stopped_at + REDIS_DOWN_SECONDS - recorder.now()))
        restarted_at = recorder.now()
        redis.start()
        back = wait_for(lambda: health(stack.port)[1].get("status") == "ok", RECOVERY_TIMEOUT)
        report.checks.append(
            Check(
                "Redis back: /sante/ says ok again",
                back is not None,
                f"after {back:.1f} s" if back is not None else f"not within {RECOVERY_TIMEOUT} s",
            )
        )
        if name is not None:
            done = worker_successes(stack)
            name, answer = queue_a_task(stack, site)
            by_worker = wait_for(lambda: worker_successes(stack) > done, RECOVERY_TIMEOUT)
            report.checks.append(
                Check(
                    "Redis back: the worker runs queued tasks again",
                    answer is not None and answer.status in (302, 303) and by_worker is not None,
                    f"{name}: HTTP {answer.status if answer else 'no answer'}, task run by the "
                    + (
                        f"worker {by_worker:.1f} s later" if by_worker is not None else "worker: no"
                    ),
                )
            )
        time.sleep(3)
        ended_at = recorder.now()
    during = [s for s in recorder.samples if stopped_at <= s.started < restarted_at]
    after = [s for s in recorder.samples if restarted_at <= s.started < ended_at]
    if during:
        total = load_rows(during, restarted_at - stopped_at)[-1]
        report.load.append(
            replace(
                total, name=f"fault test: all requests while Redis is stopped ({RATE:g} visits/s)"
            )
        )
    report.checks.append(
        Check(
            "Redis stopped, then back: pages still served",
            not any(bad(s) for s in during + after),
            f"{len(during)} requests while stopped, {sum(bad(s) for s in during)} failed "
            f"(5xx or no answer); {len(after)} after, {sum(bad(s) for s in after)} failed",
        )
    )
    return report


# --- 2. PostgreSQL restarted --------------------------------------------------------


def postgres_cluster() -> tuple[list[str] | None, str]:
    """The pg_ctlcluster command restarting the bench database's cluster, or why not."""
    if os.environ.get("BENCH_SKIP_POSTGRES_RESTART"):
        return None, "BENCH_SKIP_POSTGRES_RESTART is set"
    url = urlsplit(database_url())
    if url.hostname not in ("127.0.0.1", "localhost", "::1"):
        return None, f"the database is not on this machine ({url.hostname})"
    lsclusters, ctlcluster = shutil.which("pg_lsclusters"), shutil.which("pg_ctlcluster")
    if os.geteuid() != 0 or not lsclusters or not ctlcluster:
        return None, "restarting PostgreSQL needs root and pg_ctlcluster (Debian)"
    listing = subprocess.run(  # noqa: S603 — Debian's own tool, fixed arguments
        [lsclusters, "--no-header"], capture_output=True, text=True, check=False
    ).stdout
    for line in listing.splitlines():
        version, cluster, port, *_rest = line.split()
        if int(port) == (url.port or 5432):
            return [
                *(ctlcluster, "--skip-systemctl-redirect", "-m", "fast"),
                *(version, cluster, "restart"),
            ], ""
    return None, f"no local cluster on port {url.port or 5432}"


def postgres_restart(stack: Stack, site: Site, mix: Mix) -> Report:
    command, reason = postgres_cluster()
    if command is None:
        return Report(notes=[f"PostgreSQL restart: left out, {reason}"])
    progress("PostgreSQL restarted under load")
    recorder = Recorder()
    with background_load(site, mix, recorder):
        time.sleep(5)
        restart_at = recorder.now()
        completed = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        restarted_at = recorder.now()
        time.sleep(QUIET_SECONDS + 4)
        ended_at = recorder.now()
    status, body = health(stack.port)
    samples = [s for s in recorder.samples if s.started < ended_at]
    failed = [s for s in samples if bad(s) and s.started >= restart_at - 1]
    before = [s for s in samples if bad(s) and s.started < restart_at - 1]
    quiet = [s for s in samples if s.started >= ended_at - QUIET_SECONDS]
    report = Report()
    if completed.returncode != 0:
        report.checks.append(
            Check("PostgreSQL restart", False, f"pg_ctlcluster failed: {completed.stderr[-300:]}")
        )
        return report
    if failed:
        first = min(s.started for s in failed) - restart_at
        last = max(s.started + s.latency_ms / 1000 for s in failed) - restart_at
        window = f"failures from {first:+.1f} s to {last:+.1f} s after the restart began"
    else:
        window = "no failure at all"
    report.checks.append(
        Check(
            f"PostgreSQL restarted under load ({restarted_at - restart_at:.1f} s): "
            "few requests fail, then none",
            not before and not any(bad(s) for s in quiet) and status == 200,
            f"{len(failed)} of {len(samples)} requests failed "
            f"({sum(1 for s in failed if s.status >= 500)} 5xx, "
            f"{sum(1 for s in failed if s.status == 0)} without answer), {window}; "
            f"last {QUIET_SECONDS} s: {len(quiet)} requests, "
            f"{sum(bad(s) for s in quiet)} failed; /sante/ then HTTP {status} "
            f"{body.get('status', '')}",
        )
    )
    return report


# --- 3. Celery worker killed --------------------------------------------------------


def send_jobs(stack: Stack, tokens: list[str], directory: Path) -> None:
    """Queues slow jobs by name, as the site queues its tasks (a bare Celery client)."""
    from celery import Celery

    client = Celery("bench-faults", broker=stack.env["CELERY_BROKER_URL"])
    for token in tokens:
        client.send_task(SLOW_JOB, args=[token, JOB_SECONDS, str(directory)])
    client.close()


def attempts(directory: Path, token: str, what: str) -> int:
    path = directory / f"{token}.{what}"
    return len(path.read_text().splitlines()) if path.exists() else 0


def worker_killed(stack: Stack) -> Report:
    progress("Celery worker killed mid-task")
    report = Report()
    jobs = stack.workdir / "jobs"
    jobs.mkdir()
    tokens = ["first", "second", "third"]
    send_jobs(stack, tokens, jobs)
    if wait_for(lambda: attempts(jobs, "first", "started"), 60) is None:
        report.checks.append(
            Check("Celery worker killed mid-task", False, "the worker never started the job")
        )
        return report
    time.sleep(1)
    killed = time.monotonic()
    stack.workers[-1].kill()
    worker = CeleryWorker(stack, include="bench.tasks_for_faults").start()
    stack.workers.append(worker)
    finished = wait_for(
        lambda: all(attempts(jobs, token, "done") for token in tokens), VISIBILITY_TIMEOUT + 90
    )
    since_kill = time.monotonic() - killed
    lost = [token for token in tokens if not attempts(jobs, token, "done")]
    twice = [token for token in tokens if attempts(jobs, token, "done") > 1]
    report.checks.append(
        Check(
            "Celery worker killed (SIGKILL) mid-task, a new one started: the task runs again",
            not lost and not twice and attempts(jobs, "first", "started") >= 2,
            f"work lost: {len(lost)} of {len(tokens)} jobs; the interrupted job began "
            f"{attempts(jobs, 'first', 'started')} times and ended once; "
            + (
                f"all jobs done {since_kill:.0f} s after the kill"
                if finished is not None
                else "not all done"
            )
            + f" (visibility timeout {VISIBILITY_TIMEOUT} s)",
        )
    )
    send_jobs(stack, ["fourth"], jobs)
    if wait_for(lambda: attempts(jobs, "fourth", "started"), 60) is None:
        report.checks.append(Check("Celery pool process killed", False, "the job never started"))
        return report
    time.sleep(1)
    for pid in worker.pool_pids():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
    rerun = wait_for(lambda: attempts(jobs, "fourth", "done"), 60)
    report.checks.append(
        Check(
            "Celery pool process killed (SIGKILL) mid-task: the worker runs the task again",
            rerun is not None and attempts(jobs, "fourth", "started") >= 2,
            f"work lost: {0 if rerun is not None else 1} of 1; the job began "
            f"{attempts(jobs, 'fourth', 'started')} times, ended "
            f"{attempts(jobs, 'fourth', 'done')} time(s)",
        )
    )
    return report


if __name__ == "__main__":
    cli(run)
