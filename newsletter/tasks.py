"""Celery tasks of the newsletter: thin, idempotent, taking ids; the work is in services."""

import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from . import services
from .models import NewsletterIssuePage
from .months import next_month, parse_month
from .selectors import dispatch_chunk_countdowns, dispatch_list_due

logger = logging.getLogger(__name__)

RETRY_DELAYS = [60, 300, 900, 3600, 3 * 3600]  # seconds: back-off of a chunk's retries

# Sending runs on the workers, paced, or not at all: with the broker down these tasks
# are not run in the calling process (territoires.celery.ResilientTask); the beat's
# tasks start or resume the send once the broker is back.


@shared_task(ignore_result=True, queue_only=True)
def start_dispatch(issue_id: int) -> None:
    """Start a due issue (once, whoever calls) and queue one task per chunk."""
    dispatch = services.dispatch_start(issue_id=issue_id)
    if dispatch is None:
        return
    for chunk, countdown in dispatch_chunk_countdowns(dispatch=dispatch):
        send_chunk.apply_async((issue_id, chunk), countdown=countdown)


@shared_task(bind=True, max_retries=len(RETRY_DELAYS), ignore_result=True, queue_only=True)
def send_chunk(self, issue_id: int, chunk: int) -> None:
    eager = self.request.is_eager
    # Eager (embedded default, e-mails as files): no pause between messages.
    rate = 0 if eager else settings.NEWSLETTER_SEND_RATE
    try:
        outcome = services.dispatch_send_chunk(issue_id=issue_id, chunk=chunk, rate=rate)
    except services.TransientFailure as error:
        if eager or self.request.retries >= self.max_retries:
            logger.error("Newsletter chunk %s/%s stopped: %s", issue_id, chunk, error)
            return
        raise self.retry(countdown=RETRY_DELAYS[self.request.retries]) from error
    if outcome.deferred and not eager and self.request.retries < self.max_retries:
        raise self.retry(countdown=RETRY_DELAYS[self.request.retries])


@shared_task(ignore_result=True, queue_only=True)
def start_due_dispatches() -> None:
    for issue_id in dispatch_list_due():
        start_dispatch.delay(issue_id)


@shared_task(ignore_result=True, queue_only=True)
def recover_stalled_deliveries() -> None:
    for issue_id, chunk in services.dispatch_recover_stalled():
        send_chunk.delay(issue_id, chunk)


@shared_task(ignore_result=True)
def purge_unconfirmed_subscribers() -> None:
    deleted = services.subscriber_purge_unconfirmed(days=settings.NEWSLETTER_UNCONFIRMED_PURGE_DAYS)
    if deleted:
        logger.info("Newsletter: %s unconfirmed sign-ups deleted", deleted)


@shared_task(ignore_result=True)
def assemble_issue(month_iso: str) -> None:
    """Assemble the draft of a month (« 2026-12 »); an existing issue is left alone."""
    try:
        assembly = services.issue_assemble(month=parse_month(month_iso))
    except services.AssemblyRefused as refusal:
        logger.info("Newsletter: %s", refusal.message)
        return
    # The editors read these on the draft; the log keeps what was found.
    logger.info("Newsletter: %s", assembly.summary)
    for warning in assembly.warnings:
        logger.warning("Newsletter: %s", warning)


@shared_task(ignore_result=True)
def draft_next_issue() -> None:
    """From ``NEWSLETTER_DRAFT_DAY``, next month's draft is waiting for the editors."""
    today = timezone.localdate()
    if today.day < settings.NEWSLETTER_DRAFT_DAY:
        return
    following = next_month(today)
    if not NewsletterIssuePage.objects.filter(month=following).exists():
        assemble_issue(f"{following:%Y-%m}")
