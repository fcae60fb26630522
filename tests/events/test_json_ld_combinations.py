"""The JSON-LD of every combination of attendance mode, status, place and
registration only uses schema.org's Event vocabulary, and says the right things."""

import json

import pytest
from bs4 import BeautifulSoup

from core.models import Partner
from resources.models import Audience
from tests.events.factories import EventPageFactory, paris
from tests.events.schema_org import problems

pytestmark = pytest.mark.django_db

SCHEMA = "https://schema.org/"


def json_ld(client, event) -> dict:
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert problems(data) == []
    return data


def locations(data) -> list[dict]:
    location = data["location"]
    return location if isinstance(location, list) else [location]


@pytest.mark.parametrize("status", ["scheduled", "postponed", "cancelled", "full"])
@pytest.mark.parametrize("mode", ["presentiel", "en_ligne", "hybride"])
@pytest.mark.parametrize("registration", ["", "link", "email", "site"])
def test_every_combination_is_valid_schema_org(client, agenda, status, mode, registration):
    event = EventPageFactory(
        parent=agenda,
        status=status,
        event_format=mode,
        registration_mode=registration,
        registration_url="https://inscription.example.org/" if registration == "link" else "",
        registration_email="inscription@example.org" if registration == "email" else "",
        capacity=30 if registration == "site" else None,
    )
    data = json_ld(client, event)
    expected_status = {"full": "EventScheduled", "scheduled": "EventScheduled"}.get(
        status, "Event" + status.capitalize()
    )
    assert data["eventStatus"] == SCHEMA + expected_status
    types = [location["@type"] for location in locations(data)]
    assert (
        types
        == {
            "presentiel": ["Place"],
            "en_ligne": ["VirtualLocation"],
            "hybride": ["Place", "VirtualLocation"],
        }[mode]
    )
    for location in locations(data):
        if location["@type"] == "VirtualLocation":
            assert location["url"] == "https://visio.example.org/salle"
    assert ("offers" in data) == bool(registration)
    if status == "full" and registration:
        assert data["offers"]["availability"] == SCHEMA + "SoldOut"


def test_an_event_abroad_has_its_country(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        venue="Palazzo Chigi",
        address="Piazza Colonna 370",
        postal_code="00187",
        city="Rome",
        departement="",
        country="IT",
    )
    (place,) = locations(json_ld(client, event))
    assert place["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "IT",
        "streetAddress": "Piazza Colonna 370",
        "postalCode": "00187",
        "addressLocality": "Rome",
    }


def test_a_postponed_event_gives_its_previous_start(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        status="postponed",
        previous_start=paris(2030, 3, 12, 14),
        start=paris(2030, 4, 9, 14),
        end=paris(2030, 4, 9, 16),
    )
    data = json_ld(client, event)
    assert data["previousStartDate"] == "2030-03-12T14:00:00+01:00"
    assert data["startDate"] == "2030-04-09T14:00:00+02:00"


def test_co_organisers_and_audiences(client, agenda):
    Audience.objects.ensure_defaults()
    event = EventPageFactory(parent=agenda, organiser=Partner.objects.get(name="ICPC"))
    event.co_organisers.add(Partner.objects.get(name="ANCT"))
    event.audiences.add(*Audience.objects.filter(slug__in=["elus", "agents"]))
    event.save_revision().publish()
    data = json_ld(client, event)
    assert data["organizer"][0]["name"].startswith("Institut")
    assert len(data["organizer"]) == 2
    expected = Audience.objects.filter(slug__in=["elus", "agents"]).values_list("name", flat=True)
    assert sorted(a["audienceType"] for a in data["audience"]) == sorted(expected)


def test_a_series_has_its_schedule(client, agenda):
    event = EventPageFactory(parent=agenda, recurrence_rule="FREQ=MONTHLY;BYDAY=2TU;COUNT=6")
    data = json_ld(client, event)
    assert data["eventSchedule"]["repeatFrequency"] == "P1M"
