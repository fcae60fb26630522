"""iCalendar (RFC 5545) for the agenda: the subscribable feed and each event's file.

Built with the ``icalendar`` library, which escapes text, folds lines at 75
octets without splitting a character and ends them with CRLF. What stays ours:
times in Europe/Paris with a compact VTIMEZONE, and a UID that never changes
so that clients update an event (its SEQUENCE grows at each publication)
instead of duplicating it.
"""

import datetime
import re
from collections.abc import Iterable

import icalendar
from django.utils import timezone

from . import dates
from .choices import EventStatus
from .models import EventPage
from .occurrences import parse_rule, removed_starts

PRODID = "-//Territoires en Commun//Agenda des partenaires//FR"
UID_DOMAIN = "territoires-en-commun"
TZID = "Europe/Paris"
# How often subscribed clients should fetch the feed again.
REFRESH_INTERVAL = icalendar.vDuration(datetime.timedelta(hours=6))

# The rules in force in France since 1996 (last Sundays of March and October):
# (observance, name, offset from, offset to, first change, month).
OBSERVANCES = [
    (icalendar.TimezoneDaylight, "CEST", 1, 2, datetime.datetime(1970, 3, 29, 2), 3),
    (icalendar.TimezoneStandard, "CET", 2, 1, datetime.datetime(1970, 10, 25, 3), 10),
]

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.FULL: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}

# Control characters are not allowed in iCalendar text (tabs and newlines are handled).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Without control characters, every line end a plain newline (escaped by icalendar)."""
    return CONTROL_CHARACTERS.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")


