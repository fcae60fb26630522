"""Periodic work of the contributions app (thin: the services do it)."""

from celery import shared_task

from . import services


@shared_task(ignore_result=True)
def purge_unconfirmed_contributions() -> int:
    """Forget proposals (after 30 days) and requests to the ANCT (after 7 days) whose
    sender never confirmed the address."""
    return services.contributions_purge_unconfirmed() + services.need_requests_purge_unconfirmed()
