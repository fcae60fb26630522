"""When a commune merges into another (``collectivites.merges``), its ballots and its
projet partagé registrations follow the new commune, one of each per campaign and
per project still."""

from django.utils import timezone

from collectivites.models import Collectivite
from votes.cache import forget_home_summary
from votes.models import Ballot, ProjectRegistration, ReplacedBallot

from .registrations import locked_project, promote_waiting

BALLOTS_MOVED = "bulletin(s) déplacé(s)"
BALLOTS_REPLACED = "bulletin(s) remplacé(s) par un vote plus récent (gardés dans l'historique)"
REGISTRATIONS_MOVED = "inscription(s) à un projet partagé déplacée(s)"
REGISTRATIONS_MERGED = "inscription(s) en double retirée(s) (la mieux placée est gardée)"


def _archive(ballot: Ballot, into: Collectivite, reason: str) -> None:
    choices = list(ballot.choices.select_related("candidate").order_by("candidate__title"))
    ReplacedBallot.objects.create(
        campaign_id=ballot.campaign_id,
        collectivite=into,
        cast_for_id=ballot.collectivite_id,
        themes=" ; ".join(choice.candidate.title for choice in choices),
        candidate_ids=[choice.candidate_id for choice in choices],
        voter_name=ballot.voter_name,
        cast_at=ballot.cast_at,
        updated_at=ballot.updated_at,
        reason=reason,
    )
    ballot.delete()


def ballots_follow_merge(*, former: Collectivite, into: Collectivite) -> dict[str, int]:
    """Moves the ballots of ``former`` to ``into``. Where both voted in a campaign,
    the later ballot wins and the other is archived as a ``ReplacedBallot``."""
    moved = replaced = 0
    reason = f"Fusion de {former.name} ({former.code}) dans {into.name} ({into.code})"
    kept = {b.campaign_id: b for b in Ballot.objects.select_for_update().filter(collectivite=into)}
    for ballot in Ballot.objects.select_for_update().filter(collectivite=former):
        other = kept.get(ballot.campaign_id)
        if other is not None:
            replaced += 1
            if (other.updated_at, other.pk) >= (ballot.updated_at, ballot.pk):
                _archive(ballot, into, reason)
                continue
            _archive(other, into, reason)
        ballot.collectivite = into
        ballot.save(update_fields=["collectivite"])
        moved += 1
    if moved or replaced:
        forget_home_summary()
    return {BALLOTS_MOVED: moved, BALLOTS_REPLACED: replaced}


def _standing(registration: ProjectRegistration) -> tuple:
    """Better first: a place, then the waiting list, then observing; earlier first."""
    rank = (
        2
        if registration.role == ProjectRegistration.Role.OBSERVER
        else int(registration.is_waiting)
    )
    return rank, registration.created_at, registration.pk


def registrations_follow_merge(*, former: Collectivite, into: Collectivite) -> dict[str, int]:
    """Moves the registrations of ``former`` to ``into``; where both were registered in
    a project, the better placed registration is kept and a freed place goes to the
    waiting list."""
    moved = merged = 0
    kept = {r.project_id: r for r in ProjectRegistration.objects.filter(collectivite=into)}
    for registration in ProjectRegistration.objects.filter(collectivite=former):
        other = kept.get(registration.project_id)
        if other is None:
            registration.collectivite = into
            registration.save(update_fields=["collectivite"])
            moved += 1
            continue
        project = locked_project(registration.project_id)
        loser, winner = sorted((registration, other), key=_standing, reverse=True)
        freed = loser.slot is not None
        loser.delete()
        if winner.pk == registration.pk:
            winner.collectivite = into
            winner.save(update_fields=["collectivite"])
        merged += 1
        if freed:
            promote_waiting(project, timezone.now())
    if moved or merged:
        forget_home_summary()
    return {REGISTRATIONS_MOVED: moved, REGISTRATIONS_MERGED: merged}
