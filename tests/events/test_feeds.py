"""/agenda/flux.rss and /agenda/flux.atom: newly announced events in a feed reader."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from events.models import EventPage
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(autouse=True)
def demo_published_long_ago(db):
    EventPage.objects.update(first_published_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))


def test_rss_announces_the_newest_event_first_with_its_date_and_place(client, agenda):
    EventPageFactory(
        parent=agenda,
        title="Afterwork ICPC",
        slug="afterwork-icpc",
        summary="Un afterwork d'interconnaissance.",
        start=paris(2030, 9, 27, 18, 30),
        end=paris(2030, 9, 27, 20, 30),
        venue="Le Lieu Unique",
        city="Nantes",
        organiser_name="Groupe ICPC de Loire-Atlantique",
        first_published_at=timezone.now(),
        tags=["afterwork"],
    )
    response = client.get("/agenda/flux.rss")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    channel = ET.fromstring(response.content).find("channel")
    assert channel.findtext("title") == "Territoires en Commun — nouveaux événements"
    assert channel.findtext("link") == "http://testserver/agenda/"
    assert channel.findtext("language") == "fr"
    first = channel.find("item")
    assert first.findtext("title") == "Afterwork ICPC"
    assert first.findtext("link") == "http://testserver/agenda/afterwork-icpc/"
    assert first.findtext("description") == (
        "Le 27 septembre 2030, de 18 h 30 à 20 h 30 — Le Lieu Unique, Nantes. "
        "Un afterwork d'interconnaissance."
    )
    assert [c.text for c in first.findall("category")] == ["Présentiel", "afterwork"]


def test_atom_feed_marks_cancelled_events(client, agenda):
    EventPageFactory(
        parent=agenda, title="Atelier", status="cancelled", first_published_at=timezone.now()
    )
    response = client.get("/agenda/flux.atom")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "Territoires en Commun — nouveaux événements"
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}title") == "[Annulé] Atelier"


def test_drafts_are_not_announced(client, agenda):
    EventPageFactory(parent=agenda, title="Brouillon", live=False, first_published_at=None)
    assert b"Brouillon" not in client.get("/agenda/flux.rss").content


def test_the_agenda_advertises_its_feeds(client, agenda):
    html = client.get("/agenda/").content.decode()
    assert 'type="application/rss+xml" href="/agenda/flux.rss"' in html
    assert 'type="application/atom+xml" href="/agenda/flux.atom"' in html
    assert 'type="text/calendar" href="/agenda.ics"' in html
