"""The agenda pages through many events with a constant number of queries."""

import datetime

import pytest
from bs4 import BeautifulSoup

from core.models import Partner
from tests.events.conftest import month_groups
from tests.events.factories import EventPageFactory, paris
from tests.themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


FIRST_DAY = paris(2030, 1, 1, 10)


def create_events(agenda, count, *, first_day=FIRST_DAY, **kwargs):
    return [
        EventPageFactory(parent=agenda, start=first_day + datetime.timedelta(days=3 * n), **kwargs)
        for n in range(count)
    ]


def test_agenda_pages_by_twenty_and_keeps_filters_in_page_links(client, empty_agenda):
    create_events(empty_agenda, 25, departement="69")
    first = BeautifulSoup(client.get("/agenda/", {"region": "84"}).content, "html.parser")
    assert len(first.select(".fr-card")) == 20
    assert first.find(role="status").get_text(strip=True) == "25 événements à venir"
    next_link = first.select_one("a.fr-pagination__link--next")["href"]
    assert "region=84" in next_link and "page=2" in next_link
    second = BeautifulSoup(client.get("/agenda/" + next_link).content, "html.parser")
    assert len(second.select(".fr-card")) == 5
    # A month split across two pages is named again on the second one.
    assert month_groups(client, region="84", page=2)[0][0] == "Mars 2030"


@pytest.mark.parametrize("path", ["/agenda/", "/agenda/archives/"])
def test_queries_do_not_grow_with_the_number_of_events(
    client, empty_agenda, home, path, django_assert_max_num_queries
):
    first_day = paris(2030, 1, 1, 10) if path == "/agenda/" else paris(2015, 1, 1, 10)
    theme = ThemePageFactory(parent=home.get_children().get(slug="thematiques"))
    partner = Partner.objects.first()
    create_events(empty_agenda, 2, first_day=first_day, organiser=partner, themes=[theme])
    client.get(path)
    with django_assert_max_num_queries(40) as captured:
        client.get(path)
    baseline = len(captured.captured_queries)
    create_events(
        empty_agenda, 30, first_day=first_day, organiser=partner, themes=[theme], tags=["x"]
    )
    with django_assert_max_num_queries(baseline):
        response = client.get(path, {"page": 1})
    assert len(BeautifulSoup(response.content, "html.parser").select(".fr-card")) == 20


def test_the_ical_feed_queries_do_not_grow_either(
    client, empty_agenda, django_assert_max_num_queries
):
    events = create_events(empty_agenda, 2)
    for event in events:
        event.save_revision().publish()
    client.get("/agenda.ics")
    with django_assert_max_num_queries(20) as captured:
        client.get("/agenda.ics")
    baseline = len(captured.captured_queries)
    for event in create_events(empty_agenda, 30):
        event.save_revision().publish()
    with django_assert_max_num_queries(baseline):
        response = client.get("/agenda.ics")
    assert response.content.count(b"BEGIN:VEVENT") == 32
