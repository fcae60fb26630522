"""The proposal forms tell everything at once: every field is checked on each
submission, optional fields say « (facultatif) », breadcrumbs speak plain French."""

import datetime

import pytest
from bs4 import BeautifulSoup

from contributions.models import Contribution

from .helpers import event_data, resource_data, text

pytestmark = pytest.mark.django_db


def summary_links(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in soup.select("#form-errors a")]


def test_a_past_date_does_not_hide_the_end_date_and_link_errors(client):
    past = datetime.date.today() - datetime.timedelta(days=10)
    response = client.post(
        "/contribuer/evenement/",
        event_data(
            start_date=past.isoformat(),
            end_date=(past - datetime.timedelta(days=2)).isoformat(),
            event_format="en_ligne",
            registration_url="",
            online_url="",
        ),
    )
    page = text(response)
    assert response.status_code == 200
    assert "Le formulaire contient 3 erreurs" in page
    assert summary_links(response) == ["#id_start_date", "#id_end_date", "#id_online_url"]
    assert "L'événement doit avoir lieu aujourd'hui ou plus tard." in page
    assert "La date de fin doit venir après la date de début." in page
    assert "Indiquez le lien de connexion" in page
    assert Contribution.objects.count() == 0


def test_every_error_of_the_resource_form_is_listed_together(client):
    response = client.post(
        "/contribuer/ressource/",
        resource_data(title="", resource_kind="", url="pas une adresse", email="anne@"),
    )
    assert set(summary_links(response)) == {
        "#id_title",
        "#id_resource_kind",
        "#id_url",
        "#id_email",
    }
    assert 'value="pas une adresse"' in response.content.decode()


@pytest.mark.parametrize(
    ("kind", "optional", "required"),
    [
        ("ressource", ["Lien vers la ressource", "Ou document à joindre"], ["Résumé"]),
        ("evenement", ["Heure de début", "Date de fin", "Lieu"], ["Date de début"]),
        ("projet", ["Récit détaillé", "Département"], ["Nom du projet"]),
    ],
)
def test_optional_fields_say_so(client, kind, optional, required):
    soup = BeautifulSoup(client.get(f"/contribuer/{kind}/").content, "html.parser")
    labels = [
        " ".join(tag.get_text(" ", strip=True).split()) for tag in soup.select("label, legend")
    ]
    for name in optional:
        assert any(label.startswith(f"{name} (facultatif)") for label in labels), (name, labels)
    for name in required:
        assert not any(label.startswith(f"{name} (facultatif)") for label in labels), name
    themes = soup.find("legend", string=lambda s: s and "Thématiques concernées" in s)
    assert themes is None or "(facultatif)" in themes.get_text()


def test_the_request_form_marks_its_optional_fields_too(client):
    page = text(client.get("/besoin/"))
    assert "Téléphone (facultatif)" in page
    assert "Autre structure (facultatif)" in page
    assert "Fonction (facultatif)" not in page


def test_the_error_summary_names_a_field_without_the_mark(client):
    response = client.post("/contribuer/ressource/", resource_data(url="pas une adresse"))
    soup = BeautifulSoup(response.content, "html.parser")
    [link] = soup.select("#form-errors a")
    assert link.get_text(strip=True).startswith("Lien vers la ressource :")


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("ressource", "Proposer une ressource"),
        ("evenement", "Proposer un événement"),
        ("projet", "Proposer un projet"),
    ],
)
def test_breadcrumbs_speak_plain_french(client, kind, title):
    soup = BeautifulSoup(client.get(f"/contribuer/{kind}/").content, "html.parser")
    current = soup.select_one(".fr-breadcrumb [aria-current='page']")
    assert current.get_text(strip=True) == title
    assert "Proposer :" not in soup.get_text()
