"""Attack (or accident): a mail scanner that opens every link of an e-mail used to
confirm a proposal for its recipient, sending a stranger's proposal to the
moderators in that person's name. Only the « Confirmer » button (a POST) confirms."""

import re

import pytest
from django.core import mail

from contributions.models import Contribution
from tests.contributions.helpers import DATA

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["ressource", "evenement", "projet"])
def test_opening_the_link_confirms_nothing_the_button_does(
    client, kind, django_capture_on_commit_callbacks
):
    data = DATA[kind]()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/contribuer/{kind}/", data)
    [confirmation] = mail.outbox
    path = re.search(r"http://testserver(/contribuer/confirmer/\S+/)", confirmation.body)[1]

    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):  # scanners often open a link more than once
            page = client.get(path)
            client.head(path)
    assert page.status_code == 200
    assert "Confirmer ma proposition" in page.content.decode()
    contribution = Contribution.objects.get()
    assert contribution.status == Contribution.Status.UNCONFIRMED
    assert contribution.confirmed_at is None
    assert len(mail.outbox) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.RECEIVED
