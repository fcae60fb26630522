"""What an issue shows that changes by itself, frozen when the issue is sent.

The vote's tallies move every day, and so do the registrations to a projet
partagé: the e-mail shows them as they are when the issue goes out, and the
archive keeps showing those figures, not today's.
"""

from votes.selectors import (
    campaign_get_open,
    shared_project_current,
    shared_project_list_recent,
    shared_project_news,
    tally_list,
)


def vote_snapshot() -> dict | None:
    """The open vote and its tallies (votes descending), or None when none is open."""
    campaign = campaign_get_open()
    return campaign_snapshot(campaign) if campaign is not None else None


def campaign_snapshot(campaign) -> dict:
    return {
        "title": campaign.title,
        "question": campaign.question,
        "url": campaign.get_absolute_url(),
        "tallies": [
            {"title": tally.title, "votes": tally.votes, "url": tally.url}
            for tally in tally_list(campaign=campaign)
        ],
    }


def shared_projects_snapshot() -> dict:
    """The registrations of the recent projets partagés (by page id, as text: JSON keys),
    and which one is current, for « Des nouvelles du projet partagé »."""
    current = shared_project_current()
    return {
        "shared_projects": {
            str(project.pk): shared_project_news(project=project)
            for project in shared_project_list_recent()
        },
        "shared_project_current": current.pk if current is not None else None,
    }


def take_snapshot() -> dict:
    return {"vote": vote_snapshot(), **shared_projects_snapshot()}
