"""Votes are accepted from the opening to the closing date-time (Europe/Paris),
and the ballot says why it is read-only outside that window."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.votes.conftest import page_text
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes.models import Ballot
from votes.services import VoteRefused, ballot_cast, ballot_withdraw, campaign_close

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
SECOND = datetime.timedelta(seconds=1)


@pytest.fixture
def scheduled():
    """Opens on 3 March 2031 at 9:00 and closes on 30 March 2031 at 18:00, Paris time
    (the clocks change on 30 March, so the closing is in summer time)."""
    campaign = CampaignFactory(
        opens_at=datetime.datetime(2031, 3, 3, 9, 0, tzinfo=PARIS),
        closes_at=datetime.datetime(2031, 3, 30, 18, 0, tzinfo=PARIS),
    )
    CandidateFactory(campaign=campaign, title="Droit à la mobilité")
    return campaign


def cast(representative, campaign, now):
    return ballot_cast(
        representative=representative,
        campaign=campaign,
        candidates=list(campaign.candidates.all()),
        now=now,
    )


def test_one_second_before_opening_is_refused(representative, scheduled):
    with pytest.raises(VoteRefused) as refused:
        cast(representative, scheduled, scheduled.opens_at - SECOND)
    assert refused.value.message == "Le vote ouvrira le 3 mars 2031 à 9h00."
    assert not Ballot.objects.filter(campaign=scheduled).exists()


def test_the_opening_second_is_accepted(representative, scheduled):
    cast(representative, scheduled, scheduled.opens_at)
    assert Ballot.objects.filter(campaign=scheduled).count() == 1


def test_one_second_before_closing_is_accepted(representative, scheduled):
    cast(representative, scheduled, scheduled.closes_at - SECOND)
    assert Ballot.objects.filter(campaign=scheduled).count() == 1


def test_the_closing_second_and_after_are_refused(representative, scheduled):
    for moment in (scheduled.closes_at, scheduled.closes_at + SECOND):
        with pytest.raises(VoteRefused) as refused:
            cast(representative, scheduled, moment)
        assert refused.value.message == "Le vote est clos depuis le 30 mars 2031 à 18h00."
    assert not Ballot.objects.filter(campaign=scheduled).exists()


def test_no_withdrawal_after_closing(representative, scheduled):
    cast(representative, scheduled, scheduled.opens_at)
    with pytest.raises(VoteRefused):
        ballot_withdraw(
            representative=representative, campaign=scheduled, now=scheduled.closes_at + SECOND
        )
    assert Ballot.objects.filter(campaign=scheduled).count() == 1


def test_the_ballot_page_says_when_voting_opens(client, representative, scheduled):
    client.force_login(representative.user)
    response = client.get(f"/votes/{scheduled.slug}/bulletin/")
    page = BeautifulSoup(response.content, "html.parser")
    assert "Le vote ouvrira le 3 mars 2031 à 9h00." in page.get_text(" ", strip=True)
    assert page.select_one("form input[name=themes]") is None
    # The themes are still shown, read-only.
    assert "Droit à la mobilité" in page.select_one(".tec-ballot-list").get_text()


def test_a_post_outside_the_window_is_refused_without_error(client, representative, scheduled):
    client.force_login(representative.user)
    candidate = scheduled.candidates.get()
    response = client.post(f"/votes/{scheduled.slug}/bulletin/", {"themes": candidate.pk})
    assert response.status_code == 403
    assert "Le vote ouvrira le" in page_text(response)
    assert not Ballot.objects.filter(campaign=scheduled).exists()


def test_staff_closing_early_closes_the_ballot(client, representative, campaign, themes):
    campaign_close(campaign=campaign)
    client.force_login(representative.user)
    page = page_text(client.get(f"/votes/{campaign.slug}/bulletin/"))
    closed_at = timezone.localtime(campaign.__class__.objects.get(pk=campaign.pk).closed_at)
    assert f"Le vote est clos depuis le {closed_at.day} " in page
    with pytest.raises(VoteRefused):
        ballot_cast(
            representative=representative,
            campaign=campaign,
            candidates=[themes["Droit à la mobilité"]],
        )


def test_draft_campaigns_are_not_public(client):
    draft = CampaignFactory(is_published=False)
    assert client.get(f"/votes/{draft.slug}/").status_code == 404
    assert client.get(f"/votes/{draft.slug}/bulletin/").status_code == 404
