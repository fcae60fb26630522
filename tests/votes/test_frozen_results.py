"""Closed campaigns keep the results they had when they closed."""

import datetime

import pytest
from django.utils import timezone

from collectivites.models import Representative
from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes import selectors
from votes.models import Campaign
from votes.services import ballot_cast, campaign_close, campaign_freeze_due

pytestmark = pytest.mark.django_db


def votes(campaign) -> dict:
    return {t.title: t.votes for t in selectors.tally_list(campaign=campaign)}


@pytest.fixture
def three_voters(campaign, themes):
    reps = RepresentativeFactory.create_batch(3)
    for rep, title in zip(
        reps, ["Droit à la mobilité", "Droit à la mobilité", "Isolement des seniors"], strict=True
    ):
        ballot_cast(representative=rep, campaign=campaign, candidates=[themes[title]])
    return reps


def test_suspensions_and_mergers_after_closing_change_nothing(client, campaign, three_voters):
    campaign_close(campaign=campaign)
    three_voters[0].status = Representative.Status.SUSPENDED
    three_voters[0].save()
    merged = three_voters[2].collectivite
    merged.is_current = False
    merged.save()

    campaign.refresh_from_db()
    assert votes(campaign)["Droit à la mobilité"] == 2
    assert votes(campaign)["Isolement des seniors"] == 1
    page = page_text(client.get(f"/votes/{campaign.slug}/"))
    assert "Résultats définitifs" in page
    assert "3 collectivités ont voté" in page
    data = client.get(f"/votes/{campaign.slug}/resultats.json").json()
    assert data["collectivites_votantes"] == 3
    assert data["campagne"]["resultats_figes_le"] is not None


def test_the_same_changes_alter_live_results(campaign, three_voters):
    three_voters[0].status = Representative.Status.SUSPENDED
    three_voters[0].save()
    merged = three_voters[2].collectivite
    merged.is_current = False
    merged.save()
    assert votes(campaign) == {
        "Droit à la mobilité": 1,
        "Isolement des seniors": 0,
        "Précarité alimentaire": 0,
    }


def test_a_campaign_closed_by_its_date_is_frozen_by_the_task_or_the_first_visit(client):
    campaign = CampaignFactory(closes_at=timezone.now() + datetime.timedelta(hours=1))
    theme = CandidateFactory(campaign=campaign)
    ballot_cast(representative=RepresentativeFactory(), campaign=campaign, candidates=[theme])
    later = timezone.now() + datetime.timedelta(hours=2)
    assert campaign_freeze_due(now=later) == 1
    campaign.refresh_from_db()
    assert campaign.frozen_results["participants"] == 1
    assert campaign.closed_at == campaign.closes_at

    other = CampaignFactory(
        opens_at=timezone.now() - datetime.timedelta(days=3),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    assert client.get(f"/votes/{other.slug}/").status_code == 200
    assert Campaign.objects.get(pk=other.pk).results_frozen_at is not None


def test_moving_the_date_later_does_not_reopen_a_frozen_campaign(campaign, three_voters):
    campaign_close(campaign=campaign)
    campaign.refresh_from_db()
    campaign.closes_at = timezone.now() + datetime.timedelta(days=90)
    campaign.save()
    assert campaign.is_closed()
