"""Sending an issue: schedule, start, send chunk by chunk, recover from crashes.

Exactly once per subscriber:

- when the send starts, one ``Delivery`` row per recipient is created (a unique
  constraint on (issue, subscriber) makes a second start create nothing);
- a chunk task claims pending rows of its chunk in small batches (a conditional
  UPDATE; on PostgreSQL under ``SELECT … FOR UPDATE SKIP LOCKED`` so that two
  workers never wait for each other) and marks each row sent as soon as the SMTP
  server has accepted the message;
- a worker killed mid-batch leaves rows « claimed »: after
  ``NEWSLETTER_STALLED_AFTER_MINUTES`` they are released and sent by the next
  run. Only the message in flight at the crash can go out twice.
"""

import datetime
import logging
import math
import smtplib
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import (
    Delivery,
    DeliveryStatus,
    Dispatch,
    DispatchStatus,
    NewsletterIssuePage,
    Subscriber,
)
from .rendering import (
    MessageTemplate,
    RenderedIssue,
    issue_message,
    render_issue,
    trial_message,
)
from .snapshot import take_snapshot
from .subscriptions import subscriber_bounced

logger = logging.getLogger(__name__)

CLAIM_BATCH = 50
INSERT_BATCH = 1000


class SendRefused(Exception):
    """What the editor asked cannot be done; ``message`` says why, in French."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TransientFailure(Exception):
    """The SMTP server is unreachable or asked us to try later: retry the chunk."""


# -- scheduling ------------------------------------------------------------------------


def dispatch_schedule(*, issue: NewsletterIssuePage, at: datetime.datetime, user=None) -> Dispatch:
    """Send ``issue`` at ``at``: the beat task starts it when the time comes (callers
    that mean « now » start it themselves). Re-scheduling moves the date; an issue
    already sending or sent cannot be scheduled again."""
    with transaction.atomic():
        dispatch, _created = Dispatch.objects.select_for_update().get_or_create(issue=issue)
        if dispatch.status in (DispatchStatus.SENDING, DispatchStatus.SENT):
            raise SendRefused(
                "Cette lettre a déjà été envoyée : elle ne peut pas l'être une seconde fois."
                if dispatch.status == DispatchStatus.SENT
                else "L'envoi de cette lettre est déjà en cours."
            )
        dispatch.status = DispatchStatus.SCHEDULED
        dispatch.scheduled_at = at
        dispatch.requested_by = user
        dispatch.save()
    return dispatch


def dispatch_cancel(*, issue: NewsletterIssuePage) -> None:
    cancelled = Dispatch.objects.filter(issue=issue, status=DispatchStatus.SCHEDULED).update(
        status=DispatchStatus.CANCELLED
    )
    if not cancelled:
        raise SendRefused("Aucun envoi programmé à annuler : l'envoi a peut-être commencé.")


def claims_release(*, issue_id: int) -> int:
    """Release every claim on an issue at once, when an operator knows that no
    worker is sending it any more (instead of waiting for the stall delay)."""
    return Delivery.objects.filter(issue_id=issue_id, status=DeliveryStatus.CLAIMED).update(
        status=DeliveryStatus.PENDING, claim=""
    )


def due_dispatches(*, now=None) -> list[int]:
    """Ids of the issues whose scheduled time has come."""
    return list(
        Dispatch.objects.filter(
            status=DispatchStatus.SCHEDULED, scheduled_at__lte=now or timezone.now()
        ).values_list("issue_id", flat=True)
    )


# -- starting --------------------------------------------------------------------------


def dispatch_start(*, issue_id: int, now=None) -> Dispatch | None:
    """Start sending a due issue: publish it, render it once, create the send log.

    Returns None when the issue is not due or another process started it first.
    """
    now = now or timezone.now()
    with transaction.atomic():
        started = Dispatch.objects.filter(
            issue_id=issue_id, status=DispatchStatus.SCHEDULED, scheduled_at__lte=now
        ).update(status=DispatchStatus.SENDING, started_at=now)
        if not started:
            return None
        dispatch = Dispatch.objects.get(issue_id=issue_id)
        issue = _publish(NewsletterIssuePage.objects.get(pk=issue_id))
        snapshot = take_snapshot()
        rendered = render_issue(issue, snapshot=snapshot)
        total = _create_deliveries(issue)
        dispatch.subject, dispatch.html, dispatch.text = (
            rendered.subject,
            rendered.html,
            rendered.text,
        )
        dispatch.snapshot = snapshot
        dispatch.total = total
        dispatch.chunk_count = math.ceil(total / settings.NEWSLETTER_CHUNK_SIZE)
        dispatch.save()
    logger.info("Newsletter: issue %s started, %s recipients", issue_id, total)
    if total == 0:
        dispatch_finish_if_complete(issue_id=issue_id)
    return dispatch


def _publish(issue: NewsletterIssuePage) -> NewsletterIssuePage:
    """The latest revision goes live: the archive shows what the e-mail says."""
    revision = issue.get_latest_revision()
    if revision is None:
        revision = issue.save_revision()
    if not issue.live or issue.has_unpublished_changes:
        revision.publish()
    return NewsletterIssuePage.objects.get(pk=issue.pk)


def _create_deliveries(issue: NewsletterIssuePage) -> int:
    """One row per receiving subscriber, numbered by chunk; memory stays flat."""
    chunk_size = settings.NEWSLETTER_CHUNK_SIZE
    recipients = Subscriber.objects.receiving().order_by("pk").values_list("pk", flat=True)
    batch = []
    for position, subscriber_id in enumerate(recipients.iterator(chunk_size=INSERT_BATCH)):
        batch.append(
            Delivery(issue=issue, subscriber_id=subscriber_id, chunk=position // chunk_size)
        )
        if len(batch) == INSERT_BATCH:
            Delivery.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Delivery.objects.bulk_create(batch, ignore_conflicts=True)
    return Delivery.objects.filter(issue=issue).count()


def chunk_countdowns(dispatch: Dispatch) -> list[tuple[int, float]]:
    """(chunk, seconds to wait): chunks are spread so that all workers together keep
    to ``NEWSLETTER_SEND_RATE`` messages per second."""
    rate = settings.NEWSLETTER_SEND_RATE
    spacing = settings.NEWSLETTER_CHUNK_SIZE / rate if rate > 0 else 0
    return [(chunk, chunk * spacing) for chunk in range(dispatch.chunk_count)]


# -- sending a chunk ---------------------------------------------------------------------


@dataclass
class ChunkOutcome:
    sent: int = 0
    failed: int = 0
    bounced: int = 0
    skipped: int = 0
    deferred: int = 0


class Pacer:
    """Keeps to ``rate`` messages per second (0: no limit)."""

    def __init__(self, rate: float, sleep=time.sleep, clock=time.monotonic):
        self.interval = 1 / rate if rate and rate > 0 else 0
        self.sleep, self.clock = sleep, clock
        self.next = clock()

    def wait(self) -> None:
        if not self.interval:
            return
        now = self.clock()
        if self.next > now:
            self.sleep(self.next - now)
        self.next = max(self.next, now) + self.interval


def claim_batch(*, issue_id: int, chunk: int, claim: str, since, size: int = CLAIM_BATCH):
    """Claim up to ``size`` pending rows of a chunk for this worker.

    Rows deferred after ``since`` (a recipient's server said « try later ») are
    left for the next run of the chunk.
    """
    available = Delivery.objects.filter(
        issue_id=issue_id, chunk=chunk, status=DeliveryStatus.PENDING
    ).filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=since))
    with transaction.atomic():
        if db_connection.features.has_select_for_update_skip_locked:
            available = available.select_for_update(skip_locked=True)
        ids = list(available.order_by("pk").values_list("pk", flat=True)[:size])
        if not ids:
            return []
        Delivery.objects.filter(pk__in=ids, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.CLAIMED,
            claim=claim,
            claimed_at=timezone.now(),
            attempts=F("attempts") + 1,
        )
    return list(
        Delivery.objects.filter(pk__in=ids, claim=claim, status=DeliveryStatus.CLAIMED)
        .select_related("subscriber")
        .order_by("pk")
    )


def deliver_chunk(
    *, issue_id: int, chunk: int, rate: float = 0.0, connection=None, sleep=time.sleep
) -> ChunkOutcome:
    """Send one chunk over one SMTP connection; safe to run again, or twice at once."""
    outcome = ChunkOutcome()
    dispatch = Dispatch.objects.filter(issue_id=issue_id).first()
    if dispatch is None or dispatch.status != DispatchStatus.SENDING:
        return outcome
    rendered = RenderedIssue(subject=dispatch.subject, html=dispatch.html, text=dispatch.text)
    template = MessageTemplate.build(rendered)  # the MIME bytes, once per chunk
    claim, since = uuid.uuid4().hex, timezone.now()
    pacer = Pacer(rate, sleep=sleep)
    connection = connection or get_connection()
    try:
        connection.open()
        while batch := claim_batch(issue_id=issue_id, chunk=chunk, claim=claim, since=since):
            for position, delivery in enumerate(batch):
                try:
                    _deliver(delivery, rendered, template, connection, outcome, pacer)
                except TransientFailure:
                    _release(batch[position:])
                    raise
    except (smtplib.SMTPException, OSError) as error:  # could not even connect
        raise TransientFailure(str(error)) from error
    finally:
        try:
            connection.close()
        except Exception:  # the connection is already broken: nothing left to close
            logger.debug("SMTP connection not closed cleanly", exc_info=True)
    dispatch_finish_if_complete(issue_id=issue_id)
    return outcome


def _deliver(
    delivery: Delivery, rendered, template, connection, outcome: ChunkOutcome, pacer
) -> None:
    subscriber = delivery.subscriber
    if subscriber is None or not subscriber.is_receiving:
        _mark(delivery, DeliveryStatus.SKIPPED)
        outcome.skipped += 1
        return
    if delivery.attempts > settings.NEWSLETTER_MAX_ATTEMPTS:
        _mark(delivery, DeliveryStatus.FAILED, error="Trop de tentatives.")
        outcome.failed += 1
        return
    pacer.wait()
    message = issue_message(rendered, subscriber, connection=connection, template=template)
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        code, reason = next(iter(error.recipients.values()), (0, b""))
        _refused(delivery, code, _reason(code, reason), outcome)
        return
    except smtplib.SMTPSenderRefused as error:  # our sender address: nothing to do with them
        raise TransientFailure(_reason(error.smtp_code, error.smtp_error)) from error
    except smtplib.SMTPResponseException as error:
        if 500 <= error.smtp_code < 600:  # this message refused for good (size, content…)
            _mark(delivery, DeliveryStatus.FAILED, error=_reason(error.smtp_code, error.smtp_error))
            outcome.failed += 1
            return
        raise TransientFailure(_reason(error.smtp_code, error.smtp_error)) from error
    except (smtplib.SMTPException, OSError) as error:  # disconnected, timeout, refused
        raise TransientFailure(str(error)) from error
    mark_sent(delivery)
    outcome.sent += 1


def _reason(code, text) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()[:500]


def _refused(delivery: Delivery, code: int, reason: str, outcome: ChunkOutcome) -> None:
    if 500 <= code < 600:  # the address does not exist or refuses us: stop sending to it
        subscriber_bounced(subscriber_id=delivery.subscriber_id, reason=reason)
        _mark(delivery, DeliveryStatus.BOUNCED, error=reason)
        outcome.bounced += 1
    elif delivery.attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        _mark(delivery, DeliveryStatus.FAILED, error=reason)
        outcome.failed += 1
    else:  # greylisting, full mailbox…: another run will try again
        Delivery.objects.filter(pk=delivery.pk).update(
            status=DeliveryStatus.PENDING, claim="", claimed_at=timezone.now(), error=reason
        )
        outcome.deferred += 1


def mark_sent(delivery: Delivery) -> None:
    """Right after the SMTP server accepted the message, whoever holds the claim."""
    Delivery.objects.filter(pk=delivery.pk).exclude(status=DeliveryStatus.SENT).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), claim="", error=""
    )


def _mark(delivery: Delivery, status: str, error: str = "") -> None:
    Delivery.objects.filter(pk=delivery.pk).update(status=status, claim="", error=str(error)[:500])


def _release(deliveries: list[Delivery]) -> None:
    """Give back the rows not sent yet: the chunk's retry will claim them again."""
    Delivery.objects.filter(
        pk__in=[delivery.pk for delivery in deliveries], status=DeliveryStatus.CLAIMED
    ).update(status=DeliveryStatus.PENDING, claim="", claimed_at=None)


def dispatch_finish_if_complete(*, issue_id: int) -> bool:
    unfinished = Delivery.objects.filter(
        issue_id=issue_id, status__in=[DeliveryStatus.PENDING, DeliveryStatus.CLAIMED]
    ).exists()
    if unfinished:
        return False
    return bool(
        Dispatch.objects.filter(issue_id=issue_id, status=DispatchStatus.SENDING).update(
            status=DispatchStatus.SENT, finished_at=timezone.now()
        )
    )


# -- recovery ----------------------------------------------------------------------------


def stalled_recover(*, now=None) -> list[tuple[int, int]]:
    """Release the claims of dead workers; return the (issue, chunk) pairs to run again.

    A chunk is run again once its time has passed by the stall delay and rows are
    still waiting in it: its task was lost, or its worker died.
    """
    now = now or timezone.now()
    stalled_after = datetime.timedelta(minutes=settings.NEWSLETTER_STALLED_AFTER_MINUTES)
    limit = now - stalled_after
    released = Delivery.objects.filter(status=DeliveryStatus.CLAIMED, claimed_at__lt=limit).update(
        status=DeliveryStatus.PENDING, claim=""
    )
    if released:
        logger.warning("Newsletter: %s stalled deliveries released", released)
    overdue = []
    for dispatch in Dispatch.objects.filter(status=DispatchStatus.SENDING):
        waiting = set(
            Delivery.objects.filter(issue_id=dispatch.issue_id, status=DeliveryStatus.PENDING)
            .filter(Q(claimed_at__isnull=True) | Q(claimed_at__lt=limit))
            .values_list("chunk", flat=True)
            .distinct()
        )
        if not waiting:
            dispatch_finish_if_complete(issue_id=dispatch.issue_id)
            continue
        for chunk, countdown in chunk_countdowns(dispatch):
            due = dispatch.started_at + datetime.timedelta(seconds=countdown) + stalled_after
            if chunk in waiting and due <= now:
                overdue.append((dispatch.issue_id, chunk))
    return overdue


# -- tests by editors ----------------------------------------------------------------------


def send_trial(*, issue: NewsletterIssuePage, addresses: list[str]) -> None:
    """The issue as it stands, to a few addresses, now. Raises SendRefused in French
    when the SMTP server cannot be reached."""
    rendered = render_issue(issue)
    connection = get_connection()
    try:
        connection.send_messages(
            [trial_message(rendered, address, connection=connection) for address in addresses]
        )
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Newsletter test not sent: %s", error)
        raise SendRefused(
            "L'e-mail de test n'a pas pu être envoyé (serveur d'envoi injoignable). Réessayez."
        ) from error
