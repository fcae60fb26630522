"""The agenda's reads as queryset methods: which events are upcoming, past, in a month.

« Upcoming » means not yet ended: an event running now, or a multi-day one
that started yesterday, is still on the agenda. Months are Paris months: an
event at 23:30 Paris time on the 31st belongs to that month, whatever UTC says.
Cancelled events stay listed (marked « Annulé ») so that nobody who noted the
date is left wondering.
"""

import datetime

from django.db.models import Count, Exists, F, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.query import PageQuerySet

from . import dates
from .occurrence_models import EventOccurrence


class EventQuerySet(PageQuerySet):
    def listed(self):
        """Live, public events with what the lists show (not the body)."""
        return self.live().public().defer_streamfields().select_related("organiser")

    def _dates(self):
        return EventOccurrence.objects.filter(event_id=OuterRef("pk")).order_by()

    def upcoming(self, *, now: datetime.datetime | None = None):
        """Events with a date not yet ended (a series until its last date), by
        their next date, the soonest first (cancelled ones included)."""
        coming = self._dates().filter(end__gte=now or timezone.now())
        return (
            self.filter(Exists(coming))
            .annotate(
                next_start=Subquery(coming.values("event_id").annotate(m=Min("start")).values("m"))
            )
            .order_by("next_start", "pk")
        )

    def past(self, *, now: datetime.datetime | None = None):
        """Events whose every date is over, the most recent first: the archive."""
        coming = self._dates().filter(end__gte=now or timezone.now())
        return self.exclude(Exists(coming)).order_by("-start", "-pk")

    def starting_in(self, *, month: datetime.date):
        """Events starting in this Paris month."""
        first, following = dates.month_bounds(month.year, month.month)
        return self.filter(start__gte=first, start__lt=following)

    def newest_first(self):
        """By first publication, newest first: what the RSS/Atom feeds announce."""
        return self.order_by(F("first_published_at").desc(nulls_last=True), "-pk")

    def start_months(self) -> list[datetime.date]:
        """The Paris months in which these events start, in date order."""
        starts = (
            self.order_by()
            .annotate(month=TruncMonth("start", tzinfo=dates.PARIS))
            .values_list("month", flat=True)
            .distinct()
        )
        return sorted({dates.local_date(moment).replace(day=1) for moment in starts})

    def with_sequence(self):
        """Annotate ``ical_sequence``: how many times each event was published.

        Calendar clients replace their copy of an event only when its SEQUENCE
        grows; counting publications makes every published change a new version.
        """
        publications = (
            PageLogEntry.objects.filter(page_id=OuterRef("pk"), action="wagtail.publish")
            .order_by()
            .values("page_id")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(ical_sequence=Coalesce(Subquery(publications), 0))
