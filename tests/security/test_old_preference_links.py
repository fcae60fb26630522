"""Attack: an old preferences link (an issue forwarded to a colleague, a mailbox or
an access log read months later) used to open the subscriber's preferences, their
data download and the deletion of their data for ever. Such links now expire; only
the unsubscribe link of an old issue keeps working."""

import time

import pytest
from django.core import signing

from newsletter import links
from newsletter.models import Subscriber, SubscriberStatus
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

A_YEAR = 365 * 24 * 3600


@pytest.fixture
def old_token(monkeypatch):
    subscriber = SubscriberFactory(email="ines@exemple.fr", name="Inès Secret")
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: now - A_YEAR)
        token = links.management_token(subscriber)
    return subscriber, token


def test_a_year_old_link_opens_neither_preferences_nor_data(client, old_token):
    subscriber, token = old_token
    base = f"/newsletter/preferences/{token}/"

    for response in [
        client.get(base),
        client.post(base, {"name": "Pirate", "organisation": "", "kind": "", "paused": "on"}),
        client.get(f"{base}mes-donnees.json"),
        client.get(f"{base}supprimer/"),
        client.post(f"{base}supprimer/"),
    ]:
        assert response.status_code == 400
        content = response.content.decode()
        assert "ines@exemple.fr" not in content
        assert "Inès Secret" not in content
        assert "Ce lien a expiré" in content

    subscriber.refresh_from_db()
    assert subscriber.name == "Inès Secret"
    assert not subscriber.paused


def test_the_old_unsubscribe_link_still_unsubscribes(client, old_token):
    subscriber, token = old_token
    response = client.post(f"/newsletter/desinscription/{token}/")
    assert response.status_code == 200
    assert Subscriber.objects.get(pk=subscriber.pk).status == SubscriberStatus.UNSUBSCRIBED
