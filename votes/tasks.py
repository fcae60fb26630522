"""Work of the votes done by Celery: the periodic freezing (beat), the announcement
of a projet partagé to the voting collectivités."""

from celery import shared_task

from .services import (
    campaign_announce_shared_project,
    campaign_freeze_due,
    registrations_apply_due_departures,
)


@shared_task(ignore_result=True)
def freeze_closed_campaigns() -> int:
    """Freezes the results of the campaigns whose closing date has passed (idempotent)."""
    return campaign_freeze_due()


@shared_task(ignore_result=True)
def announce_shared_project(campaign_id: int) -> int:
    """E-mails the voting collectivités the results and the invitation (once)."""
    return campaign_announce_shared_project(campaign_id=campaign_id)


@shared_task(ignore_result=True)
def apply_due_departures() -> int:
    """Applies the departures from projets partagés whose delay to undo has passed."""
    return registrations_apply_due_departures()
