"""The vote sections of the home page: the open vote, and the last projet partagé's call."""

import datetime

from django.utils import timezone

from votes.cache import cached_home_summary

from .campaigns import campaign_get_open
from .projects import shared_project_call
from .tallies import tally_list


def campaign_home_summary(*, now: datetime.datetime | None = None) -> dict:
    """The open campaign and its live tallies for the home page (cached between votes:
    see ``votes.cache``); ``campaign`` is None while no vote is open. ``project_call``
    holds the last closed campaign's results and its projet partagé's call while
    places of partie prenante are left (``selectors.shared_project_call``)."""
    now = now or timezone.now()

    def compute() -> dict:
        campaign = campaign_get_open(now=now)
        call = shared_project_call()
        if campaign is None:
            return {"campaign": None, "closes_at": None, "tallies": [], "project_call": call}
        return {
            "campaign": campaign,
            "closes_at": campaign.closing_time,
            "tallies": tally_list(campaign=campaign),
            "project_call": call,
        }

    return cached_home_summary(compute, now=now)
