"""The contributor's own pages, reached by the signed link of the e-mails: follow a
proposal, correct or withdraw it while it waits; follow a request to the ANCT."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.ratelimit import SubmissionLimit, too_many_requests
from core.signed_links import InvalidLink

from . import services
from .forms import CONTRIBUTION_FORMS
from .forms.correction import correction_form
from .models import Contribution, NeedRequest
from .storage import STORAGE_ERRORS
from .views import CONTRIBUTE_CRUMB, FORM_TITLES, STORAGE_DOWN_MESSAGE, _invalid_link

NEED_CRUMB = {"url": "/besoin/", "title": "Préciser mon besoin"}
# Corrections and withdrawals stored count; forms sent back with errors do not.
FOLLOW_UP_LIMIT = SubmissionLimit("contribution-follow-up", per_ip="60/h")


def _contribution_or_error(request, token: str):
    try:
        return services.contribution_from_link(link=services.STATUS_LINK, token=token), None
    except InvalidLink as error:
        return None, _invalid_link(request, error)


def _status_crumb(contribution: Contribution) -> dict:
    return {
        "url": services.contribution_status_path(contribution=contribution),
        "title": f"Suivi de la proposition {contribution.reference}",
    }


@never_cache
def contribution_status(request, token: str):
    """What was sent, where it stands, what happened to it and what the team said."""
    contribution, error = _contribution_or_error(request, token)
    if error:
        return error
    return render(
        request,
        "contributions/status.html",
        {
            "contribution": contribution,
            "token": token,
            "steps": status_steps(contribution),
            "history": list(contribution.history.all()),
            "submitted": submitted_items(contribution),
            "breadcrumb": {
                "links": [CONTRIBUTE_CRUMB],
                "current": f"Suivi de la proposition {contribution.reference}",
            },
        },
    )


# What the status page recalls of the proposal (the sender's details are shown apart).
RECALLED_FIELDS = (
    "title",
    "resource_kind",
    "summary",
    "description",
    "url",
    "document",
    "event_format",
    "venue",
    "address",
    "city",
    "departement",
    "territory",
    "online_url",
    "registration_url",
    "organiser_name",
)


def submitted_items(contribution: Contribution) -> list[tuple[str, str]]:
    """(label, value) of every field the proposal filled in, as the contributor sent it
    or as last corrected."""
    items = []
    for name in RECALLED_FIELDS:
        field = Contribution._meta.get_field(name)
        value = getattr(contribution, name)
        if not value:
            continue
        if name == "document":
            value = contribution.document_name
        elif field.choices:
            value = getattr(contribution, f"get_{name}_display")()
        items.append((str(field.verbose_name).capitalize(), str(value)))
    if contribution.start:
        items.insert(1, ("Dates", _event_dates(contribution)))
    themes = ", ".join(theme.title for theme in contribution.themes.all())
    if themes:
        items.append(("Thématiques", themes))
    return items


def _event_dates(contribution: Contribution) -> str:
    start = timezone.localtime(contribution.start)
    end = timezone.localtime(contribution.end or contribution.start)
    if contribution.all_day:
        first, last = date_format(start, "j F Y"), date_format(end, "j F Y")
        return first if first == last else f"du {first} au {last}"
    return f"du {date_format(start, 'j F Y à H:i')} au {date_format(end, 'j F Y à H:i')}"


def status_steps(contribution: Contribution) -> dict:
    """The DSFR stepper: where the proposal is among confirm → received → review → decision."""
    status = Contribution.Status
    titles = {
        status.UNCONFIRMED: "Adresse e-mail à confirmer",
        status.RECEIVED: "Reçue",
        status.IN_REVIEW: "En cours d'examen",
        status.PUBLISHED: "Publiée",
        status.DECLINED: "Non retenue",
        status.DUPLICATE: "Non retenue : déjà présente sur le site",
        status.WITHDRAWN: "Retirée à votre demande",
    }
    order = [status.UNCONFIRMED, status.RECEIVED, status.IN_REVIEW]
    number = order.index(contribution.status) + 1 if contribution.status in order else 4
    following = ["Reçue", "En cours d'examen", "Décision de l'équipe éditoriale", ""]
    return {
        "current": {"title": titles[contribution.status]},
        "number": number,
        "total": 4,
        "next": following[number - 1],
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@FOLLOW_UP_LIMIT
def contribution_correct(request, token: str):
    """The proposal's form, filled with what was sent; every field is checked again."""
    contribution, error = _contribution_or_error(request, token)
    if error:
        return error
    status_path = services.contribution_status_path(contribution=contribution)
    if not contribution.can_be_changed_by_author:
        messages.info(request, services.follow_up.TOO_LATE)
        return redirect(status_path)
    form_class = CONTRIBUTION_FORMS[contribution.kind]
    if request.method != "POST":
        form = correction_form(contribution=contribution, form_class=form_class)
        return _render_correction(request, form, contribution)
    form = correction_form(
        contribution=contribution, form_class=form_class, data=request.POST, files=request.FILES
    )
    if form.is_spam or not form.is_valid():
        return _render_correction(request, form, contribution)
    if FOLLOW_UP_LIMIT.refuses(request):
        return too_many_requests(request)
    FOLLOW_UP_LIMIT.count_success(request)
    try:
        services.contribution_correct(
            contribution=contribution,
            data=form.cleaned_data,
            themes=form.cleaned_data.get("themes") or [],
        )
    except services.ModerationError as refused:
        messages.info(request, refused.message)
        return redirect(status_path)
    except STORAGE_ERRORS:
        form.add_error(None, STORAGE_DOWN_MESSAGE)
        return _render_correction(request, form, contribution, status=503)
    messages.success(request, "Votre proposition est corrigée : l'équipe éditoriale le voit.")
    return redirect(status_path)


