"""Writes of the contributions app: submit, confirm, moderate; requests to the ANCT.

Every function stores first and e-mails after the commit (``queue_email``): a
mail server that fails never loses what a visitor sent.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.mail import absolute_url, queue_email
from core.signed_links import SignedLink

from .models import Contribution, NeedRequest, reference_for
from .publishing import PUBLISHERS, PublishingError
from .selectors import moderator_emails, possible_duplicates

# The confirmation link is valid a week; the status page link as long as the proposal.
CONFIRM_LINK = SignedLink("contribution-confirm", max_age=timedelta(days=7))
STATUS_LINK = SignedLink("contribution-status")
# The « check your inbox » page right after sending: only the sender's browser needs it.
SENT_LINK = SignedLink("contribution-sent", max_age=timedelta(hours=2))
NEED_SENT_LINK = SignedLink("need-request-sent", max_age=timedelta(hours=2))


class ModerationError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# -- Links -------------------------------------------------------------------------------


def _link_state(contribution: Contribution) -> str:
    # A changed address invalidates the links sent to the former one.
    return contribution.email.lower()


def confirm_path(contribution: Contribution) -> str:
    token = CONFIRM_LINK.make(contribution.pk, _link_state(contribution))
    return reverse("contribution-confirm", args=[token])


def status_path(contribution: Contribution) -> str:
    token = STATUS_LINK.make(contribution.pk, _link_state(contribution))
    return reverse("contribution-status", args=[token])


def sent_path(contribution: Contribution) -> str:
    return reverse("contribution-sent", args=[SENT_LINK.make(contribution.pk)])


def contribution_from_link(link: SignedLink, token: str) -> Contribution:
    """The contribution a link designates; raises InvalidLink or ExpiredLink."""
    state = _link_state if link is not SENT_LINK else (lambda contribution: "")
    return link.resolve(
        token,
        load=lambda pk: Contribution.objects.filter(pk=int(pk)).first(),
        state=state,
    )


def admin_path(contribution: Contribution) -> str:
    return reverse("contributions:inspect", args=[contribution.pk])


# -- Contributions -----------------------------------------------------------------------


def _email_context(contribution: Contribution) -> dict:
    """What every e-mail about a contribution may say (strings only: it goes through the broker)."""
    return {
        "reference": contribution.reference,
        "kind": str(contribution.get_kind_display()),
        "title": contribution.title,
        "name": contribution.contributor_name,
        "organisation": contribution.organisation,
        "status_url": absolute_url(status_path(contribution)),
    }


@transaction.atomic
def contribution_submit(
    *, kind: str, data: dict, themes=(), client_network: str = ""
) -> Contribution:
    """Stores a proposal and sends the link that confirms the sender's address."""
    fields = {name: value for name, value in data.items() if name in CONTRIBUTION_FIELDS}
    contribution = Contribution.objects.create(kind=kind, client_network=client_network, **fields)
    contribution.reference = reference_for(
        Contribution.REFERENCE_PREFIX, contribution.pk, contribution.created_at
    )
    contribution.credit = contribution.default_credit()
    contribution.save(update_fields=["reference", "credit"])
    contribution.themes.set(themes)
    queue_email(
        "contributions/email/confirm",
        [contribution.email],
        {
            **_email_context(contribution),
            "confirm_url": absolute_url(confirm_path(contribution)),
            "days": CONFIRM_LINK.max_age.days,
        },
    )
    return contribution


CONTRIBUTION_FIELDS = {
    "contributor_name",
    "organisation",
    "email",
    "consent_contact",
    "title",
    "summary",
    "description",
    "url",
    "resource_kind",
    "document",
    "start",
    "end",
    "all_day",
    "event_format",
    "venue",
    "address",
    "city",
    "online_url",
    "registration_url",
    "organiser_name",
    "departement",
    "territory",
}


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
        contribution.flagged_duplicate = bool(possible_duplicates(contribution))
        contribution.save(
            update_fields=["status", "confirmed_at", "flagged_duplicate", "updated_at"]
        )
        context = _email_context(contribution)
        queue_email("contributions/email/received", [contribution.email], context)
        queue_email(
            "contributions/email/moderators_new",
            moderator_emails(),
            {
                **context,
                "email": contribution.email,
                "flagged_duplicate": contribution.flagged_duplicate,
                "admin_url": absolute_url(admin_path(contribution)),
            },
        )
    return True


