"""iCalendar (RFC 5545) for the agenda: the subscribable feed and each event's file.

Written by hand rather than through a library so that what calendar clients
receive is exactly what is tested: CRLF line ends, lines folded at 75 octets
without splitting a UTF-8 character, escaped text, times in Europe/Paris with
its VTIMEZONE, and a UID that never changes so that clients update an event
(its SEQUENCE grows at each publication) instead of duplicating it.
"""

import datetime
import re
from collections.abc import Iterable

from django.utils import timezone

from . import dates
from .models import EventPage, EventStatus

PRODID = "-//Territoires en Commun//Agenda des partenaires//FR"
UID_DOMAIN = "territoires-en-commun"
TZID = "Europe/Paris"
# How often subscribed clients should fetch the feed again.
REFRESH_INTERVAL = "PT6H"

# The rules in force in France since 1996 (last Sundays of March and October).
VTIMEZONE_LINES = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]

ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.FULL: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}

# Control characters are not allowed in iCalendar text (tabs and newlines are handled).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 § 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = CONTROL_CHARACTERS.sub("", str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets (RFC 5545 § 3.1), never inside a character.

    Each continuation line starts with one space, which counts in its octets.
    """
    encoded = line.encode()
    if len(encoded) <= limit:
        return line
    pieces, current, size = [], [], 0
    for character in line:
        width = len(character.encode())
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(character)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def local_stamp(moment: datetime.datetime) -> str:
    return dates.local(moment).strftime("%Y%m%dT%H%M%S")


def date_stamp(day: datetime.date) -> str:
    return day.strftime("%Y%m%d")


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


def event_lines(event: EventPage, *, url: str, sequence: int, now: datetime.datetime) -> list[str]:
    """The VEVENT of one event. ``sequence``: how many times it was published."""
    if event.all_day:
        # DTEND of an all-day event is exclusive: the day after the last one.
        period = [
            f"DTSTART;VALUE=DATE:{date_stamp(event.first_day)}",
            f"DTEND;VALUE=DATE:{date_stamp(event.last_day + datetime.timedelta(days=1))}",
        ]
    else:
        period = [
            f"DTSTART;TZID={TZID}:{local_stamp(event.start)}",
            f"DTEND;TZID={TZID}:{local_stamp(event.end or event.start)}",
        ]
    location = event.location_text if event.is_in_person else ""
    if not location and event.is_online:
        location = event.online_url or str(event.get_event_format_display())
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event_uid(event)}",
        f"DTSTAMP:{utc_stamp(now)}",
        *period,
        f"SEQUENCE:{max(sequence, 0)}",
        f"SUMMARY:{escape_text(event_summary(event))}",
        f"DESCRIPTION:{escape_text(event_description(event, url))}",
    ]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    lines += [
        f"URL:{url}",
        f"STATUS:{ICAL_STATUS.get(event.status, 'CONFIRMED')}",
        f"CATEGORIES:{escape_text(event.get_event_format_display())}",
        "CLASS:PUBLIC",
        "TRANSP:OPAQUE",
    ]
    if event.first_published_at:
        lines.append(f"CREATED:{utc_stamp(event.first_published_at)}")
    modified = event.last_published_at or event.first_published_at or now
    lines.append(f"LAST-MODIFIED:{utc_stamp(modified)}")
    lines.append("END:VEVENT")
    return lines


def calendar(
    events: Iterable[tuple[EventPage, str, int]],
    *,
    name: str,
    description: str = "",
    now: datetime.datetime | None = None,
) -> bytes:
    """A VCALENDAR of ``(event, absolute url, sequence)``, encoded in UTF-8 with CRLF."""
    now = now or timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TZID}",
    ]
    if description:
        lines.append(f"X-WR-CALDESC:{escape_text(description)}")
    lines += [
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}",
        f"X-PUBLISHED-TTL:{REFRESH_INTERVAL}",
        *VTIMEZONE_LINES,
    ]
    for event, url, sequence in events:
        lines += event_lines(event, url=url, sequence=sequence, now=now)
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines).encode()