def _render_correction(request, form, contribution, status=200):
    return render(
        request,
        "contributions/correct.html",
        {
            "form": form,
            "contribution": contribution,
            "form_title": FORM_TITLES[contribution.kind],
            "status_path": services.contribution_status_path(contribution=contribution),
            "breadcrumb": {
                "links": [CONTRIBUTE_CRUMB, _status_crumb(contribution)],
                "current": "Corriger ma proposition",
            },
        },
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@FOLLOW_UP_LIMIT
def contribution_withdraw(request, token: str):
    """GET asks for confirmation; the POST of its button withdraws the proposal."""
    contribution, error = _contribution_or_error(request, token)
    if error:
        return error
    status_path = services.contribution_status_path(contribution=contribution)
    if request.method == "POST":
        if FOLLOW_UP_LIMIT.refuses(request):
            return too_many_requests(request)
        FOLLOW_UP_LIMIT.count_success(request)
        try:
            services.contribution_withdraw(contribution=contribution)
        except services.ModerationError as refused:
            messages.info(request, refused.message)
        else:
            messages.success(request, "Votre proposition est retirée.")
        return redirect(status_path)
    if not contribution.can_be_changed_by_author:
        return redirect(status_path)
    return render(
        request,
        "contributions/withdraw.html",
        {
            "contribution": contribution,
            "status_path": status_path,
            "breadcrumb": {
                "links": [CONTRIBUTE_CRUMB, _status_crumb(contribution)],
                "current": "Retirer ma proposition",
            },
        },
    )


@never_cache
def need_request_status(request, token: str):
    """Received, taken in charge, answered: and the ANCT's answer once given."""
    try:
        need = services.need_request_from_status_link(token=token)
    except InvalidLink as error:
        return _invalid_link(request, error, need=True)
    order = [NeedRequest.Status.NEW, NeedRequest.Status.IN_PROGRESS, NeedRequest.Status.DONE]
    number = order.index(need.status) + 1
    following = ["Prise en charge par l'équipe de l'ANCT", "Réponse de l'ANCT", ""]
    return render(
        request,
        "contributions/need_status.html",
        {
            "need": need,
            "steps": {
                "current": {"title": need.public_status},
                "number": number,
                "total": len(order),
                "next": following[number - 1],
            },
            "breadcrumb": {
                "links": [NEED_CRUMB],
                "current": f"Suivi de la demande {need.reference}",
            },
        },
    )
