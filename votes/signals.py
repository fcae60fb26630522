"""Reactions to the editors' work on projets partagés."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from collectivites.merges import collectivite_merged

from .cache import forget_home_summary
from .models import Campaign, Candidate, SharedProjectPage
from .services import ballots_follow_merge, registrations_fill_places, registrations_follow_merge


def fill_places_after_publishing(sender, instance, **kwargs):
    """A capacity raised in the admin gives the new places to the waiting list."""
    registrations_fill_places(project=instance)
    forget_home_summary()  # its call on the home page: places, title, registrations open


def forget_home_summary_on_change(sender, **kwargs):
    """A campaign or a theme edited in the admin shows at once on the home page."""
    forget_home_summary()


def follow_merge(sender, *, former, into, **kwargs) -> dict[str, int]:
    """A commune merged into another: its ballots and registrations follow it."""
    return {
        **ballots_follow_merge(former=former, into=into),
        **registrations_follow_merge(former=former, into=into),
    }


def connect() -> None:
    collectivite_merged.connect(follow_merge, dispatch_uid="votes.follow_merge")
    for model in (Campaign, Candidate):
        post_save.connect(
            forget_home_summary_on_change, sender=model, dispatch_uid=f"votes.home.save.{model}"
        )
        post_delete.connect(
            forget_home_summary_on_change, sender=model, dispatch_uid=f"votes.home.delete.{model}"
        )
    page_published.connect(
        fill_places_after_publishing,
        sender=SharedProjectPage,
        dispatch_uid="votes.fill_places_after_publishing",
    )
    page_unpublished.connect(
        forget_home_summary_on_change,
        sender=SharedProjectPage,
        dispatch_uid="votes.home.unpublish.sharedproject",
    )
