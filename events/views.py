"""The agenda's pages and calendar files."""

import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from themes.models import ThemePage

from . import ical
from .filters import EventFilterSet
from .models import EventIndexPage, EventPage
from .selectors import (
    event_sequence,
    group_by_month,
    months_of,
    past_events,
    published_events,
    upcoming_events,
    with_sequence,
)
from .structured_data import as_script, event_json_ld

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
FILTER_NAMES = ("month", "region", "format", "theme", "organiser", "tag")


def filter_query(request) -> str:
    """The criteria of the query string, without the page number: for the feed link."""
    pairs = [(name, request.GET[name]) for name in FILTER_NAMES if request.GET.get(name)]
    return urlencode(pairs)


def agenda_context(request, *, index: EventIndexPage, past: bool) -> dict:
    now = timezone.now()
    events = (past_events(now) if past else upcoming_events(now=now)).child_of(index)
    filterset = EventFilterSet(request.GET or None, queryset=events, request=request)
    paginator = Paginator(filterset.qs, index.items_per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    months = months_of(events)
    selected_month = filterset.applied().get("month")
    if selected_month and selected_month not in months:
        months = sorted([*months, selected_month])
    if past:
        months.reverse()
    query = filter_query(request)
    return {
        "filterset": filterset,
        "items": page_obj,
        "month_groups": group_by_month(page_obj.object_list),
        "months": months,
        "is_filtered": bool(filterset.applied()),
        "past": past,
        "empty_message": index.empty_message,
        "ics_path": reverse("agenda-ics") + (f"?{query}" if query else ""),
        "upcoming_url": index.url,
        "archives_url": index.url + index.reverse_subpage("archives"),
        "archive_breadcrumb": {
            "links": [{"url": index.url, "title": index.title}],
            "current": "Événements passés",
        },
    }


def event_page_context(request, event: EventPage) -> dict:
    url = event.get_full_url(request)
    image_url = ""
    if event.image_id:
        rendition = event.image.get_rendition("fill-1200x630")
        image_url = request.build_absolute_uri(rendition.url) if request else rendition.url
    return {
        # By ids: in a preview, the page's themes are not yet a database query.
        "themes": ThemePage.objects.live()
        .public()
        .filter(pk__in=[theme.pk for theme in event.themes.all()])
        .order_by("-month"),
        "tags": event.tags.all(),
        # A new page previewed before its slug is typed has no calendar file yet.
        "ics_url": reverse("event-ics", kwargs={"slug": event.slug}) if event.slug else "",
        "json_ld": as_script(event_json_ld(event, url=url, image_url=image_url)),
        "has_ended": event.has_ended(),
        "agenda": event.get_parent(),
    }


def calendar_response(body: bytes, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@require_safe
def event_ics(request, slug: str) -> HttpResponse:
    """/agenda/<slug>.ics: « Ajouter à mon agenda », the event in a calendar file."""
    event = published_events().filter(slug=slug).order_by("pk").first()
    if event is None:
        raise Http404
    body = ical.calendar(
        [(event, event.get_full_url(request), event_sequence(event))],
        name=event.title,
    )
    return calendar_response(body, filename=f"{event.slug}.ics", attachment=True)


@require_safe
def agenda_ics(request) -> HttpResponse:
    """/agenda.ics: the agenda to subscribe to, filtered by the page's query string."""
    since = timezone.now() - datetime.timedelta(days=FEED_PAST_DAYS)
    events = with_sequence(published_events().filter(end__gte=since)).order_by("start", "pk")
    filterset = EventFilterSet(request.GET or None, queryset=events, request=request)
    criteria = filterset.description()
    body = ical.calendar(
        (
            (event, event.get_full_url(request), event.ical_sequence)
            for event in filterset.qs[:FEED_LIMIT]
        ),
        name=f"{CALENDAR_NAME} ({criteria})" if criteria else CALENDAR_NAME,
        description=CALENDAR_DESCRIPTION,
    )
    response = calendar_response(body, filename="agenda.ics", attachment=False)
    patch_cache_control(response, public=True, max_age=15 * 60)
    return response
