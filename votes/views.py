"""Public pages of the votes: results, ballot, theme proposal, project registration."""

import logging

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.ratelimit import limit_posts

from . import selectors
from .access import current_representative, login_url, signup_url
from .forms import BallotForm, ProposalForm, RegistrationForm
from .models import Campaign, SharedProjectPage
from .services import (
    VoteRefused,
    ballot_cast,
    ballot_withdraw,
    campaign_freeze,
    candidate_propose,
    registration_register,
    registration_withdraw,
    representative_refusal,
    window_refusal,
)
from .services.errors import paris_datetime

logger = logging.getLogger(__name__)


def _campaign_or_404(slug: str) -> Campaign:
    campaign = selectors.public_campaign(slug)
    if campaign is None:
        raise Http404("Cette campagne de vote n'existe pas.")
    return campaign


def results_campaign(slug: str) -> Campaign:
    """The campaign, its results frozen first if it has just closed."""
    campaign = _campaign_or_404(slug)
    if campaign.results_frozen_at is None and campaign.is_closed():
        try:
            campaign = campaign_freeze(campaign)
        except (VoteRefused, DatabaseError):  # the live results are shown meanwhile
            logger.warning("Results of campaign %s not frozen yet", campaign.pk, exc_info=True)
    return campaign


def _breadcrumb(campaign: Campaign, current: str = "") -> dict:
    from .models import VoteIndexPage

    links = []
    index = VoteIndexPage.objects.live().first()
    if index is not None:
        links.append({"url": index.url, "title": index.title})
    if current:
        links.append({"url": campaign.get_absolute_url(), "title": campaign.title})
    return {"links": links, "current": current or campaign.title}


def _voter_context(request, campaign: Campaign) -> dict:
    representative = current_representative(request)
    ballot = None
    if representative is not None:
        ballot = selectors.ballot_of(campaign=campaign, collectivite=representative.collectivite)
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


@require_safe
def campaign_results(request, slug):
    """/votes/<slug>/: live tallies (frozen once closed), participation, breakdowns."""
    campaign = results_campaign(slug)
    results = selectors.campaign_results(campaign)
    return render(
        request,
        "votes/campaign_results.html",
        {
            "campaign": campaign,
            "results": results,
            "chart": selectors.chart_rows(results.tallies),
            "ballot_url": reverse("votes:ballot", kwargs={"slug": campaign.slug}),
            "closing_date": paris_datetime(campaign.closing_time),
            "opening_date": paris_datetime(campaign.opens_at),
            "breadcrumb": _breadcrumb(campaign),
            **_voter_context(request, campaign),
        },
    )


def _ballot_initial(campaign: Campaign, ballot) -> dict:
    if ballot is None:
        return {}
    chosen = [candidate.pk for candidate in ballot.candidates.all()]
    if campaign.max_choices == 1:
        return {"themes": chosen[0] if chosen else None}
    return {"themes": chosen}


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("vote-ballot", "60/h")
def ballot(request, slug):
    """/votes/<slug>/bulletin/: the collectivité's ballot, read-only outside the window."""
    campaign = _campaign_or_404(slug)
    voter = _voter_context(request, campaign)
    representative = voter["representative"]
    candidates = selectors.ballot_candidates(campaign)
    can_vote = representative is not None and not voter["refusal"] and not voter["window_message"]
    status = 200
    if request.method == "POST":
        form = BallotForm(request.POST, campaign=campaign, candidates=candidates)
        if not can_vote:
            status = 403
        elif form.is_spam:
            return redirect("votes:ballot", slug=campaign.slug)
        elif form.is_valid():
            try:
                ballot_cast(
                    representative=representative,
                    campaign=campaign,
                    candidates=form.cleaned_data["themes"],
                )
            except VoteRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(
                    request,
                    "Le vote de %(collectivite)s est enregistré."
                    % {"collectivite": representative.collectivite},
                )
                return redirect("votes:ballot", slug=campaign.slug)
    else:
        form = BallotForm(
            initial=_ballot_initial(campaign, voter["my_ballot"]),
            campaign=campaign,
            candidates=candidates,
        )
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
            "breadcrumb": _breadcrumb(campaign, "Bulletin de vote"),
            **voter,
        },
        status=status,
    )


