"""schema.org Event JSON-LD on event pages, for search engines."""

import json

import pytest
from bs4 import BeautifulSoup

from core.models import Partner
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def json_ld(client, event) -> dict:
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def test_in_person_event(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        title="Afterwork",
        start=paris(2030, 12, 3, 14),
        end=paris(2030, 12, 3, 16),
        venue="Le Lieu Unique",
        address="2 rue de la Biscuiterie",
        city="Nantes",
        departement="44",
        organiser=Partner.objects.get(name="ICPC"),
        registration_url="https://inscriptions.example.org/a",
    )
    data = json_ld(client, event)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Afterwork"
    assert data["startDate"] == "2030-12-03T14:00:00+01:00"
    assert data["endDate"] == "2030-12-03T16:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Le Lieu Unique",
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "FR",
            "streetAddress": "2 rue de la Biscuiterie",
            "addressLocality": "Nantes",
            "addressRegion": "Pays de la Loire",
        },
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Institut de la concertation et de la participation citoyenne",
        "url": "https://i-cpc.org",
    }
    assert data["url"] == event.full_url
    assert data["offers"]["url"] == "https://inscriptions.example.org/a"


def test_cancelled_online_event(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        status="cancelled",
        event_format="en_ligne",
        online_url="https://visio.example.org/s",
        organiser_name="Réseau des Territoires",
        start=paris(2030, 7, 1, 10),
    )
    data = json_ld(client, event)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://visio.example.org/s"}
    assert data["organizer"] == {"@type": "Organization", "name": "Réseau des Territoires"}
    assert data["startDate"] == "2030-07-01T10:00:00+02:00"


def test_postponed_hybrid_event_has_both_locations(client, agenda):
    event = EventPageFactory(
        parent=agenda, status="postponed", event_format="hybride", online_url="https://v.example"
    )
    data = json_ld(client, event)
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]


def test_all_day_event_has_dates_only(client, agenda):
    event = EventPageFactory(
        parent=agenda, all_day=True, start=paris(2030, 10, 24), end=paris(2030, 10, 26)
    )
    data = json_ld(client, event)
    assert (data["startDate"], data["endDate"]) == ("2030-10-24", "2030-10-26")


def test_markup_in_titles_cannot_break_out_of_the_script(client, agenda):
    event = EventPageFactory(parent=agenda, title="</script><script>alert(1)</script>")
    html = client.get(event.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(client, event)["name"] == "</script><script>alert(1)</script>"
