"""Filtering the agenda by month, région, format, thématique, organiser and tag."""

import pytest
from bs4 import BeautifulSoup

from core.models import Partner
from tests.events.conftest import listed_titles
from tests.events.factories import EventPageFactory, paris
from tests.themes.factories import ThemePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(empty_agenda, home):
    theme = ThemePageFactory(parent=home.get_children().get(slug="thematiques"), title="Récit")
    icpc = Partner.objects.get(name="ICPC")
    EventPageFactory(
        parent=empty_agenda,
        title="Lyon en ligne",
        start=paris(2030, 3, 4, 10),
        departement="69",
        event_format="en_ligne",
        themes=[theme],
    )
    EventPageFactory(
        parent=empty_agenda,
        title="Lyon sur place",
        start=paris(2030, 4, 4, 10),
        departement="69",
        organiser=icpc,
        tags=["afterwork"],
    )
    EventPageFactory(
        parent=empty_agenda,
        title="Nantes hybride",
        start=paris(2030, 3, 31, 23, 30),
        departement="44",
        event_format="hybride",
        organiser=icpc,
        themes=[theme],
    )
    return {"theme": theme, "icpc": icpc}


def test_each_filter_alone(client, events):
    assert listed_titles(client, month="2030-03") == ["Lyon en ligne", "Nantes hybride"]
    assert listed_titles(client, region="84") == ["Lyon en ligne", "Lyon sur place"]
    assert listed_titles(client, format="hybride") == ["Nantes hybride"]
    assert listed_titles(client, theme=events["theme"].pk) == ["Lyon en ligne", "Nantes hybride"]
    assert listed_titles(client, organiser=events["icpc"].pk) == [
        "Nantes hybride",
        "Lyon sur place",
    ]
    assert listed_titles(client, tag="afterwork") == ["Lyon sur place"]


def test_filters_combine(client, events):
    assert listed_titles(client, region="84", month="2030-03") == ["Lyon en ligne"]
    assert listed_titles(client, organiser=events["icpc"].pk, theme=events["theme"].pk) == [
        "Nantes hybride"
    ]
    assert listed_titles(client, region="44", format="en_ligne") == []


def test_the_form_keeps_the_choices_and_offers_to_clear_them(client, events):
    response = client.get("/agenda/", {"region": "84", "month": "2030-03"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#id_region option[selected]")["value"] == "84"
    assert soup.select_one("#id_month option[selected]").get_text() == "Mars 2030"
    assert soup.find("a", string="Effacer les filtres")["href"] == "/agenda/"
    assert soup.find(role="status").get_text(strip=True) == "1 événement à venir"


def test_only_months_and_organisers_that_have_events_are_offered(client, events):
    soup = BeautifulSoup(client.get("/agenda/").content, "html.parser")
    months = [option.get_text() for option in soup.select("#id_month option")]
    assert months == ["Tous les mois", "Mars 2030", "Avril 2030"]
    organisers = [option.get_text() for option in soup.select("#id_organiser option")]
    assert organisers == ["Tous les organisateurs", "ICPC"]


def test_no_match_shows_the_empty_state_with_a_reset_link(client, events):
    soup = BeautifulSoup(client.get("/agenda/", {"region": "94"}).content, "html.parser")
    notice = soup.select_one(".fr-notice")
    assert "Aucun événement ne correspond à ces critères." in notice.text
    assert notice.find("a")["href"] == "/agenda/"


@pytest.mark.parametrize(
    "params",
    [
        {"month": "2030-13"},
        {"month": "0000-01"},
        {"month": "9999-12"},
        {"month": "mars"},
        {"month": "2030-03\x00"},
        {"region": "zz"},
        {"region": "8\x004"},
        {"format": "<script>"},
        {"theme": "99999999999999999999999"},
        {"theme": "-1"},
        {"theme": "abc"},
        {"organiser": "0"},
        {"organiser": "\x00"},
        {"tag": "x" * 5000},
        {"tag": "a\x00b"},
        {"page": "99999999999999999999"},
        {"page": "-3"},
        {"page": "\x00"},
    ],
)
@pytest.mark.parametrize("path", ["/agenda/", "/agenda/archives/", "/agenda.ics"])
def test_junk_values_are_ignored_never_crash(client, events, params, path):
    response = client.get(path, params)
    assert response.status_code == 200
    if path == "/agenda/" and "page" not in params:
        html = response.content.decode()
        assert "n'a pas été reconnu et n'a pas été appliqué" in html
        assert len(listed_titles(client, path, **params)) == 3


def test_the_ignored_criterion_is_named(client, events):
    soup = BeautifulSoup(client.get("/agenda/", {"format": "papier"}).content, "html.parser")
    alert = soup.select_one(".fr-alert").get_text(" ", strip=True)
    assert alert == "Le critère « Format » n'a pas été reconnu et n'a pas été appliqué."


def test_wrong_methods_are_refused_politely(client, events):
    assert client.post("/agenda.ics").status_code == 405
