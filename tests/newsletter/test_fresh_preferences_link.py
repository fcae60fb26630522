"""An expired preferences link offers a fresh one, sent to the subscriber's own
address: the same neutral answer whatever is sent, a few a day at most."""

import re
import time

import pytest
from django.core import mail, signing

from newsletter import links
from tests.contributions.helpers import text

from .factories import PendingSubscriberFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

NEUTRAL = "Si ce lien correspond à une adresse abonnée"


def token_of_age(subscriber, days: int, monkeypatch) -> str:
    now = time.time()
    with monkeypatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: now - days * 24 * 3600)
        return links.management_token(subscriber)


def test_an_expired_link_leads_to_a_fresh_one_by_e_mail(
    client, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_PREFERENCES_LINK_DAYS = 60
    subscriber = SubscriberFactory(email="ines@exemple.fr")
    recent = token_of_age(subscriber, 59, monkeypatch)
    assert client.get(f"/newsletter/preferences/{recent}/").status_code == 200
    token = token_of_age(subscriber, 61, monkeypatch)

    page = client.get(f"/newsletter/preferences/{token}/")
    assert page.status_code == 400
    assert "valables 60 jours" in text(page)
    assert "Recevoir un nouveau lien par e-mail" in text(page)
    # The token travels in the form's body, not in an address.
    assert f'name="token" value="{token}"' in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/newsletter/nouveau-lien/", {"token": token}, follow=True)
    assert NEUTRAL in text(response)
    [message] = mail.outbox
    assert message.to == ["ines@exemple.fr"]
    fresh = re.search(r"http://testserver(/newsletter/preferences/\S+/)", message.body)[1]
    assert "ines@exemple.fr" in client.get(fresh).content.decode()


def test_the_answer_is_the_same_for_any_token_and_mail_is_limited(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory()
    token = token_of_age(subscriber, 400, monkeypatch)
    pending = links.management_token(PendingSubscriberFactory())
    answers = set()
    with django_capture_on_commit_callbacks(execute=True):
        for sent in [token] * 5 + ["n'importe-quoi", "\x00", "", pending]:
            response = client.post("/newsletter/nouveau-lien/", {"token": sent}, follow=True)
            assert response.status_code == 200
            answers.add(text(response))
    assert len(answers) == 1 and NEUTRAL in answers.pop()
    assert len(mail.outbox) == 3  # per subscriber and per day
    assert {tuple(message.to) for message in mail.outbox} == {(subscriber.email,)}
    assert client.get("/newsletter/nouveau-lien/").status_code == 405
