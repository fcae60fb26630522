"""Forgotten password: a link by e-mail, used once, to choose a new password."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from .factories import RepresentativeFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Nouveau-mot-de-passe-2026"


def ask(client, email, sent_after_commit):
    with sent_after_commit(execute=True):
        return client.post(reverse("account-password-reset"), {"email": email})


def test_a_representative_chooses_a_new_password_from_the_emailed_link(client, sent_after_commit):
    representative = RepresentativeFactory()
    response = ask(client, representative.email.upper(), sent_after_commit)
    assert response.url == reverse("account-password-reset-done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Choisir un nouveau mot de passe — Territoires en Commun"
    link = re.search(r"http://testserver(/compte/mot-de-passe/nouveau/\S+/)", mail.outbox[0].body)[
        1
    ]

    form_page = client.get(link, follow=True)
    assert "Choisir un nouveau mot de passe" in form_page.content.decode()
    set_url = form_page.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "123", "new_password2": "123"})
    assert "Le formulaire contient" in weak.content.decode()
    done = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.url == reverse("account-password-reset-complete")

    representative.user.refresh_from_db()
    assert representative.user.check_password(NEW_PASSWORD)
    # The link served once.
    again = client.get(link, follow=True).content.decode()
    assert "Ce lien n'est pas valide : il a expiré ou a déjà servi." in again


def test_an_unknown_address_gets_the_same_page_and_no_mail(client, sent_after_commit):
    response = ask(client, "personne@exemple.fr", sent_after_commit)
    assert response.url == reverse("account-password-reset-done")
    assert mail.outbox == []


def test_a_logged_in_representative_changes_password(client):
    representative = RepresentativeFactory()
    client.force_login(representative.user)
    response = client.post(
        reverse("account-password-change"),
        {
            "old_password": "mot-de-passe-solide-42",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert "Votre mot de passe a été modifié." in response.content.decode()
    representative.user.refresh_from_db()
    assert representative.user.check_password(NEW_PASSWORD)
