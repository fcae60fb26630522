import pytest
from bs4 import BeautifulSoup

from events.models import EventIndexPage, EventPage


@pytest.fixture
def agenda(db):
    return EventIndexPage.objects.get()


@pytest.fixture
def empty_agenda(agenda):
    """The agenda without the demo's events, for tests that count what is listed."""
    for event in EventPage.objects.all():
        event.delete()
    return agenda


def month_groups(client, path="/agenda/", **params) -> list[tuple[str, list[str]]]:
    """What a visitor reads: each month heading with the titles of its events, in order."""
    response = client.get(path, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (
            section.find("h2").get_text(strip=True),
            [a.get_text(strip=True) for a in section.select(".fr-card__title a")],
        )
        for section in soup.select("main section[aria-labelledby^=mois-]")
    ]


def listed_titles(client, path="/agenda/", **params) -> list[str]:
    return [title for _month, titles in month_groups(client, path, **params) for title in titles]
