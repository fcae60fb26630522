"""Public pages: contribute, confirm, follow a proposal; state a need to the ANCT."""

import logging

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_http_methods

from core.client import client_ip, truncated_ip
from core.ratelimit import SubmissionLimit, limit_posts, too_many_requests
from core.signed_links import InvalidLink

from . import services
from .forms import CONTRIBUTION_FORMS, NeedRequestForm
from .models import Contribution, NeedRequest
from .selectors import (
    contribution_get_pending_twin,
    need_request_get_pending_twin,
    project_list_suggested,
    resource_list_suggested,
    theme_get_published,
)
from .storage import STORAGE_ERRORS

logger = logging.getLogger(__name__)

CONTRIBUTE_CRUMB = {"url": "/contribuer/", "title": "Contribuer"}
# Only proposals stored count: a form sent back with errors, or sent again, costs nothing.
CONTRIBUTION_LIMIT = SubmissionLimit("contribution", per_ip="20/h", per_email="5/h")
NEED_REQUEST_LIMIT = SubmissionLimit("need-request", per_ip="20/h", per_email="5/h")
FORM_TITLES = {
    Contribution.Kind.RESOURCE: "Proposer une ressource",
    Contribution.Kind.EVENT: "Proposer un événement",
    Contribution.Kind.PROJECT: "Proposer un projet",
}
EMAIL_LIMIT_MESSAGE = (
    "Vous avez envoyé beaucoup de propositions avec cette adresse e-mail en peu de temps. "
    "Merci de réessayer dans une heure."
)
STORAGE_DOWN_MESSAGE = (
    "Votre document n'a pas pu être enregistré pour le moment. "
    "Merci de réessayer dans quelques minutes."
)


def contribute(request):
    """/contribuer/: what can be proposed, and how it is moderated."""
    return render(
        request,
        "contributions/contribute.html",
        {"breadcrumb": {"links": [], "current": "Contribuer"}},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@CONTRIBUTION_LIMIT
def contribution_form(request, kind: str):
    """/contribuer/<kind>/: one of the three forms (?thematique=<slug> ticks a theme)."""
    form_class = CONTRIBUTION_FORMS.get(kind)
    if form_class is None:
        raise Http404
    if request.method != "POST":
        theme = _theme_from_query(request)
        form = form_class(initial={"themes": [theme.pk]} if theme else {})
        return _render_form(request, form, kind)
    form = form_class(request.POST, request.FILES)
    if form.is_spam:
        # Answer a robot as if all went well, storing nothing.
        CONTRIBUTION_LIMIT.count_success(request)
        return redirect("contribution-sent-generic")
    if not form.is_valid():
        return _render_form(request, form, kind)
    try:
        contribution = _store_proposal(request, form, kind)
    except SubmissionRefused:
        return too_many_requests(request, EMAIL_LIMIT_MESSAGE)
    except STORAGE_ERRORS:
        logger.exception("Contributed document not stored")
        form.add_error(None, STORAGE_DOWN_MESSAGE)
        return _render_form(request, form, kind, status=503)
    return redirect(services.contribution_sent_path(contribution=contribution))


class SubmissionRefused(Exception):
    """The client or the address has sent as many proposals as allowed for now."""


def _store_proposal(request, form, kind: str) -> Contribution:
    """A new proposal (counted), or the same one sent again unconfirmed (updated, not counted)."""
    data = form.cleaned_data
    themes = data.get("themes") or []
    twin = contribution_get_pending_twin(kind=kind, email=data["email"], title=data["title"])
    if twin is not None:
        return services.contribution_correct(contribution=twin, data=data, themes=themes)
    if CONTRIBUTION_LIMIT.refuses(request, email=data["email"]):
        raise SubmissionRefused
    contribution = services.contribution_submit(
        kind=kind,
        data=data,
        themes=themes,
        client_network=truncated_ip(client_ip(request)),
    )
    CONTRIBUTION_LIMIT.count_success(request, email=data["email"])
    return contribution


def _render_form(request, form, kind, status=200):
    return render(
        request,
        f"contributions/form_{kind}.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": dict(Contribution.Kind.choices)[kind],
            "breadcrumb": {"links": [CONTRIBUTE_CRUMB], "current": FORM_TITLES[kind]},
        },
        status=status,
    )


