"""Sending one chunk of an issue, exactly once per subscriber.

A chunk task claims pending rows of its chunk in small batches (a conditional
UPDATE; on PostgreSQL under ``SELECT … FOR UPDATE SKIP LOCKED`` so that two
workers never wait for each other) and marks each row sent as soon as the SMTP
server has accepted the message. A worker killed mid-batch leaves rows
« claimed »: ``dispatches.dispatch_recover_stalled`` releases them later. Only the
message in flight at the crash can go out twice.
"""

import logging
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

from ..models import Delivery, DeliveryStatus, Dispatch, DispatchStatus
from ..rendering import MessageTemplate, RenderedIssue, issue_message
from .subscribers import subscriber_mark_bounced

logger = logging.getLogger(__name__)

CLAIM_BATCH = 50


class TransientFailure(Exception):
    """The SMTP server is unreachable or asked us to try later: retry the chunk."""


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


def delivery_claim_batch(*, issue_id: int, chunk: int, claim: str, since, size: int = CLAIM_BATCH):
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


def dispatch_send_chunk(
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
        while batch := delivery_claim_batch(
            issue_id=issue_id, chunk=chunk, claim=claim, since=since
        ):
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
    delivery_mark_sent(delivery=delivery)
    outcome.sent += 1


def _reason(code, text) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()[:500]


def _refused(delivery: Delivery, code: int, reason: str, outcome: ChunkOutcome) -> None:
    if 500 <= code < 600:  # the address does not exist or refuses us: stop sending to it
        subscriber_mark_bounced(subscriber_id=delivery.subscriber_id, reason=reason)
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


def delivery_mark_sent(*, delivery: Delivery) -> None:
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
