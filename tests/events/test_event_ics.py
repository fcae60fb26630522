"""« Ajouter à mon agenda »: one event as an .ics file."""

import icalendar
import pytest
import vobject

from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def test_event_file_downloads_with_its_name(client, agenda):
    event = EventPageFactory(
        parent=agenda, slug="afterwork-icpc", title="Afterwork", start=paris(2030, 12, 3, 18)
    )
    response = client.get("/agenda/afterwork-icpc.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="afterwork-icpc.ics"'
    ical = icalendar.Calendar.from_ical(response.content)
    vcal = vobject.readOne(response.content.decode())
    (vevent,) = ical.walk("VEVENT")
    assert str(vevent["UID"]) == f"{event.uid}@territoires-en-commun"
    assert str(vevent["SUMMARY"]) == "Afterwork"
    assert str(ical["METHOD"]) == "PUBLISH"
    assert vcal.vevent.dtstart.value.hour == 18


def test_the_event_file_and_the_feed_agree(client, agenda):
    event = EventPageFactory(parent=agenda, slug="meme-evenement")
    event.save_revision().publish()
    single = icalendar.Calendar.from_ical(client.get("/agenda/meme-evenement.ics").content)
    feed = icalendar.Calendar.from_ical(client.get("/agenda.ics").content)
    (one,) = single.walk("VEVENT")
    (same,) = [v for v in feed.walk("VEVENT") if v["UID"] == one["UID"]]
    for name in ("DTSTART", "DTEND", "SEQUENCE", "SUMMARY", "LOCATION", "STATUS"):
        assert one[name] == same[name], name


def test_unpublished_or_unknown_events_have_no_file(client, agenda):
    EventPageFactory(parent=agenda, slug="brouillon", live=False)
    assert client.get("/agenda/brouillon.ics").status_code == 404
    assert client.get("/agenda/inconnu.ics").status_code == 404
    assert client.post("/agenda/inconnu.ics").status_code == 405
