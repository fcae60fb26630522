"""Sending the newsletter to 10,000 subscribers through a local SMTP sink, vs the ceiling:
a raw ``smtplib`` loop sending the same pre-rendered messages over one connection.

Rows:

- messages per second of the send code path a Celery worker runs (one
  ``deliver_chunk`` per chunk of 500: claim in the database, personalise the body
  rendered once, send over one SMTP connection, mark sent) vs the raw loop;
- the worker's peak memory (RSS) sending to 10,000 vs 2,000 subscribers: it must
  not grow with the number of subscribers.

Each send runs in its own process (a worker), against a temporary SQLite database
filled by this process; the SMTP sink is aiosmtpd's ``Sink`` handler, in a process
of its own.

Run alone: ``.venv/bin/python -m bench.bench_newsletter`` (``make bench`` runs every
benchmark).
"""

import atexit
import contextlib
import json
import os
import shutil
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import Result, cli, percentile

ROOT = Path(__file__).resolve().parent.parent
SMALL, LARGE = 2_000, 10_000
CHUNK = 500
CEILING_MESSAGES = 5_000  # enough for a steady rate, and half the time
WORKER_FLAG = "--send-issue"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _configure(workdir: Path, smtp_port: int) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "territoires.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.pop("REDIS_URL", None)
    import django
    from django.conf import settings

    django.setup()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.NEWSLETTER_CHUNK_SIZE = CHUNK


@contextlib.contextmanager
def smtp_sink():
    port = _free_port()
    command = [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink"]
    process = subprocess.Popen(  # noqa: S603 — our interpreter, aiosmtpd's own server
        [*command, "-l", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def _issue(month: int, title: str):
    import datetime

    from wagtail.models import Locale, Page

    from core.demo_tools import paragraphs
    from newsletter.models import NewsletterArchivePage, NewsletterIssuePage

    archive = NewsletterArchivePage.objects.first()
    if archive is None:
        Locale.objects.get_or_create(language_code="fr")
        root = Page.get_first_root_node()
        archive = root.add_child(instance=NewsletterArchivePage(title="Archives", slug="archives"))
    text = (
        "Ce mois-ci, Territoires en Commun vous propose d'explorer la thématique du retour à "
        "l'emploi en rassemblant des ressources liées à l'insertion des personnes éloignées du "
        "marché du travail, avec les collectivités, les acteurs de l'emploi et les citoyens. "
    )
    body = [
        {"type": "edito", "value": {"title": "Édito", "text": "".join(
            block["value"] for block in paragraphs(*[text * 3] * 4)
        ), "signature": "L'équipe de Territoires en Commun"}},
    ] + [
        {"type": "text", "value": {"title": f"Rubrique {n}", "text": "".join(
            block["value"] for block in paragraphs(text * 2, text)
        )}}
        for n in range(8)
    ]  # fmt: skip
    return archive.add_child(
        instance=NewsletterIssuePage(
            title=title, slug=f"lettre-{month}", month=datetime.date(2030, month, 1), body=body
        )
    )


def _subscribers(count: int) -> None:
    from newsletter.models import Subscriber, SubscriberStatus

    start = Subscriber.objects.count()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"abonne{n}@exemple.fr", name=f"Abonné {n}", status=SubscriberStatus.ACTIVE
            )
            for n in range(start, start + count)
        ],
        batch_size=2000,
    )


def _start(issue) -> None:
    from django.utils import timezone

    from newsletter import services

    services.dispatch_schedule(issue=issue, at=timezone.now())
    services.dispatch_start(issue_id=issue.pk)


def send_issue_in_worker(workdir: str, smtp_port: int, issue_id: int) -> None:
    """The worker: send every chunk of one issue, report timings and peak RSS as JSON."""
    import resource

    _configure(Path(workdir), smtp_port)
    from newsletter import services
    from newsletter.models import Dispatch

    dispatch = Dispatch.objects.get(issue_id=issue_id)
    per_message_ms, sent = [], 0
    start = time.perf_counter()
    for chunk in range(dispatch.chunk_count):
        began = time.perf_counter()
        outcome = services.dispatch_send_chunk(issue_id=issue_id, chunk=chunk, rate=0)
        sent += outcome.sent
        per_message_ms.append((time.perf_counter() - began) * 1000 / max(outcome.sent, 1))
    elapsed = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {"sent": sent, "seconds": elapsed, "per_message_ms": per_message_ms, "rss": peak_kib}
        )
    )


