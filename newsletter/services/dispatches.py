"""Sending an issue: schedule, start, recover from crashes (chunks: ``delivery``).

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

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import (
    Delivery,
    DeliveryStatus,
    Dispatch,
    DispatchStatus,
    NewsletterIssuePage,
    Subscriber,
)
from ..rendering import render_issue, trial_message
from ..selectors import dispatch_chunk_countdowns
from ..snapshot import take_snapshot
from .delivery import dispatch_finish_if_complete

logger = logging.getLogger(__name__)

INSERT_BATCH = 1000


class SendRefused(Exception):
    """What the editor asked cannot be done; ``message`` says why, in French."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


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


def dispatch_unschedule(*, issue: NewsletterIssuePage, previous: Dispatch | None) -> None:
    """Puts the send back as it was (``previous``: the row before, or None) after a
    « send now » whose start could not be queued: nothing was sent, and nothing
    starts later by surprise. A send that started meanwhile is left alone."""
    with transaction.atomic():
        dispatch = (
            Dispatch.objects.select_for_update()
            .filter(issue=issue, status=DispatchStatus.SCHEDULED)
            .first()
        )
        if dispatch is None:
            return
        if previous is None:
            dispatch.delete()
            return
        dispatch.status = previous.status
        dispatch.scheduled_at = previous.scheduled_at
        dispatch.requested_by_id = previous.requested_by_id
        dispatch.save(update_fields=["status", "scheduled_at", "requested_by", "updated_at"])


def dispatch_cancel(*, issue: NewsletterIssuePage) -> None:
    cancelled = Dispatch.objects.filter(issue=issue, status=DispatchStatus.SCHEDULED).update(
        status=DispatchStatus.CANCELLED
    )
    if not cancelled:
        raise SendRefused("Aucun envoi programmé à annuler : l'envoi a peut-être commencé.")


def dispatch_release_claims(*, issue_id: int) -> int:
    """Release every claim on an issue at once, when an operator knows that no
    worker is sending it any more (instead of waiting for the stall delay)."""
    return Delivery.objects.filter(issue_id=issue_id, status=DeliveryStatus.CLAIMED).update(
        status=DeliveryStatus.PENDING, claim=""
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


# -- recovery ----------------------------------------------------------------------------


def dispatch_recover_stalled(*, now=None) -> list[tuple[int, int]]:
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
        for chunk, countdown in dispatch_chunk_countdowns(dispatch=dispatch):
            due = dispatch.started_at + datetime.timedelta(seconds=countdown) + stalled_after
            if chunk in waiting and due <= now:
                overdue.append((dispatch.issue_id, chunk))
    return overdue


# -- tests by editors ----------------------------------------------------------------------


def issue_send_trial(*, issue: NewsletterIssuePage, addresses: list[str]) -> None:
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
