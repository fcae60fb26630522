"""Periodic work of the contributions app (thin: the services do it)."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def purge_unconfirmed_contributions() -> int:
    """Forget proposals whose sender never confirmed the address (after 30 days)."""
    return services.contributions_purge_unconfirmed()
