"""Public pages of the newsletter: sign up, confirm, preferences, data, unsubscribe.

Everything after the sign-up is reached through a signed link from an e-mail:
no account, no password. A link that was altered, belongs to another purpose or
has expired shows a French explanation and changes nothing.
"""

import json
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.client import client_ip, truncated_ip
from core.ratelimit import (
    SubmissionLimit,
    exceeded,
    limit_posts,
    rate_for,
    too_many_requests,
)
from core.signed_links import ExpiredLink, InvalidLink

from . import links, services
from .forms import (
    CONFIRM_WORDING,
    RESUBSCRIBE_WORDING,
    SIGNUP_SOURCES,
    PreferencesForm,
    SignupForm,
)
from .models import SubscriberStatus, normalise_email
from .selectors import newsletter_page_get, subscriber_export_data

# HEAD too, as GET: a link checker may ask for the headers only.
require_get_or_post = require_http_methods(["GET", "HEAD", "POST"])


def _breadcrumb(current: str) -> dict:
    page = newsletter_page_get()
    crumbs = [{"url": page.url, "title": page.title}] if page else []
    return {"links": crumbs, "current": current}


def _consent(request, source: str, wording: str = "") -> services.Consent:
    return services.Consent(
        source=source, wording=wording, ip_address=truncated_ip(client_ip(request))
    )


def _invalid_link(request, error: InvalidLink):
    return render(
        request,
        "newsletter/invalid_link.html",
        {"message": error.message, "breadcrumb": _breadcrumb("Lien non valide")},
        status=400,
    )


def _expired_link(request, token: str):
    """An old link to the preferences: a button e-mails a fresh one to the subscriber
    (the token goes in the form's body, not in an address)."""
    return render(
        request,
        "newsletter/link_expired.html",
        {
            "token": token,
            "days": settings.NEWSLETTER_PREFERENCES_LINK_DAYS,
            "breadcrumb": _breadcrumb("Lien expiré"),
        },
        status=400,
    )


def signed_link(resolve, renewable: bool = False):
    """The view gets the subscriber its token names (``resolve``: a ``links`` reader);
    an altered, used or expired link shows why, and changes nothing. ``renewable``:
    an expired link offers a fresh one by e-mail."""

    def decorator(view):
        @wraps(view)
        @sensitive_variables("token")
        def wrapper(request, token: str):
            try:
                subscriber = resolve(token)
            except InvalidLink as error:
                if renewable and isinstance(error, ExpiredLink):
                    return _expired_link(request, token)
                return _invalid_link(request, error)
            return view(request, token, subscriber)

        return wrapper

    return decorator


# Only sign-ups that pass the form count: a form sent back with errors costs nothing.
SIGNUP_LIMIT = SubmissionLimit("newsletter-signup", per_ip="10/h", per_email="3/h")


@SIGNUP_LIMIT
@require_get_or_post
def signup(request):
    source = str(request.POST.get("source", "page")) if request.method == "POST" else "page"
    form = SignupForm(request.POST or None, source=source)
    if request.method == "POST" and form.is_valid():
        if form.is_spam:  # answer as if all went well; store nothing
            return redirect("newsletter:signup-sent")
        email = normalise_email(form.cleaned_data["email"])
        if SIGNUP_LIMIT.refuses(request, email=email):
            return too_many_requests(
                request,
                (
                    "Plusieurs demandes ont déjà été faites pour cette adresse ou depuis votre "
                    "connexion. Consultez votre messagerie ou réessayez dans une heure."
                ),
            )
        SIGNUP_LIMIT.count_success(request, email=email)
        services.subscriber_subscribe(
            details=services.SignupDetails(
                email=email,
                name=form.cleaned_data["name"],
                organisation=form.cleaned_data["organisation"],
                kind=form.cleaned_data["kind"],
                themes=list(form.cleaned_data["themes"]),
            ),
            consent=_consent(request, SIGNUP_SOURCES[form.source], form.wording),
        )
        return redirect("newsletter:signup-sent")
    return render(
        request,
        "newsletter/signup.html",
        {"form": form, "breadcrumb": _breadcrumb("S'abonner")},
        status=400 if form.errors else 200,
    )


def signup_sent(request):
    return render(
        request,
        "newsletter/signup_sent.html",
        {
            "confirmation_days": settings.NEWSLETTER_CONFIRMATION_DAYS,
            "breadcrumb": _breadcrumb("Vérifiez votre messagerie"),
        },
    )


@require_get_or_post
@signed_link(links.subscriber_to_confirm)
def confirm(request, token: str, subscriber):
    """GET shows a button, POST confirms: a link scanner cannot subscribe anyone."""
    if request.method == "POST":
        services.subscriber_confirm(
            subscriber=subscriber,
            consent=_consent(request, "lien de confirmation", CONFIRM_WORDING),
        )
        messages.success(request, "Votre abonnement est confirmé. Merci !")
        return redirect("newsletter:preferences", token=links.management_token(subscriber))
    return render(
        request,
        "newsletter/confirm.html",
        {
            "subscriber": subscriber,
            "wording": CONFIRM_WORDING,
            "breadcrumb": _breadcrumb("Confirmer mon abonnement"),
        },
    )


