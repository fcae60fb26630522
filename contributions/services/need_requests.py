"""Writes about the requests collectivités send to the ANCT (« préciser mon besoin »)."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from core.mail import queue_email
from core.public_urls import public_url

from ..models import NeedRequest
from ..selectors import moderator_list_emails
from .numbering import submission_create


def need_request_recipients() -> list[str]:
    """The ANCT team's address when set, else the moderators."""
    if settings.NEED_REQUESTS_EMAIL:
        return [settings.NEED_REQUESTS_EMAIL]
    return moderator_list_emails()


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
    """Stores a collectivité's request, acknowledges it and passes it to the ANCT team."""
    need_request = submission_create(model=NeedRequest, data=data, client_network=client_network)
    context = _email_context(need_request)
    queue_email("contributions/email/need_received", [need_request.email], context)
    queue_email(
        "contributions/email/need_staff",
        need_request_recipients(),
        {**context, "admin_url": public_url(reverse("besoins:inspect", args=[need_request.pk]))},
        reply_to=[need_request.email],
    )
    return need_request


def need_request_update(*, need_request: NeedRequest, user) -> NeedRequest:
    """After a status or note change in the admin: who follows the request."""
    if need_request.status != NeedRequest.Status.NEW and need_request.handled_by_id is None:
        need_request.handled_by = user
        need_request.save(update_fields=["handled_by", "updated_at"])
    return need_request
