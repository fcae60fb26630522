"""Writes about proposals: submit, confirm, moderate, forget the unconfirmed.

Every function stores first and e-mails after the commit (``queue_email``): a
mail server that fails never loses what a visitor sent.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from core.mail import moderation_recipients, queue_email
from core.public_urls import public_url

from ..history import ContributionEvent
from ..models import Contribution, credit_for
from ..selectors import contribution_find_duplicates
from .errors import ModerationError
from .history import contribution_history_add
from .links import (
    CONFIRM_LINK,
    contribution_admin_path,
    contribution_confirm_path,
    contribution_status_path,
)
from .numbering import submission_create
from .publishing import contribution_publish


def _email_context(contribution: Contribution) -> dict:
    """What every e-mail about a contribution may say (strings only: it goes through the broker)."""
    return {
        "reference": contribution.reference,
        "kind": str(contribution.get_kind_display()),
        "title": contribution.title,
        "name": contribution.contributor_name,
        "organisation": contribution.organisation,
        "status_url": public_url(contribution_status_path(contribution=contribution)),
    }


@transaction.atomic
def contribution_submit(
    *, kind: str, data: dict, themes=(), client_network: str = ""
) -> Contribution:
    """Stores a proposal and sends the link that confirms the sender's address."""
    contribution = submission_create(
        model=Contribution,
        data=data,
        client_network=client_network,
        kind=kind,
        credit=credit_for(data.get("contributor_name", ""), data.get("organisation", "")),
    )
    contribution.themes.set(themes)
    contribution_history_add(contribution=contribution, action=ContributionEvent.Action.SENT)
    # The address is not confirmed yet: the e-mail says only what the site wrote (no
    # name, no title), so the form cannot carry a stranger's text to someone else.
    queue_email(
        "contributions/email/confirm",
        [contribution.email],
        {
            "reference": contribution.reference,
            "kind": str(contribution.get_kind_display()),
            "confirm_url": public_url(contribution_confirm_path(contribution=contribution)),
            "days": CONFIRM_LINK.max_age.days,
        },
        reply_to=moderation_recipients(),
    )
    return contribution


def contribution_confirm(*, contribution: Contribution) -> bool:
    """The sender confirmed their address: the proposal now reaches the moderators.

    Confirming twice changes nothing (mail scanners may open the link first).
    """
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
        if contribution.status != Contribution.Status.UNCONFIRMED:
            return False
        contribution.status = Contribution.Status.RECEIVED
        contribution.confirmed_at = timezone.now()
        contribution.flagged_duplicate = bool(
            contribution_find_duplicates(contribution=contribution)
        )
        contribution.save(
            update_fields=["status", "confirmed_at", "flagged_duplicate", "updated_at"]
        )
        contribution_history_add(
            contribution=contribution, action=ContributionEvent.Action.CONFIRMED
        )
        context = _email_context(contribution)
        queue_email(
            "contributions/email/received",
            [contribution.email],
            context,
            reply_to=moderation_recipients(),
        )
        queue_email(
            "contributions/email/moderators_new",
            moderation_recipients(),
            {
                **context,
                "email": contribution.email,
                "flagged_duplicate": contribution.flagged_duplicate,
                "admin_url": public_url(contribution_admin_path(contribution=contribution)),
            },
        )
    return True


def contribution_edited(*, contribution: Contribution) -> None:
    """After a moderator's edit: the duplicate flag follows the new title and link."""
    contribution.flagged_duplicate = bool(contribution_find_duplicates(contribution=contribution))
    if contribution.status == Contribution.Status.RECEIVED:
        contribution.status = Contribution.Status.IN_REVIEW
    contribution.save(update_fields=["flagged_duplicate", "status", "updated_at"])
    contribution_history_add(contribution=contribution, action=ContributionEvent.Action.EDITED)


def _claim_open(contribution: Contribution) -> Contribution:
    """The contribution, locked, if it still awaits a decision."""
    locked = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not locked.is_open:
        raise ModerationError("Cette contribution a déjà été traitée.")
    return locked


@transaction.atomic
def contribution_take(*, contribution: Contribution, moderator) -> Contribution:
    """A moderator starts examining it: the sender's status page says so."""
    contribution = _claim_open(contribution)
    contribution.status = Contribution.Status.IN_REVIEW
    contribution.moderated_by = moderator
    contribution.save(update_fields=["status", "moderated_by", "updated_at"])
    contribution_history_add(contribution=contribution, action=ContributionEvent.Action.TAKEN)
    return contribution


@transaction.atomic
def contribution_approve(*, contribution: Contribution, moderator):
    """Publishes the resource, event or project, credited to the contributor."""
    contribution = _claim_open(contribution)
    published = contribution_publish(contribution=contribution, user=moderator)
    if contribution.kind == Contribution.Kind.RESOURCE:
        contribution.published_resource = published
    else:
        contribution.published_page = published
    _close(contribution, Contribution.Status.PUBLISHED, moderator, "published")
    return published


@transaction.atomic
def contribution_decline(*, contribution: Contribution, moderator, reason: str) -> Contribution:
    contribution = _claim_open(contribution)
    contribution.decline_reason = reason
    _close(contribution, Contribution.Status.DECLINED, moderator, "declined", reason=reason)
    return contribution


@transaction.atomic
def contribution_mark_duplicate(
    *, contribution: Contribution, moderator, duplicate_of: str, reason: str = ""
) -> Contribution:
    contribution = _claim_open(contribution)
    contribution.duplicate_of = duplicate_of
    contribution.decline_reason = reason
    _close(
        contribution,
        Contribution.Status.DUPLICATE,
        moderator,
        "duplicate",
        duplicate_of=duplicate_of,
        reason=reason,
    )
    return contribution


def _close(contribution: Contribution, status: str, moderator, email: str, **context) -> None:
    """Records the decision and tells the contributor (``email`` names the template)."""
    contribution.status = status
    contribution.moderated_by = moderator
    contribution.moderated_at = timezone.now()
    contribution.save()
    contribution_history_add(
        contribution=contribution, action=email, message=context.get("reason", "")
    )
    if status == Contribution.Status.PUBLISHED:
        context["published_url"] = public_url(contribution.public_url)
    queue_email(
        f"contributions/email/{email}",
        [contribution.email],
        {**_email_context(contribution), **context},
        reply_to=moderation_recipients(),
    )


def contributions_purge_unconfirmed(*, older_than: timedelta = timedelta(days=30)) -> int:
    """Forgets proposals whose sender never confirmed their address (and their files)."""
    stale = Contribution.objects.filter(
        status=Contribution.Status.UNCONFIRMED, created_at__lt=timezone.now() - older_than
    )
    count = 0
    for contribution in stale.iterator():
        if contribution.document:
            contribution.document.delete(save=False)
        contribution.delete()
        count += 1
    return count