def contribution_edited(*, contribution: Contribution) -> None:
    """After a moderator's edit: the duplicate flag follows the new title and link."""
    contribution.flagged_duplicate = bool(possible_duplicates(contribution))
    if contribution.status == Contribution.Status.RECEIVED:
        contribution.status = Contribution.Status.IN_REVIEW
    contribution.save(update_fields=["flagged_duplicate", "status", "updated_at"])


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
    return contribution


@transaction.atomic
def contribution_approve(*, contribution: Contribution, moderator):
    """Publishes the resource, event or project, credited to the contributor."""
    contribution = _claim_open(contribution)
    try:
        published = PUBLISHERS[contribution.kind](contribution, user=moderator)
    except PublishingError as error:
        raise ModerationError(error.message) from error
    if contribution.kind == Contribution.Kind.RESOURCE:
        contribution.published_resource = published
    else:
        contribution.published_page = published
    _close(contribution, Contribution.Status.PUBLISHED, moderator)
    queue_email(
        "contributions/email/published",
        [contribution.email],
        {**_email_context(contribution), "published_url": absolute_url(contribution.public_url)},
    )
    return published


@transaction.atomic
def contribution_decline(*, contribution: Contribution, moderator, reason: str) -> Contribution:
    contribution = _claim_open(contribution)
    contribution.decline_reason = reason
    _close(contribution, Contribution.Status.DECLINED, moderator)
    queue_email(
        "contributions/email/declined",
        [contribution.email],
        {**_email_context(contribution), "reason": reason},
    )
    return contribution


@transaction.atomic
def contribution_mark_duplicate(
    *, contribution: Contribution, moderator, duplicate_of: str, reason: str = ""
) -> Contribution:
    contribution = _claim_open(contribution)
    contribution.duplicate_of = duplicate_of
    contribution.decline_reason = reason
    _close(contribution, Contribution.Status.DUPLICATE, moderator)
    queue_email(
        "contributions/email/duplicate",
        [contribution.email],
        {**_email_context(contribution), "duplicate_of": duplicate_of, "reason": reason},
    )
    return contribution


def _close(contribution: Contribution, status: str, moderator) -> None:
    contribution.status = status
    contribution.moderated_by = moderator
    contribution.moderated_at = timezone.now()
    contribution.save()


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


# -- Requests to the ANCT ----------------------------------------------------------------

NEED_FIELDS = {
    "collectivite",
    "structure_name",
    "contact_name",
    "role",
    "email",
    "phone",
    "theme",
    "stage",
    "subject",
    "message",
}


def need_request_recipients() -> list[str]:
    """The ANCT team's address when set, else the moderators."""
    if settings.NEED_REQUESTS_EMAIL:
        return [settings.NEED_REQUESTS_EMAIL]
    return moderator_emails()


def need_sent_path(need_request: NeedRequest) -> str:
    return reverse("need-request-sent", args=[NEED_SENT_LINK.make(need_request.pk)])


def need_request_from_link(token: str) -> NeedRequest:
    return NEED_SENT_LINK.resolve(
        token, load=lambda pk: NeedRequest.objects.filter(pk=int(pk)).first(), state=lambda r: ""
    )


@transaction.atomic
def need_request_submit(*, data: dict, client_network: str = "") -> NeedRequest:
    """Stores a collectivité's request, acknowledges it and passes it to the ANCT team."""
    fields = {name: value for name, value in data.items() if name in NEED_FIELDS}
    need_request = NeedRequest.objects.create(client_network=client_network, **fields)
    need_request.reference = reference_for(
        NeedRequest.REFERENCE_PREFIX, need_request.pk, need_request.created_at
    )
    need_request.save(update_fields=["reference"])
    context = {
        "reference": need_request.reference,
        "structure": need_request.structure,
        "name": need_request.contact_name,
        "role": need_request.role,
        "email": need_request.email,
        "phone": need_request.phone,
        "theme": need_request.theme.title if need_request.theme_id else "",
        "stage": str(need_request.get_stage_display()),
        "subject": need_request.subject,
        "message": need_request.message,
    }
    queue_email("contributions/email/need_received", [need_request.email], context)
    queue_email(
        "contributions/email/need_staff",
        need_request_recipients(),
        {**context, "admin_url": absolute_url(reverse("besoins:inspect", args=[need_request.pk]))},
        reply_to=[need_request.email],
    )
    return need_request


def need_request_update(*, need_request: NeedRequest, user) -> NeedRequest:
    """After a status or note change in the admin: who follows the request."""
    if need_request.status != NeedRequest.Status.NEW and need_request.handled_by_id is None:
        need_request.handled_by = user
        need_request.save(update_fields=["handled_by", "updated_at"])
    return need_request
