"""A collectivité proposes a theme for the ballot of a campaign."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from core.ratelimit import limit_posts
from votes import selectors
from votes.forms import ProposalForm
from votes.models import Campaign
from votes.services import candidate_propose

from .common import breadcrumb, campaign_or_404, submit_or_refuse, voter_context


def _propose(request, campaign: Campaign, form: ProposalForm, representative):
    """Proposes the theme of a valid form: the redirect, or None with the refusal on the form."""
    return submit_or_refuse(
        request,
        campaign,
        form,
        lambda: candidate_propose(
            representative=representative,
            campaign=campaign,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
        ),
        lambda candidate: (
            (
                "Merci ! Votre proposition « %(title)s » sera examinée par l'équipe de "
                "Territoires en Commun. Vous recevrez sa réponse par e-mail."
            )
            % {"title": candidate.title}
        ),
    )


@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("vote-proposal", "10/h")
def propose(request, slug):
    """/votes/<slug>/proposer/: a collectivité proposes a theme, moderated before the ballot."""
    campaign = campaign_or_404(slug)
    voter = voter_context(request, campaign)
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
        elif form.is_valid() and (proposed := _propose(request, campaign, form, representative)):
            return proposed
    proposals = (
        selectors.candidate_list_proposed(
            campaign=campaign, collectivite=representative.collectivite
        )
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
            "breadcrumb": breadcrumb(campaign, "Proposer un thème"),
            **voter,
        },
        status=status,
    )
