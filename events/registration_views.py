"""The page the confirmation e-mail's cancel link leads to: a button, never a
cancellation on the link's GET (mail scanners open links)."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.ratelimit import limit_posts
from core.signed_links import InvalidLink

from .models import RegistrationStatus
from .services import event_registration_cancel, event_registration_from_link


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@limit_posts("event-registration-cancel", "30/h")
def registration_cancel(request, token: str):
    """/agenda/inscriptions/annuler/<token>/: what the registration is, and a
    button to cancel it; once cancelled, the same page says so."""
    try:
        registration = event_registration_from_link(token=token)
    except InvalidLink as error:
        return render(
            request,
            "events/registration_cancel_invalid.html",
            {"message": error.message},
            status=400,
        )
    if request.method == "POST":
        event_registration_cancel(registration_id=registration.pk)
        return redirect(request.path)
    event, occurrence = registration.event, registration.occurrence
    return render(
        request,
        "events/registration_cancel.html",
        {
            "registration": registration,
            "event": event,
            "occurrence": occurrence,
            "event_url": event.occurrence_url(occurrence),
            "cancelled": registration.status == RegistrationStatus.CANCELLED,
            "waiting": registration.status == RegistrationStatus.WAITING,
        },
    )
