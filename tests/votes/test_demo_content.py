"""The demo reproduces the newsletter's tally with real ballots, and loads twice safely."""

import pytest

from collectivites.models import Collectivite
from votes import demo, selectors
from votes.models import Ballot, Campaign, SharedProjectPage

pytestmark = pytest.mark.django_db
SEED = [
    ("Aménagement des territoires", 172),
    ("Droit à la mobilité", 136),
    ("Précarité alimentaire", 131),
    ("Isolement des seniors", 125),
    ("Retour à l'emploi", 113),
]


def forget_closed_demo_campaign():
    for campaign in Campaign.objects.filter(slug=demo.CLOSED_CAMPAIGN["slug"]):
        if campaign.shared_project:
            campaign.shared_project.delete()
        campaign.delete()


def ensure_collectivites(count: int) -> None:
    missing = count - Collectivite.objects.filter(is_current=True).count()
    Collectivite.objects.bulk_create(
        Collectivite(
            kind=Collectivite.Kind.COMMUNE if n % 4 else Collectivite.Kind.EPCI,
            code=f"98{n:03d}" if n % 4 else f"2980{n:05d}",
            name=f"Collectivité démo {n}",
            search_name=f"collectivite demo {n}",
            departement="44" if n % 2 else "69",
            region="52" if n % 2 else "84",
            population=1000 + n,
        )
        for n in range(max(missing, 0))
    )


def test_the_closed_campaign_has_the_newsletter_tally(home):
    forget_closed_demo_campaign()
    ensure_collectivites(700)
    demo.load(home=home)
    demo.load(home=home)  # twice: nothing changes

    campaign = Campaign.objects.get(slug=demo.CLOSED_CAMPAIGN["slug"])
    assert campaign.is_closed() and campaign.results_frozen_at is not None
    assert [(t.title, t.votes) for t in selectors.tally_list(campaign=campaign)] == SEED
    # Real ballots of distinct real collectivités, each cast by a representative.
    ballots = Ballot.objects.filter(campaign=campaign)
    assert ballots.count() == 677
    assert ballots.values("collectivite").distinct().count() == 677
    assert not ballots.filter(voter=None).exists()
    assert [
        (t.title, t.votes) for t in selectors.results_compute_live(campaign=campaign).tallies
    ] == SEED
    project = SharedProjectPage.objects.get(campaign=campaign)
    assert project.title == "Aménagement des territoires"
    assert project.registrations.stakeholders().count() == 3


def test_the_open_campaign_takes_ballots_and_a_proposal(home):
    ensure_collectivites(20)
    demo.load(home=home)
    campaign = Campaign.objects.get(slug=demo.OPEN_CAMPAIGN_SLUG)
    assert campaign.is_open()
    assert [c.title for c in selectors.candidate_list_on_ballot(campaign=campaign)][:2] == [
        "Droit à la mobilité",
        "Précarité alimentaire",
    ]
    assert campaign.ballots.count() == len(demo.OPEN_BALLOTS)
    assert campaign.candidates.to_moderate().filter(title="Accès aux soins").exists()


def test_without_collectivites_the_loader_does_not_fail(home):
    forget_closed_demo_campaign()
    Campaign.objects.filter(slug=demo.OPEN_CAMPAIGN_SLUG).delete()
    # As if the reference list were empty: the loader only uses current collectivités.
    Collectivite.objects.update(is_current=False)
    demo.load(home=home)
    assert not Campaign.objects.filter(slug=demo.CLOSED_CAMPAIGN["slug"]).exists()
    assert Campaign.objects.get(slug=demo.OPEN_CAMPAIGN_SLUG).ballots.count() == 0
