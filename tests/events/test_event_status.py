"""Status never lies: a past event is « Passé », a postponed one shows its new
date with the old one struck, and only a date that will be can be added to a calendar."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from events.dates import PARIS
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def page(client, event) -> BeautifulSoup:
    response = client.get(event.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def badges(soup) -> list[str]:
    return [badge.get_text(strip=True) for badge in soup.select("article .fr-badge")]


def alert_title(soup) -> str:
    alert = soup.select_one("article .fr-alert__title")
    return alert.get_text(strip=True) if alert else ""


def has_add_to_calendar(soup) -> bool:
    return "Ajouter à mon agenda" in soup.get_text()


def days_ago(days: int) -> datetime.datetime:
    moment = timezone.now().astimezone(PARIS) - datetime.timedelta(days=days)
    return moment.replace(hour=14, minute=0, second=0, microsecond=0)


def test_a_past_scheduled_event_is_shown_as_past_never_programme(client, agenda):
    event = EventPageFactory(parent=agenda, start=days_ago(10), end=days_ago(10))
    soup = page(client, event)
    assert "Passé" in badges(soup)
    assert "Programmé" not in badges(soup)
    assert alert_title(soup) == "Cet événement a eu lieu"
    assert not has_add_to_calendar(soup)


def test_a_past_full_event_is_past_too(client, agenda):
    event = EventPageFactory(parent=agenda, status="full", start=days_ago(3), end=days_ago(3))
    soup = page(client, event)
    assert "Passé" in badges(soup) and "Complet" not in badges(soup)


def test_an_upcoming_event_is_programme_with_add_to_calendar(client, agenda):
    soup = page(client, EventPageFactory(parent=agenda))
    assert "Programmé" in badges(soup)
    assert alert_title(soup) == ""
    assert has_add_to_calendar(soup)


def test_a_postponed_event_shows_the_new_date_and_the_old_one_struck(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        status="postponed",
        previous_start=paris(2030, 3, 12, 14),
        start=paris(2030, 4, 9, 14),
        end=paris(2030, 4, 9, 16),
    )
    soup = page(client, event)
    assert "Reporté" in badges(soup)
    when = soup.select_one(".tec-event-when").get_text(" ", strip=True)
    assert "Nouvelle date" in when and "9 avril 2030" in when
    struck = soup.select_one(".tec-event-previous del").get_text(strip=True)
    assert "12 mars 2030" in struck
    # Adding to a calendar gives the new date only.
    assert has_add_to_calendar(soup)
    ics = client.get(soup.select_one("a[download]")["href"]).content
    assert b"DTSTART;TZID=Europe/Paris:20300409T140000" in ics
    assert b"20300312" not in ics


def test_a_postponed_event_without_new_date_cannot_be_added_to_a_calendar(client, agenda):
    event = EventPageFactory(parent=agenda, status="postponed")
    soup = page(client, event)
    assert alert_title(soup) == "Cet événement est reporté"
    assert "La nouvelle date sera annoncée" in soup.get_text()
    assert soup.select_one(".tec-event-when del").get_text(strip=True).startswith("Le 12 mars 2030")
    assert not has_add_to_calendar(soup)
    assert "calendar.google.com" not in soup.decode()


def test_a_cancelled_event(client, agenda):
    soup = page(client, EventPageFactory(parent=agenda, status="cancelled"))
    assert "Annulé" in badges(soup)
    assert alert_title(soup) == "Cet événement est annulé"
    assert not has_add_to_calendar(soup)


def test_a_past_cancelled_event_stays_cancelled(client, agenda):
    event = EventPageFactory(parent=agenda, status="cancelled", start=days_ago(5), end=days_ago(5))
    soup = page(client, event)
    assert "Annulé" in badges(soup) and "Passé" not in badges(soup)


def test_a_full_event(client, agenda):
    soup = page(client, EventPageFactory(parent=agenda, status="full"))
    assert "Complet" in badges(soup)
    assert alert_title(soup) == "Cet événement est complet"


def test_the_agenda_cards_say_the_same(client, agenda):
    EventPageFactory(parent=agenda, title="Passé récent", start=days_ago(2), end=days_ago(2))
    soup = BeautifulSoup(client.get("/agenda/archives/").content, "html.parser")
    card = next(c for c in soup.select(".fr-card") if "Passé récent" in c.get_text())
    card_badges = [b.get_text(strip=True) for b in card.select(".fr-badge")]
    assert "Passé" in card_badges and "Programmé" not in card_badges


def test_a_postponed_date_on_a_card_shows_the_new_date_and_the_old_one_struck(client, agenda):
    EventPageFactory(
        parent=agenda,
        title="Reporté au printemps",
        status="postponed",
        previous_start=paris(2030, 3, 12, 14),
        start=paris(2030, 4, 9, 14),
        end=paris(2030, 4, 9, 16),
    )
    soup = BeautifulSoup(client.get("/agenda/").content, "html.parser")
    card = next(c for c in soup.select(".fr-card") if "Reporté au printemps" in c.get_text())
    assert "9 avril 2030" in card.find("time").get_text()
    assert "12 mars 2030" in card.find("del").get_text()
