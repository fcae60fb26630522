"""Reactions to the editors' work on projets partagés."""

from wagtail.signals import page_published

from .models import SharedProjectPage


def fill_places_after_publishing(sender, instance, **kwargs):
    """A capacity raised in the admin gives the new places to the waiting list."""
    from .services import registrations_fill_places

    registrations_fill_places(instance)


def connect() -> None:
    page_published.connect(
        fill_places_after_publishing,
        sender=SharedProjectPage,
        dispatch_uid="votes.fill_places_after_publishing",
    )
