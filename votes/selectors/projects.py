"""Reads of the projets partagés: the current one, where its registrations stand,
and the closed campaign whose projet partagé still calls for parties prenantes."""

from core.public_urls import public_url
from votes.models import Campaign, SharedProjectPage

from .tallies import tally_chart_rows, tally_list

HOME_TALLIES_SHOWN = 5


def shared_project_current() -> SharedProjectPage | None:
    """The latest projet partagé published: the one the newsletter gives news of."""
    return SharedProjectPage.objects.live().public().order_by("-first_published_at", "-pk").first()


def shared_project_list_recent(*, limit: int = 10) -> list[SharedProjectPage]:
    return list(
        SharedProjectPage.objects.live().public().order_by("-first_published_at", "-pk")[:limit]
    )


def shared_project_news(*, project: SharedProjectPage) -> dict:
    """Where the project's registrations stand, as JSON (frozen with a sent newsletter):
    the parties prenantes by name, the places left, the waiting list, the observatrices."""
    participants = project.registrations.participants(capacity=project.stakeholder_capacity)
    url = project.url or ""
    return {
        "id": project.pk,
        "title": project.title,
        "url": public_url(url),
        "join_url": public_url(f"{url}#rejoindre") if url else "",
        "capacity": project.stakeholder_capacity,
        "places_left": participants["places_left"],
        "stakeholders": [r.collectivite.name for r in participants["stakeholders"]],
        "waiting": len(participants["waiting"]),
        "observers": len(participants["observers"]),
        "registrations_open": project.registrations_open,
    }


def shared_project_call() -> dict | None:
    """The last closed campaign that created a projet partagé, while that project still
    has places of partie prenante open: its results and the project's call (home page)."""
    campaign = (
        Campaign.objects.closed()
        .filter(shared_project__isnull=False, results_frozen_at__isnull=False)
        .select_related("shared_project", "winner")
        .order_by("-closed_at", "-pk")
        .first()
    )
    if campaign is None:
        return None
    project = campaign.shared_project
    if not project.live or not project.registrations_open:
        return None
    news = shared_project_news(project=project)
    if news["places_left"] <= 0:
        return None
    tallies = tally_list(campaign=campaign)
    return {
        "campaign": campaign,
        "participants": (campaign.frozen_results or {}).get("participants", 0),
        "chart": tally_chart_rows(tallies=tallies[:HOME_TALLIES_SHOWN]),
        "project": news,
        "project_path": project.url or "",
    }