@never_cache
def contribution_sent(request, token: str = ""):
    """Right after sending: « check your inbox » (the address shown to spot a typo)."""
    contribution = None
    if token:
        try:
            contribution = services.contribution_from_link(link=services.SENT_LINK, token=token)
        except InvalidLink:
            contribution = None
    return render(
        request,
        "contributions/sent.html",
        {
            "contribution": contribution,
            "breadcrumb": {"links": [CONTRIBUTE_CRUMB], "current": "Proposition envoyée"},
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("contribution-confirm", "30/h")
@sensitive_variables("token")
def contribution_confirm(request, token: str):
    """The link of the confirmation e-mail. GET shows a button, POST sends the proposal
    to the moderators: a mail scanner that opens the link confirms nothing."""
    try:
        contribution = services.contribution_from_link(link=services.CONFIRM_LINK, token=token)
    except InvalidLink as error:
        return _invalid_link(request, error)
    status_path = services.contribution_status_path(contribution=contribution)
    if request.method == "POST":
        services.contribution_confirm(contribution=contribution)
        return redirect(status_path)
    if contribution.status != Contribution.Status.UNCONFIRMED:
        return redirect(status_path)
    return render(
        request,
        "contributions/confirm.html",
        {
            "contribution": contribution,
            "breadcrumb": {"links": [CONTRIBUTE_CRUMB], "current": "Confirmer ma proposition"},
        },
    )


def _invalid_link(request, error: InvalidLink, need: bool = False):
    return render(
        request,
        "contributions/invalid_link.html",
        {
            "message": error.message,
            "need": need,
            "breadcrumb": {"links": [CONTRIBUTE_CRUMB], "current": "Lien non valide"},
        },
        status=400,
    )


# -- « Préciser mon besoin » -------------------------------------------------------------

NEED_CRUMB = {"links": [], "current": "Préciser mon besoin"}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@NEED_REQUEST_LIMIT
def need_request(request):
    """/besoin/: describe the need, see what the site already offers, then send."""
    if request.method != "POST":
        form = NeedRequestForm(initial={"theme": _theme_from_query(request)})
        return _render_need(request, form)
    form = NeedRequestForm(request.POST)
    if form.is_spam:
        NEED_REQUEST_LIMIT.count_success(request)
        return redirect("need-request-sent-generic")
    if not form.is_valid():
        return _render_need(request, form)
    data = form.cleaned_data
    if request.POST.get("action") != "envoyer":
        # The « vérifier » step: what already answers the need, before sending.
        text = " ".join([data["subject"], data["message"]])
        return _render_need(
            request,
            form,
            checked=True,
            resources=resource_list_suggested(text=text, theme=data.get("theme")),
            projects=project_list_suggested(text=text, theme=data.get("theme")),
        )
    twin = need_request_get_pending_twin(email=data["email"], subject=data["subject"])
    if twin is not None:
        need = services.need_request_resubmit(need_request=twin, data=data)
    elif NEED_REQUEST_LIMIT.refuses(request, email=data["email"]):
        return too_many_requests(request, EMAIL_LIMIT_MESSAGE)
    else:
        need = services.need_request_submit(
            data=data, client_network=truncated_ip(client_ip(request))
        )
        NEED_REQUEST_LIMIT.count_success(request, email=data["email"])
    return redirect(services.need_request_sent_path(need_request=need))


def _theme_from_query(request):
    """« Je souhaite préciser mon besoin » on a theme page links here with ?thematique=<slug>."""
    slug = request.GET.get("thematique", "")[:255]
    if not slug or "\x00" in slug:
        return None
    return theme_get_published(slug=slug)


def _render_need(request, form, status=200, **context):
    return render(
        request,
        "contributions/need_request.html",
        {"form": form, "breadcrumb": NEED_CRUMB, **context},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("need-request-confirm", "30/h")
@sensitive_variables("token")
def need_request_confirm(request, token: str):
    """The link of the confirmation e-mail. GET shows a button, POST passes the request
    to the ANCT team; then the page says it is sent."""
    try:
        need = services.need_request_to_confirm(token=token)
    except InvalidLink as error:
        return _invalid_link(request, error, need=True)
    if request.method == "POST":
        services.need_request_confirm(need_request=need)
        return redirect(request.path)
    return render(
        request,
        "contributions/need_confirm.html",
        {
            "need": need,
            "confirmed": need.status != NeedRequest.Status.UNCONFIRMED,
            "status_path": services.need_request_status_path(need_request=need),
            "breadcrumb": {
                "links": [{"url": "/besoin/", "title": "Préciser mon besoin"}],
                "current": "Confirmer ma demande",
            },
        },
    )


@never_cache
def need_request_sent(request, token: str = ""):
    need = None
    if token:
        try:
            need = services.need_request_from_link(token=token)
        except InvalidLink:
            need = None
    return render(
        request,
        "contributions/need_sent.html",
        {
            "need": need,
            "breadcrumb": {
                "links": [{"url": "/besoin/", "title": "Préciser mon besoin"}],
                "current": "Confirmez votre adresse e-mail",
            },
        },
    )
