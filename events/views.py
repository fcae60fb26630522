"""The agenda's pages and calendar files."""

import datetime

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_POST, require_safe

from core.public_urls import public_url
from core.ratelimit import limit_posts

from . import ical
from .filters import EventFilterSet
from .forms import RegistrationForm
from .selectors import (
    event_get_published,
    event_list_for_calendar,
    event_occurrences_open,
    event_publication_count,
)
from .services import RegistrationClosed, event_register

# The feed keeps recent events a while, so that subscribed calendars do not
# lose an event the day after it took place.
FEED_PAST_DAYS = 90
FEED_LIMIT = 500
CALENDAR_NAME = "Territoires en Commun — Agenda"
# Without commas or semicolons: some clients show X-WR-* values without unescaping them.
CALENDAR_DESCRIPTION = (
    "Les rendez-vous des partenaires de Territoires en Commun sur la participation citoyenne "
    "et les coopérations territoriales."
)


def calendar_response(body: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug: str) -> HttpResponse:
    """/agenda/<slug>.ics: « Ajouter à mon agenda », the event in a calendar file."""
    event = event_get_published(slug=slug)
    if event is None:
        raise Http404
    # ?date=20300312T1400: one date of a series, on its own.
    occurrence, key = None, request.GET.get("date")
    if key and event.is_recurring:
        occurrence = next((o for o in event.occurrence_list if o.key == key), None)
        if occurrence is None:
            raise Http404
    # The date's file leads back to the date's page.
    page_url = event.occurrence_url(occurrence) if occurrence else event.get_url(request)
    body = ical.calendar(
        [(event, public_url(page_url), event_publication_count(event=event))],
        name=event.title,
        occurrence=occurrence,
    )
    filename = f"{event.slug}-{key}.ics" if occurrence else f"{event.slug}.ics"
    return calendar_response(body, filename=filename, attachment=True)


@require_safe
def agenda_ics(request) -> HttpResponse:
    """/agenda.ics: the agenda to subscribe to, filtered by the page's query string."""
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = event_list_for_calendar(ended_since=since)
    filterset = EventFilterSet(request.GET or None, queryset=events, request=request)
    criteria = filterset.description()
    body = ical.calendar(
        (
            (event, public_url(event.get_url(request)), event.ical_sequence)
            for event in filterset.qs[:FEED_LIMIT]
        ),
        name=f"{CALENDAR_NAME} ({criteria})" if criteria else CALENDAR_NAME,
        description=CALENDAR_DESCRIPTION,
    )
    response = calendar_response(body, filename="agenda.ics", attachment=False)
    patch_cache_control(response, public=True, max_age=15 * 60)
    return response


@require_POST
@limit_posts("event-registration", "20/h")
def event_registration(request, slug: str):
    """/agenda/<slug>/inscription/: register on the site; errors on the event's page."""
    event = event_get_published(slug=slug)
    if event is None or not event.registers_on_site:
        raise Http404
    form = RegistrationForm(request.POST, occurrences=event_occurrences_open(event=event))
    if form.is_spam:
        return HttpResponseRedirect(event.url + "?inscription=confirmee#inscription")
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = event_register(
                event=event,
                occurrence_id=data["occurrence"],
                name=data["name"],
                email=data["email"],
                organisation=data["organisation"],
            )
        except RegistrationClosed:
            form.add_error(None, "Les inscriptions à cette date sont closes.")
        else:
            outcome = "attente" if registration.status == "waiting" else "confirmee"
            page_url = event.occurrence_url(registration.occurrence)
            return HttpResponseRedirect(f"{page_url}?inscription={outcome}#inscription")
    context = event.get_context(request)
    context["registration_form"] = form
    return TemplateResponse(request, event.get_template(request), context, status=400)
