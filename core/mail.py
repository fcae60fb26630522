"""Transactional e-mails (confirmations, notifications), sent by a Celery task.

Whatever asks for an e-mail has already saved its data: ``queue_email`` only
schedules the sending after the transaction commits, and a failure to reach the
broker or the SMTP server is logged and retried, never raised to the visitor.
"""

import contextlib
import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from .public_urls import site_url

logger = logging.getLogger(__name__)

RETRY_DELAYS = [60, 300, 1800, 7200]  # seconds: 1 min, 5 min, 30 min, 2 h


def queue_email(template: str, to: list[str], context: dict, reply_to: list[str] | None = None):
    """Sends ``template`` (``<template>_subject.txt``, ``.txt`` and optional ``.html``).

    ``context`` must be JSON-serialisable (it travels through the broker).
    """
    recipients = [address for address in to if address]
    if not recipients:
        return

    def schedule():
        try:
            send_email.delay(template, recipients, context, reply_to or [])
        except Exception:  # broker down: the data are saved, the mail can be resent
            logger.exception("E-mail %s to %s could not be queued", template, recipients)

    transaction.on_commit(schedule)


def moderation_recipients() -> list[str]:
    """Where a notice of something to moderate goes (``MODERATION_EMAIL``)."""
    return [settings.MODERATION_EMAIL]


def build_email(template: str, to: list[str], context: dict, reply_to=()) -> EmailMultiAlternatives:
    context = {"site_url": site_url(), **context}
    subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=to,
        reply_to=list(reply_to) or None,
    )
    with contextlib.suppress(TemplateDoesNotExist):
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


@shared_task(bind=True, max_retries=len(RETRY_DELAYS), ignore_result=True)
def send_email(self, template: str, to: list[str], context: dict, reply_to: list[str]):
    try:
        build_email(template, to, context, reply_to).send()
    except OSError as error:  # smtplib errors are OSErrors: connection, refusal, timeout
        if self.request.is_eager or self.request.retries >= self.max_retries:
            logger.error("E-mail %s to %s not sent: %s", template, to, error)
            return
        raise self.retry(exc=error, countdown=RETRY_DELAYS[self.request.retries]) from error
