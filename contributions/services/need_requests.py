"""Writes about the requests collectivités send to the ANCT (« préciser mon besoin »).

A request is stored unconfirmed and the only e-mail sent is a link that confirms
the address, with no word of what was typed: the form cannot be used to send
someone else a message in the ANCT's name. Once confirmed, the sender gets the
acknowledgement and the team the request.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.mail import moderation_recipients, queue_email
from core.public_urls import public_url

from ..models import NeedRequest
from .links import NEED_CONFIRM_LINK, need_request_confirm_path, need_request_status_path
from .numbering import submission_create


def need_request_recipients() -> list[str]:
    """The ANCT team's address when set, else the moderation address."""
    if settings.NEED_REQUESTS_EMAIL:
        return [settings.NEED_REQUESTS_EMAIL]
    return moderation_recipients()


def _email_context(need_request: NeedRequest) -> dict:
    return {
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


@transaction.atomic
def need_request_submit(*, data: dict, client_network: str = "") -> NeedRequest:
    """Stores a request, unconfirmed, and sends the link that confirms the address."""
    need_request = submission_create(model=NeedRequest, data=data, client_network=client_network)
    # Only what the site itself wrote: the reference, the link, the delay.
    queue_email(
        "contributions/email/need_confirm",
        [need_request.email],
        {
            "reference": need_request.reference,
            "confirm_url": public_url(need_request_confirm_path(need_request=need_request)),
            "days": NEED_CONFIRM_LINK.max_age.days,
        },
        reply_to=moderation_recipients(),
    )
    return need_request


@transaction.atomic
def need_request_resubmit(*, need_request: NeedRequest, data: dict) -> NeedRequest:
    """The same request sent again before it was confirmed: what was typed last wins,
    and no second e-mail goes out (the first link still confirms it)."""
    need_request = NeedRequest.objects.select_for_update().get(pk=need_request.pk)
    for name in NeedRequest.SUBMITTED_FIELDS:
        if name in data and name != "email":
            value = data[name]
            field = NeedRequest._meta.get_field(name)
            setattr(need_request, name, "" if value is None and not field.null else value)
    need_request.save()
    return need_request


def need_request_confirm(*, need_request: NeedRequest) -> bool:
    """The sender confirmed their address: acknowledge, and pass it to the ANCT team.

    Confirming twice changes nothing and sends nothing more.
    """
    with transaction.atomic():
        need_request = NeedRequest.objects.select_for_update().get(pk=need_request.pk)
        if need_request.status != NeedRequest.Status.UNCONFIRMED:
            return False
        need_request.status = NeedRequest.Status.NEW
        need_request.confirmed_at = timezone.now()
        need_request.save(update_fields=["status", "confirmed_at", "updated_at"])
        context = _email_context(need_request)
        queue_email(
            "contributions/email/need_received",
            [need_request.email],
            {
                **context,
                "status_url": public_url(need_request_status_path(need_request=need_request)),
            },
            reply_to=moderation_recipients(),
        )
        queue_email(
            "contributions/email/need_staff",
            need_request_recipients(),
            {
                **context,
                "admin_url": public_url(reverse("besoins:inspect", args=[need_request.pk])),
            },
            reply_to=[need_request.email],
        )
    return True


def need_request_update(*, need_request: NeedRequest, user) -> NeedRequest:
    """After a status or note change in the admin: who follows the request, since when."""
    if need_request.status != NeedRequest.Status.NEW:
        need_request.handled_by = need_request.handled_by or user
        need_request.taken_at = need_request.taken_at or timezone.now()
        need_request.save(update_fields=["handled_by", "taken_at", "updated_at"])
    return need_request


def need_request_answer(*, need_request: NeedRequest, user, answer: str) -> NeedRequest:
    """Records the ANCT's answer and sends it to the requester, who also reads it on
    the status page. Answering again replaces the answer and sends it again."""
    with transaction.atomic():
        need_request = NeedRequest.objects.select_for_update().get(pk=need_request.pk)
        now = timezone.now()
        need_request.answer = answer
        need_request.answered_at = now
        need_request.status = NeedRequest.Status.DONE
        need_request.handled_by = need_request.handled_by or user
        need_request.taken_at = need_request.taken_at or now
        need_request.save()
        queue_email(
            "contributions/email/need_answer",
            [need_request.email],
            {
                **_email_context(need_request),
                "answer": answer,
                "status_url": public_url(need_request_status_path(need_request=need_request)),
            },
            reply_to=moderation_recipients(),
        )
    return need_request


def need_requests_purge_unconfirmed(*, older_than: timedelta = timedelta(days=7)) -> int:
    """Forgets the requests whose sender never confirmed the address (the link has
    expired by then): what a stranger typed about someone else is not kept."""
    stale = NeedRequest.objects.filter(
        status=NeedRequest.Status.UNCONFIRMED, created_at__lt=timezone.now() - older_than
    )
    _total, per_model = stale.delete()
    return per_model.get(NeedRequest._meta.label, 0)
