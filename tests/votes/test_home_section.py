"""« Votez pour une thématique » on the home page while a campaign is open."""

import pytest
from bs4 import BeautifulSoup

from tests.collectivites.factories import RepresentativeFactory
from votes.models import Campaign
from votes.services import ballot_cast, campaign_close

pytestmark = pytest.mark.django_db


def close_every_campaign():
    for campaign in Campaign.objects.open():
        campaign_close(campaign=campaign)


def vote_section(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    heading = page.find("h2", string="Votez pour une thématique")
    return heading.find_parent("section") if heading else None


def test_the_open_campaign_shows_its_live_tallies(client, campaign, themes):
    close_every_campaign_but = [c for c in Campaign.objects.open() if c != campaign]
    for other in close_every_campaign_but:
        campaign_close(campaign=other)
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


def test_the_section_is_cached_between_votes(client, campaign, themes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for other in Campaign.objects.open().exclude(pk=campaign.pk):
        campaign_close(campaign=other)
    client.get("/")
    with CaptureQueriesContext(connection) as captured:
        client.get("/")
    assert not [q for q in captured.captured_queries if "votes_" in q["sql"]]

    # A vote shows at once: the service forgets the cached figures.
    ballot_cast(
        representative=RepresentativeFactory(),
        campaign=campaign,
        candidates=[themes["Précarité alimentaire"]],
    )
    rows = [row.get_text(" ", strip=True) for row in vote_section(client).select(".tec-tally__row")]
    assert rows[0] == "Précarité alimentaire 1 voix (100,0 %)"


def test_a_campaign_past_its_closing_date_leaves_the_home_page(client, campaign):
    import datetime

    from django.utils import timezone

    for other in Campaign.objects.open().exclude(pk=campaign.pk):
        campaign_close(campaign=other)
    assert vote_section(client) is not None
    # Its date passes while the figures are in the cache (no save, no signal).
    Campaign.objects.filter(pk=campaign.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=2),
        closes_at=timezone.now() - datetime.timedelta(seconds=1),
    )
    from votes import selectors

    summary = selectors.campaign_home_summary(now=timezone.now() + datetime.timedelta(days=60))
    assert summary["campaign"] is None


def project_call(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    heading = page.find("h2", id="home-shared-project-title")
    return heading.find_parent("section") if heading else None


def test_a_closed_vote_shows_its_results_and_its_project_calls_until_places_are_filled(
    client, campaign, themes
):
    from votes.services import registration_register, shared_project_create

    voters = RepresentativeFactory.create_batch(2)
    for rep in voters:
        ballot_cast(
            representative=rep, campaign=campaign, candidates=[themes["Droit à la mobilité"]]
        )
    close_every_campaign()
    project = shared_project_create(
        campaign=campaign, winner=themes["Droit à la mobilité"], capacity=3, title="Se déplacer"
    )
    assert vote_section(client) is None  # no vote open
    section = project_call(client)
    text = section.get_text(" ", strip=True)
    assert "Rejoignez le projet partagé « Se déplacer »" in text
    assert "2 collectivités ont voté" in text
    assert "« Droit à la mobilité » est arrivé en tête" in text
    rows = [row.get_text(" ", strip=True) for row in section.select(".tec-tally__row")]
    assert rows[0] == "Droit à la mobilité 2 voix (100,0 %)"
    assert "il reste 3 places" in text
    join = section.select_one("a.fr-btn")
    assert join.get_text(" ", strip=True).startswith("Rejoindre le projet partagé")
    assert join["href"] == f"{project.url}#rejoindre"

    # Each registration shows at once (the cached summary is forgotten)…
    registration_register(representative=voters[0], project=project, role="stakeholder")
    assert "il reste 2 places" in project_call(client).get_text(" ", strip=True)
    for rep in [voters[1], RepresentativeFactory()]:
        registration_register(representative=rep, project=project, role="stakeholder")
    # …and once the places are filled, the call leaves the home page.
    assert project_call(client) is None
