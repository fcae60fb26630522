"""Reads of the agenda: which events are upcoming, past, in a month.

« Upcoming » means not yet ended: an event running now, or a multi-day one
that started yesterday, is still on the agenda. Months are Paris months: an
event at 23:30 Paris time on the 31st belongs to that month, whatever UTC says.
Cancelled events stay listed (marked « Annulé ») so that nobody who noted the
date is left wondering.
"""

import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from wagtail.models import PageLogEntry

from . import dates
from .models import EventIndexPage, EventPage


def published_events() -> QuerySet[EventPage]:
    """Live, public events with what the lists show (not the body)."""
    return EventPage.objects.live().public().defer_streamfields().select_related("organiser")


def upcoming_events(limit: int | None = None, now: datetime.datetime | None = None):
    """Live events not yet ended, the soonest first (cancelled ones included)."""
    events = published_events().filter(end__gte=now or timezone.now()).order_by("start", "pk")
    return events[:limit] if limit is not None else events


def past_events(now: datetime.datetime | None = None) -> QuerySet[EventPage]:
    """Live events already ended, the most recent first: the agenda's archive."""
    return published_events().filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


def events_in_month(year: int, month: int) -> QuerySet[EventPage]:
    """Live events starting in this Paris month, in date order."""
    first, following = dates.month_bounds(year, month)
    return published_events().filter(start__gte=first, start__lt=following).order_by("start", "pk")


def in_month(events: QuerySet[EventPage], month: datetime.date) -> QuerySet[EventPage]:
    first, following = dates.month_bounds(month.year, month.month)
    return events.filter(start__gte=first, start__lt=following)


def months_of(events: QuerySet[EventPage]) -> list[datetime.date]:
    """The Paris months in which these events start, in the queryset's date order."""
    starts = (
        events.order_by()
        .annotate(month=TruncMonth("start", tzinfo=dates.PARIS))
        .values_list("month", flat=True)
        .distinct()
    )
    return sorted({dates.local_date(moment).replace(day=1) for moment in starts})


@dataclass
class MonthGroup:
    """The events of one month under its heading (« Novembre 2026 »)."""

    month: datetime.date
    events: list[EventPage] = field(default_factory=list)

    @property
    def label(self) -> str:
        return dates.month_label(self.month)

    @property
    def anchor(self) -> str:
        return f"mois-{self.month:%Y-%m}"


def group_by_month(events) -> list[MonthGroup]:
    """Consecutive events under the Paris month of their start, order kept."""
    return [
        MonthGroup(month=month, events=list(items))
        for month, items in groupby(events, key=lambda event: event.first_day.replace(day=1))
    ]


def with_sequence(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """Annotate ``ical_sequence``: how many times each event was published.

    Calendar clients replace their copy of an event only when its SEQUENCE grows;
    counting publications makes every published change a new version.
    """
    publications = (
        PageLogEntry.objects.filter(page_id=OuterRef("pk"), action="wagtail.publish")
        .order_by()
        .values("page_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return events.annotate(ical_sequence=Coalesce(Subquery(publications), 0))


def event_sequence(event: EventPage) -> int:
    return PageLogEntry.objects.filter(page_id=event.pk, action="wagtail.publish").count()


def agenda_index() -> EventIndexPage | None:
    return EventIndexPage.objects.live().first()


def newest_events() -> QuerySet[EventPage]:
    """Events by first publication, newest first: what the RSS/Atom feeds announce."""
    return published_events().order_by(F("first_published_at").desc(nulls_last=True), "-pk")
