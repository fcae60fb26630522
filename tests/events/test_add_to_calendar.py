"""« Ajouter à mon agenda »: the .ics file and links to the web calendars (no
script of theirs), and the agenda says how to subscribe to what it shows."""

from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from bs4 import BeautifulSoup

from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def links(client, event) -> dict[str, str]:
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert not soup.select(
        'script[src*="google"], script[src*="outlook"], script[src*="microsoft"]'
    )
    return {a.get_text(" ", strip=True): a["href"] for a in soup.select("article a[href]")}


def test_the_web_calendars_get_the_date_place_and_link_back(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        title="Atelier",
        start=paris(2030, 7, 2, 14),
        end=paris(2030, 7, 2, 16),
        event_format="hybride",
        venue="Mairie",
        city="Rezé",
    )
    found = links(client, event)
    google = next(href for text, href in found.items() if text.startswith("Google Agenda"))
    query = parse_qs(urlsplit(google).query)
    assert query["text"] == ["Atelier"]
    assert query["dates"] == ["20300702T120000Z/20300702T140000Z"]
    assert query["location"] == ["Mairie, Rezé"]
    assert event.full_url in query["details"][0]
    assert "https://visio.example.org/salle" in query["details"][0]
    outlook = next(href for text, href in found.items() if text.startswith("Outlook.com"))
    query = parse_qs(urlsplit(outlook).query)
    assert query["startdt"] == ["2030-07-02T14:00:00+02:00"]
    assert query["subject"] == ["Atelier"]
    assert any(text.startswith("Microsoft 365") for text in found)


def test_the_ics_links_back_and_gives_the_online_link(client, agenda):
    event = EventPageFactory(parent=agenda, event_format="en_ligne", status="full")
    (vevent,) = icalendar.Calendar.from_ical(client.get(f"/agenda/{event.slug}.ics").content).walk(
        "VEVENT"
    )
    assert vevent["URL"] == event.full_url
    assert str(vevent["CONFERENCE"]) == "https://visio.example.org/salle"
    assert vevent["STATUS"] == "CONFIRMED"


def test_a_series_offers_the_whole_series_to_google(client, agenda):
    event = EventPageFactory(parent=agenda, recurrence_rule="FREQ=WEEKLY;COUNT=4")
    found = links(client, event)
    series = next(href for text, href in found.items() if "toute la série" in text)
    assert parse_qs(urlsplit(series).query)["recur"] == ["RRULE:FREQ=WEEKLY;COUNT=4"]


def test_the_agenda_explains_how_to_subscribe_to_a_selection(client, agenda):
    soup = BeautifulSoup(client.get("/agenda/", {"format": "en_ligne"}).content, "html.parser")
    link = soup.find("a", href="/agenda.ics?format=en_ligne")
    assert "S'abonner à cette sélection" in link.get_text()
    hint = link.find_next("span", class_="fr-hint-text").get_text()
    assert "copiez ce lien dans votre agenda" in hint
