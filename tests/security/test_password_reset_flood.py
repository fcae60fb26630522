"""Attack: flood an editor's (or a representative's) mailbox through the password reset:
twelve requests sent twelve e-mails on /admin/password_reset/."""

import pytest
from django.core import mail

from tests.collectivites.factories import RepresentativeFactory
from tests.two_factor import make_editor

pytestmark = pytest.mark.django_db

LIMIT = 3  # e-mails per account per hour (core.login_throttle)


def test_twelve_admin_resets_send_at_most_the_limit(client):
    editor = make_editor()
    answers = {
        client.post("/admin/password_reset/", {"email": editor.email}, REMOTE_ADDR=f"192.0.2.{n}")[
            "Location"
        ]
        for n in range(12)
    }
    assert answers == {"/admin/password_reset/done/"}  # the same neutral answer every time
    assert 1 <= len([m for m in mail.outbox if editor.email in m.to]) <= LIMIT


def test_twelve_site_resets_send_at_most_the_limit(client, django_capture_on_commit_callbacks):
    representative = RepresentativeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        answers = [
            client.post("/compte/mot-de-passe/oubli/", {"email": representative.email})
            for _ in range(12)
        ]
    assert {answer.status_code for answer in answers} == {302}
    assert {answer["Location"] for answer in answers} == {"/compte/mot-de-passe/oubli/envoye/"}
    assert 1 <= len([m for m in mail.outbox if representative.email in m.to]) <= LIMIT


def test_one_address_cannot_flood_many_mailboxes(client):
    editors = [make_editor(username=f"redaction{n}@anct.example") for n in range(12)]
    for editor in editors:
        client.post("/admin/password_reset/", {"email": editor.email}, REMOTE_ADDR="203.0.113.66")
    assert len(mail.outbox) <= 10
