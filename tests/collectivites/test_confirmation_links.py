"""Confirmation links: signed, expiring, single-use; a new one can be asked for."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from collectivites import services
from collectivites.models import Representative
from core.signed_links import SignedLink

from .factories import RepresentativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unconfirmed():
    return RepresentativeFactory(
        status=Representative.Status.UNCONFIRMED, email_confirmed_at=None, approved_at=None
    )


def path_of(url):
    return url.removeprefix("http://testserver")


def test_a_used_link_cannot_be_used_again(client, unconfirmed, sent_after_commit):
    link = path_of(services.representative_confirmation_url(representative=unconfirmed))
    with sent_after_commit(execute=True):
        client.post(link)
    unconfirmed.refresh_from_db()
    assert unconfirmed.email_confirmed_at is not None
    confirmed_at = unconfirmed.email_confirmed_at

    client.logout()
    response = client.post(link)
    assert response.status_code == 400
    assert "Ce lien n&#x27;est pas valide ou a déjà été utilisé." in response.content.decode()
    unconfirmed.refresh_from_db()
    assert unconfirmed.email_confirmed_at == confirmed_at
    assert "_auth_user_id" not in client.session


def test_an_expired_link_says_so_and_offers_a_new_one(client, unconfirmed, monkeypatch):
    link = path_of(services.representative_confirmation_url(representative=unconfirmed))
    monkeypatch.setattr(
        services, "CONFIRMATION_LINK", SignedLink("representative-email", timedelta(seconds=-1))
    )
    response = client.post(link)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ce lien a expiré. Vous pouvez en demander un nouveau." in page
    assert reverse("account-resend-confirmation") in page
    unconfirmed.refresh_from_db()
    assert unconfirmed.email_confirmed_at is None


@pytest.mark.parametrize(
    "token",
    [
        "x",
        "eyJpZCI6MX0:1tAbCd:xyz",
        "%00",
        "a" * 3000,
    ],
)
def test_tampered_links_are_refused(client, unconfirmed, token):
    for method in (client.get, client.post):
        response = method(reverse("account-confirm", args=[token]))
        assert response.status_code == 400
    unconfirmed.refresh_from_db()
    assert unconfirmed.email_confirmed_at is None


def test_a_link_made_for_another_purpose_or_account_is_refused(client, unconfirmed):
    other = SignedLink("newsletter").make(unconfirmed.pk, f"{unconfirmed.email}|")
    assert client.post(reverse("account-confirm", args=[other])).status_code == 400
    forged = services.CONFIRMATION_LINK.make(unconfirmed.pk + 1000, "")
    assert client.post(reverse("account-confirm", args=[forged])).status_code == 400


def test_a_link_for_a_changed_address_is_spent(client, unconfirmed):
    link = path_of(services.representative_confirmation_url(representative=unconfirmed))
    Representative.objects.filter(pk=unconfirmed.pk).update(email="nouvelle@exemple.fr")
    assert client.post(link).status_code == 400


def test_a_new_link_is_sent_to_an_address_awaiting_confirmation(
    client, unconfirmed, sent_after_commit
):
    with sent_after_commit(execute=True):
        response = client.post(
            reverse("account-resend-confirmation"),
            {"email": unconfirmed.email.upper()},
            follow=True,
        )
    assert "un nouveau lien vient de lui être envoyé" in response.content.decode()
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/compte/confirmation/\S+/)", mail.outbox[0].body)[1]
    with sent_after_commit(execute=True):
        client.post(link)
    unconfirmed.refresh_from_db()
    assert unconfirmed.email_confirmed_at is not None


def test_unknown_or_confirmed_addresses_get_the_same_answer_and_no_mail(client, sent_after_commit):
    confirmed = RepresentativeFactory()
    for email in ["personne@exemple.fr", confirmed.email]:
        with sent_after_commit(execute=True):
            response = client.post(
                reverse("account-resend-confirmation"), {"email": email}, follow=True
            )
        assert "Si un compte attend la confirmation" in response.content.decode()
    assert mail.outbox == []


def test_new_links_are_limited_per_address(client, unconfirmed, sent_after_commit):
    url = reverse("account-resend-confirmation")
    with sent_after_commit(execute=True):
        for _ in range(3):
            assert client.post(url, {"email": unconfirmed.email}).status_code == 302
        assert client.post(url, {"email": unconfirmed.email}).status_code == 429
    assert len(mail.outbox) == 3


def test_a_suspended_account_cannot_confirm_its_way_back(client, sent_after_commit):
    suspended = RepresentativeFactory(
        status=Representative.Status.SUSPENDED, email_confirmed_at=None
    )
    suspended.user.is_active = False
    suspended.user.save()
    with sent_after_commit(execute=True):
        client.post(path_of(services.representative_confirmation_url(representative=suspended)))
    suspended.refresh_from_db()
    assert suspended.status == Representative.Status.SUSPENDED
    assert "_auth_user_id" not in client.session
