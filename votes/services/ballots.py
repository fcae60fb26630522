"""Casting, changing and withdrawing the one ballot of a collectivité.

Concurrency, in short: a database constraint allows one ballot per (campaign,
collectivité). Each vote runs in one transaction that

1. reads the campaign again under a *shared* row lock (PostgreSQL ``FOR SHARE``):
   votes do not wait for one another, but staff closing the campaign (``FOR
   UPDATE``) waits for the votes in flight, and votes arriving after see it closed,
   so no vote can slip in after the results are frozen;
2. upserts the collectivité's ballot in one statement (``INSERT … ON CONFLICT
   (campaign, collectivité) DO UPDATE``), which leaves the row locked, then
   replaces its choices: a colleague voting at the same moment waits for the row
   and then replaces them in turn. Never two ballots, never a lost one; a
   deadlock or a unique violation that slipped through is retried
   (``transactions.retrying``).

On SQLite, transactions are IMMEDIATE (see ``territoires.settings.database``):
writers are serialised, which gives the same guarantees.
"""

import datetime
from collections.abc import Iterable

from django.db import connection
from django.utils import timezone

from collectivites.models import Representative
from core.text import plural
from votes.cache import forget_home_summary
from votes.models import Ballot, BallotChoice, Campaign, Candidate

from .ballot_mails import ballot_send_receipts
from .errors import VoteRefused, representative_refusal, window_refusal
from .transactions import retrying

CAMPAIGN_FIELDS = ["id", "is_published", "opens_at", "closes_at", "closed_at", "max_choices"]


def campaign_for_voting(campaign_id: int) -> Campaign:
    """The campaign as committed now, locked against closing until our transaction ends."""
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Campaign._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(name) for name in CAMPAIGN_FIELDS)
        rows = list(
            Campaign.objects.raw(
                f"SELECT {columns} FROM {table} WHERE id = %s FOR SHARE",  # noqa: S608
                [campaign_id],
            )
        )
        if not rows:
            raise VoteRefused("Cette campagne n'existe plus.")
        return rows[0]
    campaign = Campaign.objects.only(*CAMPAIGN_FIELDS).filter(pk=campaign_id).first()
    if campaign is None:
        raise VoteRefused("Cette campagne n'existe plus.")
    return campaign


def _chosen_ids(candidates: Iterable) -> list[int]:
    ids = []
    for candidate in candidates:
        pk = candidate.pk if isinstance(candidate, Candidate) else candidate
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            raise VoteRefused("Ce thème ne figure pas sur le bulletin.") from None
        if pk not in ids:
            ids.append(pk)
    return ids


def _check_choices(campaign: Campaign, ids: list[int]) -> None:
    if not ids:
        raise VoteRefused("Choisissez au moins un thème.")
    if len(ids) > campaign.max_choices:
        raise VoteRefused(
            plural(
                "Vous pouvez choisir un seul thème.",
                "Vous pouvez choisir au plus %(max)s thèmes.",
                campaign.max_choices,
            )
            % {"max": campaign.max_choices}
        )
    on_ballot = set(
        Candidate.objects.on_ballot()
        .filter(campaign_id=campaign.pk, pk__in=ids)
        .values_list("pk", flat=True)
    )
    if on_ballot != set(ids):
        raise VoteRefused("Ce thème ne figure pas sur le bulletin de cette campagne.")


def _locked_ballot(campaign_id: int, collectivite_id: int) -> Ballot | None:
    return (
        Ballot.objects.select_for_update()
        .filter(campaign_id=campaign_id, collectivite_id=collectivite_id)
        .first()
    )


def _upsert_ballot(
    campaign: Campaign, representative: Representative, now: datetime.datetime
) -> Ballot:
    """One statement, ``INSERT … ON CONFLICT (campaign, collectivité) DO UPDATE``:
    the ballot is created, or the existing one is taken over by this voter, and its
    row stays locked until the transaction ends (the first vote date is kept)."""
    ballot = Ballot(
        campaign_id=campaign.pk,
        collectivite_id=representative.collectivite_id,
        voter=representative,
        voter_name=representative.full_name,
        cast_at=now,
        updated_at=now,
    )
    Ballot.objects.bulk_create(
        [ballot],
        update_conflicts=True,
        unique_fields=["campaign", "collectivite"],
        update_fields=["voter", "voter_name", "updated_at"],
    )
    if ballot.pk is None:  # a database that cannot return the id of an upserted row
        ballot = _locked_ballot(campaign.pk, representative.collectivite_id)
    return ballot


def ballot_cast(
    *,
    representative: Representative,
    campaign: Campaign,
    candidates: Iterable,
    now: datetime.datetime | None = None,
) -> Ballot:
    """Records the collectivité's ballot (creating it or replacing its choices).

    ``candidates`` are Candidate objects or ids. Raises ``VoteRefused`` with the
    reason when the representative cannot vote, the campaign is not open, or the
    choices are not valid.
    """
    refusal = representative_refusal(representative)
    if refusal:
        raise VoteRefused(refusal)
    ids = _chosen_ids(candidates)

    def cast() -> Ballot:
        moment = now or timezone.now()
        fresh = campaign_for_voting(campaign.pk)
        if message := window_refusal(fresh, moment):
            raise VoteRefused(message)
        _check_choices(fresh, ids)
        # Who voted last, read under the ballot's lock (the same order as the upsert's).
        previous = _locked_ballot(fresh.pk, representative.collectivite_id)
        ballot = _upsert_ballot(fresh, representative, moment)
        BallotChoice.objects.filter(ballot=ballot).delete()
        BallotChoice.objects.bulk_create(
            [BallotChoice(ballot=ballot, candidate_id=pk) for pk in ids]
        )
        forget_home_summary()
        ballot.campaign = campaign
        ballot_send_receipts(
            ballot=ballot,
            representative=representative,
            previous_voter_id=previous.voter_id if previous else None,
        )
        return ballot

    return retrying(cast)


def ballot_withdraw(
    *, representative: Representative, campaign: Campaign, now: datetime.datetime | None = None
) -> bool:
    """Withdraws the collectivité's ballot while the vote is open; False if it had none."""
    refusal = representative_refusal(representative)
    if refusal:
        raise VoteRefused(refusal)

    def withdraw() -> bool:
        fresh = campaign_for_voting(campaign.pk)
        if message := window_refusal(fresh, now or timezone.now()):
            raise VoteRefused(message)
        # Lock the ballot before its choices go, in the same order as a vote does
        # (ballot, then choices): the other order deadlocks with a colleague's vote.
        ballot = _locked_ballot(fresh.pk, representative.collectivite_id)
        if ballot is None:
            return False
        ballot.delete()
        forget_home_summary()
        return True

    return retrying(withdraw)
