"""Themes proposed by collectivités, and their moderation."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from collectivites.models import Representative
from core.mail import moderation_recipients, queue_email
from core.public_urls import public_url
from votes.cache import forget_home_summary
from votes.models import Campaign, Candidate

from .errors import VoteRefused, representative_refusal, window_refusal

# Pending proposals a collectivité may have in one campaign: enough for real
# priorities, too few to flood the moderators.
MAX_PENDING_PROPOSALS = 3


def _folded(title: str) -> str:
    return " ".join(title.split()).casefold()


def title_taken(campaign: Campaign, title: str) -> bool:
    """Whether the campaign has this theme already, whatever the case (« MOBILITÉ »)."""
    # Compared in Python: SQLite folds the case of ASCII letters only.
    wanted = _folded(title)
    titles = Candidate.objects.filter(campaign=campaign).values_list("title", flat=True)
    return any(_folded(existing) == wanted for existing in titles)


def _email_context(candidate: Candidate) -> dict:
    campaign = candidate.campaign
    return {
        "title": candidate.title,
        "campaign": campaign.title,
        "campaign_url": public_url(campaign.get_absolute_url()),
        "ballot_url": public_url(reverse("votes:ballot", kwargs={"slug": campaign.slug})),
        "name": candidate.proposer_name,
        "collectivite": str(candidate.proposer_collectivite or ""),
        "reason": candidate.rejection_reason,
    }


def _check_proposal(
    representative: Representative, campaign: Campaign, title: str, now: datetime.datetime | None
) -> None:
    """Raises ``VoteRefused`` unless this collectivité may propose ``title`` now."""
    refusal = representative_refusal(representative)
    if refusal:
        raise VoteRefused(refusal)
    if message := window_refusal(campaign, now):
        raise VoteRefused(message)
    if not campaign.accepts_proposals:
        raise VoteRefused("Cette campagne n'accepte pas de propositions de thèmes.")
    if not title:
        raise VoteRefused("Indiquez le thème que vous proposez.")
    pending = Candidate.objects.to_moderate().filter(
        campaign=campaign, proposer_collectivite_id=representative.collectivite_id
    )
    if pending.count() >= MAX_PENDING_PROPOSALS:
        raise VoteRefused(
            (
                "Votre collectivité a déjà %(count)s propositions en attente de modération : "
                "attendez la réponse de l'équipe avant d'en proposer d'autres."
            )
            % {"count": MAX_PENDING_PROPOSALS}
        )
    if title_taken(campaign, title):
        raise VoteRefused("Ce thème a déjà été proposé pour cette campagne.")


def candidate_propose(
    *,
    representative: Representative,
    campaign: Campaign,
    title: str,
    description: str = "",
    now: datetime.datetime | None = None,
) -> Candidate:
    """A collectivité proposes a theme; it reaches the ballot once a moderator approves it."""
    title = " ".join(title.split())
    _check_proposal(representative, campaign, title, now)
    try:
        with transaction.atomic():
            candidate = Candidate.objects.create(
                campaign=campaign,
                title=title,
                description=description.strip(),
                status=Candidate.Status.PROPOSED,
                proposer_collectivite_id=representative.collectivite_id,
                proposed_by=representative,
                proposer_name=representative.full_name,
                proposer_email=representative.email,
                created_at=now or timezone.now(),
            )
    except IntegrityError:  # the same title, proposed at the same moment
        raise VoteRefused("Ce thème a déjà été proposé pour cette campagne.") from None
    context = _email_context(candidate)
    queue_email("votes/emails/proposal_received", [representative.email], context)
    context["admin_url"] = public_url(reverse("vote_proposals:edit", args=[candidate.pk]))
    queue_email("votes/emails/proposal_to_moderate", moderation_recipients(), context)
    return candidate


def proposal_moderate(
    *,
    candidate: Candidate,
    approve: bool,
    reason: str = "",
    moderator=None,
    now: datetime.datetime | None = None,
) -> Candidate:
    """Puts a proposed theme on the ballot or rejects it (with a reason), then tells
    the collectivité by e-mail. A proposal is moderated once."""
    reason = (reason or "").strip()
    if not approve and not reason:
        raise VoteRefused("Indiquez le motif du refus : il sera envoyé à la collectivité.")
    with transaction.atomic():
        locked = (
            Candidate.objects.select_for_update().select_related("campaign").get(pk=candidate.pk)
        )
        if locked.status != Candidate.Status.PROPOSED:
            raise VoteRefused("Cette proposition a déjà été modérée.")
        locked.status = Candidate.Status.APPROVED if approve else Candidate.Status.REJECTED
        locked.rejection_reason = "" if approve else reason
        locked.moderated_at = now or timezone.now()
        locked.moderated_by = moderator if getattr(moderator, "pk", None) else None
        if approve:
            last = Candidate.objects.filter(campaign_id=locked.campaign_id).aggregate(
                last=Max("sort_order")
            )["last"]
            locked.sort_order = (last or 0) + 1
        locked.save()
        forget_home_summary()
        template = "proposal_approved" if approve else "proposal_rejected"
        queue_email(f"votes/emails/{template}", [locked.proposer_email], _email_context(locked))
    return locked
