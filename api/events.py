"""/api/evenements/: the agenda's published events, each with its dates, as JSON.

The filters are the agenda's own (``EventFilterSet``, as on /agenda/ and in
/agenda.ics); ``periode`` chooses the upcoming events (by default) or the past ones.
"""

from django import forms
from django.db.models import Prefetch
from django.views.decorators.http import require_safe

from core.geography import REGION_CHOICES
from core.public_urls import public_url
from events.choices import Country, EventFormat, EventStatus, RegistrationMode
from events.filters import EventFilterSet
from events.models import EventOccurrence, EventPage

from .collection import Collection
from .http import (
    PageParams,
    choice,
    errors_response,
    form_errors,
    json_response,
    not_found_response,
    paginated_response,
)
from .projects import page_url, published_themes, serialize_tags, serialize_theme
from .schema import detail_operation, filter_parameters, list_operation, query_parameter

PERIODS = {"a_venir": "à venir", "passes": "passés"}
PARAMETER_HELP = {
    "month": "Mois d'une des dates de l'événement, au format AAAA-MM (heure de Paris).",
    "region": "Code INSEE de la région de l'événement.",
    "theme": "Identifiant d'une thématique d'inspiration (champ `themes[].id` des réponses).",
    "organiser": "Identifiant du partenaire organisateur (champ `organiser.id` des réponses).",
    "tag": "Identifiant d'un mot-clé (champ `tags[].slug` des réponses).",
    "periode": (
        "« a_venir » (par défaut) : les événements dont une date n'est pas passée, la plus "
        "proche d'abord ; « passes » : ceux dont toutes les dates sont passées."
    ),
}
NULLABLE_URI = {"type": ["string", "null"], "format": "uri"}
DATE_TIME = {"type": "string", "format": "date-time"}
STATUSES = [*EventStatus.values, "past"]


def _choice_schema(description: str) -> dict:
    return {
        "oneOf": [{"$ref": "#/components/schemas/Choice"}, {"type": "null"}],
        "description": description,
    }


SCHEMAS = {
    "Partner": {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "name", "website"],
        "properties": {
            "id": {"type": "integer", "description": "Valeur du filtre `organiser`."},
            "name": {"type": "string"},
            "website": NULLABLE_URI,
        },
    },
    "Occurrence": {
        "type": "object",
        "description": "Une date de l'événement (la seule d'un événement non répété).",
        "additionalProperties": False,
        "required": ["start", "end", "status", "shown_status", "previous_start"],
        "properties": {
            "start": DATE_TIME,
            "end": DATE_TIME,
            "status": {"type": "string", "enum": EventStatus.values},
            "shown_status": {
                "type": "string",
                "enum": STATUSES,
                "description": "Le statut affiché : « past » une fois la date passée.",
            },
            "previous_start": {
                **DATE_TIME,
                "type": ["string", "null"],
                "description": "Pour une date reportée : le début annoncé d'abord.",
            },
        },
    },
    "Event": {
        "type": "object",
        "description": "Un événement de l'agenda des partenaires.",
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "summary": {"type": "string"},
            "attendance_mode": {"type": "string", "enum": EventFormat.values},
            "status": {"type": "string", "enum": EventStatus.values},
            "all_day": {"type": "boolean"},
            "recurrence_rule": {
                "type": "string",
                "description": "Règle RRULE (RFC 5545) d'une série, vide sinon.",
            },
            "occurrences": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Occurrence"},
            },
            "venue": {"type": "string"},
            "address": {"type": "string"},
            "postal_code": {"type": "string"},
            "city": {"type": "string"},
            "country": {"type": "string", "enum": Country.values},
            "region": _choice_schema("Région (code INSEE et nom)."),
            "online_url": NULLABLE_URI,
            "organiser": {
                "oneOf": [{"$ref": "#/components/schemas/Partner"}, {"type": "null"}],
            },
            "organiser_name": {"type": "string"},
            "co_organisers": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Partner"},
            },
            "audiences": {"type": "array", "items": {"type": "string"}},
            "accessibility": {"type": "array", "items": {"type": "string"}},
            "registration": {
                "type": "object",
                "additionalProperties": False,
                "required": ["mode", "url", "email", "capacity", "waiting_list"],
                "properties": {
                    "mode": {"type": "string", "enum": RegistrationMode.values},
                    "url": NULLABLE_URI,
                    "email": {"type": ["string", "null"], "format": "email"},
                    "capacity": {"type": ["integer", "null"]},
                    "waiting_list": {"type": "boolean"},
                },
            },
            "themes": {"type": "array", "items": {"$ref": "#/components/schemas/Theme"}},
            "tags": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}},
            "page_url": NULLABLE_URI,
            "ics_url": {"type": "string", "format": "uri"},
        },
    },
}


