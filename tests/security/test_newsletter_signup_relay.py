"""Attack: the newsletter sign-up as a mail relay. The confirmation e-mail to a typed
(unconfirmed) address used to greet its owner with the « name » typed in the form:
150 characters of anyone's text, links included, sent in the site's name."""

import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db

VICTIM = "victime@example.org"
SPAM = "Gagnez 5000 euros sur https://gains-faciles.example.net/offre"


def test_the_confirmation_e_mail_carries_nothing_typed_in_the_form(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/newsletter/inscription/",
            {"source": "page", "email": VICTIM, "name": SPAM, "organisation": SPAM},
        )
    assert response.status_code == 302

    [confirmation] = mail.outbox
    assert confirmation.to == [VICTIM]
    content = "\n".join(
        [confirmation.subject, confirmation.body, *(c for c, _t in confirmation.alternatives)]
    )
    assert "gains-faciles" not in content
    assert "Gagnez" not in content
    links = re.findall(r"https?://[^\s\"'<>]+", content)
    assert all(
        link.startswith("http://testserver/newsletter/confirmer/") or link == "http://testserver/"
        for link in links
    ), links
