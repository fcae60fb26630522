"""What a contributor may do from the status page while the proposal waits:
correct it (the form validates everything again) or withdraw it."""

from django.db import transaction

from core.mail import moderation_recipients, queue_email
from core.public_urls import public_url

from ..history import ContributionEvent
from ..models import Contribution
from ..selectors import contribution_find_duplicates
from .errors import ModerationError
from .history import contribution_history_add
from .links import contribution_admin_path

# The address cannot be changed here: the links sent to it sign it.
CORRECTABLE_FIELDS = tuple(name for name in Contribution.SUBMITTED_FIELDS if name != "email")
TOO_LATE = "L'équipe éditoriale a déjà rendu sa décision : la proposition ne peut plus changer."


def _claim_waiting(contribution: Contribution) -> Contribution:
    locked = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not locked.can_be_changed_by_author:
        raise ModerationError(TOO_LATE)
    return locked


@transaction.atomic
def contribution_correct(*, contribution: Contribution, data: dict, themes=()) -> Contribution:
    """Replaces what was sent by the corrected form's values; the moderators see it
    in the history, and the duplicate flag follows the new title and link."""
    contribution = _claim_waiting(contribution)
    for name in CORRECTABLE_FIELDS:
        if name not in data:
            continue
        if name == "document" and not data[name]:
            continue  # no new file: the one sent first is kept
        value = data[name]
        if value is None and not Contribution._meta.get_field(name).null:
            value = ""
        setattr(contribution, name, value)
    confirmed = contribution.status != Contribution.Status.UNCONFIRMED
    if confirmed:
        contribution.flagged_duplicate = bool(
            contribution_find_duplicates(contribution=contribution)
        )
    contribution.save()
    contribution.themes.set(themes)
    contribution_history_add(contribution=contribution, action=ContributionEvent.Action.CORRECTED)
    if confirmed:  # the moderators know it only once its address is confirmed
        _tell_moderators(contribution)
    return contribution


def _tell_moderators(contribution: Contribution) -> None:
    queue_email(
        "contributions/email/moderators_corrected",
        moderation_recipients(),
        {
            "reference": contribution.reference,
            "kind": str(contribution.get_kind_display()),
            "title": contribution.title,
            "name": contribution.contributor_name,
            "organisation": contribution.organisation,
            "admin_url": public_url(contribution_admin_path(contribution=contribution)),
        },
        reply_to=[contribution.email],
    )


@transaction.atomic
def contribution_withdraw(*, contribution: Contribution) -> Contribution:
    """The author takes the proposal back: it leaves the moderation queue for good."""
    contribution = _claim_waiting(contribution)
    contribution.status = Contribution.Status.WITHDRAWN
    contribution.save(update_fields=["status", "updated_at"])
    contribution_history_add(contribution=contribution, action=ContributionEvent.Action.WITHDRAWN)
    return contribution
