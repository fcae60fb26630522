"""A ballot holds at most the number of themes the campaign allows, all on its ballot."""

import pytest
from bs4 import BeautifulSoup

from tests.votes.conftest import page_text, vote_as
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes.models import Ballot, Candidate
from votes.services import VoteRefused, ballot_cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_choices():
    campaign = CampaignFactory(max_choices=2)
    for title in ("Mobilité", "Alimentation", "Seniors"):
        CandidateFactory(campaign=campaign, title=title)
    return campaign


def test_one_theme_ballots_use_radio_buttons(client, campaign, representative):
    client.force_login(representative.user)
    page = BeautifulSoup(client.get(f"/votes/{campaign.slug}/bulletin/").content, "html.parser")
    assert len(page.select("input[type=radio][name=themes]")) == 3
    assert (
        page.select_one("legend")
        .get_text(" ", strip=True)
        .startswith("Quelle est la priorité d'action de votre territoire ?")
    )


def test_up_to_two_themes(client, two_choices, representative):
    chosen = list(two_choices.candidates.all()[:2])
    assert vote_as(client, representative, two_choices, *chosen).status_code == 302
    assert set(Ballot.objects.get(campaign=two_choices).candidates.all()) == set(chosen)


def test_three_themes_out_of_two_are_refused_next_to_the_field(client, two_choices, representative):
    response = vote_as(client, representative, two_choices, *two_choices.candidates.all())
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    message = "Vous pouvez choisir au plus 2 thèmes : vous en avez coché 3."
    assert message in page.select_one("#form-errors").get_text()
    assert message in page.select_one(".fr-fieldset--error").get_text()
    # What was ticked stays ticked.
    assert len(page.select("input[name=themes][checked]")) == 3
    assert not Ballot.objects.filter(campaign=two_choices).exists()


def test_nothing_ticked_is_refused(client, two_choices, representative):
    response = vote_as(client, representative, two_choices)
    assert "Choisissez au moins un thème." in page_text(response)
    assert not Ballot.objects.filter(campaign=two_choices).exists()


def test_a_theme_of_another_campaign_is_refused(client, campaign, representative):
    elsewhere = CandidateFactory()
    response = vote_as(client, representative, campaign, elsewhere)
    assert "Ce thème ne figure pas sur le bulletin de cette campagne." in page_text(response)
    assert not Ballot.objects.filter(campaign=campaign).exists()


def test_a_theme_awaiting_moderation_is_refused(client, campaign, representative):
    proposed = CandidateFactory(campaign=campaign, status=Candidate.Status.PROPOSED)
    response = vote_as(client, representative, campaign, proposed)
    assert "Ce thème ne figure pas sur le bulletin de cette campagne." in page_text(response)
    assert not Ballot.objects.filter(campaign=campaign).exists()


def test_the_service_checks_the_choices_too(campaign, representative):
    rejected = CandidateFactory(campaign=campaign, status=Candidate.Status.REJECTED)
    for choices in ([], list(campaign.candidates.on_ballot()), [rejected], ["abc"]):
        with pytest.raises(VoteRefused):
            ballot_cast(representative=representative, campaign=campaign, candidates=choices)
    assert not Ballot.objects.filter(campaign=campaign).exists()
