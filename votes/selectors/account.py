"""What « Mon compte » shows of a collectivité's votes and projets partagés."""

from django.db.models import Prefetch

from votes.models import Ballot, BallotChoice, Campaign, ProjectRegistration


def ballot_list_of_collectivite(*, collectivite_id: int) -> list[Ballot]:
    """Its ballot in each campaign (latest campaign first), with the themes chosen."""
    choices = BallotChoice.objects.select_related("candidate").order_by("candidate__title")
    return list(
        Ballot.objects.filter(collectivite_id=collectivite_id, campaign__is_published=True)
        .select_related("campaign")
        .prefetch_related(Prefetch("choices", queryset=choices))
        .order_by("-campaign__opens_at", "-pk")
    )


def campaign_open_without_ballot(*, collectivite_id: int, open_campaign: Campaign | None):
    """The open campaign, when the collectivité has not voted in it yet."""
    if open_campaign is None:
        return None
    voted = Ballot.objects.filter(campaign=open_campaign, collectivite_id=collectivite_id)
    return None if voted.exists() else open_campaign


def registration_list_of_collectivite(*, collectivite_id: int) -> list[ProjectRegistration]:
    """Its registrations to projets partagés, the latest first."""
    return list(
        ProjectRegistration.objects.filter(collectivite_id=collectivite_id)
        .select_related("project")
        .order_by("-created_at", "-pk")
    )
