"""Reads of the agenda for views, feeds, hooks and other apps (the newsletter).

The rules (upcoming, past, Paris months) are the queryset methods of
``EventQuerySet``; these name the usual combinations.
"""

import datetime

from django.db.models import F, Q, QuerySet
from django.utils import timezone
from wagtail.models import PageLogEntry

from .models import EventIndexPage, EventOccurrence, EventPage, RegistrationStatus


def event_list_upcoming(*, limit: int | None = None, now: datetime.datetime | None = None):
    """Live events not yet ended, the soonest first (cancelled ones included)."""
    events = EventPage.objects.listed().upcoming(now=now)
    return events[:limit] if limit is not None else events


def event_list_past(*, now: datetime.datetime | None = None) -> QuerySet[EventPage]:
    """Live events already ended, the most recent first: the agenda's archive."""
    return EventPage.objects.listed().past(now=now)


def event_list_in_month(*, year: int, month: int) -> QuerySet[EventPage]:
    """Live events starting in this Paris month, in date order."""
    first_day = datetime.date(year, month, 1)
    return EventPage.objects.listed().starting_in(month=first_day).order_by("start", "pk")


def event_list_newest() -> QuerySet[EventPage]:
    """Events by first publication, newest first: what the RSS/Atom feeds announce."""
    return EventPage.objects.listed().newest_first()


def event_occurrence_list_newest(
    *, events: int, limit: int, now: datetime.datetime | None = None
) -> QuerySet[EventOccurrence]:
    """The dates of the ``events`` newest announced, one by one: what the RSS/Atom
    feeds carry. Of a series, the dates not yet over (its past ones are old news)."""
    newest = list(event_list_newest().values_list("pk", flat=True)[:events])
    rows = EventOccurrence.objects.filter(event__in=newest).filter(
        Q(end__gte=now or timezone.now()) | Q(event__recurrence_rule="")
    )
    return rows.select_related("event", "event__organiser").order_by(
        F("event__first_published_at").desc(nulls_last=True), "-event_id", "start"
    )[:limit]


def event_get_published(*, slug: str) -> EventPage | None:
    """The live event at this slug (the oldest if two agendas share one)."""
    return EventPage.objects.listed().filter(slug=slug).order_by("pk").first()


def event_list_for_calendar(*, ended_since: datetime.datetime) -> QuerySet[EventPage]:
    """Live events not ended before ``ended_since``, in date order, with their
    ``ical_sequence``: what the subscribable calendar holds."""
    return (
        EventPage.objects.listed()
        .filter(
            pk__in=EventOccurrence.objects.filter(end__gte=ended_since)
            .order_by()
            .values("event_id")
        )
        .with_sequence()
        .order_by("start", "pk")
    )


def event_publication_count(*, event: EventPage) -> int:
    """How many times the event was published: its iCalendar SEQUENCE."""
    return PageLogEntry.objects.filter(page_id=event.pk, action="wagtail.publish").count()


def agenda_get() -> EventIndexPage | None:
    """The agenda page, if there is one."""
    return EventIndexPage.objects.live().first()


def event_occurrences_open(*, event: EventPage) -> list[EventOccurrence]:
    """The dates one can still register for (or note): not over, not cancelled,
    with a known date."""
    rows = EventOccurrence.objects.filter(event=event).upcoming()
    return [row for row in rows if row.can_add_to_calendar]


def event_places_taken(*, occurrence: EventOccurrence) -> int:
    return occurrence.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
