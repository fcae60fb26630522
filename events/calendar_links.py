"""« Ajouter à mon agenda »: the calendar file, and links to the web calendars
people use (Google, Outlook.com, Microsoft 365). Links only: no script of
theirs runs on our pages, nothing is sent to them until the visitor follows one."""

import datetime
from urllib.parse import urlencode

from . import dates

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK_PATH = "/calendar/0/deeplink/compose"
OUTLOOK_HOSTS = (
    ("Outlook.com", "https://outlook.live.com"),
    ("Microsoft 365", "https://outlook.office.com"),
)


def _details(event, url: str) -> str:
    lines = [event.summary.strip()]
    if event.online_url:
        lines.append(f"En ligne : {event.online_url}")
    lines.append(url)
    return "\n\n".join(lines)


def _location(event) -> str:
    location = event.location_text if event.is_in_person else ""
    return location or (event.online_url if event.is_online else "")


def google_link(event, occurrence, *, url: str) -> str:
    if event.all_day:
        first = dates.local_date(occurrence.start)
        after = dates.local_date(occurrence.end) + datetime.timedelta(days=1)
        period = f"{first:%Y%m%d}/{after:%Y%m%d}"
    else:
        utc = [moment.astimezone(datetime.UTC) for moment in (occurrence.start, occurrence.end)]
        period = "/".join(f"{moment:%Y%m%dT%H%M%SZ}" for moment in utc)
    params = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": period,
        "details": _details(event, url),
        "location": _location(event),
        "ctz": dates.PARIS.key,
    }
    return f"{GOOGLE}?{urlencode(params)}"


def google_series_link(event, *, url: str) -> str:
    """The whole series (Google reads its RRULE), from its first date."""
    first = event.occurrence_list[0]
    link = google_link(event, first, url=url)
    return link + "&" + urlencode({"recur": "RRULE:" + event.recurrence_rule})


def outlook_link(event, occurrence, *, url: str, host: str) -> str:
    if event.all_day:
        start = dates.local_date(occurrence.start).isoformat()
        end = (dates.local_date(occurrence.end) + datetime.timedelta(days=1)).isoformat()
    else:
        start, end = (dates.local(m).isoformat() for m in (occurrence.start, occurrence.end))
    params = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": start,
        "enddt": end,
        "allday": "true" if event.all_day else "false",
        "body": _details(event, url),
        "location": _location(event),
    }
    return f"{host}{OUTLOOK_PATH}?{urlencode(params)}"


def calendar_links(event, occurrence, *, url: str, series: bool = True) -> list[tuple[str, str]]:
    """(name, link) of the web calendars, for one date of the event (and, with
    ``series``, the whole series in Google Agenda)."""
    links = [("Google Agenda", google_link(event, occurrence, url=url))]
    if event.is_recurring and series:
        links.append(("Google Agenda, toute la série", google_series_link(event, url=url)))
    for name, host in OUTLOOK_HOSTS:
        links.append((name, outlook_link(event, occurrence, url=url, host=host)))
    return links
