"""What the newsletter and other apps call: campaign_get_open() and tally_list(campaign=…)."""

import datetime

import pytest
from django.utils import timezone

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.factories import CampaignFactory, CandidateFactory
from themes.models import ThemePage
from votes import selectors
from votes.models import Campaign
from votes.services import ballot_cast, campaign_close

pytestmark = pytest.mark.django_db


def test_open_campaign_is_the_latest_opened(campaign):
    later = CampaignFactory(opens_at=timezone.now() - datetime.timedelta(hours=1))
    CampaignFactory(is_published=False, opens_at=timezone.now())
    assert selectors.campaign_get_open() == later
    campaign_close(campaign=later)
    assert selectors.campaign_get_open() in {campaign, *Campaign.objects.open()}
    assert selectors.campaign_get_open(now=timezone.now() + datetime.timedelta(days=3650)) is None


def test_tallies_by_votes_then_title_with_url_and_share():
    campaign = CampaignFactory()
    theme_page = ThemePage.objects.get(slug="retour-a-l-emploi")
    emploi = CandidateFactory(campaign=campaign, title="Retour à l'emploi", theme_page=theme_page)
    ecole = CandidateFactory(campaign=campaign, title="École")
    alimentation = CandidateFactory(campaign=campaign, title="Alimentation")
    for candidate in (emploi, emploi, ecole, alimentation):
        ballot_cast(
            representative=RepresentativeFactory(), campaign=campaign, candidates=[candidate]
        )

    result = selectors.tally_list(campaign=campaign)
    assert [(t.title, t.votes, t.share) for t in result] == [
        ("Retour à l'emploi", 2, 50.0),
        ("Alimentation", 1, 25.0),
        ("École", 1, 25.0),  # accents do not push « École » after « Z »
    ]
    assert result[0].url == "/thematiques/retour-a-l-emploi/"
    assert result[1].url == campaign.get_absolute_url() == f"/votes/{campaign.slug}/"


def test_tallies_of_a_closed_campaign_are_frozen():
    campaign = CampaignFactory()
    theme = CandidateFactory(campaign=campaign, title="Mobilité")
    ballot_cast(representative=RepresentativeFactory(), campaign=campaign, candidates=[theme])
    campaign_close(campaign=campaign)
    campaign.refresh_from_db()
    theme.delete() if not theme.choices.exists() else None
    assert [(t.title, t.votes) for t in selectors.tally_list(campaign=campaign)] == [
        ("Mobilité", 1)
    ]


def test_the_votes_page_lists_campaigns_with_their_participation(client, campaign, themes):
    from bs4 import BeautifulSoup

    from collectivites.models import Representative

    voters = RepresentativeFactory.create_batch(3)
    for rep in voters:
        ballot_cast(
            representative=rep, campaign=campaign, candidates=[themes["Droit à la mobilité"]]
        )
    # A suspended voter's ballot is set aside, as on the results page.
    Representative.objects.filter(pk=voters[0].pk).update(status=Representative.Status.SUSPENDED)
    page = BeautifulSoup(client.get("/votes/").content, "html.parser")
    card = page.find("a", string=campaign.title).find_parent(class_="fr-card")
    text = card.get_text(" ", strip=True)
    assert "Vote ouvert jusqu'au" in text
    assert "2 collectivités ont voté" in text
