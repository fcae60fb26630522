"""Attack: the same relay through the contribution forms. The confirmation e-mail
to the typed (unconfirmed) address used to greet the sender by the name they typed
and quote the title they typed, so a stranger's text reached any mailbox."""

import re

import pytest
from django.core import mail

from tests.contributions.helpers import resource_data

pytestmark = pytest.mark.django_db

VICTIM = "victime@example.org"
SPAM_LINK = "https://gains-faciles.example.net/offre"


def test_the_confirmation_e_mail_quotes_nothing_the_sender_typed(
    client, django_capture_on_commit_callbacks
):
    data = resource_data(
        email=VICTIM,
        contributor_name="Gagnez 5000 euros",
        organisation=f"Offre exclusive {SPAM_LINK}",
        title=f"Votre colis est bloqué : {SPAM_LINK}",
        summary=f"Réglez les frais de douane ici : {SPAM_LINK}",
        url=SPAM_LINK,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/contribuer/ressource/", data)
    assert response.status_code == 302

    [confirmation] = mail.outbox
    assert confirmation.to == [VICTIM]
    content = "\n".join(
        [confirmation.subject, confirmation.body, *(c for c, _t in confirmation.alternatives)]
    )
    for typed in ["gains-faciles", "Gagnez 5000", "colis est bloqué", "frais de douane"]:
        assert typed not in content
    links = re.findall(r"https?://[^\s\"'<>]+", content)
    assert links and all(
        link.startswith("http://testserver/contribuer/confirmer/") for link in links
    )
