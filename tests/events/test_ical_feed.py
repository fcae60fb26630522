"""/agenda.ics: the agenda as an iCalendar feed (RFC 5545) that calendar clients
subscribe to, checked with two independent parsers, icalendar and vobject."""

import datetime
import zoneinfo

import icalendar
import pytest
import vobject

from events.models import EventPage
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def feed(client, **params) -> bytes:
    response = client.get("/agenda.ics", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def both_parsers(body: bytes):
    """The feed read by icalendar and by vobject; each must accept it."""
    return icalendar.Calendar.from_ical(body), vobject.readOne(body.decode())


def ical_event(calendar, event: EventPage):
    uid = f"{event.uid}@territoires-en-commun"
    matches = [vevent for vevent in calendar.walk("VEVENT") if str(vevent["UID"]) == uid]
    assert len(matches) == 1
    return matches[0]


def vobject_event(calendar, event: EventPage):
    uid = f"{event.uid}@territoires-en-commun"
    matches = [vevent for vevent in calendar.vevent_list if vevent.uid.value == uid]
    assert len(matches) == 1
    return matches[0]


def test_calendar_headers(client, agenda):
    body = feed(client)
    ical, vcal = both_parsers(body)
    assert str(ical["PRODID"]) == "-//Territoires en Commun//Agenda des partenaires//FR"
    assert str(ical["VERSION"]) == "2.0"
    assert str(ical["CALSCALE"]) == "GREGORIAN"
    assert str(ical["METHOD"]) == "PUBLISH"
    assert str(ical["X-WR-CALNAME"]) == "Territoires en Commun — Agenda"
    assert vcal.method.value == "PUBLISH"
    assert [tz["TZID"] for tz in ical.walk("VTIMEZONE")] == ["Europe/Paris"]


def test_lines_end_in_crlf_and_are_folded_at_75_octets(client, agenda):
    long_text = "Accessibilité : interprétation en LSF, boucle magnétique, sous-titrage ; " * 12
    event = EventPageFactory(parent=agenda, title="Très long " * 20, accessibility=long_text)
    body = feed(client)
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")
    lines = body.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode()  # a fold never splits a UTF-8 character
    ical, vcal = both_parsers(body)
    description = str(ical_event(ical, event)["DESCRIPTION"])
    assert long_text.strip() in description
    assert long_text.strip() in vobject_event(vcal, event).description.value
    assert str(ical_event(ical, event)["SUMMARY"]) == event.title


def test_timed_event_in_paris_time(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        title="Afterwork",
        start=paris(2030, 12, 3, 14),
        end=paris(2030, 12, 3, 16),
        venue="Le Lieu Unique",
        address="2 rue de la Biscuiterie",
        city="Nantes",
    )
    ical, vcal = both_parsers(feed(client))
    vevent = ical_event(ical, event)
    assert vevent["DTSTART"].dt == datetime.datetime(2030, 12, 3, 14, tzinfo=PARIS)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent["DTEND"].dt == datetime.datetime(2030, 12, 3, 16, tzinfo=PARIS)
    assert str(vevent["LOCATION"]) == "Le Lieu Unique, 2 rue de la Biscuiterie, Nantes"
    assert str(vevent["URL"]) == event.full_url
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in vevent and "LAST-MODIFIED" in vevent
    v = vobject_event(vcal, event)
    assert v.dtstart.value.astimezone(datetime.UTC) == datetime.datetime(
        2030, 12, 3, 13, tzinfo=datetime.UTC
    )
    assert v.dtend.value.utcoffset() == datetime.timedelta(hours=1)
    summer = EventPageFactory(parent=agenda, start=paris(2030, 7, 3, 14))
    _, vcal = both_parsers(feed(client))
    assert vobject_event(vcal, summer).dtstart.value.astimezone(datetime.UTC).hour == 12


def test_all_day_events_use_dates_with_an_exclusive_end(client, agenda):
    event = EventPageFactory(
        parent=agenda, all_day=True, start=paris(2030, 10, 24), end=paris(2030, 10, 26)
    )
    body = feed(client)
    ical, vcal = both_parsers(body)
    vevent = ical_event(ical, event)
    assert vevent["DTSTART"].dt == datetime.date(2030, 10, 24)
    assert vevent["DTEND"].dt == datetime.date(2030, 10, 27)
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    v = vobject_event(vcal, event)
    assert (v.dtstart.value, v.dtend.value) == (
        datetime.date(2030, 10, 24),
        datetime.date(2030, 10, 27),
    )


def test_cancelled_events_stay_in_the_feed_as_cancelled(client, agenda):
    event = EventPageFactory(parent=agenda, title="Atelier", status="cancelled")
    ical, vcal = both_parsers(feed(client))
    assert str(ical_event(ical, event)["STATUS"]) == "CANCELLED"
    assert vobject_event(vcal, event).status.value == "CANCELLED"
    assert str(ical_event(ical, event)["SUMMARY"]) == "[Annulé] Atelier"


def test_uid_is_stable_and_sequence_grows_when_the_event_is_republished(client, agenda):
    event = EventPageFactory(parent=agenda, title="Première version")
    event.save_revision().publish()
    first = ical_event(both_parsers(feed(client))[0], event)
    assert first["SEQUENCE"] == 1

    event = EventPage.objects.get(pk=event.pk)
    event.title = "Deuxième version"
    event.start = paris(2030, 4, 2, 10)
    event.end = paris(2030, 4, 2, 12)
    event.save_revision().publish()

    ical, vcal = both_parsers(feed(client))
    second = ical_event(ical, event)
    assert str(second["UID"]) == str(first["UID"]) == f"{event.uid}@territoires-en-commun"
    assert second["SEQUENCE"] == 2
    assert str(second["SUMMARY"]) == "Deuxième version"
    assert second["LAST-MODIFIED"].dt >= first["LAST-MODIFIED"].dt
    assert int(vobject_event(vcal, event).sequence.value) == 2


def test_filtered_feed_holds_only_matching_events(client, empty_agenda):
    online = EventPageFactory(
        parent=empty_agenda, title="En ligne ARA", event_format="en_ligne", departement="69"
    )
    EventPageFactory(parent=empty_agenda, title="Sur place ARA", departement="69")
    EventPageFactory(parent=empty_agenda, title="En ligne Nantes", event_format="en_ligne")
    body = feed(client, region="84", format="en_ligne")
    ical, vcal = both_parsers(body)
    assert [str(v["SUMMARY"]) for v in ical.walk("VEVENT")] == ["En ligne ARA"]
    assert [v.summary.value for v in vcal.vevent_list] == ["En ligne ARA"]
    assert str(ical["X-WR-CALNAME"]) == (
        "Territoires en Commun — Agenda (En ligne · Auvergne-Rhône-Alpes)"
    )
    assert ical_event(ical, online)


def test_the_agenda_links_to_the_feed_with_its_filters(client, agenda):
    html = client.get("/agenda/", {"region": "84", "format": "en_ligne", "page": "1"}).content
    assert b'href="/agenda.ics?region=84&amp;format=en_ligne"' in html


def test_recent_events_stay_in_the_feed_old_ones_leave_it(client, empty_agenda):
    now = datetime.datetime.now(datetime.UTC)
    recent = EventPageFactory(parent=empty_agenda, start=now - datetime.timedelta(days=10))
    EventPageFactory(parent=empty_agenda, title="Ancien", start=now - datetime.timedelta(days=400))
    ical, _ = both_parsers(feed(client))
    assert [str(v["UID"]) for v in ical.walk("VEVENT")] == [f"{recent.uid}@territoires-en-commun"]


def test_unpublished_events_are_not_in_the_feed(client, empty_agenda):
    EventPageFactory(parent=empty_agenda, live=False)
    ical, _ = both_parsers(feed(client))
    assert ical.walk("VEVENT") == []


def test_special_characters_are_escaped(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        title="Budget; participatif, \\ « citoyen »",
        summary="Ligne un\r\nLigne deux\x07\x1b",
    )
    ical, vcal = both_parsers(feed(client))
    vevent = ical_event(ical, event)
    assert str(vevent["SUMMARY"]) == "Budget; participatif, \\ « citoyen »"
    assert str(vevent["DESCRIPTION"]).startswith("Ligne un\nLigne deux\n")
    assert vobject_event(vcal, event).summary.value == "Budget; participatif, \\ « citoyen »"
