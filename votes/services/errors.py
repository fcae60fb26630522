"""Why a vote, proposal or registration is refused, in words the user reads."""

import datetime

from django.utils import timezone

from collectivites.models import Representative
from core.dates import date_fr
from votes.models import Campaign, CampaignStatus


class VoteRefused(Exception):
    """The rules do not allow this action; ``message`` says why, in French."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def paris_datetime(value: datetime.datetime) -> str:
    """« 3 mars 2025 à 9h00 », in Paris time."""
    return date_fr(timezone.localtime(value), r"j F Y \à G\hi")


def representative_refusal(representative: Representative | None) -> str | None:
    """Why this person cannot act for a collectivité, or None if they can."""
    if representative is None:
        return "Seuls les représentants d'une collectivité, connectés à leur compte, peuvent voter."
    if representative.can_act:
        if not representative.collectivite.is_current:
            return (
                "Votre collectivité ne figure plus dans la liste officielle (fusion, "
                "dissolution) : écrivez-nous pour rattacher votre compte à la nouvelle."
            )
        return None
    if representative.status == Representative.Status.SUSPENDED:
        return "Votre compte est suspendu : vous ne pouvez plus agir pour votre collectivité."
    if representative.email_confirmed_at is None:
        return "Confirmez d'abord votre adresse e-mail grâce au lien que nous vous avons envoyé."
    return (
        "Votre inscription attend la validation de l'équipe de Territoires en Commun : "
        "vous pourrez voter dès qu'elle sera validée."
    )


def window_refusal(campaign: Campaign, now: datetime.datetime | None = None) -> str | None:
    """Why the ballot is read-only at ``now``, or None while the vote is open."""
    status = campaign.status_at(now)
    if status == CampaignStatus.OPEN:
        return None
    if status == CampaignStatus.DRAFT:
        return "Cette campagne n'est pas publiée."
    if status == CampaignStatus.UPCOMING:
        return "Le vote ouvrira le %(date)s." % {"date": paris_datetime(campaign.opens_at)}
    return "Le vote est clos depuis le %(date)s." % {"date": paris_datetime(campaign.closing_time)}
