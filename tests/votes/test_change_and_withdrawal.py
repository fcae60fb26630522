"""A collectivité changes its vote or withdraws it while the campaign is open."""

import pytest
from bs4 import BeautifulSoup

from tests.votes.conftest import page_text, vote_as
from votes import selectors
from votes.models import Ballot, BallotChoice

pytestmark = pytest.mark.django_db


def votes(campaign) -> dict:
    return {t.title: t.votes for t in selectors.tally_list(campaign=campaign)}


def test_changing_the_vote_moves_it(client, campaign, themes, representative):
    vote_as(client, representative, campaign, themes["Droit à la mobilité"])
    response = vote_as(client, representative, campaign, themes["Isolement des seniors"])

    assert response.status_code == 302
    assert votes(campaign)["Droit à la mobilité"] == 0
    assert votes(campaign)["Isolement des seniors"] == 1
    assert BallotChoice.objects.filter(ballot__campaign=campaign).count() == 1
    text = page_text(client.get(response["Location"]))
    assert f"Le vote de {representative.collectivite} est enregistré." in text


def test_withdrawing_removes_the_ballot(client, campaign, themes, representative):
    vote_as(client, representative, campaign, themes["Droit à la mobilité"])

    response = client.post(f"/votes/{campaign.slug}/bulletin/retirer/", follow=True)

    assert not Ballot.objects.filter(campaign=campaign).exists()
    assert votes(campaign)["Droit à la mobilité"] == 0
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "a été retiré" in text
    assert "Votre collectivité n'a pas encore voté." in text


def test_withdrawing_without_a_ballot_says_so(client, campaign, representative):
    client.force_login(representative.user)
    response = client.post(f"/votes/{campaign.slug}/bulletin/retirer/", follow=True)
    assert "Votre collectivité n'avait pas voté." in page_text(response)


def test_withdrawal_only_by_post(client, campaign, representative):
    client.force_login(representative.user)
    assert client.get(f"/votes/{campaign.slug}/bulletin/retirer/").status_code == 405
