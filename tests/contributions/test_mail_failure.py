"""A mail server that fails loses nothing: proposals and requests are stored first."""

import smtplib

import pytest

from contributions.models import Contribution, NeedRequest

from .helpers import resource_data


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)


@pytest.mark.django_db
def test_a_proposal_is_kept_when_the_confirmation_cannot_be_sent(
    client, smtp_down, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contribuer/ressource/", resource_data())
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.reference
    assert "not sent" in caplog.text


@pytest.mark.django_db
def test_a_request_is_kept_when_the_acknowledgement_cannot_be_sent(
    client, smtp_down, django_capture_on_commit_callbacks
):
    data = {
        "structure_name": "Commune de Test",
        "contact_name": "Anne",
        "role": "Maire",
        "email": "anne@example.fr",
        "stage": "idee",
        "subject": "Objet",
        "message": "Message",
        "action": "envoyer",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/besoin/", data)
    assert response.status_code == 302
    assert NeedRequest.objects.get().subject == "Objet"


@pytest.mark.django_db
def test_a_broker_that_is_down_loses_nothing(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_down(*args, **kwargs):
        raise ConnectionRefusedError("redis down")

    monkeypatch.setattr("core.mail.send_email.delay", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contribuer/ressource/", resource_data())
    assert response.status_code == 302
    assert Contribution.objects.count() == 1
