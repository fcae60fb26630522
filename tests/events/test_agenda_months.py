"""/agenda/: upcoming events in date order, under the Paris month they start in."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from django.utils import timezone

from tests.events.conftest import month_groups
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def test_events_are_listed_by_date_under_month_headings(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, title="Mai", start=paris(2030, 5, 2, 10))
    EventPageFactory(parent=empty_agenda, title="Mars tard", start=paris(2030, 3, 20, 18))
    EventPageFactory(parent=empty_agenda, title="Mars tôt", start=paris(2030, 3, 3, 9))
    assert month_groups(client) == [
        ("Mars 2030", ["Mars tôt", "Mars tard"]),
        ("Mai 2030", ["Mai"]),
    ]


def test_late_evening_on_the_last_day_stays_in_its_paris_month(client, empty_agenda):
    # 23:30 in Paris on 31 March is 21:30 UTC: March everywhere.
    EventPageFactory(parent=empty_agenda, title="Soirée du 31", start=paris(2030, 3, 31, 23, 30))
    # 00:30 in Paris on 1 April is still 31 March in UTC: April for the agenda.
    EventPageFactory(parent=empty_agenda, title="Nuit du 1er", start=paris(2030, 4, 1, 0, 30))
    # Entered in UTC: 31 December 23:30 UTC is 00:30 on 1 January in Paris.
    EventPageFactory(
        parent=empty_agenda,
        title="Réveillon UTC",
        start=datetime.datetime(2030, 12, 31, 23, 30, tzinfo=UTC),
    )
    # 1 February 22:30 UTC is 23:30 in Paris, the same day: February.
    EventPageFactory(
        parent=empty_agenda,
        title="Premier février UTC",
        start=datetime.datetime(2030, 2, 1, 22, 30, tzinfo=UTC),
    )
    assert month_groups(client) == [
        ("Février 2030", ["Premier février UTC"]),
        ("Mars 2030", ["Soirée du 31"]),
        ("Avril 2030", ["Nuit du 1er"]),
        ("Janvier 2031", ["Réveillon UTC"]),
    ]


@override_settings(TIME_ZONE="UTC")
def test_months_do_not_depend_on_the_server_time_zone(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, title="Nuit du 1er", start=paris(2030, 4, 1, 0, 30))
    with timezone.override("America/New_York"):
        assert month_groups(client) == [("Avril 2030", ["Nuit du 1er"])]
    response = client.get("/agenda/", {"month": "2030-04"})
    assert "Nuit du 1er" in response.content.decode()


def test_an_event_running_now_is_still_upcoming(client, empty_agenda):
    now = timezone.now()
    EventPageFactory(
        parent=empty_agenda,
        title="En cours",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    EventPageFactory(
        parent=empty_agenda,
        title="Terminé",
        start=now - datetime.timedelta(hours=3),
        end=now - datetime.timedelta(hours=2),
    )
    titles = [title for _, titles in month_groups(client) for title in titles]
    assert titles == ["En cours"]


def test_cancelled_events_stay_listed_and_marked(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, title="Annulé", status="cancelled")
    soup = BeautifulSoup(client.get("/agenda/").content, "html.parser")
    card = soup.select_one(".fr-card")
    assert card.select_one(".fr-card__title").get_text(strip=True) == "Annulé"
    assert card.select_one(".fr-badge--error").get_text(strip=True) == "Annulé"


def test_cards_show_date_format_place_and_organiser(client, empty_agenda):
    EventPageFactory(
        parent=empty_agenda,
        title="Afterwork",
        start=paris(2030, 9, 27, 18, 30),
        end=paris(2030, 9, 27, 20, 30),
        venue="Le Lieu Unique",
        city="Nantes",
        organiser_name="Groupe ICPC de Loire-Atlantique",
    )
    card = BeautifulSoup(client.get("/agenda/").content, "html.parser").select_one(".fr-card")
    text = card.get_text(" ", strip=True)
    assert "Le 27 septembre 2030, de 18 h 30 à 20 h 30" in text
    assert "Présentiel" in text
    assert "Le Lieu Unique, Nantes" in text
    assert "Organisé par Groupe ICPC de Loire-Atlantique" in text
    assert card.find("time")["datetime"].startswith("2030-09-27T18:30:00+02:00")


def test_unpublished_events_are_not_listed(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, title="Brouillon", live=False)
    assert month_groups(client) == []


def test_empty_agenda_says_so(client, empty_agenda):
    soup = BeautifulSoup(client.get("/agenda/").content, "html.parser")
    assert "Aucun événement n'est annoncé pour le moment." in soup.select_one(".fr-notice").text
    assert soup.find(role="status").get_text(strip=True).startswith("0 événement à venir")
