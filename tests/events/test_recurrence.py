"""A series (RFC 5545 RRULE with exceptions): each date listed, filtered and
exported on its own, with its own status."""

import datetime

import icalendar
import pytest
import vobject
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from events.dates import PARIS
from events.models import EventOccurrenceChange, EventPage
from tests.events.conftest import listed_titles, month_groups
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db

RULE = "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"  # six second Tuesdays, from January 2030


def webinar_series(agenda, **fields) -> EventPage:
    return EventPageFactory(
        parent=agenda,
        title="Webinaire mensuel",
        start=paris(2030, 1, 8, 11),
        end=paris(2030, 1, 8, 12, 30),
        event_format="en_ligne",
        recurrence_rule=RULE,
        **fields,
    )


def with_changes(event, *changes) -> EventPage:
    for original, status, new_start in changes:
        event.occurrence_changes.add(
            EventOccurrenceChange(original_start=original, status=status, new_start=new_start)
        )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def test_each_date_of_a_series_is_listed_in_its_month(client, empty_agenda):
    webinar_series(empty_agenda)
    groups = month_groups(client)
    assert [label for label, _titles in groups] == [
        "Janvier 2030",
        "Février 2030",
        "Mars 2030",
        "Avril 2030",
        "Mai 2030",
        "Juin 2030",
    ]
    assert all(titles == ["Webinaire mensuel"] for _label, titles in groups)


def test_the_month_filter_finds_the_date_of_that_month(client, empty_agenda):
    webinar_series(empty_agenda)
    html = client.get("/agenda/", {"month": "2030-04"}).content
    soup = BeautifulSoup(html, "html.parser")
    (time,) = soup.select(".fr-card time")
    assert time.get_text() == "Le 9 avril 2030, de 11 h à 12 h 30"
    assert listed_titles(client, month="2030-04") == ["Webinaire mensuel"]


def test_dates_keep_their_paris_hour_across_daylight_saving(empty_agenda):
    event = webinar_series(empty_agenda)
    starts = [row.start.astimezone(PARIS) for row in event.occurrences.order_by("start")]
    assert [s.hour for s in starts] == [11] * 6
    assert [s.day for s in starts] == [8, 12, 12, 9, 14, 11]


def test_each_date_has_its_status(client, empty_agenda):
    event = with_changes(
        webinar_series(empty_agenda),
        (paris(2030, 2, 12, 11), "cancelled", None),
        (paris(2030, 3, 12, 11), "postponed", paris(2030, 3, 19, 11)),
        (paris(2030, 4, 9, 11), "removed", None),
    )
    rows = list(event.occurrences.order_by("start"))
    assert [(r.start.astimezone(PARIS).date().isoformat(), r.status) for r in rows] == [
        ("2030-01-08", "scheduled"),
        ("2030-02-12", "cancelled"),
        ("2030-03-19", "postponed"),
        ("2030-05-14", "scheduled"),
        ("2030-06-11", "scheduled"),
    ]
    soup = BeautifulSoup(client.get("/agenda/", {"month": "2030-03"}).content, "html.parser")
    card = soup.select_one(".fr-card")
    assert "Reporté" in card.select_one(".fr-badge").get_text()
    assert "19 mars 2030" in card.find("time").get_text()
    assert "12 mars 2030" in card.find("del").get_text()


def ics_of(client, event) -> bytes:
    response = client.get(f"/agenda/{event.slug}.ics")
    assert response.status_code == 200
    return response.content


def test_the_calendar_file_carries_the_rule_its_exceptions_and_changed_dates(client, empty_agenda):
    event = with_changes(
        webinar_series(empty_agenda),
        (paris(2030, 2, 12, 11), "cancelled", None),
        (paris(2030, 4, 9, 11), "removed", None),
    )
    body = ics_of(client, event)
    calendar = icalendar.Calendar.from_ical(body)
    master, cancelled = calendar.walk("VEVENT")
    assert master["RRULE"].to_ical() == b"FREQ=MONTHLY;COUNT=6;BYDAY=2TU"
    assert master["URL"] == event.full_url
    assert str(master["CONFERENCE"]) == "https://visio.example.org/salle"
    assert master.get("EXDATE").dts[0].dt == datetime.datetime(2030, 4, 9, 11, tzinfo=PARIS)
    assert cancelled["RECURRENCE-ID"].dt == datetime.datetime(2030, 2, 12, 11, tzinfo=PARIS)
    assert cancelled["STATUS"] == "CANCELLED"
    assert master["UID"] == cancelled["UID"]

    # Another client library expands the series the same way.
    parsed = vobject.readOne(body.decode())
    series = next(v for v in parsed.vevent_list if not hasattr(v, "recurrence_id"))
    starts = [moment.date().isoformat() for moment in series.getrruleset()]
    assert starts == ["2030-01-08", "2030-02-12", "2030-03-12", "2030-05-14", "2030-06-11"]


def test_the_subscribed_feed_carries_the_series(client, empty_agenda):
    webinar_series(empty_agenda)
    body = client.get("/agenda.ics", {"format": "en_ligne"}).content
    (event,) = icalendar.Calendar.from_ical(body).walk("VEVENT")
    assert "RRULE" in event


def test_a_wrong_rule_is_refused_in_french():
    event = EventPage(
        title="Série",
        slug="serie",
        summary="Une série.",
        start=paris(2030, 1, 8, 11),
        city="Nantes",
        recurrence_rule="FREQ=HOURLY;COUNT=3",
    )
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert "DAILY, WEEKLY, MONTHLY ou YEARLY" in raised.value.message_dict["recurrence_rule"][0]
    event.recurrence_rule = "n'importe quoi"
    with pytest.raises(ValidationError) as raised:
        event.clean()
    assert raised.value.message_dict["recurrence_rule"] == [
        "Cette règle de récurrence n'est pas au format RRULE (RFC 5545)."
    ]


def test_one_date_of_a_series_can_be_added_on_its_own(client, empty_agenda):
    event = webinar_series(empty_agenda)
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    links = [a["href"] for a in soup.select(".tec-event-series a[download]")]
    assert links[1] == f"/agenda/{event.slug}.ics?date=20300212T1100"
    (one,) = icalendar.Calendar.from_ical(client.get(links[1]).content).walk("VEVENT")
    assert one["DTSTART"].dt == datetime.datetime(2030, 2, 12, 11, tzinfo=PARIS)
    assert "RRULE" not in one and "RECURRENCE-ID" not in one
    assert str(one["UID"]) == f"{event.uid}-20300212T1100@territoires-en-commun"
    assert client.get(f"/agenda/{event.slug}.ics?date=20300213T1100").status_code == 404
