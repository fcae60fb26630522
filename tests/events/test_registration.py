"""Registering on the site: a confirmation e-mail, a capacity, a waiting list,
every error in French at once with the typed values kept."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from events.models import EventRegistration
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def on_site_event(agenda, **fields):
    return EventPageFactory(
        parent=agenda, title="Atelier budget participatif", registration_mode="site", **fields
    )


def register(client, event, *, sent, **overrides):
    data = {"name": "Camille Martin", "email": "camille@example.org", "organisation": "Rezé"}
    data["occurrence"] = str(event.occurrences.get().pk)
    data.update(overrides)
    with sent(execute=True):
        return client.post(f"/agenda/{event.slug}/inscription/", data)


def test_a_visitor_registers_and_gets_a_confirmation(
    client, agenda, django_capture_on_commit_callbacks
):
    event = on_site_event(agenda, capacity=2)
    response = register(client, event, sent=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    page = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert "Votre inscription est confirmée" in page.select_one("#inscription").get_text()
    assert "1 place restante" in page.select_one("#inscription").get_text()
    (message,) = mail.outbox
    assert message.to == ["camille@example.org"]
    assert message.subject == "Inscription confirmée : Atelier budget participatif"
    assert "Le 12 mars 2030, de 14 h à 16 h" in message.body


def test_beyond_capacity_the_waiting_list(client, agenda, django_capture_on_commit_callbacks):
    event = on_site_event(agenda, capacity=1, waiting_list=True)
    register(client, event, sent=django_capture_on_commit_callbacks)
    response = register(
        client, event, sent=django_capture_on_commit_callbacks, email="dominique@example.org"
    )
    assert response["Location"].endswith("?inscription=attente#inscription")
    statuses = dict(EventRegistration.objects.values_list("email", "status"))
    assert statuses == {"camille@example.org": "confirmed", "dominique@example.org": "waiting"}
    assert mail.outbox[-1].subject.startswith("Liste d'attente")


def test_full_without_waiting_list_is_closed(client, agenda, django_capture_on_commit_callbacks):
    event = on_site_event(agenda, capacity=1)
    register(client, event, sent=django_capture_on_commit_callbacks)
    response = register(
        client, event, sent=django_capture_on_commit_callbacks, email="dominique@example.org"
    )
    assert response.status_code == 400
    assert "Les inscriptions à cette date sont closes." in response.content.decode()
    assert EventRegistration.objects.count() == 1


def test_errors_are_all_said_at_once_and_typed_values_kept(
    client, agenda, django_capture_on_commit_callbacks
):
    event = on_site_event(agenda)
    response = register(
        client, event, sent=django_capture_on_commit_callbacks, name="", email="pas-une-adresse"
    )
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one("#form-errors").get_text(" ", strip=True)
    assert "Indiquez vos prénom et nom." in summary
    assert "Indiquez une adresse e-mail au format nom@domaine.fr." in summary
    assert soup.find("input", {"name": "email"})["value"] == "pas-une-adresse"
    assert soup.find("input", {"name": "organisation"})["value"] == "Rezé"
    assert not mail.outbox


def test_registering_twice_keeps_one_registration(
    client, agenda, django_capture_on_commit_callbacks
):
    event = on_site_event(agenda)
    register(client, event, sent=django_capture_on_commit_callbacks)
    register(client, event, sent=django_capture_on_commit_callbacks, email="CAMILLE@example.org")
    assert EventRegistration.objects.count() == 1


def test_no_registration_for_a_cancelled_event(client, agenda, django_capture_on_commit_callbacks):
    event = on_site_event(agenda, status="cancelled")
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert soup.select('a[href="#inscription"]') == [] and soup.select("#inscription form") == []
    response = register(client, event, sent=django_capture_on_commit_callbacks)
    assert response.status_code == 400
    assert EventRegistration.objects.count() == 0
