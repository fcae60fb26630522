"""Cancelling a registration from the confirmation e-mail: a signed link to a
page with a button (never on the link's GET: mail scanners open links); the
place freed goes to the first person waiting, who is told by e-mail."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from events.models import EventRegistration
from events.services import event_registration_cancel
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def register(client, event, sent, email):
    data = {"name": email.split("@")[0].title(), "email": email, "organisation": ""}
    data["occurrence"] = str(event.occurrences.get().pk)
    with sent():
        return client.post(f"/agenda/{event.slug}/inscription/", data)


def cancel_link(message) -> str:
    (link,) = re.findall(r"http://testserver(/agenda/inscriptions/annuler/\S+/)", message.body)
    return link


def statuses():
    return dict(EventRegistration.objects.values_list("email", "status"))


@pytest.fixture
def full_event(agenda, client, sent):
    event = EventPageFactory(
        parent=agenda,
        title="Atelier budget participatif",
        slug="atelier-budget",
        registration_mode="site",
        capacity=1,
        waiting_list=True,
    )
    register(client, event, sent, "camille@example.org")
    register(client, event, sent, "dominique@example.org")
    register(client, event, sent, "sacha@example.org")
    return event


def test_the_link_opens_a_page_with_a_button_and_cancels_nothing(client, full_event):
    link = cancel_link(mail.outbox[0])
    response = client.get(link)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "Annuler mon inscription"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.select_one("form[method=post] button").get_text() == "Annuler mon inscription"
    assert statuses()["camille@example.org"] == "confirmed"


def test_cancelling_frees_the_place_for_the_first_person_waiting(client, full_event, sent):
    link = cancel_link(mail.outbox[0])
    mail.outbox.clear()
    with sent():
        response = client.post(link)
    assert response.status_code == 302
    assert statuses() == {
        "camille@example.org": "cancelled",
        "dominique@example.org": "confirmed",
        "sacha@example.org": "waiting",
    }
    (message,) = mail.outbox
    assert message.to == ["dominique@example.org"]
    assert message.subject == "Une place s'est libérée : Atelier budget participatif"
    assert "votre inscription à l'événement « Atelier budget participatif » est confirmée" in (
        message.body
    )
    assert cancel_link(message)  # the promoted person can cancel in turn
    page = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert page.find("h1").get_text() == "Inscription annulée"


def test_cancelling_twice_promotes_only_once(client, full_event, sent):
    link = cancel_link(mail.outbox[0])
    with sent():
        client.post(link)
        client.post(link)
    assert statuses()["sacha@example.org"] == "waiting"


def test_leaving_the_waiting_list_promotes_nobody(client, full_event, sent):
    link = cancel_link(mail.outbox[1])
    mail.outbox.clear()
    with sent():
        client.post(link)
    assert statuses()["dominique@example.org"] == "cancelled"
    assert statuses()["sacha@example.org"] == "waiting"
    assert not mail.outbox


def test_a_tampered_link_is_refused_in_french(client, full_event):
    link = cancel_link(mail.outbox[0])
    response = client.post(link[:-3] + "xx/")
    assert response.status_code == 400
    text = BeautifulSoup(response.content, "html.parser").get_text()
    assert "Ce lien n'est pas valide" in text
    assert statuses()["camille@example.org"] == "confirmed"


def test_registering_again_after_cancelling(client, full_event, sent):
    with sent():
        event_registration_cancel(
            registration_id=EventRegistration.objects.get(email="camille@example.org").pk
        )
    register(client, full_event, sent, "camille@example.org")
    # Back at the end of the waiting list, behind Sacha.
    assert statuses()["camille@example.org"] == "waiting"
