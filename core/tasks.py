"""Periodic work of the site itself (thin: the services do it)."""

from celery import shared_task

from .drafts import autosaved_draft_purge


@shared_task(ignore_result=True)
def purge_abandoned_drafts() -> int:
    """Delete the new pages that autosave created and their author left unsaved."""
    return autosaved_draft_purge()