def paris_timezone() -> icalendar.Timezone:
    """The VTIMEZONE that the events' TZID refers to."""
    zone = icalendar.Timezone()
    zone.add("TZID", TZID)
    zone.add("X-LIC-LOCATION", TZID)
    for observance_class, name, offset_from, offset_to, first, month in OBSERVANCES:
        observance = observance_class()
        observance.add("TZOFFSETFROM", datetime.timedelta(hours=offset_from))
        observance.add("TZOFFSETTO", datetime.timedelta(hours=offset_to))
        observance.add("TZNAME", name)
        observance.add("DTSTART", first)
        observance.add("RRULE", {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": "-1SU"})
        zone.add_component(observance)
    return zone


def event_uid(event: EventPage) -> str:
    return f"{event.uid}@{UID_DOMAIN}"


def event_summary(event: EventPage, status: str | None = None) -> str:
    """The title, with the status in front when it changes plans: many clients hide STATUS."""
    status = status or event.status
    if status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        return f"[{EventStatus(status).label}] {event.title}"
    return event.title


def event_description(event: EventPage, url: str, when: str = "") -> str:
    """``when``: the date described (one date of a series), by default the event's."""
    lines = [event.summary.strip(), "", when or event.when]
    if event.organiser_label:
        lines.append(f"Organisé par {event.organiser_label}")
    if event.online_url:
        lines.append(f"En ligne : {event.online_url}")
    if event.registration_url:
        lines.append(f"Inscription : {event.registration_url}")
    if event.accessibility:
        lines.append(f"Accessibilité : {event.accessibility.strip()}")
    lines += ["", url]
    return "\n".join(lines)


def event_period(event: EventPage, occurrence=None) -> tuple[datetime.date, datetime.date]:
    """DTSTART and DTEND: dates for an all-day event (the end exclusive: the day
    after the last one), else Paris times. Of ``occurrence`` if given."""
    start, end = (occurrence.start, occurrence.end) if occurrence else (event.start, event.end)
    end = end or start
    if event.all_day:
        return dates.local_date(start), dates.local_date(end) + datetime.timedelta(days=1)
    return dates.local(start), dates.local(end)


def ical_moment(event: EventPage, moment: datetime.datetime):
    """A RECURRENCE-ID or EXDATE value, of the same type as DTSTART."""
    return dates.local_date(moment) if event.all_day else dates.local(moment)


def ical_status(occurrence) -> str:
    """CONFIRMED, CANCELLED, or TENTATIVE for a date postponed to an unknown day."""
    if occurrence.status == EventStatus.POSTPONED and occurrence.date_known:
        return "CONFIRMED"
    return ICAL_STATUS.get(occurrence.status, "CONFIRMED")


def event_location(event: EventPage) -> str:
    location = event.location_text if event.is_in_person else ""
    if not location and event.is_online:
        location = event.online_url or str(event.get_event_format_display())
    return location


def vevent(event: EventPage, *, url: str, sequence: int, now: datetime.datetime, occurrence=None):
    """The VEVENT of one event, or of one changed date of a series
    (``occurrence``, with its RECURRENCE-ID). ``sequence``: publications."""
    component = icalendar.Event()
    dated = occurrence or event.occurrence_list[0]
    start, end = event_period(event, occurrence)
    component.add("UID", event_uid(event))
    component.add("DTSTAMP", now.astimezone(datetime.UTC))
    component.add("DTSTART", start)
    component.add("DTEND", end)
    if occurrence is not None:
        component.add("RECURRENCE-ID", ical_moment(event, occurrence.recurrence_id))
    elif event.is_recurring:
        component.add("RRULE", parse_rule(event.recurrence_rule))
        removed = removed_starts(event, changes=event.occurrence_changes.all())
        if removed:
            component.add("EXDATE", [ical_moment(event, moment) for moment in removed])
    component.add("SEQUENCE", max(sequence, 0))
    component.add("SUMMARY", clean_text(event_summary(event, dated.status)))
    when = occurrence.when if occurrence is not None else ""
    component.add("DESCRIPTION", clean_text(event_description(event, url, when)))
    if location := event_location(event):
        component.add("LOCATION", clean_text(location))
    component.add("URL", url)
    if event.is_online and event.online_url:
        # RFC 7986: the link to join, which clients show as a « join » button.
        component.add(
            "CONFERENCE", event.online_url, parameters={"VALUE": "URI", "FEATURE": "VIDEO"}
        )
    component.add("STATUS", ical_status(dated))
    component.add("CATEGORIES", [clean_text(event.get_event_format_display())])
    component.add("CLASS", "PUBLIC")
    component.add("TRANSP", "OPAQUE")
    if event.first_published_at:
        component.add("CREATED", event.first_published_at.astimezone(datetime.UTC))
    modified = event.last_published_at or event.first_published_at or now
    component.add("LAST-MODIFIED", modified.astimezone(datetime.UTC))
    return component


def vevents(event: EventPage, *, url: str, sequence: int, now: datetime.datetime):
    """The event's VEVENT, and for a series one more per date that differs from
    the rule (cancelled, postponed, full)."""
    yield vevent(event, url=url, sequence=sequence, now=now)
    if not event.is_recurring:
        return
    for occurrence in event.occurrence_list:
        moved = occurrence.start != occurrence.recurrence_id
        if occurrence.status != event.status or moved:
            yield vevent(event, url=url, sequence=sequence, now=now, occurrence=occurrence)


def one_date_vevent(event: EventPage, occurrence, *, url: str, sequence: int, now):
    """One date of a series on its own, for « add this date to my calendar »: its
    own UID, so that it does not replace the series in a calendar holding it."""
    component = vevent(event, url=url, sequence=sequence, now=now, occurrence=occurrence)
    component.pop("RECURRENCE-ID")
    component.pop("UID")
    component.add("UID", f"{event.uid}-{occurrence.key}@{UID_DOMAIN}")
    return component


def calendar(
    events: Iterable[tuple[EventPage, str, int]],
    *,
    name: str,
    description: str = "",
    now: datetime.datetime | None = None,
    occurrence=None,
) -> bytes:
    """A VCALENDAR of ``(event, absolute url, sequence)``, encoded in UTF-8 with CRLF;
    with ``occurrence``, of that one date of the (single) event given."""
    now = now or timezone.now()
    cal = icalendar.Calendar()
    cal.add("PRODID", PRODID)
    cal.add("VERSION", "2.0")
    cal.add("CALSCALE", "GREGORIAN")
    cal.add("METHOD", "PUBLISH")
    cal.add("X-WR-CALNAME", clean_text(name))
    cal.add("X-WR-TIMEZONE", TZID)
    if description:
        cal.add("X-WR-CALDESC", clean_text(description))
    cal.add("REFRESH-INTERVAL", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", REFRESH_INTERVAL)
    cal.add_component(paris_timezone())
    for event, url, sequence in events:
        if occurrence is not None:
            one = one_date_vevent(event, occurrence, url=url, sequence=sequence, now=now)
            cal.add_component(one)
            continue
        for component in vevents(event, url=url, sequence=sequence, now=now):
            cal.add_component(component)
    return cal.to_ical()
