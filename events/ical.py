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


def event_summary(event: EventPage) -> str:
    """The title, with the status in front when it changes plans: many clients hide STATUS."""
    if event.status in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        return f"[{event.get_status_display()}] {event.title}"
    return event.title


def event_description(event: EventPage, url: str) -> str:
    lines = [event.summary.strip(), "", event.when]
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


def event_period(event: EventPage) -> tuple[datetime.date, datetime.date]:
    """DTSTART and DTEND: dates for an all-day event (the end exclusive: the day
    after the last one), else Paris times."""
    if event.all_day:
        return event.first_day, event.last_day + datetime.timedelta(days=1)
    return dates.local(event.start), dates.local(event.end or event.start)


def event_location(event: EventPage) -> str:
    location = event.location_text if event.is_in_person else ""
    if not location and event.is_online:
        location = event.online_url or str(event.get_event_format_display())
    return location


def vevent(event: EventPage, *, url: str, sequence: int, now: datetime.datetime):
    """The VEVENT of one event. ``sequence``: how many times it was published."""
    component = icalendar.Event()
    start, end = event_period(event)
    component.add("UID", event_uid(event))
    component.add("DTSTAMP", now.astimezone(datetime.UTC))
    component.add("DTSTART", start)
    component.add("DTEND", end)
    component.add("SEQUENCE", max(sequence, 0))
    component.add("SUMMARY", clean_text(event_summary(event)))
    component.add("DESCRIPTION", clean_text(event_description(event, url)))
    if location := event_location(event):
        component.add("LOCATION", clean_text(location))
    component.add("URL", url)
    component.add("STATUS", ICAL_STATUS.get(event.status, "CONFIRMED"))
    component.add("CATEGORIES", [clean_text(event.get_event_format_display())])
    component.add("CLASS", "PUBLIC")
    component.add("TRANSP", "OPAQUE")
    if event.first_published_at:
        component.add("CREATED", event.first_published_at.astimezone(datetime.UTC))
    modified = event.last_published_at or event.first_published_at or now
    component.add("LAST-MODIFIED", modified.astimezone(datetime.UTC))
    return component


def calendar(
    events: Iterable[tuple[EventPage, str, int]],
    *,
    name: str,
    description: str = "",
    now: datetime.datetime | None = None,
) -> bytes:
    """A VCALENDAR of ``(event, absolute url, sequence)``, encoded in UTF-8 with CRLF."""
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
        cal.add_component(vevent(event, url=url, sequence=sequence, now=now))
    return cal.to_ical()
