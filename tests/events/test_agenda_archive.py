"""/agenda/archives/: the events that took place, the most recent first."""

import pytest
from bs4 import BeautifulSoup

from tests.events.conftest import listed_titles, month_groups
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def test_past_events_are_in_the_archive_not_in_the_agenda(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, title="Passé ancien", start=paris(2020, 1, 10, 9))
    EventPageFactory(parent=empty_agenda, title="Passé récent", start=paris(2020, 3, 5, 9))
    EventPageFactory(parent=empty_agenda, title="À venir", start=paris(2030, 3, 5, 9))
    assert month_groups(client, "/agenda/archives/") == [
        ("Mars 2020", ["Passé récent"]),
        ("Janvier 2020", ["Passé ancien"]),
    ]
    assert listed_titles(client) == ["À venir"]


def test_the_newsletters_events_are_in_the_archive(client, agenda):
    titles = listed_titles(client, "/agenda/archives/", month="2022-10")
    assert titles == [
        "Les Rencontres européennes de la Participation, à Rennes",
        "Réunion européenne Open Government Partnership (OGP)",
    ]
    response = client.get("/agenda/archives/", {"month": "2022-10"})
    assert "Du 24 au 26 octobre 2022" in response.content.decode()


def test_archive_page_has_its_own_heading_breadcrumb_and_filters(client, agenda):
    soup = BeautifulSoup(client.get("/agenda/archives/").content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Événements passés"
    crumbs = soup.select_one(".fr-breadcrumb").get_text(" ", strip=True)
    assert "Agenda" in crumbs and "Événements passés" in crumbs
    assert soup.select_one("form[aria-labelledby=filtres-agenda]")["action"] == "/agenda/archives/"
    current = soup.select_one('nav[aria-label="Périodes de l\'agenda"] a[aria-current=page]')
    assert current.get_text(strip=True) == "Événements passés"
    months = [option["value"] for option in soup.select("#id_month option") if option["value"]]
    assert months == sorted(months, reverse=True) and "2022-09" in months


def test_an_empty_archive_says_so(client, empty_agenda):
    soup = BeautifulSoup(client.get("/agenda/archives/").content, "html.parser")
    assert "Aucun événement passé pour le moment." in soup.select_one(".fr-notice").text