def _preferences_form(request, subscriber) -> PreferencesForm:
    """Bound to a POST of the preferences; the « resubscribe » button posts no details."""
    posted = request.method == "POST" and "action" not in request.POST
    return PreferencesForm(
        request.POST if posted else None,
        initial={
            "name": subscriber.name,
            "organisation": subscriber.organisation,
            "kind": subscriber.kind,
            "themes": list(subscriber.themes.values_list("pk", flat=True)),
            "paused": subscriber.paused,
        },
    )


@require_get_or_post
@signed_link(links.managed_subscriber, renewable=True)
def preferences(request, token: str, subscriber):
    form = _preferences_form(request, subscriber)
    if request.method == "POST" and request.POST.get("action") == "resubscribe":
        services.subscriber_resubscribe(
            subscriber=subscriber,
            consent=_consent(request, "page Préférences", RESUBSCRIBE_WORDING),
        )
        messages.success(request, "Vous êtes de nouveau abonné(e) à la newsletter.")
        return redirect("newsletter:preferences", token=token)
    if request.method == "POST" and form.is_valid():
        if not form.is_spam:
            services.subscriber_update_preferences(
                subscriber=subscriber,
                name=form.cleaned_data["name"],
                organisation=form.cleaned_data["organisation"],
                kind=form.cleaned_data["kind"],
                themes=form.cleaned_data["themes"],
                paused=form.cleaned_data["paused"],
            )
        messages.success(request, "Vos préférences sont enregistrées.")
        return redirect("newsletter:preferences", token=token)
    return render(
        request,
        "newsletter/preferences.html",
        {
            "subscriber": subscriber,
            "form": form,
            "token": token,
            "is_unsubscribed": subscriber.status
            in (SubscriberStatus.UNSUBSCRIBED, SubscriberStatus.BOUNCED),
            "resubscribe_wording": RESUBSCRIBE_WORDING,
            "breadcrumb": _breadcrumb("Mes préférences"),
        },
        status=400 if form.errors else 200,
    )


@require_safe
@signed_link(links.managed_subscriber, renewable=True)
def data_export(request, token: str, subscriber):
    """« Télécharger mes données »: everything stored about the subscriber, as JSON."""
    data = subscriber_export_data(subscriber=subscriber)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"newsletter-territoires-en-commun-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_get_or_post
@signed_link(links.managed_subscriber, renewable=True)
def data_delete(request, token: str, subscriber):
    """GET asks for confirmation, POST deletes everything about the subscriber."""
    if request.method == "POST":
        services.subscriber_erase(subscriber=subscriber)
        return render(
            request,
            "newsletter/data_deleted.html",
            {"breadcrumb": _breadcrumb("Données supprimées")},
        )
    return render(
        request,
        "newsletter/data_delete.html",
        {
            "subscriber": subscriber,
            "token": token,
            "breadcrumb": _breadcrumb("Supprimer mes données"),
        },
    )


@csrf_exempt  # RFC 8058: mail clients POST without cookies; the signed token is the proof
@require_get_or_post
@signed_link(links.unsubscribing_subscriber)
def unsubscribe(request, token: str, subscriber):
    """One-click unsubscribe: a POST unsubscribes at once; a GET (a person, or a mail
    scanner following links) only shows a page with a button."""
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.subscriber_unsubscribe(
            subscriber=subscriber,
            consent=_consent(request, "désinscription en un clic" if one_click else "lien e-mail"),
        )
        return render(
            request,
            "newsletter/unsubscribed.html",
            {
                "preferences_url": reverse("newsletter:preferences", kwargs={"token": token}),
                "breadcrumb": _breadcrumb("Désinscription"),
            },
        )
    return render(
        request,
        "newsletter/unsubscribe.html",
        {
            "subscriber": subscriber,
            "token": token,
            "already": subscriber.status == SubscriberStatus.UNSUBSCRIBED,
            "breadcrumb": _breadcrumb("Se désinscrire"),
        },
    )


@sensitive_post_parameters("token")
@require_POST
@limit_posts("newsletter-fresh-link", "10/h")
def fresh_link(request):
    """From an expired link's page: a fresh link to the preferences goes to the
    subscriber's own address. The answer is the same whatever the token, so it
    tells nothing about anyone; a few requests a day per subscriber at most."""
    try:
        subscriber = links.unsubscribing_subscriber(str(request.POST.get("token", ""))[:500])
    except InvalidLink:
        subscriber = None
    if subscriber is not None and not exceeded(
        "newsletter-fresh-link:subscriber",
        str(subscriber.pk),
        rate_for("newsletter-fresh-link-subscriber", "3/d"),
    ):
        services.subscriber_send_preferences_link(subscriber=subscriber)
    return redirect("newsletter:fresh-link-sent")


def fresh_link_sent(request):
    return render(
        request,
        "newsletter/fresh_link_sent.html",
        {
            "days": settings.NEWSLETTER_PREFERENCES_LINK_DAYS,
            "breadcrumb": _breadcrumb("Vérifiez votre messagerie"),
        },
    )
