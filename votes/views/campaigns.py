"""A campaign's results page, its ballot, and the withdrawal of a ballot."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.ratelimit import limit_posts
from votes import selectors
from votes.access import representative_of_request
from votes.forms import BallotForm
from votes.models import Campaign
from votes.services import VoteRefused, ballot_cast, ballot_withdraw
from votes.services.errors import paris_datetime

from .common import (
    breadcrumb,
    campaign_or_404,
    results_campaign,
    submit_or_refuse,
    voter_context,
)


@require_safe
def campaign_results(request, slug):
    """/votes/<slug>/: live tallies (frozen once closed), participation, breakdowns."""
    campaign = results_campaign(slug)
    results = selectors.results_get(campaign=campaign)
    return render(
        request,
        "votes/campaign_results.html",
        {
            "campaign": campaign,
            "results": results,
            "chart": selectors.tally_chart_rows(tallies=results.tallies),
            "ballot_url": reverse("votes:ballot", kwargs={"slug": campaign.slug}),
            "closing_date": paris_datetime(campaign.closing_time),
            "opening_date": paris_datetime(campaign.opens_at),
            "breadcrumb": breadcrumb(campaign),
            **voter_context(request, campaign),
        },
    )


def _ballot_initial(campaign: Campaign, ballot) -> dict:
    if ballot is None:
        return {}
    chosen = [candidate.pk for candidate in ballot.candidates.all()]
    if campaign.max_choices == 1:
        return {"themes": chosen[0] if chosen else None}
    return {"themes": chosen}


def _cast(request, campaign: Campaign, form: BallotForm, representative):
    """Casts the ballot of a valid form: the redirect, or None with the refusal on the form."""
    return submit_or_refuse(
        request,
        campaign,
        form,
        lambda: ballot_cast(
            representative=representative,
            campaign=campaign,
            candidates=form.cleaned_data["themes"],
        ),
        lambda _ballot: (
            "Le vote de %(collectivite)s est enregistré."
            % {"collectivite": representative.collectivite}
        ),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("vote-ballot", "60/h")
def ballot(request, slug):
    """/votes/<slug>/bulletin/: the collectivité's ballot, read-only outside the window."""
    campaign = campaign_or_404(slug)
    voter = voter_context(request, campaign)
    representative = voter["representative"]
    candidates = selectors.candidate_list_on_ballot(campaign=campaign)
    can_vote = representative is not None and not voter["refusal"] and not voter["window_message"]
    status = 200
    if request.method == "POST":
        form = BallotForm(request.POST, campaign=campaign, candidates=candidates)
        if not can_vote:
            status = 403
        elif form.is_spam:
            return redirect("votes:ballot", slug=campaign.slug)
        elif form.is_valid() and (cast := _cast(request, campaign, form, representative)):
            return cast
    else:
        initial = _ballot_initial(campaign, voter["my_ballot"])
        form = BallotForm(initial=initial, campaign=campaign, candidates=candidates)
    return render(
        request,
        "votes/ballot.html",
        {
            "campaign": campaign,
            "form": form,
            "candidates": candidates,
            "can_vote": can_vote,
            "withdraw_url": reverse("votes:withdraw", kwargs={"slug": campaign.slug}),
            "propose_url": reverse("votes:propose", kwargs={"slug": campaign.slug}),
            "breadcrumb": breadcrumb(campaign, "Bulletin de vote"),
            **voter,
        },
        status=status,
    )


@require_POST
@limit_posts("vote-ballot", "60/h")
def ballot_withdrawal(request, slug):
    campaign = campaign_or_404(slug)
    representative = representative_of_request(request=request)
    try:
        withdrawn = ballot_withdraw(representative=representative, campaign=campaign)
    except VoteRefused as refusal:
        messages.error(request, refusal.message)
    else:
        if withdrawn:
            messages.success(
                request,
                "Le vote de %(collectivite)s a été retiré."
                % {"collectivite": representative.collectivite},
            )
        else:
            messages.info(request, "Votre collectivité n'avait pas voté.")
    return redirect("votes:ballot", slug=campaign.slug)
