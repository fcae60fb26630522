"""Reads of the campaigns, the themes on their ballot and the collectivités' ballots."""

import datetime
from dataclasses import dataclass

from collectivites.models import Collectivite, Representative
from votes.models import Ballot, BallotChoice, Campaign, Candidate, counted_ballots_q


def campaign_get_open(*, now: datetime.datetime | None = None) -> Campaign | None:
    """The campaign open to votes now (the latest opened if several), or None."""
    return Campaign.objects.open(now).order_by("-opens_at", "-pk").first()


def campaign_get_public(*, slug: str) -> Campaign | None:
    """A published campaign by its slug (drafts are not public)."""
    if not isinstance(slug, str) or "\x00" in slug or len(slug) > 80:
        return None
    return Campaign.objects.published().filter(slug=slug).first()


def candidate_list_on_ballot(*, campaign: Campaign):
    """The themes on the ballot, in the order the ANCT set."""
    return (
        Candidate.objects.on_ballot()
        .filter(campaign=campaign)
        .select_related("theme_page")
        .order_by("sort_order", "title", "pk")
    )


def candidate_list_proposed(*, campaign: Campaign, collectivite: Collectivite):
    """The themes the collectivité proposed in the campaign, newest first."""
    return Candidate.objects.filter(campaign=campaign, proposer_collectivite=collectivite).order_by(
        "-created_at"
    )


def ballot_get(*, campaign: Campaign, collectivite: Collectivite) -> Ballot | None:
    """The collectivité's ballot in the campaign, with its choices, or None."""
    return (
        Ballot.objects.filter(campaign=campaign, collectivite=collectivite)
        .select_related("voter")
        .prefetch_related("candidates")
        .first()
    )


@dataclass(frozen=True)
class VoterContact:
    """A representative of a collectivité whose ballot counted, and what it chose."""

    email: str
    name: str
    collectivite_id: int
    collectivite: str
    chosen: list[str]


def campaign_voter_contacts(*, campaign: Campaign) -> list[VoterContact]:
    """The active representatives of every collectivité whose ballot counts in the
    campaign, each with the themes their collectivité chose (three queries)."""
    ballots = Ballot.objects.filter(campaign=campaign).filter(counted_ballots_q())
    chosen: dict[int, list[str]] = {}
    for collectivite_id, title in (
        BallotChoice.objects.filter(ballot__in=ballots)
        .order_by("candidate__sort_order", "candidate__title")
        .values_list("ballot__collectivite_id", "candidate__title")
    ):
        chosen.setdefault(collectivite_id, []).append(title)
    representatives = (
        Representative.objects.active()
        .filter(collectivite_id__in=list(chosen))
        .select_related("collectivite")
        .order_by("collectivite__name", "full_name", "pk")
    )
    return [
        VoterContact(
            email=rep.email,
            name=rep.full_name,
            collectivite_id=rep.collectivite_id,
            collectivite=rep.collectivite.name,
            chosen=chosen[rep.collectivite_id],
        )
        for rep in representatives
    ]
