"""Links from e-mails: confirmation links expire and serve once; altered or foreign
tokens are refused with a French explanation and change nothing."""

from html import unescape

import pytest

from newsletter import links
from newsletter.models import SubscriberStatus

from .factories import PendingSubscriberFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def path(url: str) -> str:
    return url.removeprefix("http://testserver")


def test_a_confirmation_link_expires(client, settings):
    subscriber = PendingSubscriberFactory()
    settings.NEWSLETTER_CONFIRMATION_DAYS = -1  # already past its validity
    link = path(links.confirmation_url(subscriber))
    response = client.post(link)
    assert response.status_code == 400
    assert "Ce lien a expiré" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING


def test_a_confirmation_link_serves_once(client):
    subscriber = PendingSubscriberFactory()
    link = path(links.confirmation_url(subscriber))
    assert client.post(link).status_code == 302
    again = client.get(link)
    assert again.status_code == 400
    assert "déjà été utilisé" in again.content.decode()


def test_tampered_and_foreign_tokens_change_nothing(client):
    pending = PendingSubscriberFactory()
    active = SubscriberFactory()
    confirm_token = path(links.confirmation_url(pending)).split("/")[-2]
    manage_token = links.management_token(active)
    forged = manage_token[:-3] + ("AAA" if not manage_token.endswith("AAA") else "BBB")
    other_id = links.MANAGEMENT.make(active.pk, "someone@else.fr")
    for url in [
        f"/newsletter/confirmer/{manage_token}/",  # a preferences token used to confirm
        f"/newsletter/desinscription/{confirm_token}/",  # a confirmation token to unsubscribe
        f"/newsletter/desinscription/{forged}/",
        f"/newsletter/desinscription/{other_id}/",
        "/newsletter/desinscription/n'importe-quoi/",
        f"/newsletter/preferences/{forged}/mes-donnees.json",
        f"/newsletter/preferences/{forged}/supprimer/",
    ]:
        if url.endswith(".json"):
            response = client.get(url)
        else:
            response = client.post(url, {"List-Unsubscribe": "One-Click"})
        assert response.status_code == 400, url
        assert "Ce lien n'est pas valide" in unescape(response.content.decode())
    # A control character in the address is refused before any view reads it.
    assert client.post("/newsletter/preferences/%00/").status_code == 400
    pending.refresh_from_db()
    active.refresh_from_db()
    assert pending.status == SubscriberStatus.PENDING
    assert active.status == SubscriberStatus.ACTIVE


def test_wrong_methods_are_refused(client):
    token = links.management_token(SubscriberFactory())
    assert client.delete(f"/newsletter/desinscription/{token}/").status_code == 405
    assert client.post(f"/newsletter/preferences/{token}/mes-donnees.json").status_code == 405