def _worker(workdir: Path, smtp_port: int, issue_id: int) -> dict:
    arguments = [WORKER_FLAG, str(workdir), str(smtp_port), str(issue_id)]
    output = subprocess.run(  # noqa: S603 — this very module, as a worker
        [sys.executable, "-m", "bench.bench_newsletter", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def raw_smtplib(issue_id: int, smtp_port: int, total: int) -> dict:
    """The ceiling: pre-rendered messages of one chunk, sent ``total`` times in all over
    one connection with nothing else to do."""
    from newsletter.models import Delivery, Dispatch
    from newsletter.rendering import RenderedIssue, issue_message

    dispatch = Dispatch.objects.get(issue_id=issue_id)
    rendered = RenderedIssue(dispatch.subject, dispatch.html, dispatch.text)
    deliveries = Delivery.objects.filter(issue_id=issue_id).select_related("subscriber")[:CHUNK]
    prepared = []
    for delivery in deliveries:
        message = issue_message(rendered, delivery.subscriber)
        prepared.append(
            (message.from_email, message.to, message.message().as_bytes(linesep="\r\n"))
        )
    per_message_ms = []
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", smtp_port) as server:
        for lap in range(total // len(prepared)):
            began = time.perf_counter()
            for from_email, to, data in prepared:
                server.sendmail(from_email, to, data)
            per_message_ms.append((time.perf_counter() - began) * 1000 / len(prepared))
            del lap
    return {"seconds": time.perf_counter() - start, "per_message_ms": per_message_ms}


def run() -> list[Result]:
    workdir = Path(tempfile.mkdtemp(prefix="tec-bench-newsletter-"))
    atexit.register(shutil.rmtree, workdir, ignore_errors=True)
    with smtp_sink() as port:
        _configure(workdir, port)
        import logging

        from django.core.management import call_command
        from django.db import connections

        logging.disable(logging.INFO)
        call_command("migrate", verbosity=0)
        _subscribers(SMALL)
        small = _issue(1, "Lettre à 2 000 abonnés")
        _start(small)
        _subscribers(LARGE - SMALL)
        large = _issue(2, "Lettre à 10 000 abonnés")
        _start(large)
        connections.close_all()  # the workers open the SQLite file themselves

        small_run = _worker(workdir, port, small.pk)
        large_run = _worker(workdir, port, large.pk)
        assert small_run["sent"] == SMALL and large_run["sent"] == LARGE, (small_run, large_run)
        ceiling = raw_smtplib(large.pk, port, CEILING_MESSAGES)

    def rate(run: dict, count: int) -> float:
        return count / run["seconds"]

    return [
        Result(
            name=f"newsletter send, {LARGE:,} subscribers, chunks of {CHUNK} (SMTP sink)",
            reference="raw smtplib loop, same messages pre-rendered, one connection",
            ours_ms=statistics.median(large_run["per_message_ms"]),
            reference_ms=statistics.median(ceiling["per_message_ms"]),
            ours_p95_ms=percentile(large_run["per_message_ms"], 0.95),
            reference_p95_ms=percentile(ceiling["per_message_ms"], 0.95),
            ours_rps=rate(large_run, LARGE),
            reference_rps=rate(ceiling, CEILING_MESSAGES),
        ),
        Result(
            name=f"newsletter worker peak RSS, {LARGE:,} subscribers",
            reference=f"same worker, {SMALL:,} subscribers",
            ours_ms=statistics.median(large_run["per_message_ms"]),
            reference_ms=statistics.median(small_run["per_message_ms"]),
            ours_rps=rate(large_run, LARGE),
            reference_rps=rate(small_run, SMALL),
            ours_peak_kib=large_run["rss"],
            reference_peak_kib=small_run["rss"],
        ),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == WORKER_FLAG:
        send_issue_in_worker(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        cli(run)
