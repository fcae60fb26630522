"""Closing a campaign: freezing its results, and turning the winning theme into a
projet partagé."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from core.slugs import slug_available
from votes.cache import forget_home_summary
from votes.models import Campaign, Candidate, SharedProjectIndexPage, SharedProjectPage
from votes.models.projects import MAX_STAKEHOLDERS, MIN_STAKEHOLDERS
from votes.selectors import results_compute_live, results_snapshot

from .errors import VoteRefused


def _freeze_locked(campaign: Campaign, now: datetime.datetime) -> None:
    campaign.frozen_results = results_snapshot(results=results_compute_live(campaign=campaign))
    campaign.results_frozen_at = now
    if campaign.closed_at is None:
        # Closed by its date: record it, so that moving the date later cannot reopen it.
        campaign.closed_at = min(campaign.closes_at, now)


def campaign_freeze(*, campaign: Campaign, now: datetime.datetime | None = None) -> Campaign:
    """Freezes the results of a closed campaign (once: later calls change nothing).

    The campaign row is locked ``FOR UPDATE``: votes still in flight (which hold it
    ``FOR SHARE``) finish first, so the snapshot holds every vote accepted.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if locked.results_frozen_at is None:
            if not locked.is_closed(now):
                raise VoteRefused("Le vote n'est pas clos : ses résultats ne peuvent être figés.")
            _freeze_locked(locked, now)
            locked.save(update_fields=["frozen_results", "results_frozen_at", "closed_at"])
    return locked


def campaign_close(*, campaign: Campaign, now: datetime.datetime | None = None) -> Campaign:
    """Closes the vote now (if it was not already) and freezes its results."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if not locked.is_published:
            raise VoteRefused("Une campagne en brouillon ne peut pas être close.")
        if not locked.is_closed(now):
            locked.closed_at = now
        if locked.results_frozen_at is None:
            _freeze_locked(locked, now)
        locked.save(update_fields=["closed_at", "frozen_results", "results_frozen_at"])
        forget_home_summary()
    return locked


def campaign_freeze_due(*, now: datetime.datetime | None = None) -> int:
    """Freezes every campaign whose closing date has passed; returns how many."""
    frozen = 0
    for campaign in Campaign.objects.due_for_freezing(now):
        campaign_freeze(campaign=campaign, now=now)
        frozen += 1
    return frozen


def shared_project_index_ensure() -> SharedProjectIndexPage:
    """Where projets partagés are published, created under the home page if missing."""
    index = SharedProjectIndexPage.objects.first()
    if index is not None:
        return index
    home = Site.objects.get(is_default_site=True).root_page
    index = SharedProjectIndexPage(
        title="Projets partagés",
        slug="projets-partages",
        intro=(
            "<p>Les projets partagés de l'ANCT : un thème choisi par le vote des collectivités, "
            "travaillé avec trois à cinq parties prenantes et suivi par des observatrices.</p>"
        ),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def shared_project_create(
    *,
    campaign: Campaign,
    winner: Candidate,
    capacity: int = MAX_STAKEHOLDERS,
    title: str = "",
    user=None,
    now: datetime.datetime | None = None,
) -> SharedProjectPage:
    """Closes the campaign if needed and publishes the winning theme as a projet partagé."""
    if not MIN_STAKEHOLDERS <= capacity <= MAX_STAKEHOLDERS:
        raise VoteRefused(
            "Un projet partagé accueille de %(min)s à %(max)s parties prenantes."
            % {"min": MIN_STAKEHOLDERS, "max": MAX_STAKEHOLDERS}
        )
    with transaction.atomic():
        closed = campaign_close(campaign=campaign, now=now)
        locked = Campaign.objects.select_for_update().get(pk=closed.pk)
        if locked.shared_project_id is not None:
            raise VoteRefused("Le projet partagé de cette campagne existe déjà.")
        if winner.campaign_id != locked.pk or winner.status != Candidate.Status.APPROVED:
            raise VoteRefused("Ce thème ne figurait pas sur le bulletin de cette campagne.")
        index = shared_project_index_ensure()
        title = " ".join((title or winner.title).split())
        page = SharedProjectPage(
            title=title,
            slug=slug_available(
                siblings=index.get_children(), text=title, fallback="projet-partage", max_length=70
            ),
            intro=winner.description
            or (
                "Le thème « %(theme)s », choisi par les collectivités lors de la campagne "
                "« %(campaign)s »."
            )
            % {"theme": winner.title, "campaign": locked.title},
            campaign=locked,
            theme_page=winner.theme_page,
            stakeholder_capacity=capacity,
        )
        index.add_child(instance=page)
        page.save_revision(user=user).publish(user=user)
        locked.winner = winner
        locked.shared_project = page
        locked.save(update_fields=["winner", "shared_project"])
    return page
