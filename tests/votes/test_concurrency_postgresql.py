"""Concurrent votes and registrations on PostgreSQL: never two ballots, never a lost
one, never a project over capacity, never a server error.

Each thread has its own database connection (Django's connections are per
thread) and all start together behind a barrier. SQLite serialises writers with
its IMMEDIATE transactions, so these races cannot happen there: the module is
skipped on SQLite.
"""

import random
import threading

import pytest
from django.db import connection, connections

from tests.collectivites.factories import CollectiviteFactory, RepresentativeFactory
from tests.votes.factories import CampaignFactory, CandidateFactory
from votes import selectors
from votes.models import Ballot, BallotChoice, ProjectRegistration
from votes.services import (
    ballot_cast,
    ballot_withdraw,
    registration_register,
    registration_withdraw,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers (IMMEDIATE transactions): races need PostgreSQL",
    ),
]
THREADS = 16


def run_together(work, count=THREADS):
    """Runs ``work(index)`` in ``count`` threads started at once; returns their errors."""
    barrier = threading.Barrier(count)
    errors = []

    def target(index):
        try:
            barrier.wait()
            work(index)
        except Exception as error:  # collected, the test shows them
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


@pytest.fixture
def campaign():
    campaign = CampaignFactory(slug="course")
    for title in ("Mobilité", "Alimentation", "Seniors"):
        CandidateFactory(campaign=campaign, title=title)
    return campaign


def test_colleagues_hammering_the_same_ballot_through_the_page(campaign, settings):
    from django.test import Client

    settings.RATE_LIMITS = {"vote-ballot": "100000/h"}
    collectivite = CollectiviteFactory()
    candidates = list(campaign.candidates.values_list("pk", flat=True))
    clients = []
    for _ in range(THREADS):
        client = Client()
        client.force_login(RepresentativeFactory(collectivite=collectivite).user)
        clients.append(client)
    statuses = []

    def work(index):
        rng = random.Random(index)
        for _ in range(8):
            response = clients[index].post(
                "/votes/course/bulletin/", {"themes": rng.choice(candidates)}
            )
            statuses.append(response.status_code)

    assert run_together(work) == []
    assert set(statuses) == {302}
    assert Ballot.objects.filter(campaign=campaign).count() == 1
    assert BallotChoice.objects.filter(ballot__campaign=campaign).count() == 1
    assert sum(t.votes for t in selectors.tally_list(campaign=campaign)) == 1


def test_many_collectivites_at_once_lose_no_vote(campaign):
    candidates = list(campaign.candidates.all())
    # Two representatives per collectivité, in different threads, vote and change votes.
    collectivites = CollectiviteFactory.create_batch(40)
    pairs = [
        (RepresentativeFactory(collectivite=c), RepresentativeFactory(collectivite=c))
        for c in collectivites
    ]
    withdrawn = set(range(0, 40, 10))

    def work(index):
        rng = random.Random(index)
        for n, (first, second) in enumerate(pairs):
            rep = first if (n + index) % 2 else second
            ballot_cast(representative=rep, campaign=campaign, candidates=[rng.choice(candidates)])
            if n in withdrawn and index == THREADS - 1:
                ballot_withdraw(representative=rep, campaign=campaign)

    assert run_together(work) == []
    ballots = Ballot.objects.filter(campaign=campaign)
    assert ballots.count() <= 40
    assert ballots.values("collectivite").distinct().count() == ballots.count()
    assert BallotChoice.objects.filter(ballot__campaign=campaign).count() == ballots.count()
    assert sum(t.votes for t in selectors.tally_list(campaign=campaign)) == ballots.count()
    # Every collectivité that nobody withdrew afterwards has its ballot.
    assert ballots.count() >= 40 - len(withdrawn)


def test_the_capacity_of_a_project_holds_under_concurrent_registrations():
    from core import demo as site_demo
    from tests.votes.factories import shared_project

    site_demo.load()
    project = shared_project(capacity=3)
    reps = RepresentativeFactory.create_batch(THREADS)

    assert (
        run_together(
            lambda i: registration_register(
                representative=reps[i], project=project, role="stakeholder"
            )
        )
        == []
    )
    registrations = ProjectRegistration.objects.filter(project=project)
    assert registrations.stakeholders().count() == 3
    assert sorted(registrations.stakeholders().values_list("slot", flat=True)) == [1, 2, 3]
    assert registrations.waiting().count() == THREADS - 3

    # The three parties prenantes leave while others register and change their minds.
    confirmed = {r.collectivite_id for r in registrations.stakeholders()}
    leaving = [rep for rep in reps if rep.collectivite_id in confirmed]
    newcomers = RepresentativeFactory.create_batch(THREADS - len(leaving))

    def churn(index):
        if index < len(leaving):
            registration_withdraw(representative=leaving[index], project=project)
        else:
            registration_register(
                representative=newcomers[index - len(leaving)], project=project, role="stakeholder"
            )

    assert run_together(churn) == []
    assert registrations.stakeholders().count() == 3
    assert sorted(registrations.stakeholders().values_list("slot", flat=True)) == [1, 2, 3]
    # The places went to the first of the waiting list, in order of arrival.
    first_waiting = [rep.collectivite_id for rep in reps if rep.collectivite_id not in confirmed]
    promoted = set(registrations.stakeholders().values_list("collectivite_id", flat=True))
    waiting_order = list(
        ProjectRegistration.objects.filter(collectivite_id__in=first_waiting)
        .order_by("created_at", "pk")
        .values_list("collectivite_id", flat=True)
    )
    assert promoted == set(waiting_order[:3])
