"""What the public pages of a campaign share: finding it, the breadcrumb, the voter."""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect

from votes import selectors
from votes.access import login_url, representative_of_request, signup_url
from votes.models import Campaign, VoteIndexPage
from votes.services import VoteRefused, campaign_freeze, representative_refusal, window_refusal
from votes.services.errors import paris_datetime

logger = logging.getLogger(__name__)


def campaign_or_404(slug: str) -> Campaign:
    campaign = selectors.campaign_get_public(slug=slug)
    if campaign is None:
        raise Http404("Cette campagne de vote n'existe pas.")
    return campaign


def results_campaign(slug: str) -> Campaign:
    """The campaign, its results frozen first if it has just closed."""
    campaign = campaign_or_404(slug)
    if campaign.results_frozen_at is None and campaign.is_closed():
        try:
            campaign = campaign_freeze(campaign=campaign)
        except (VoteRefused, DatabaseError):  # the live results are shown meanwhile
            logger.warning("Results of campaign %s not frozen yet", campaign.pk, exc_info=True)
    return campaign


def breadcrumb(campaign: Campaign, current: str = "") -> dict:
    links = []
    index = VoteIndexPage.objects.live().first()
    if index is not None:
        links.append({"url": index.url, "title": index.title})
    if current:
        links.append({"url": campaign.get_absolute_url(), "title": campaign.title})
    return {"links": links, "current": current or campaign.title}


def voter_context(request, campaign: Campaign) -> dict:
    """The visitor as a voter: their representative account, why they cannot act,
    their collectivité's ballot and where to log in."""
    representative = representative_of_request(request=request)
    ballot = None
    if representative is not None:
        ballot = selectors.ballot_get(campaign=campaign, collectivite=representative.collectivite)
    return {
        "representative": representative,
        "refusal": representative_refusal(representative) if representative else None,
        "window_message": window_refusal(campaign),
        "my_ballot": ballot,
        "last_vote": (
            "Dernier vote par %(name)s le %(date)s."
            % {"name": ballot.voter_name, "date": paris_datetime(ballot.updated_at)}
            if ballot
            else ""
        ),
        "login_url": login_url(request.get_full_path()),
        "signup_url": signup_url(),
    }


def submit_or_refuse(request, campaign: Campaign, form, write, success):
    """Runs ``write()``, a service call: back to the ballot with ``success(result)``
    shown, or None with the reason of the refusal on the form."""
    try:
        result = write()
    except VoteRefused as refusal:
        form.add_error(None, refusal.message)
        return None
    messages.success(request, success(result))
    return redirect("votes:ballot", slug=campaign.slug)
