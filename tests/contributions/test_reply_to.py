"""Every e-mail to a contributor or a requester can be answered: its Reply-To is the
moderation team (the sender address itself receives nothing)."""

import pytest
from django.core import mail

from contributions import services
from tests.contributions.test_need_request import send_and_confirm

from .factories import ContributionFactory, NeedRequestFactory
from .helpers import submit_and_confirm

pytestmark = pytest.mark.django_db

TEAM = "equipe-moderation@anct.example.gouv.fr"


@pytest.fixture(autouse=True)
def _team(settings, moderator):
    """After ``moderator``, which makes her address the moderation address."""
    settings.MODERATION_EMAIL = TEAM
    settings.NEED_REQUESTS_EMAIL = "accompagnement@anct.example.gouv.fr"


def to_address(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def test_proposal_e_mails_reach_the_team_when_answered(
    client, moderator, django_capture_on_commit_callbacks
):
    contribution = submit_and_confirm(client, "ressource", django_capture_on_commit_callbacks)
    declined = ContributionFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.contribution_approve(contribution=contribution, moderator=moderator)
        services.contribution_decline(
            contribution=declined, moderator=moderator, reason="Hors sujet"
        )
    sent = to_address(contribution.email) + to_address(declined.email)
    subjects = " | ".join(message.subject for message in sent)
    assert len(sent) == 4, subjects  # confirm, received, published, declined
    assert all(message.reply_to == [TEAM] for message in sent), subjects


def test_request_e_mails_reach_the_team_when_answered(
    client, moderator, django_capture_on_commit_callbacks
):
    from tests.contributions.test_need_request import need_data

    data = need_data()
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/besoin/", {**data, "action": "envoyer"})
    [confirmation] = to_address(data["email"])
    assert confirmation.reply_to == [TEAM]
    need = NeedRequestFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.need_request_answer(need_request=need, user=moderator, answer="Voici nos pistes.")
    [answer] = to_address(need.email)
    assert answer.reply_to == [TEAM]


def test_the_acknowledgement_of_a_request_reaches_the_team_too(
    client, django_capture_on_commit_callbacks
):
    from tests.contributions.test_need_request import need_data

    data = need_data(email="reponse@retz.example.fr")
    send_and_confirm(client, data, django_capture_on_commit_callbacks)
    [acknowledgement] = to_address(data["email"])
    assert acknowledgement.reply_to == [TEAM]
    # The team's own copy is answered to the requester, as before.
    [staff] = to_address("accompagnement@anct.example.gouv.fr")
    assert staff.reply_to == [data["email"]]
