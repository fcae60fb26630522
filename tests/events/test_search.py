"""Events are found by the site search, in their own group."""

import pytest
from bs4 import BeautifulSoup

from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_events_are_a_group_of_the_site_search(client, agenda):
    EventPageFactory(
        parent=agenda,
        title="Balade urbaine au Crêt de Roc",
        summary="Un diagnostic partagé en marchant.",
        city="Saint-Étienne",
    )
    response = client.get("/recherche/", {"q": "balade urbaine"})
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "groupe-agenda"})
    assert section.find("h2").contents[0].strip() == "Agenda"
    results = [a.get_text(strip=True) for a in section.select("h3 a")]
    assert "Balade urbaine au Crêt de Roc" in results
    assert "Un diagnostic partagé en marchant." in section.get_text()


def test_unpublished_events_are_not_found(client, agenda):
    EventPageFactory(parent=agenda, title="Conciliabule secret", live=False)
    response = client.get("/recherche/", {"q": "conciliabule", "type": "agenda"})
    assert "Conciliabule secret" not in response.content.decode()
