"""The dates an event takes place on, each with its own status.

A single event has one occurrence; a series has those of its RFC 5545 rule
(``RRULE``, expanded with python-dateutil in Paris wall-clock time, so that a
webinar at 11 h stays at 11 h across daylight saving changes), minus the dates
removed, with the changes made to some dates (cancelled, postponed, full).

What a visitor reads of a status is ``display_status``: an occurrence that has
ended is « Passé », never « Programmé » or « Complet ».
"""

import datetime
from dataclasses import dataclass

import icalendar
from dateutil import rrule
from django.utils import timezone

from . import dates
from .choices import PAST, PAST_LABEL, EventStatus

# A series is expanded at most this far and this many times: the agenda lists
# events at most five years ahead, and a rule without end must stop somewhere.
MAX_OCCURRENCES = 200
HORIZON_DAYS = 5 * 366
# Finer rules than daily are not events of an agenda.
FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
# A change to one date of a series may also remove it (iCalendar EXDATE).
REMOVED = "removed"

STATUS_BADGES = {
    EventStatus.SCHEDULED: "fr-badge--success",
    EventStatus.POSTPONED: "fr-badge--warning",
    EventStatus.CANCELLED: "fr-badge--error",
    EventStatus.FULL: "fr-badge--new",
    PAST: "",
}


def display_status(status: str, *, ended: bool, date_known: bool = True) -> str:
    """What to show of ``status``: « Passé » once over, unless the event was
    cancelled or postponed to a date not yet known (it did not take place)."""
    if not ended or status == EventStatus.CANCELLED:
        return status
    if status == EventStatus.POSTPONED and not date_known:
        return status
    return PAST


def status_label(status: str) -> str:
    return PAST_LABEL if status == PAST else str(EventStatus(status).label)


class OccurrenceDisplay:
    """What the pages show of a date: needs ``event``, ``start``, ``end``,
    ``status``, ``previous_start`` and ``recurrence_id``."""

    @property
    def all_day(self) -> bool:
        return self.event.all_day

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        return self.end < (now or timezone.now())

    @property
    def date_known(self) -> bool:
        """False for an event postponed to a date not yet announced."""
        return self.status != EventStatus.POSTPONED or self.previous_start is not None

    @property
    def display_status(self) -> str:
        return display_status(self.status, ended=self.has_ended(), date_known=self.date_known)

    @property
    def status_label(self) -> str:
        return status_label(self.display_status)

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.display_status, "")

    @property
    def can_add_to_calendar(self) -> bool:
        """Only a date that will be: not over, not cancelled, not an abandoned one."""
        return not self.has_ended() and self.status != EventStatus.CANCELLED and self.date_known

    @property
    def when(self) -> str:
        return dates.event_dates_label(self.start, self.end, all_day=self.all_day)

    @property
    def previous_when(self) -> str:
        """The date first announced, for a postponed occurrence."""
        if not self.previous_start:
            return ""
        end = self.previous_start + (self.end - self.start)
        return dates.event_dates_label(self.previous_start, end, all_day=self.all_day)

    @property
    def first_day(self) -> datetime.date:
        return dates.local_date(self.start)

    @property
    def key(self) -> str:
        """« 20301112T1400 »: names this date in addresses (the rule's start, in Paris)."""
        return dates.local(self.recurrence_id or self.start).strftime("%Y%m%dT%H%M")


@dataclass(frozen=True)
class Occurrence(OccurrenceDisplay):
    """One date of an event. ``recurrence_id``: for a series, the start the rule
    gave this date (iCalendar RECURRENCE-ID), whatever its changes."""

    event: object
    start: datetime.datetime
    end: datetime.datetime
    status: str = EventStatus.SCHEDULED
    previous_start: datetime.datetime | None = None
    recurrence_id: datetime.datetime | None = None


def _minute(moment: datetime.datetime) -> datetime.datetime:
    return dates.local(moment).replace(second=0, microsecond=0)


