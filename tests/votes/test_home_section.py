"""« Votez pour une thématique » on the home page while a campaign is open."""

import pytest
from bs4 import BeautifulSoup

from tests.collectivites.factories import RepresentativeFactory
from votes.models import Campaign
from votes.services import ballot_cast, campaign_close

pytestmark = pytest.mark.django_db


def close_every_campaign():
    for campaign in Campaign.objects.open():
        campaign_close(campaign)


def vote_section(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    heading = page.find("h2", string="Votez pour une thématique")
    return heading.find_parent("section") if heading else None


def test_the_open_campaign_shows_its_live_tallies(client, campaign, themes):
    close_every_campaign_but = [c for c in Campaign.objects.open() if c != campaign]
    for other in close_every_campaign_but:
        campaign_close(other)
    for rep in RepresentativeFactory.create_batch(2):
        ballot_cast(
            representative=rep, campaign=campaign, candidates=[themes["Isolement des seniors"]]
        )
    section = vote_section(client)
    rows = [row.get_text(" ", strip=True) for row in section.select(".tec-tally__row")]
    assert rows[0] == "Isolement des seniors 2 voix (100,0 %)"
    assert section.select_one(".tec-tally__bar")["aria-hidden"] == "true"
    assert (
        section.find("a", string="Votez pour une thématique")["href"]
        == f"/votes/{campaign.slug}/bulletin/"
    )


def test_hidden_when_no_campaign_is_open(client):
    close_every_campaign()
    assert vote_section(client) is None
