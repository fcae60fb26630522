"""A receipt after each vote; a word to the previous voter when a colleague changes
the collectivité's ballot."""

import pytest
from django.core import mail

from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    campaign = CampaignFactory(title="Vote 2026")
    CandidateFactory(campaign=campaign, title="Droit à la mobilité")
    CandidateFactory(campaign=campaign, title="Précarité alimentaire")
    return campaign


def theme(campaign, title):
    return campaign.candidates.get(title=title)


def test_each_vote_sends_a_receipt(campaign, sent_after_commit):
    me = RepresentativeFactory(
        full_name="Anne Martin", collectivite=CollectiviteFactory(name="Bourg")
    )
    with sent_after_commit(execute=True):
        ballot_cast(
            representative=me,
            campaign=campaign,
            candidates=[theme(campaign, "Droit à la mobilité")],
        )
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == [me.email]
    assert receipt.subject == "Vote enregistré pour Bourg (69) — Territoires en Commun"
    assert "Votre vote au nom de Bourg (69) est enregistré : « Vote 2026 »" in receipt.body
    assert "- Droit à la mobilité" in receipt.body
    assert f"/votes/{campaign.slug}/bulletin/" in receipt.body


def test_a_colleagues_change_tells_the_previous_voter(campaign, sent_after_commit):
    collectivite = CollectiviteFactory(name="Bourg")
    anne = RepresentativeFactory(full_name="Anne Martin", collectivite=collectivite)
    bruno = RepresentativeFactory(full_name="Bruno Colin", collectivite=collectivite)
    with sent_after_commit(execute=True):
        ballot_cast(
            representative=anne,
            campaign=campaign,
            candidates=[theme(campaign, "Droit à la mobilité")],
        )
    mail.outbox = []
    with sent_after_commit(execute=True):
        ballot_cast(
            representative=bruno,
            campaign=campaign,
            candidates=[theme(campaign, "Précarité alimentaire")],
        )
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {anne.email, bruno.email}
    notice = by_recipient[anne.email]
    assert notice.subject == "Le vote de Bourg (69) a été modifié — Territoires en Commun"
    assert "Votre collègue Bruno Colin a modifié ce bulletin" in notice.body
    assert "- Précarité alimentaire" in notice.body


def test_changing_ones_own_vote_sends_only_the_receipt(campaign, sent_after_commit):
    me = RepresentativeFactory()
    with sent_after_commit(execute=True):
        ballot_cast(
            representative=me,
            campaign=campaign,
            candidates=[theme(campaign, "Droit à la mobilité")],
        )
        ballot_cast(
            representative=me,
            campaign=campaign,
            candidates=[theme(campaign, "Précarité alimentaire")],
        )
    assert [message.to for message in mail.outbox] == [[me.email], [me.email]]
