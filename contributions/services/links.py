"""The signed links sent to contributors and the addresses they lead to."""

from datetime import timedelta

from django.urls import reverse

from core.signed_links import (
    CONTRIBUTION_CONFIRMATION_DAYS,
    NEED_REQUEST_CONFIRMATION_DAYS,
    InvalidLink,
    SignedLink,
)

from ..models import Contribution, NeedRequest

# The confirmation link is valid a week; the status page link as long as the proposal.
CONFIRM_LINK = SignedLink(
    "contribution-confirm", max_age=timedelta(days=CONTRIBUTION_CONFIRMATION_DAYS)
)
STATUS_LINK = SignedLink("contribution-status")
# The « check your inbox » page right after sending: only the sender's browser needs it.
SENT_LINK = SignedLink("contribution-sent", max_age=timedelta(hours=2))
NEED_SENT_LINK = SignedLink("need-request-sent", max_age=timedelta(hours=2))
# A request's confirmation link: a week, then the unconfirmed request is forgotten.
NEED_CONFIRM_LINK = SignedLink(
    "need-request-confirm", max_age=timedelta(days=NEED_REQUEST_CONFIRMATION_DAYS)
)
# A request's status page: as long as the request, for its address only.
NEED_STATUS_LINK = SignedLink("need-request-status")


def _link_state(contribution: Contribution) -> str:
    # A changed address invalidates the links sent to the former one.
    return contribution.email.lower()


def contribution_confirm_path(*, contribution: Contribution) -> str:
    token = CONFIRM_LINK.make(contribution.pk, _link_state(contribution))
    return reverse("contribution-confirm", args=[token])


def contribution_status_path(*, contribution: Contribution) -> str:
    token = STATUS_LINK.make(contribution.pk, _link_state(contribution))
    return reverse("contribution-status", args=[token])


def contribution_sent_path(*, contribution: Contribution) -> str:
    return reverse("contribution-sent", args=[SENT_LINK.make(contribution.pk)])


def contribution_admin_path(*, contribution: Contribution) -> str:
    return reverse("contributions:inspect", args=[contribution.pk])


def contribution_from_link(*, link: SignedLink, token: str) -> Contribution:
    """The contribution a link designates; raises InvalidLink or ExpiredLink."""
    state = _link_state if link is not SENT_LINK else (lambda contribution: "")
    return link.resolve(
        token,
        load=lambda pk: Contribution.objects.filter(pk=int(pk)).first(),
        state=state,
    )


def need_request_sent_path(*, need_request: NeedRequest) -> str:
    return reverse("need-request-sent", args=[NEED_SENT_LINK.make(need_request.pk)])


def _load_need_request(pk) -> NeedRequest | None:
    return NeedRequest.objects.filter(pk=int(pk)).first()


def need_request_from_link(*, token: str) -> NeedRequest:
    return NEED_SENT_LINK.resolve(token, load=_load_need_request, state=lambda r: "")


def need_request_confirm_path(*, need_request: NeedRequest) -> str:
    token = NEED_CONFIRM_LINK.make(need_request.pk, need_request.email.lower())
    return reverse("need-request-confirm", args=[token])


def need_request_to_confirm(*, token: str) -> NeedRequest:
    """The request a confirmation link designates; raises InvalidLink or ExpiredLink.

    Confirming twice changes nothing (the service checks the status), so the link
    signs the address only, as a proposal's does.
    """
    return NEED_CONFIRM_LINK.resolve(
        token, load=_load_need_request, state=lambda need: need.email.lower()
    )


def need_request_status_path(*, need_request: NeedRequest) -> str:
    token = NEED_STATUS_LINK.make(need_request.pk, need_request.email.lower())
    return reverse("need-request-status", args=[token])


def need_request_from_status_link(*, token: str) -> NeedRequest:
    """The confirmed request a status link designates; raises InvalidLink or ExpiredLink."""
    need = NEED_STATUS_LINK.resolve(
        token, load=_load_need_request, state=lambda need: need.email.lower()
    )
    if need.status == NeedRequest.Status.UNCONFIRMED:
        raise InvalidLink
    return need
