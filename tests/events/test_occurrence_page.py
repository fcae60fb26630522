"""Each date of a series on its own page: its date, its own status (postponed
with the new date, cancelled, full, past — never « programmé » once over), its own
« Ajouter à mon agenda »; the agenda and its RSS/Atom feeds link each date to it."""

import datetime
import xml.etree.ElementTree as ET

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from events.dates import PARIS
from events.models import EventOccurrenceChange, EventPage
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db

RULE = "FREQ=MONTHLY;BYDAY=2TU;COUNT=6"  # six second Tuesdays, from January 2030


def webinar_series(agenda, **fields) -> EventPage:
    fields.setdefault("start", paris(2030, 1, 8, 11))
    fields.setdefault("end", fields["start"] + datetime.timedelta(minutes=90))
    return EventPageFactory(
        parent=agenda,
        title="Webinaire mensuel",
        slug="webinaire-mensuel",
        event_format="en_ligne",
        recurrence_rule=fields.pop("rule", RULE),
        first_published_at=timezone.now(),
        **fields,
    )


def with_changes(event, *changes) -> EventPage:
    for original, status, new_start in changes:
        event.occurrence_changes.add(
            EventOccurrenceChange(original_start=original, status=status, new_start=new_start)
        )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def badge(soup) -> str:
    return soup.select_one("article .fr-badges-group .fr-badge").get_text(strip=True)


def test_a_date_has_its_page_with_its_date_and_calendar_file(client, empty_agenda):
    webinar_series(empty_agenda)
    soup = soup_of(client, "/agenda/webinaire-mensuel/20300312T1100/")
    assert soup.find("h1").get_text(strip=True) == "Webinaire mensuel"
    assert (
        soup.select_one(".tec-event-when time").get_text() == "Le 12 mars 2030, de 11 h à 12 h 30"
    )
    assert badge(soup) == "Programmé"
    assert soup.title.get_text().startswith("Webinaire mensuel, le 12 mars 2030")
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "http://testserver/agenda/webinaire-mensuel/20300312T1100/"
    assert "Voir toutes les dates de la série" in soup.get_text()
    button = soup.select_one("a.fr-btn[download]")
    assert button["href"] == "/agenda/webinaire-mensuel.ics?date=20300312T1100"
    (one,) = icalendar.Calendar.from_ical(client.get(button["href"]).content).walk("VEVENT")
    assert one["DTSTART"].dt == datetime.datetime(2030, 3, 12, 11, tzinfo=PARIS)
    assert str(one["URL"]) == canonical
    assert "Le 12 mars 2030, de 11 h à 12 h 30" in str(one["DESCRIPTION"])
    google = next(
        a["href"] for a in soup.select("a") if a.get_text(strip=True).startswith("Google Agenda")
    )
    assert "dates=20300312T100000Z%2F20300312T113000Z" in google
    assert "recur" not in google  # this date only
    assert client.get("/agenda/webinaire-mensuel/20300313T1100/").status_code == 404


def test_a_postponed_date_shows_its_new_date_on_its_page(client, empty_agenda):
    with_changes(
        webinar_series(empty_agenda),
        (paris(2030, 3, 12, 11), "postponed", paris(2030, 3, 19, 11)),
    )
    soup = soup_of(client, "/agenda/webinaire-mensuel/20300312T1100/")
    assert badge(soup) == "Reporté"
    when = soup.select_one(".tec-event-when").get_text(" ", strip=True)
    assert "Nouvelle date : Le 19 mars 2030" in when
    assert "12 mars 2030" in soup.select_one(".tec-event-previous del").get_text()
    ics = client.get(soup.select_one("a.fr-btn[download]")["href"]).content
    (one,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert one["DTSTART"].dt == datetime.datetime(2030, 3, 19, 11, tzinfo=PARIS)


def test_a_cancelled_date_offers_no_calendar(client, empty_agenda):
    with_changes(webinar_series(empty_agenda), (paris(2030, 2, 12, 11), "cancelled", None))
    soup = soup_of(client, "/agenda/webinaire-mensuel/20300212T1100/")
    assert badge(soup) == "Annulé"
    assert "Cet événement est annulé" in soup.get_text()
    assert not soup.select("a.fr-btn[download]")
    # The next date is not touched.
    assert badge(soup_of(client, "/agenda/webinaire-mensuel/20300312T1100/")) == "Programmé"


def test_a_past_date_is_never_shown_as_scheduled(client, empty_agenda):
    start = (timezone.now() - datetime.timedelta(days=15)).replace(second=0, microsecond=0)
    event = webinar_series(empty_agenda, start=start, rule="FREQ=WEEKLY;COUNT=4")
    past, *upcoming = event.occurrences.order_by("start")
    soup = soup_of(client, f"/agenda/webinaire-mensuel/{past.key}/")
    assert badge(soup) == "Passé"
    assert "Cet événement a eu lieu" in soup.get_text()
    assert not soup.select("a.fr-btn[download]")
    assert badge(soup_of(client, f"/agenda/webinaire-mensuel/{upcoming[-1].key}/")) == "Programmé"


def test_the_agenda_links_each_date_to_its_page(client, empty_agenda):
    webinar_series(empty_agenda)
    soup = soup_of(client, "/agenda/")
    links = [a["href"] for a in soup.select(".fr-card__title a")]
    assert links[:3] == [
        "/agenda/webinaire-mensuel/20300108T1100/",
        "/agenda/webinaire-mensuel/20300212T1100/",
        "/agenda/webinaire-mensuel/20300312T1100/",
    ]
    series = soup_of(client, "/agenda/webinaire-mensuel/").select(".tec-event-series a[href$='/']")
    assert series[1]["href"] == "/agenda/webinaire-mensuel/20300212T1100/"


def test_a_single_event_keeps_one_page(client, empty_agenda):
    event = EventPageFactory(parent=empty_agenda, slug="atelier", start=paris(2030, 3, 12, 14))
    key = event.occurrences.get().key
    response = client.get(f"/agenda/atelier/{key}/")
    assert response.status_code == 302
    assert response["Location"] == "/agenda/atelier/"


def test_the_feeds_carry_one_item_per_date_with_its_link(client, empty_agenda):
    with_changes(webinar_series(empty_agenda), (paris(2030, 2, 12, 11), "cancelled", None))
    channel = ET.fromstring(client.get("/agenda/flux.rss").content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items[:3]] == [
        "Webinaire mensuel — 8 janvier 2030",
        "[Annulé] Webinaire mensuel — 12 février 2030",
        "Webinaire mensuel — 12 mars 2030",
    ]
    assert len(items) == 6
    assert items[2].findtext("link") == "http://testserver/agenda/webinaire-mensuel/20300312T1100/"
    assert items[2].findtext("guid") == items[2].findtext("link")
    assert items[2].findtext("description").startswith("Le 12 mars 2030, de 11 h à 12 h 30")
    atom = ET.fromstring(client.get("/agenda/flux.atom").content)
    ns = "{http://www.w3.org/2005/Atom}"
    ids = [entry.findtext(f"{ns}id") for entry in atom.findall(f"{ns}entry")]
    assert len(set(ids)) == 6
