"""/api/evenements/: the agenda's events with their dates, filtered like the
agenda, as the OpenAPI document describes them."""

import pytest
from openapi_schema_validator import OAS31Validator

from events.filters import EventFilterSet
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    return client.get("/api/openapi.json").json()


def assert_matches(document, schema_name, instance):
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    OAS31Validator(schema).validate(instance)


def test_the_endpoints_are_documented_with_the_agenda_filters(document):
    operation = document["paths"]["/api/evenements/"]["get"]
    names = {p["name"] for p in operation["parameters"] if "name" in p}
    assert set(EventFilterSet.base_filters) | {"periode"} <= names
    assert "/api/evenements/{slug}/" in document["paths"]


def test_answers_match_the_schema(client, document, empty_agenda):
    EventPageFactory(
        parent=empty_agenda,
        slug="serie-en-ligne",
        title="Série en ligne",
        event_format="hybride",
        recurrence_rule="FREQ=WEEKLY;COUNT=3",
        registration_mode="site",
        capacity=20,
    )
    EventPageFactory(
        parent=empty_agenda,
        status="postponed",
        previous_start=paris(2030, 3, 1, 10),
        country="BE",
        address="Rue de la Loi 16",
        city="Bruxelles",
        departement="",
    )
    listing = client.get("/api/evenements/").json()
    assert_matches(document, "EventList", listing)
    assert listing["count"] == 2
    detail = client.get("/api/evenements/serie-en-ligne/").json()
    assert_matches(document, "Event", detail)
    assert [o["start"][:10] for o in detail["occurrences"]] == [
        "2030-03-12",
        "2030-03-19",
        "2030-03-26",
    ]
    assert detail["registration"]["capacity"] == 20
    assert_matches(document, "NotFound", client.get("/api/evenements/inconnu/").json())
    assert_matches(document, "Errors", client.get("/api/evenements/?periode=demain").json())


def test_the_agenda_filters_apply(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, title="En ligne", event_format="en_ligne")
    EventPageFactory(parent=empty_agenda, title="À Nantes")
    EventPageFactory(
        parent=empty_agenda,
        title="Série d'avril",
        start=paris(2030, 1, 8, 11),
        end=paris(2030, 1, 8, 12),
        recurrence_rule="FREQ=MONTHLY;COUNT=6",
    )
    titles = [e["title"] for e in client.get("/api/evenements/?format=en_ligne").json()["results"]]
    assert titles == ["En ligne"]
    titles = [e["title"] for e in client.get("/api/evenements/?month=2030-04").json()["results"]]
    assert titles == ["Série d'avril"]
    errors = client.get("/api/evenements/?month=avril").json()["erreurs"]
    assert errors == {"month": ["Choisissez un mois dans la liste."]}
