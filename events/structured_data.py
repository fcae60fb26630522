"""schema.org ``Event`` JSON-LD of an event page, for search engines and aggregators."""

import json

from django.utils.safestring import SafeString, mark_safe

from . import dates
from .choices import EventFormat, EventStatus

SCHEMA = "https://schema.org/"

EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.FULL: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
}
ATTENDANCE_MODE = {
    EventFormat.IN_PERSON: "OfflineEventAttendanceMode",
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
}
# A script element ends at « </ »: these never reach the page unescaped.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _moment(event, moment) -> str:
    """A date for all-day events, else the Paris time with its offset."""
    if event.all_day:
        return dates.local_date(moment).isoformat()
    return dates.local(moment).isoformat()


def _place(event) -> dict:
    address = {"@type": "PostalAddress", "addressCountry": "FR"}
    if event.address:
        address["streetAddress"] = event.address
    if event.city:
        address["addressLocality"] = event.city
    if event.region:
        address["addressRegion"] = event.get_region_display()
    return {"@type": "Place", "name": event.venue or event.city or event.title, "address": address}


def _locations(event) -> list[dict]:
    locations = []
    if event.is_in_person:
        locations.append(_place(event))
    if event.is_online:
        virtual = {"@type": "VirtualLocation"}
        if event.online_url or event.registration_url:
            virtual["url"] = event.online_url or event.registration_url
        locations.append(virtual)
    return locations


def _organizer(event) -> dict | None:
    if not event.organiser_label:
        return None
    organizer = {"@type": "Organization", "name": event.organiser_label}
    if event.organiser_id and event.organiser.website:
        organizer["url"] = event.organiser.website
    return organizer


def event_json_ld(event, *, url: str, image_url: str = "") -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": _moment(event, event.start),
        "endDate": _moment(event, event.end or event.start),
        "eventStatus": SCHEMA + EVENT_STATUS.get(event.status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA
        + ATTENDANCE_MODE.get(event.event_format, "OfflineEventAttendanceMode"),
        "inLanguage": "fr",
    }
    locations = _locations(event)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organizer = _organizer(event)
    if organizer:
        data["organizer"] = organizer
    if image_url:
        data["image"] = [image_url]
    if event.registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": event.registration_url,
            "availability": SCHEMA + ("SoldOut" if event.status == EventStatus.FULL else "InStock"),
        }
    return data


def as_script(data: dict) -> SafeString:
    """The ``<script type="application/ld+json">`` element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
