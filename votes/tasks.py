"""Periodic work of the votes, run by Celery beat."""

from celery import shared_task

from .services import campaign_freeze_due


@shared_task(ignore_result=True)
def freeze_closed_campaigns() -> int:
    """Freezes the results of the campaigns whose closing date has passed (idempotent)."""
    return campaign_freeze_due()
