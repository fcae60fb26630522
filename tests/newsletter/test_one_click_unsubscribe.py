"""RFC 8058: a POST to the List-Unsubscribe URL unsubscribes at once, without cookies or
CSRF token; a GET (a person, or a scanner following links) only shows a button."""

import pytest
from django.test import Client

from newsletter import links
from newsletter.models import ConsentAction, SubscriberStatus

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber():
    return SubscriberFactory(email="helene@exemple.fr")


def unsubscribe_path(subscriber) -> str:
    return links.unsubscribe_url(links.management_token(subscriber)).removeprefix(
        "http://testserver"
    )


def test_a_get_only_shows_a_confirmation_page(client, subscriber):
    response = client.get(unsubscribe_path(subscriber))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Confirmer ma désinscription" in html and "helene@exemple.fr" in html
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE


def test_the_one_click_post_needs_no_cookie_nor_csrf_token(subscriber):
    mail_client = Client(enforce_csrf_checks=True)  # no session, no CSRF cookie
    response = mail_client.post(
        unsubscribe_path(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert "Vous êtes désinscrit" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None
    consent = subscriber.consents.get(action=ConsentAction.UNSUBSCRIBE)
    assert consent.source == "désinscription en un clic"


def test_the_button_of_the_page_unsubscribes_too(client, subscriber):
    client.post(unsubscribe_path(subscriber))
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED
    # Twice is harmless: one record, the page says so.
    client.post(unsubscribe_path(subscriber))
    assert subscriber.consents.filter(action=ConsentAction.UNSUBSCRIBE).count() == 1
    assert "déjà désinscrite" in client.get(unsubscribe_path(subscriber)).content.decode()


def test_an_unsubscribed_address_gets_nothing_more(subscriber):
    Client().post(unsubscribe_path(subscriber), {"List-Unsubscribe": "One-Click"})
    from newsletter.models import Subscriber

    assert not Subscriber.objects.receiving().filter(pk=subscriber.pk).exists()