# Every property of an event is always present (null or empty when unknown).
SCHEMAS["Event"]["required"] = list(SCHEMAS["Event"]["properties"])


class EventListParams(PageParams):
    periode = forms.ChoiceField(
        choices=list(PERIODS.items()),
        required=False,
        error_messages={"invalid_choice": "Choisissez « a_venir » ou « passes »."},
    )


def published_events():
    return EventPage.objects.listed().prefetch_related(
        Prefetch("themes", queryset=published_themes(), to_attr="published_themes"),
        Prefetch("occurrences", queryset=EventOccurrence.objects.order_by("start")),
        "tags",
        "co_organisers",
        "audiences",
    )


def serialize_partner(partner) -> dict:
    return {"id": partner.pk, "name": partner.name, "website": partner.website or None}


def serialize_occurrence(row) -> dict:
    return {
        "start": row.start.isoformat(),
        "end": row.end.isoformat(),
        "status": row.status,
        "shown_status": row.display_status,
        "previous_start": row.previous_start.isoformat() if row.previous_start else None,
    }


def serialize_event(request, event: EventPage) -> dict:
    return {
        "id": event.pk,
        "slug": event.slug,
        "title": event.title,
        "summary": event.summary,
        "attendance_mode": event.event_format,
        "status": event.status,
        "all_day": event.all_day,
        "recurrence_rule": event.recurrence_rule,
        "occurrences": [serialize_occurrence(row) for row in event.occurrences.all()],
        "venue": event.venue,
        "address": event.address,
        "postal_code": event.postal_code,
        "city": event.city,
        "country": event.country,
        "region": choice(event.region, REGION_CHOICES),
        "online_url": event.online_url or None,
        "organiser": serialize_partner(event.organiser) if event.organiser_id else None,
        "organiser_name": event.organiser_label,
        "co_organisers": [serialize_partner(partner) for partner in event.co_organisers.all()],
        "audiences": [audience.name for audience in event.audiences.all()],
        "accessibility": event.accessibility_features,
        "registration": {
            "mode": event.registration_mode,
            "url": event.registration_url or None,
            "email": event.registration_email or None,
            "capacity": event.capacity,
            "waiting_list": event.waiting_list,
        },
        "themes": [serialize_theme(request, theme) for theme in event.published_themes],
        "tags": serialize_tags(event.tags.all()),
        "page_url": page_url(request, event),
        "ics_url": public_url(f"/agenda/{event.slug}.ics"),
    }


@require_safe
def event_list(request):
    params = request.GET
    options = EventListParams(params)
    filterset = EventFilterSet(params, queryset=published_events())
    errors = {**form_errors(options), **form_errors(filterset.form)}
    if errors:
        return errors_response(errors)
    events = filterset.qs
    events = events.past() if options.cleaned_data["periode"] == "passes" else events.upcoming()
    return paginated_response(request, events, options, serialize_event)


@require_safe
def event_detail(request, slug):
    event = published_events().filter(slug=slug).order_by("pk").first()
    if event is None:
        return not_found_response("Aucun événement publié ne porte cet identifiant.")
    return json_response(serialize_event(request, event))


COLLECTION = Collection(
    segment="evenements",
    url_name="event",
    tag={"name": "evenements", "description": "L'agenda des partenaires, avec ses dates."},
    list_view=event_list,
    detail_view=event_detail,
    list_operation=list_operation(
        operation_id="listEvents",
        tag="evenements",
        summary="Filtrer les événements de l'agenda",
        description=(
            "Les mêmes filtres que la page « Agenda » et son flux iCalendar. Chaque "
            "événement donne ses dates (une série : chacune, avec son statut)."
        ),
        parameters=[
            *filter_parameters(EventFilterSet, PARAMETER_HELP),
            query_parameter(
                "periode",
                {"type": "string", "enum": list(PERIODS), "default": "a_venir"},
                PARAMETER_HELP["periode"],
            ),
        ],
        item_schema="Event",
    ),
    detail_operation=detail_operation(
        operation_id="getEvent",
        tag="evenements",
        summary="Un événement publié",
        slug_help="Identifiant de l'événement (champ `slug`).",
        item_schema="Event",
    ),
    item_schema="Event",
    schemas=SCHEMAS,
)
