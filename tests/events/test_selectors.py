"""The reads other apps use: the newsletter lists ``event_list_upcoming``."""

import datetime

import pytest

from events.dates import group_by_month
from events.selectors import event_list_in_month, event_list_upcoming
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def test_upcoming_events_from_a_given_moment_with_a_limit(empty_agenda):
    EventPageFactory(parent=empty_agenda, title="Avant", start=paris(2030, 1, 5, 10))
    EventPageFactory(
        parent=empty_agenda, title="Annulé", start=paris(2030, 2, 5, 10), status="cancelled"
    )
    EventPageFactory(parent=empty_agenda, title="Après", start=paris(2030, 3, 5, 10))
    EventPageFactory(parent=empty_agenda, title="Brouillon", start=paris(2030, 3, 6), live=False)
    now = paris(2030, 1, 20)
    assert [e.title for e in event_list_upcoming(now=now)] == ["Annulé", "Après"]
    assert [e.title for e in event_list_upcoming(limit=1, now=now)] == ["Annulé"]
    assert event_list_upcoming(now=now)[0].is_cancelled


def test_an_all_day_event_is_upcoming_until_the_end_of_its_last_day(empty_agenda):
    EventPageFactory(
        parent=empty_agenda,
        title="Trois jours",
        all_day=True,
        start=paris(2030, 10, 24),
        end=paris(2030, 10, 26),
    )
    assert [e.title for e in event_list_upcoming(now=paris(2030, 10, 26, 22))] == ["Trois jours"]
    assert list(event_list_upcoming(now=paris(2030, 10, 27, 0, 1))) == []


def test_events_in_month_use_paris_months(empty_agenda):
    EventPageFactory(parent=empty_agenda, title="31 mars tard", start=paris(2030, 3, 31, 23, 30))
    EventPageFactory(
        parent=empty_agenda,
        title="1er avril",
        start=datetime.datetime(2030, 3, 31, 22, 30, tzinfo=datetime.UTC),
    )
    assert [e.title for e in event_list_in_month(year=2030, month=3)] == ["31 mars tard"]
    assert [e.title for e in event_list_in_month(year=2030, month=4)] == ["1er avril"]


def test_group_by_month_keeps_the_order(empty_agenda):
    for day in (datetime.date(2030, 3, 2), datetime.date(2030, 3, 9), datetime.date(2030, 4, 1)):
        EventPageFactory(parent=empty_agenda, start=paris(day.year, day.month, day.day, 10))
    groups = group_by_month(event_list_upcoming(now=paris(2030, 1, 1)))
    assert [(g.label, len(g.events)) for g in groups] == [("Mars 2030", 2), ("Avril 2030", 1)]