def parse_rule(rule: str) -> icalendar.vRecur:
    """The RRULE value (with or without « RRULE: »); ValueError in French if invalid."""
    text = rule.strip()
    if text.upper().startswith("RRULE:"):
        text = text[6:]
    try:
        recur = icalendar.vRecur.from_ical(text)
    except (ValueError, TypeError) as error:
        raise ValueError(
            "Cette règle de récurrence n'est pas au format RRULE (RFC 5545)."
        ) from error
    if not recur.get("FREQ"):
        raise ValueError("Cette règle de récurrence n'est pas au format RRULE (RFC 5545).")
    if recur["FREQ"][0] not in FREQUENCIES:
        raise ValueError(
            "Indiquez une fréquence FREQ quotidienne, hebdomadaire, mensuelle ou annuelle "
            "(DAILY, WEEKLY, MONTHLY ou YEARLY)."
        )
    if "UNTIL" in recur:
        until = recur["UNTIL"][0]
        if not isinstance(until, datetime.datetime):
            until = dates.paris_datetime(until, dates.END_OF_DAY)
        elif until.tzinfo is None:
            until = until.replace(tzinfo=dates.PARIS)
        recur["UNTIL"] = [until.astimezone(datetime.UTC)]
    return recur


def normalise_rule(rule: str) -> str:
    """The rule as stored and exported: UNTIL in UTC, as RFC 5545 asks with a TZID."""
    return parse_rule(rule).to_ical().decode() if rule.strip() else ""


def rule_starts(rule: str, start: datetime.datetime) -> list[datetime.datetime]:
    """The starts the rule gives from ``start`` (its first), in Paris time."""
    recur = parse_rule(rule)
    first = dates.local(start)
    dtstart = first.replace(tzinfo=None)
    text = recur.to_ical().decode()
    until = recur.get("UNTIL", [None])[0]
    if until is not None:
        # dateutil compares UNTIL with naive starts: give it the Paris wall time.
        local_until = dates.local(until).replace(tzinfo=None)
        text = text.replace(
            "UNTIL=" + icalendar.vDDDTypes(until).to_ical().decode(),
            "UNTIL=" + local_until.strftime("%Y%m%dT%H%M%S"),
        )
    horizon = dtstart + datetime.timedelta(days=HORIZON_DAYS)
    starts = []
    for moment in rrule.rrulestr(text, dtstart=dtstart):
        if moment > horizon or len(starts) >= MAX_OCCURRENCES:
            break
        starts.append(moment.replace(tzinfo=dates.PARIS))
    return starts or [first]


def expand(event, *, changes=()) -> list[Occurrence]:
    """The occurrences of ``event``, in date order. ``changes``: objects with
    ``original_start``, ``status`` (or ``REMOVED``), ``new_start``, ``new_end``."""
    if not event.start:
        return []
    end = event.end or event.start
    rule = getattr(event, "recurrence_rule", "")
    if not rule:
        return [
            Occurrence(
                event=event,
                start=event.start,
                end=end,
                status=event.status,
                previous_start=event.previous_start,
            )
        ]
    duration = end - event.start
    by_start = {_minute(change.original_start): change for change in changes}
    occurrences = []
    for start in rule_starts(rule, event.start):
        change = by_start.get(_minute(start))
        if change is None:
            occurrences.append(
                Occurrence(event, start, start + duration, event.status, recurrence_id=start)
            )
        elif change.status != REMOVED:
            occurrences.append(_changed(event, start, duration, change))
    return sorted(occurrences, key=lambda occurrence: occurrence.start)


def _changed(event, start, duration, change) -> Occurrence:
    if change.status == EventStatus.POSTPONED and change.new_start:
        new_end = change.new_end or change.new_start + duration
        return Occurrence(event, change.new_start, new_end, change.status, start, start)
    return Occurrence(event, start, start + duration, change.status, recurrence_id=start)


def removed_starts(event, *, changes=()) -> list[datetime.datetime]:
    """The dates of the rule taken out of the series: iCalendar's EXDATE."""
    return sorted(dates.local(c.original_start) for c in changes if c.status == REMOVED)
