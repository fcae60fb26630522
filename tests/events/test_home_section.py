"""« À vos agendas ! » on the home page: the next three events, hidden when there are none."""

import pytest
from bs4 import BeautifulSoup

from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def agenda_section(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    return soup.find("section", attrs={"aria-labelledby": "home-agenda-title"})


def test_home_shows_the_next_three_events(client, empty_agenda):
    for day, title in [(20, "Troisième"), (5, "Premier"), (12, "Deuxième"), (28, "Quatrième")]:
        EventPageFactory(parent=empty_agenda, title=title, start=paris(2030, 3, day, 10))
    section = agenda_section(client)
    assert section.find("h2").get_text(strip=True) == "À vos agendas !"
    titles = [a.get_text(strip=True) for a in section.select(".fr-card__title a")]
    assert titles == ["Premier", "Deuxième", "Troisième"]
    assert section.find("a", string="Voir tout l'agenda")["href"] == "/agenda/"


def test_home_hides_the_section_without_upcoming_events(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, title="Passé", start=paris(2020, 3, 5, 10))
    assert agenda_section(client) is None


def test_the_demo_home_announces_upcoming_events(client, agenda):
    assert len(agenda_section(client).select(".fr-card")) == 3
