"""The part of the schema.org vocabulary (https://schema.org/Event, version 29)
that the agenda's JSON-LD may use: for each type, its properties (those of its
parents included), and the enumeration members an Event's statuses and modes
may take. Kept small on purpose: a property not listed here is a mistake."""

THING = {"name", "description", "url", "image", "identifier", "sameAs"}

PROPERTIES = {
    "Event": THING
    | {
        "startDate",
        "endDate",
        "previousStartDate",
        "eventStatus",
        "eventAttendanceMode",
        "eventSchedule",
        "location",
        "organizer",
        "offers",
        "audience",
        "inLanguage",
        "maximumAttendeeCapacity",
        "isAccessibleForFree",
        "performer",
        "duration",
        "doorTime",
        "superEvent",
        "subEvent",
    },
    "Place": THING | {"address", "geo", "hasMap"},
    "VirtualLocation": THING,
    "PostalAddress": THING
    | {
        "streetAddress",
        "postalCode",
        "addressLocality",
        "addressRegion",
        "addressCountry",
        "postOfficeBoxNumber",
    },
    "Organization": THING | {"email", "address", "logo"},
    "Offer": THING
    | {"price", "priceCurrency", "availability", "validFrom", "validThrough", "category"},
    "Audience": THING | {"audienceType"},
    "Schedule": THING
    | {
        "repeatFrequency",
        "startDate",
        "endDate",
        "repeatCount",
        "byDay",
        "byMonth",
        "byMonthDay",
        "exceptDate",
        "scheduleTimezone",
        "startTime",
        "endTime",
    },
}

ENUMERATIONS = {
    "eventStatus": {
        "https://schema.org/EventScheduled",
        "https://schema.org/EventPostponed",
        "https://schema.org/EventCancelled",
        "https://schema.org/EventMovedOnline",
        "https://schema.org/EventRescheduled",
    },
    "eventAttendanceMode": {
        "https://schema.org/OfflineEventAttendanceMode",
        "https://schema.org/OnlineEventAttendanceMode",
        "https://schema.org/MixedEventAttendanceMode",
    },
    "availability": {
        "https://schema.org/InStock",
        "https://schema.org/SoldOut",
        "https://schema.org/LimitedAvailability",
    },
}

# Where a property's value must be of one of these types.
RANGES = {
    "location": {"Place", "VirtualLocation", "PostalAddress"},
    "address": {"PostalAddress"},
    "organizer": {"Organization", "Person"},
    "offers": {"Offer"},
    "audience": {"Audience"},
    "eventSchedule": {"Schedule"},
}


def problems(node, *, path="$", expected=None) -> list[str]:
    """What in ``node`` (a JSON-LD value) the vocabulary does not allow."""
    if isinstance(node, list):
        return [
            p
            for i, item in enumerate(node)
            for p in problems(item, path=f"{path}[{i}]", expected=expected)
        ]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    found = []
    if kind not in PROPERTIES:
        return [f"{path}: unknown type {kind!r}"]
    if expected and kind not in expected:
        found.append(f"{path}: {kind} where {sorted(expected)} expected")
    for name, value in node.items():
        if name.startswith("@"):
            continue
        if name not in PROPERTIES[kind]:
            found.append(f"{path}.{name}: not a property of {kind}")
        if name in ENUMERATIONS and value not in ENUMERATIONS[name]:
            found.append(f"{path}.{name}: {value!r} is not a schema.org value")
        found += problems(value, path=f"{path}.{name}", expected=RANGES.get(name))
    return found
