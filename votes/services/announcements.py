"""Telling the voting collectivités how the vote ended: the results, and the
invitation to join the projet partagé it created, as partie prenante or observatrice.

One e-mail per active representative of every collectivité whose ballot counted,
queued after the commit (``core.mail.queue_email``). A campaign is announced once:
the claim is a conditional update, so a task run twice sends nothing more.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from core.mail import queue_email
from core.public_urls import public_url
from votes.models import Campaign
from votes.models.projects import MAX_STAKEHOLDERS, MIN_STAKEHOLDERS
from votes.selectors import campaign_voter_contacts, results_get, shared_project_news

TEMPLATE = "votes/emails/shared_project_announced"
TALLIES_SHOWN = 10


def _percent(share: float) -> str:
    return f"{share:.1f}".replace(".", ",")  # « 25,4 »


def _announcement_context(campaign: Campaign) -> dict:
    """What every recipient reads (JSON: it travels through the broker)."""
    results = results_get(campaign=campaign)
    news = shared_project_news(project=campaign.shared_project)
    return {
        "campaign": campaign.title,
        "results_url": public_url(campaign.get_absolute_url()),
        "participants": results.participants,
        "tallies": [
            {"rank": t.rank, "title": t.title, "votes": t.votes, "share": _percent(t.share)}
            for t in results.tallies[:TALLIES_SHOWN]
        ],
        "winner": campaign.winner.title if campaign.winner else news["title"],
        "project": news["title"],
        "project_url": news["url"],
        "join_url": news["join_url"],
        "capacity": news["capacity"],
        "places_left": news["places_left"],
        "min_stakeholders": MIN_STAKEHOLDERS,
        "max_stakeholders": MAX_STAKEHOLDERS,
    }


def campaign_announce_shared_project(
    *, campaign_id: int, now: datetime.datetime | None = None
) -> int:
    """E-mails the representatives of the voting collectivités once the campaign has its
    projet partagé; returns how many e-mails were queued (0 if already announced)."""
    with transaction.atomic():
        claimed = Campaign.objects.filter(
            pk=campaign_id, voters_notified_at=None, shared_project__isnull=False
        ).update(voters_notified_at=now or timezone.now())
        if not claimed:
            return 0
        campaign = Campaign.objects.select_related("shared_project", "winner").get(pk=campaign_id)
        context = _announcement_context(campaign)
        contacts = campaign_voter_contacts(campaign=campaign)
        for contact in contacts:
            queue_email(
                TEMPLATE,
                [contact.email],
                {
                    **context,
                    "name": contact.name,
                    "collectivite": contact.collectivite,
                    "chosen": contact.chosen,
                },
            )
    return len(contacts)
