"""schema.org ``Event`` JSON-LD of an event page, for search engines and aggregators."""

import json

from django.utils.safestring import SafeString, mark_safe

from . import dates
from .choices import EventFormat, EventStatus, RegistrationMode
from .occurrences import parse_rule

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
# schema.org Schedule's repeatFrequency, an ISO 8601 duration.
REPEAT_FREQUENCY = {"DAILY": "P1D", "WEEKLY": "P1W", "MONTHLY": "P1M", "YEARLY": "P1Y"}
# A script element ends at « </ »: these never reach the page unescaped.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _moment(event, moment) -> str:
    """A date for all-day events, else the Paris time with its offset."""
    if event.all_day:
        return dates.local_date(moment).isoformat()
    return dates.local(moment).isoformat()


def _place(event) -> dict:
    address = {"@type": "PostalAddress", "addressCountry": event.country or "FR"}
    if event.address:
        address["streetAddress"] = event.address
    if event.postal_code:
        address["postalCode"] = event.postal_code
    if event.city:
        address["addressLocality"] = event.city
    if event.region and not event.is_abroad:
        address["addressRegion"] = event.get_region_display()
    return {"@type": "Place", "name": event.venue or event.city or event.title, "address": address}


def _locations(event, url: str) -> list[dict]:
    locations = []
    if event.is_in_person:
        locations.append(_place(event))
    if event.is_online:
        # The link is required for online and hybrid events; an older event without
        # one points to its own page, where the link will be given.
        virtual = {"@type": "VirtualLocation", "url": event.online_url or url}
        locations.append(virtual)
    return locations


def _organization(name: str, website: str = "") -> dict:
    organization = {"@type": "Organization", "name": name}
    if website:
        organization["url"] = website
    return organization


def _organizer(event) -> dict | list[dict] | None:
    """The organiser, then the co-organisers among the partners."""
    organizers = []
    if event.organiser_label:
        website = event.organiser.website if event.organiser_id else ""
        organizers.append(_organization(event.organiser_label, website))
    for partner in event.co_organisers.all():
        organizers.append(_organization(partner.full_name or partner.name, partner.website))
    if not organizers:
        return None
    return organizers[0] if len(organizers) == 1 else organizers


def _offers(event, occurrence, url: str) -> dict | None:
    """Registration: free (price 0, as the partners' events are), where and until when."""
    if event.registration_mode == RegistrationMode.LINK and event.registration_url:
        offer_url = event.registration_url
    elif event.registration_mode == RegistrationMode.SITE:
        offer_url = url + "#inscription"
    elif event.registration_mode == RegistrationMode.EMAIL and event.registration_email:
        offer_url = f"mailto:{event.registration_email}"
    else:
        return None
    sold_out = occurrence.status == EventStatus.FULL
    return {
        "@type": "Offer",
        "url": offer_url,
        "price": 0,
        "priceCurrency": "EUR",
        "availability": SCHEMA + ("SoldOut" if sold_out else "InStock"),
    }


def _audience(event) -> list[dict]:
    return [
        {"@type": "Audience", "audienceType": audience.name} for audience in event.audiences.all()
    ]


def event_json_ld(event, *, url: str, image_url: str = "", occurrence=None) -> dict:
    """The Event of ``occurrence`` (by default the one the page shows first)."""
    occurrence = occurrence or event.current_occurrence
    status = occurrence.status
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": _moment(event, occurrence.start),
        "endDate": _moment(event, occurrence.end),
        "eventStatus": SCHEMA + EVENT_STATUS.get(status, "EventScheduled"),
        "eventAttendanceMode": SCHEMA
        + ATTENDANCE_MODE.get(event.event_format, "OfflineEventAttendanceMode"),
        "inLanguage": "fr",
    }
    if status == EventStatus.POSTPONED and occurrence.previous_start:
        data["previousStartDate"] = _moment(event, occurrence.previous_start)
    if event.is_recurring:
        data["eventSchedule"] = {
            "@type": "Schedule",
            "repeatFrequency": REPEAT_FREQUENCY[parse_rule(event.recurrence_rule)["FREQ"][0]],
            "startDate": _moment(event, event.start),
            "scheduleTimezone": dates.PARIS.key,
        }
    locations = _locations(event, url)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    optional = {
        "organizer": _organizer(event),
        "image": [image_url] if image_url else None,
        "offers": _offers(event, occurrence, url),
        "audience": _audience(event),
        "maximumAttendeeCapacity": event.capacity if event.registers_on_site else None,
        "isAccessibleForFree": True if event.registration_mode else None,
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def as_script(data: dict) -> SafeString:
    """The ``<script type="application/ld+json">`` element, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
