"""Robots and floods: the honeypot stores nothing, the rate limits answer 429 in French."""

import pytest

from contributions.models import Contribution, NeedRequest

from .helpers import resource_data, text

pytestmark = pytest.mark.django_db

NEED = {
    "structure_name": "Syndicat mixte du Pays de Retz",
    "contact_name": "Anne Martin",
    "role": "Chargée de mission",
    "email": "anne@retz.example.fr",
    "stage": "idee",
    "subject": "Lancer un budget participatif",
    "message": "Nous voulons associer les habitants au budget.",
    "action": "envoyer",
}


def test_a_filled_honeypot_is_answered_as_success_and_stores_nothing(client):
    response = client.post("/contribuer/ressource/", resource_data(site_web="http://spam.example"))
    assert response.status_code == 302
    assert "Confirmez votre adresse" in text(client.get(response["Location"]))
    assert Contribution.objects.count() == 0
    response = client.post("/besoin/", {**NEED, "site_web": "http://spam.example"})
    assert response.status_code == 302
    assert NeedRequest.objects.count() == 0


def test_too_many_proposals_from_one_address_are_refused(client, settings):
    settings.RATE_LIMITS = {"contribution": "3/h"}
    for n in range(3):
        response = client.post(
            "/contribuer/ressource/", resource_data(email=f"personne{n}@example.fr", title=f"T{n}")
        )
        assert response.status_code == 302
    response = client.post("/contribuer/ressource/", resource_data(email="autre@example.fr"))
    assert response.status_code == 429
    assert "Trop de demandes" in text(response)
    assert Contribution.objects.count() == 3


def test_too_many_proposals_with_one_email_are_refused_whatever_the_address(client, settings):
    settings.RATE_LIMITS = {"contribution-email": "2/h"}
    for n in range(2):
        response = client.post(
            "/contribuer/ressource/", resource_data(title=f"T{n}"), REMOTE_ADDR=f"10.0.0.{n}"
        )
        assert response.status_code == 302
    response = client.post(
        "/contribuer/ressource/",
        resource_data(email="ANNE.MARTIN@reze.example.fr"),
        REMOTE_ADDR="10.0.0.9",
    )
    assert response.status_code == 429
    assert "cette adresse e-mail" in text(response)
    assert Contribution.objects.count() == 2


def test_requests_to_the_anct_are_limited_too(client, settings):
    settings.RATE_LIMITS = {"need-request-email": "1/h"}
    assert client.post("/besoin/", NEED).status_code == 302
    other = {**NEED, "subject": "Une autre demande"}
    assert client.post("/besoin/", other, REMOTE_ADDR="10.1.1.1").status_code == 429
    assert NeedRequest.objects.count() == 1


def test_forms_refuse_other_methods(client):
    assert client.put("/contribuer/ressource/").status_code == 405
    assert client.delete("/besoin/").status_code == 405
    assert client.get("/contribuer/inconnu/").status_code == 404


def test_posts_without_csrf_token_are_refused(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/contribuer/ressource/", resource_data()).status_code == 403
    assert Contribution.objects.count() == 0