@require_POST
@limit_posts("vote-ballot", "60/h")
def ballot_withdrawal(request, slug):
    campaign = _campaign_or_404(slug)
    representative = current_representative(request)
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


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("vote-proposal", "10/h")
def propose(request, slug):
    """/votes/<slug>/proposer/: a collectivité proposes a theme, moderated before the ballot."""
    campaign = _campaign_or_404(slug)
    voter = _voter_context(request, campaign)
    representative = voter["representative"]
    closed_message = voter["window_message"] or (
        None
        if campaign.accepts_proposals
        else "Cette campagne n'accepte pas de propositions de thèmes."
    )
    can_propose = representative is not None and not voter["refusal"] and not closed_message
    status = 200
    form = ProposalForm(request.POST or None, campaign=campaign)
    if request.method == "POST":
        if not can_propose:
            status = 403
        elif form.is_spam:
            return redirect("votes:ballot", slug=campaign.slug)
        elif form.is_valid():
            try:
                candidate = candidate_propose(
                    representative=representative,
                    campaign=campaign,
                    title=form.cleaned_data["title"],
                    description=form.cleaned_data["description"],
                )
            except VoteRefused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(
                    request,
                    (
                        "Merci ! Votre proposition « %(title)s » sera examinée par l'équipe de "
                        "Territoires en Commun. Vous recevrez sa réponse par e-mail."
                    )
                    % {"title": candidate.title},
                )
                return redirect("votes:ballot", slug=campaign.slug)
    proposals = (
        selectors.proposals_of(campaign=campaign, collectivite=representative.collectivite)
        if representative
        else []
    )
    return render(
        request,
        "votes/proposal_form.html",
        {
            "campaign": campaign,
            "form": form,
            "can_propose": can_propose,
            "closed_message": closed_message,
            "proposals": proposals,
            "breadcrumb": _breadcrumb(campaign, "Proposer un thème"),
            **voter,
        },
        status=status,
    )


@limit_posts("project-registration", "30/h")
def project_registration(request, page: SharedProjectPage):
    """POST on a projet partagé page: register the collectivité, change role, withdraw."""
    representative = current_representative(request)
    form = RegistrationForm(request.POST)
    refusal = representative_refusal(representative)
    if refusal:
        form.add_error(None, refusal)
        return _project_page(request, page, form, status=403)
    if form.is_spam:
        return redirect(page.url)
    try:
        if request.POST.get("action") == "withdraw":
            if registration_withdraw(representative=representative, project=page):
                messages.success(
                    request,
                    "%(collectivite)s ne participe plus à ce projet partagé."
                    % {"collectivite": representative.collectivite},
                )
            return redirect(page.url)
        if not form.is_valid():
            return _project_page(request, page, form, status=200)
        registration = registration_register(
            representative=representative, project=page, role=form.cleaned_data["role"]
        )
    except VoteRefused as refused:
        form.add_error(None, refused.message)
        return _project_page(request, page, form, status=200)
    if registration.is_waiting:
        message = (
            "%(collectivite)s est inscrite sur la liste d'attente des parties prenantes : "
            "vous serez prévenu par e-mail si une place se libère."
        )
    else:
        message = "%(collectivite)s participe à ce projet partagé comme %(role)s."
    messages.success(
        request,
        message
        % {
            "collectivite": representative.collectivite,
            "role": str(registration.get_role_display()).lower(),
        },
    )
    return redirect(page.url)


def _project_page(request, page: SharedProjectPage, form, *, status: int):
    context = page.get_context(request)
    context["registration_form"] = form
    return TemplateResponse(request, page.get_template(request), context, status=status)
