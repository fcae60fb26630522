"""A collectivité has one ballot per campaign, whoever of its representatives votes."""

import pytest
from bs4 import BeautifulSoup
from django.db import IntegrityError, transaction

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import vote_as
from votes import selectors
from votes.models import Ballot

pytestmark = pytest.mark.django_db


def test_a_colleagues_vote_replaces_the_first(client, campaign, themes, representative):
    colleague = RepresentativeFactory(
        collectivite=representative.collectivite, full_name="Karim Benali"
    )

    assert (
        vote_as(client, representative, campaign, themes["Droit à la mobilité"]).status_code == 302
    )
    assert vote_as(client, colleague, campaign, themes["Précarité alimentaire"]).status_code == 302

    ballot = Ballot.objects.get(campaign=campaign)
    assert Ballot.objects.filter(campaign=campaign).count() == 1
    assert [c.title for c in ballot.candidates.all()] == ["Précarité alimentaire"]
    assert ballot.voter == colleague
    votes = {t.title: t.votes for t in selectors.tally_list(campaign=campaign)}
    assert votes == {
        "Précarité alimentaire": 1,
        "Droit à la mobilité": 0,
        "Isolement des seniors": 0,
    }


def test_the_ballot_page_says_who_voted_last_and_when(client, campaign, themes, representative):
    colleague = RepresentativeFactory(
        collectivite=representative.collectivite, full_name="Karim Benali"
    )
    vote_as(client, colleague, campaign, themes["Isolement des seniors"])

    client.force_login(representative.user)
    page = BeautifulSoup(client.get(f"/votes/{campaign.slug}/bulletin/").content, "html.parser")
    text = page.get_text(" ", strip=True)
    assert "Dernier vote par Karim Benali le" in text
    assert "Isolement des seniors" in page.select_one(".fr-callout").get_text()
    # The form shows the collectivité's current choice, ready to be changed.
    checked = page.select_one("input[name=themes][checked]")
    assert checked["value"] == str(themes["Isolement des seniors"].pk)


def test_the_database_refuses_a_second_ballot(campaign, representative):
    Ballot.objects.create(
        campaign=campaign, collectivite=representative.collectivite, voter_name="A"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(
            campaign=campaign, collectivite=representative.collectivite, voter_name="B"
        )


def test_collectivites_vote_independently(client, campaign, themes, representative):
    other = RepresentativeFactory()
    vote_as(client, representative, campaign, themes["Droit à la mobilité"])
    vote_as(client, other, campaign, themes["Droit à la mobilité"])
    tally = selectors.tally_list(campaign=campaign)[0]
    assert (tally.title, tally.votes, tally.share) == ("Droit à la mobilité", 2, 100.0)
