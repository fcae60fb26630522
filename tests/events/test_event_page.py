"""An event page: what, when, where, who, and how to take part."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from core.models import Partner
from events.models import EventPage
from tests.events.factories import EventPageFactory, paris

pytestmark = pytest.mark.django_db


def link_with_text(soup, text):
    return next((a for a in soup.find_all("a") if text in a.get_text()), None)


def soup_of(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_event_page_shows_dates_place_organiser_and_links(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        title="Afterwork ICPC",
        summary="Un afterwork d'interconnaissance.",
        start=paris(2030, 12, 3, 14),
        end=paris(2030, 12, 3, 16),
        venue="Le Lieu Unique",
        address="2 rue de la Biscuiterie",
        city="Nantes",
        departement="44",
        organiser=Partner.objects.get(name="ICPC"),
        registration_url="https://inscriptions.example.org/afterwork",
        accessibility="Lieu de plain-pied, interprétation en LSF.",
        contributed_by="Groupe ICPC de Loire-Atlantique",
        tags=["afterwork"],
    )
    soup = soup_of(client, event)
    assert soup.find("h1").get_text(strip=True) == "Afterwork ICPC"
    assert "Le 3 décembre 2030, de 14 h à 16 h" in soup.select_one(".tec-event-when").text
    crumbs = soup.select_one(".fr-breadcrumb").get_text(" ", strip=True)
    assert "Agenda" in crumbs and "Afterwork ICPC" in crumbs
    address = soup.find("address").get_text(" ", strip=True)
    assert (
        address
        == "Le Lieu Unique 2 rue de la Biscuiterie Nantes (Loire-Atlantique) Pays de la Loire"
    )
    facts = soup.select_one(".tec-facts").get_text(" ", strip=True)
    assert "Institut de la concertation et de la participation citoyenne" in facts
    assert "Proposé par Groupe ICPC de Loire-Atlantique" in facts
    registration = link_with_text(soup, "S'inscrire")
    assert registration["href"] == "https://inscriptions.example.org/afterwork"
    assert "nouvelle fenêtre" in registration.get_text()
    assert "interprétation en LSF" in soup.get_text()
    assert soup.select_one(".fr-badge--success").get_text(strip=True) == "Programmé"
    tag = soup.find("a", class_="fr-tag", string="afterwork")
    assert tag["href"] == "/agenda/?tag=afterwork"
    ics = link_with_text(soup, "Ajouter à mon agenda")
    assert ics["href"] == f"/agenda/{event.slug}.ics"
    assert soup.select_one(".fr-share")


def test_online_event_shows_its_link_and_no_address(client, agenda):
    event = EventPageFactory(
        parent=agenda,
        event_format="en_ligne",
        city="",
        departement="",
        online_url="https://visio.example.org/salle",
    )
    soup = soup_of(client, event)
    assert soup.find("address") is None
    link = soup.find("a", href="https://visio.example.org/salle")
    assert "Lien de connexion" in link.get_text()


def test_cancelled_event_says_so_and_hides_registration(client, agenda):
    event = EventPageFactory(
        parent=agenda, status="cancelled", registration_url="https://inscriptions.example.org/x"
    )
    soup = soup_of(client, event)
    assert (
        soup.select_one(".fr-alert--error")
        .get_text(" ", strip=True)
        .startswith("Cet événement est annulé")
    )
    assert soup.select_one(".fr-badge--error").get_text(strip=True) == "Annulé"
    assert not link_with_text(soup, "S'inscrire")


def test_past_event_points_back_to_the_agenda(client, agenda):
    event = EventPageFactory(parent=agenda, start=paris(2021, 12, 7, 10))
    soup = soup_of(client, event)
    assert "Cet événement a eu lieu" in soup.select_one(".fr-alert--info").text
    assert not link_with_text(soup, "Ajouter à mon agenda")


def test_all_day_event_over_several_days(client, agenda):
    event = EventPageFactory(
        parent=agenda, all_day=True, start=paris(2030, 10, 24, 9), end=paris(2030, 10, 26, 11)
    )
    event.refresh_from_db()
    assert event.start == paris(2030, 10, 24)
    assert event.end == paris(2030, 10, 26, 23, 59, 59)
    assert "Du 24 au 26 octobre 2030" in soup_of(client, event).select_one(".tec-event-when").text


def test_an_event_without_end_ends_when_it_starts(agenda):
    event = EventPageFactory(parent=agenda, start=paris(2030, 1, 11, 18), end=None)
    assert event.end == event.start
    assert event.when == "Le 11 janvier 2030 à 18 h"


def test_the_region_follows_the_departement(agenda):
    event = EventPageFactory(parent=agenda, departement="2A", region="")
    assert event.region == "94"


def test_end_before_start_is_refused_in_french(agenda):
    event = EventPage(
        title="À l'envers",
        slug="a-l-envers",
        summary="…",
        start=paris(2030, 1, 2),
        end=paris(2030, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert error.value.message_dict["end"] == ["La fin de l'événement doit venir après son début."]


def test_an_image_needs_its_alternative_text(agenda):
    image = Image.objects.create(title="Salle", file=get_test_image_file())
    event = EventPage(
        title="Avec image", slug="avec-image", summary="…", start=paris(2030, 1, 2), image=image
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "texte alternatif est obligatoire" in error.value.message_dict["image_alt"][0]
    event.image_alt = "La salle du conseil, en cercle"
    event.clean()


def test_the_image_is_shown_with_its_alternative_text(client, agenda):
    image = Image.objects.create(title="Salle", file=get_test_image_file())
    event = EventPageFactory(parent=agenda, image=image, image_alt="La salle du conseil")
    img = soup_of(client, event).select_one("article img")
    assert img["alt"] == "La salle du conseil"


def test_a_copied_event_gets_its_own_calendar_uid(agenda):
    event = EventPageFactory(parent=agenda, slug="original")
    copy = event.copy(update_attrs={"slug": "copie", "title": "Copie"})
    assert copy.uid != event.uid
