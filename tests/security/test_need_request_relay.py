"""Attack: using « préciser mon besoin » as a mail relay. The attacker types a
victim's address and a spam text with links; the form used to send the victim an
acknowledgement quoting that text, with the ANCT's name on it, before anyone had
confirmed the address."""

import re

import pytest
from django.core import mail

from contributions.models import NeedRequest

pytestmark = pytest.mark.django_db

VICTIM = "victime@example.org"
SPAM_LINK = "https://gains-faciles.example.net/offre"
SPAM = {
    "structure_name": f"Offre exclusive {SPAM_LINK}",
    "contact_name": "Gagnez 5000 euros",
    "role": "Cliquez vite",
    "email": VICTIM,
    "phone": "01 23 45 67 89",
    "stage": "idee",
    "subject": f"Votre colis est bloqué : {SPAM_LINK}",
    "message": f"Réglez les frais de douane ici : {SPAM_LINK} <a href='{SPAM_LINK}'>payer</a>",
    "action": "envoyer",
}
TYPED = [SPAM_LINK, "gains-faciles", "Gagnez 5000", "colis est bloqué", "frais de douane"]


def everything_in(message) -> str:
    parts = [message.subject, message.body, *(content for content, _type in message.alternatives)]
    return "\n".join(parts)


def test_the_form_sends_nothing_the_sender_typed_to_an_unconfirmed_address(
    client, settings, django_capture_on_commit_callbacks
):
    settings.NEED_REQUESTS_EMAIL = "accompagnement@anct.example.gouv.fr"
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/besoin/", SPAM)
        assert response.status_code == 302

    assert mail.outbox, "the address is asked to confirm"
    for message in mail.outbox:
        assert message.to == [VICTIM], "no one else hears of an unconfirmed request"
        content = everything_in(message)
        for text in TYPED:
            assert text not in content
        # The only link is the site's own confirmation link.
        links = re.findall(r"https?://[^\s\"'<>]+", content)
        assert links and all(
            link.startswith("http://testserver/besoin/confirmer/") for link in links
        )


def test_a_mail_scanner_opening_the_link_confirms_nothing(
    client, settings, django_capture_on_commit_callbacks
):
    settings.NEED_REQUESTS_EMAIL = "accompagnement@anct.example.gouv.fr"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/besoin/", SPAM)
    [confirmation] = mail.outbox
    path = re.search(r"http://testserver(/besoin/confirmer/\S+/)", confirmation.body)[1]

    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(path)
        client.head(path)
    assert page.status_code == 200
    assert "Confirmer ma demande" in page.content.decode()
    for text in TYPED:
        assert text not in page.content.decode()
    assert len(mail.outbox) == 1
    assert NeedRequest.objects.get().status == NeedRequest.Status.UNCONFIRMED
    assert not NeedRequest.objects.confirmed().exists()
