"""The vote section of the home page."""

import datetime

from django.utils import timezone

from votes.cache import cached_home_summary

from .campaigns import campaign_get_open
from .tallies import tally_list


def campaign_home_summary(*, now: datetime.datetime | None = None) -> dict:
    """The open campaign and its live tallies for the home page (cached between votes:
    see ``votes.cache``); ``campaign`` is None while no vote is open."""
    now = now or timezone.now()

    def compute() -> dict:
        campaign = campaign_get_open(now=now)
        if campaign is None:
            return {"campaign": None, "closes_at": None, "tallies": []}
        return {
            "campaign": campaign,
            "closes_at": campaign.closing_time,
            "tallies": tally_list(campaign=campaign),
        }

    return cached_home_summary(compute, now=now)
