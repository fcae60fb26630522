"""What the agenda's pages show, beside what Wagtail gives every page.

The pages (in models.py) call these with the events they read through their
queryset methods; this module never imports the models, so that the pages can
import it.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse

from core.public_urls import public_url
from themes.models import ThemePage

from .calendar_links import calendar_links
from .dates import group_by_month
from .filters import EventFilterSet
from .forms import RegistrationForm
from .occurrence_models import EventOccurrence
from .structured_data import as_script, event_json_ld

REGISTRATION_OUTCOMES = {
    "confirmee": "Votre inscription est confirmée : un e-mail de confirmation vous a été envoyé.",
    "attente": (
        "L'événement est complet : vous êtes inscrit·e sur la liste d'attente. Un e-mail vous "
        "le confirme ; nous vous écrirons si une place se libère."
    ),
}

FILTER_NAMES = ("month", "region", "format", "theme", "organiser", "tag")


def filter_query(request) -> str:
    """The criteria of the query string, without the page number: for the feed link."""
    pairs = [(name, request.GET[name]) for name in FILTER_NAMES if request.GET.get(name)]
    return urlencode(pairs)


def agenda_dates(filterset, *, past: bool):
    """The dates of the filtered events, each listed on its own: upcoming (the
    soonest first) or past (the latest first), within the month chosen."""
    rows = EventOccurrence.objects.filter(
        event__in=filterset.qs.order_by().values("pk")
    ).select_related("event", "event__organiser")
    rows = rows.past() if past else rows.upcoming()
    month = filterset.applied().get("month")
    return rows.starting_in(month=month) if month else rows


def agenda_context(request, *, index, events, past: bool) -> dict:
    """The agenda (``past``: its archive): the dates of ``events``, filtered,
    paginated, by month."""
    filterset = EventFilterSet(request.GET or None, queryset=events, request=request)
    rows = agenda_dates(filterset, past=past)
    page_obj = Paginator(rows, index.items_per_page).get_page(request.GET.get("page"))
    all_rows = EventOccurrence.objects.filter(event__in=events.order_by().values("pk"))
    all_rows = all_rows.past() if past else all_rows.upcoming()
    months = sorted({row.first_day.replace(day=1) for row in all_rows.only("start")})
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


def registration_context(request, *, event, occurrence=None) -> dict:
    """The on-site registration: the dates open, the places left (of the date
    shown), the form, with ``occurrence`` chosen on its own page."""
    if not (event.registers_on_site and event.pk):
        return {}
    open_dates = [row for row in event.occurrences.upcoming() if row.can_add_to_calendar]
    if occurrence is not None:
        # On a date's page, only that date: registering for another one is done on its page.
        open_dates = [row for row in open_dates if row.key == occurrence.key]
    places_left = None
    if event.capacity is not None and open_dates:
        taken = open_dates[0].registrations.filter(status="confirmed").count()
        places_left = max(event.capacity - taken, 0)
    return {
        "registration_form": RegistrationForm(occurrences=open_dates),
        "registration_dates": open_dates,
        "places_left": places_left,
        "registration_outcome": REGISTRATION_OUTCOMES.get(request.GET.get("inscription", "")),
        "registration_action": reverse("event-registration", kwargs={"slug": event.slug}),
    }


def calendar_context(request, *, event, occurrence, own_page: bool) -> dict:
    """« Ajouter à mon agenda »: the calendar file (of the date alone on its own
    page) and the web calendars' links, for a date that will take place."""
    ics_url = reverse("event-ics", kwargs={"slug": event.slug}) if event.slug else ""
    filename = f"{event.slug}.ics"
    if own_page and ics_url:
        ics_url += f"?date={occurrence.key}"
        filename = f"{event.slug}-{occurrence.key}.ics"
    page_url = event.occurrence_url(occurrence) if own_page else event.get_url(request)
    url = public_url(page_url or "")
    can_add = occurrence is not None and occurrence.can_add_to_calendar
    return {
        # A new page previewed before its slug is typed has no calendar file yet.
        "ics_url": ics_url,
        "ics_filename": filename,
        "ics_whole_series": event.is_recurring and not own_page,
        "calendar_links": calendar_links(event, occurrence, url=url, series=not own_page)
        if can_add
        else [],
        "page_public_url": url,
    }


def event_page_context(request, *, event, occurrence=None) -> dict:
    """An event's page, or with ``occurrence`` the page of that date of a series:
    its dates and status, themes, tags, calendar links, registration and
    schema.org data."""
    own_page = occurrence is not None
    occurrence = occurrence or event.current_occurrence
    calendar = calendar_context(request, event=event, occurrence=occurrence, own_page=own_page)
    agenda = event.get_parent()
    image_url = ""
    if event.image_id:
        image_url = public_url(event.image.get_rendition("fill-1200x630").url)
    json_ld = event_json_ld(
        event, url=calendar["page_public_url"], image_url=image_url, occurrence=occurrence
    )
    return {
        # By ids: in a preview, the page's themes are not yet a database query.
        "themes": ThemePage.objects.live()
        .public()
        .filter(pk__in=[theme.pk for theme in event.themes.all()])
        .order_by("-month"),
        "tags": event.tags.all(),
        "occurrence": occurrence,
        "own_date_page": own_page,
        "series": [item for item in event.occurrence_list if not item.has_ended()]
        if event.is_recurring
        else [],
        **calendar,
        "json_ld": as_script(json_ld),
        "has_ended": event.has_ended(),
        "agenda": agenda,
        "occurrence_breadcrumb": {
            "links": [
                {"url": agenda.url, "title": agenda.title},
                {"url": event.url, "title": event.title},
            ],
            "current": occurrence.when,
        }
        if own_page
        else None,
        **registration_context(request, event=event, occurrence=occurrence if own_page else None),
    }
