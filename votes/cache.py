"""The home page's vote section, kept in the cache between two votes.

The home page is the most visited page: it reads the open campaign and its
tallies from the cache, and every change that could alter them (a vote, a
withdrawal, a moderated proposal, a campaign or theme edited, a closing, a
registration to a projet partagé or its page published) forgets them. A short expiry covers what happens outside this app (a representative
suspended, a collectivité merged) and a campaign opening by its date; a campaign
past its closing date is never shown, whatever the cache holds.
"""

import logging

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

HOME_SUMMARY_KEY = "votes:home-summary:v2"
HOME_SUMMARY_SECONDS = 60


def cached_home_summary(compute, *, now):
    """``compute()``'s value, from the cache while it holds and is still current."""
    try:
        summary = cache.get(HOME_SUMMARY_KEY)
    except Exception:  # the cache is down: compute, as if it were empty
        logger.warning("Vote summary not read from the cache", exc_info=True)
        summary = None
    if summary is not None and (summary["campaign"] is None or summary["closes_at"] > now):
        return summary
    summary = compute()
    try:
        cache.set(HOME_SUMMARY_KEY, summary, HOME_SUMMARY_SECONDS)
    except Exception:
        logger.warning("Vote summary not stored in the cache", exc_info=True)
    return summary


def forget_home_summary() -> None:
    """Now, and once the transaction commits (a page rendered in between would
    otherwise store the figures from before the change)."""

    def forget():
        try:
            cache.delete(HOME_SUMMARY_KEY)
        except Exception:
            logger.warning("Vote summary not removed from the cache", exc_info=True)

    forget()
    transaction.on_commit(forget)
