"""The e-mails a vote sends: a receipt to the voter, and a word to the colleague
whose vote it replaced (they would otherwise believe their choice still stands)."""

from django.urls import reverse
from django.utils import timezone

from collectivites.models import Representative
from core.dates import date_fr
from core.mail import queue_email
from core.public_urls import public_url
from votes.models import Ballot, Candidate


def ballot_send_receipts(
    *, ballot: Ballot, representative: Representative, previous_voter_id: int | None
) -> None:
    """Queued after the commit (``queue_email``): nothing leaves if the vote fails."""
    campaign = ballot.campaign
    themes = list(
        Candidate.objects.filter(choices__ballot=ballot)
        .order_by("title")
        .values_list("title", flat=True)
    )
    context = {
        "collectivite": representative.collectivite.label,
        "campaign": campaign.title,
        "themes": themes,
        "voter": representative.full_name,
        "when": date_fr(timezone.localtime(ballot.updated_at), "j F Y à H\\hi"),
        "ballot_url": public_url(reverse("votes:ballot", args=[campaign.slug])),
        "account_url": public_url(reverse("account-home")),
    }
    queue_email(
        "votes/emails/ballot_receipt",
        [representative.email],
        {**context, "name": representative.full_name},
    )
    if previous_voter_id is None or previous_voter_id == representative.pk:
        return
    previous = Representative.objects.active().filter(pk=previous_voter_id).first()
    if previous is not None:
        queue_email(
            "votes/emails/ballot_changed", [previous.email], {**context, "name": previous.full_name}
        )
