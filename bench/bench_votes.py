"""Votes on PostgreSQL: concurrent casting through the service, and results with 30,000
ballots.

Rows:

- 16 threads, each with its own connection, cast then change the ballots of 2,000
  collectivités (4,000 votes, two representatives per collectivité, the two votes of
  a collectivité sent by different threads at the same moment) through
  ``votes.services.ballot_cast`` — campaign re-read under a shared lock, ballot
  locked or inserted, choices checked and replaced — vs the same 4,000 rows written
  by a raw ``INSERT … ON CONFLICT (campaign, collectivité) DO UPDATE`` from 16
  connections. Time per vote (wall time / votes) and votes per second; the final
  tally must equal the number of distinct ballots (asserted, printed).
- The results of a campaign with 30,000 ballots: ``selectors.results_compute_live`` (tally
  in one aggregate query, participation, breakdowns by type and région) and the
  whole page ``/votes/<slug>/`` through Django's test client, vs the one
  ``GROUP BY`` query a developer would write for the tally alone.

The database is ``postgres://postgres@127.0.0.1:5432/tec_bench_votes`` unless
BENCH_VOTES_DATABASE_URL says otherwise; it is created, migrated and filled on the
first run (about 30 s) and reused by later runs. Without a reachable PostgreSQL the
benchmark says so and is skipped.

Run alone: ``.venv/bin/python -m bench.bench_votes`` (``make bench`` runs every benchmark).
"""

import datetime
import logging
import os
import random
import sys
import threading
import time

from bench.common import Result, Skipped, cli, peak_kib, percentile, result_from_samples

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tec_bench_votes"
THREADS = 16
VOTERS = 2_000
RESULT_BALLOTS = 30_000
COLLECTIVITES = 32_000
REPEAT = 30
SEED = 2026
CONCURRENT_SLUG = "bench-votes-concurrents"
RESULTS_SLUG = "bench-resultats-30000"
THEMES = [
    "Aménagement des territoires",
    "Droit à la mobilité",
    "Précarité alimentaire",
    "Isolement des seniors",
    "Retour à l'emploi",
]
REFERENCE_UPSERT = """
    INSERT INTO votes_ballot (campaign_id, collectivite_id, voter_id, voter_name, cast_at, updated_at)
    VALUES (%s, %s, %s, %s, now(), now())
    ON CONFLICT (campaign_id, collectivite_id)
    DO UPDATE SET voter_id = EXCLUDED.voter_id, voter_name = EXCLUDED.voter_name,
                  updated_at = EXCLUDED.updated_at
"""
REFERENCE_TALLY = """
    SELECT c.candidate_id, count(*) FROM votes_ballotchoice c
    JOIN votes_ballot b ON b.id = c.ballot_id
    WHERE b.campaign_id = %s GROUP BY c.candidate_id
"""


def ensure_database(url: str) -> None:
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = conninfo_to_dict(url).get("dbname")
    try:
        with psycopg.connect(url, connect_timeout=5):
            return
    except psycopg.OperationalError as error:
        if f'database "{name}" does not exist' not in str(error):
            reason = str(error).strip().splitlines()[0]
            raise Skipped(f"votes benchmark skipped: PostgreSQL unreachable ({reason})") from error
    try:
        with psycopg.connect(
            make_conninfo(url, dbname="postgres"), connect_timeout=5, autocommit=True
        ) as admin:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0]
        raise Skipped(f"votes benchmark skipped: cannot create {name} ({reason})") from error
    print(f"… created database {name}", file=sys.stderr)


def setup_site(url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "territoires.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)

    import django
    from django.core.management import call_command

    django.setup()
    logging.disable(logging.INFO)
    from votes.models import VoteIndexPage

    call_command("migrate", verbosity=0)
    if not VoteIndexPage.objects.exists():
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)


def ensure_data():
    """32,000 collectivités, two representatives for each of the first 2,000 and one
    for the others, and the two campaigns (created once per database)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from collectivites.models import Collectivite, Representative
    from core.geography import DEPARTEMENTS
    from votes.models import Ballot, BallotChoice, Campaign, Candidate

    started = time.perf_counter()
    if Collectivite.objects.filter(code__startswith="B").count() < COLLECTIVITES:
        print("… generating collectivités and representatives (once)", file=sys.stderr)
        departements = list(DEPARTEMENTS.items())
        Collectivite.objects.bulk_create(
            [
                Collectivite(
                    kind="commune" if n % 10 else "epci",
                    code=f"B{n:07d}",
                    name=f"Commune banc {n}",
                    search_name=f"commune banc {n}",
                    departement=departements[n % len(departements)][0],
                    region=departements[n % len(departements)][1][1],
                    population=100 + n,
                )
                for n in range(COLLECTIVITES)
            ],
            batch_size=2000,
            ignore_conflicts=True,
        )
        collectivites = list(
            Collectivite.objects.filter(code__startswith="B")
            .order_by("code")
            .values_list("pk", flat=True)
        )
        User = get_user_model()
        password = make_password(None)
        people = [(pk, 0) for pk in collectivites] + [(pk, 1) for pk in collectivites[:VOTERS]]
        User.objects.bulk_create(
            [User(username=f"banc-{pk}-{n}@example.org", password=password) for pk, n in people],
            batch_size=2000,
            ignore_conflicts=True,
        )
        users = dict(
            User.objects.filter(username__startswith="banc-").values_list("username", "pk")
        )
        now = timezone.now()
        Representative.objects.bulk_create(
            [
                Representative(
                    user_id=users[f"banc-{pk}-{n}@example.org"],
                    collectivite_id=pk,
                    full_name=f"Représentant {pk}-{n}",
                    role="agent",
                    email=f"banc-{pk}-{n}@example.org",
                    status="active",
                    email_confirmed_at=now,
                    approved_at=now,
                )
                for pk, n in people
            ],
            batch_size=2000,
            ignore_conflicts=True,
        )

    def campaign(slug):
        found, created = Campaign.objects.get_or_create(
            slug=slug,
            defaults={
                "title": slug,
                "opens_at": timezone.now() - datetime.timedelta(days=1),
                "closes_at": timezone.now() + datetime.timedelta(days=3650),
                "is_published": True,
                "choices_public": False,
            },
        )
        if created:
            for order, title in enumerate(THEMES):
                Candidate.objects.create(campaign=found, title=title, sort_order=order)
        return found

    results = campaign(RESULTS_SLUG)
    if results.ballots.count() < RESULT_BALLOTS:
        print(f"… casting {RESULT_BALLOTS} ballots (once)", file=sys.stderr)
        results.ballots.all().delete()
        voters = list(
            Representative.objects.filter(email__endswith="-0@example.org")
            .order_by("collectivite__code")
            .values_list("pk", "collectivite_id", "full_name")[:RESULT_BALLOTS]
        )
        now = timezone.now()
        Ballot.objects.bulk_create(
            [
                Ballot(
                    campaign=results,
                    collectivite_id=collectivite,
                    voter_id=rep,
                    voter_name=name,
                    cast_at=now,
                    updated_at=now,
                )
                for rep, collectivite, name in voters
            ],
            batch_size=5000,
        )
        candidates = list(results.candidates.values_list("pk", flat=True))
        rng = random.Random(SEED)
        BallotChoice.objects.bulk_create(
            [
                BallotChoice(ballot_id=pk, candidate_id=rng.choice(candidates))
                for pk in results.ballots.values_list("pk", flat=True)
            ],
            batch_size=5000,
        )
        from django.db import connection

        with connection.cursor() as cursor:
            for table in (
                "collectivites_collectivite",
                "collectivites_representative",
                "votes_ballot",
                "votes_ballotchoice",
            ):
                cursor.execute(f"VACUUM ANALYZE {table}")
        print(f"… data ready in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return campaign(CONCURRENT_SLUG), results


def run_threads(work, operations) -> tuple[float, list[float], list[str]]:
    """Runs ``work(op)`` for every operation, spread over THREADS threads started
    together; returns the wall time (s), the time of each operation (ms), the errors."""
    from django.db import connections

    shares = [operations[i::THREADS] for i in range(THREADS)]
    barrier = threading.Barrier(THREADS + 1)
    samples, errors = [], []

    def target(share):
        local = []
        try:
            barrier.wait()
            for operation in share:
                start = time.perf_counter()
                work(operation)
                local.append((time.perf_counter() - start) * 1000)
        except Exception as error:
            errors.append(repr(error))
        finally:
            samples.extend(local)
            connections.close_all()

    threads = [threading.Thread(target=target, args=(share,)) for share in shares]
    for thread in threads:
        thread.start()
    barrier.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    return time.perf_counter() - start, samples, errors


def concurrent_votes(campaign, url: str) -> Result:
    import psycopg

    from collectivites.models import Representative
    from votes import selectors
    from votes.models import Ballot
    from votes.services import ballot_cast

    campaign.ballots.all().delete()
    candidates = list(campaign.candidates.order_by("sort_order"))
    representatives = {}
    for rep in (
        Representative.objects.filter(email__startswith="banc-")
        .select_related("collectivite")
        .order_by("collectivite__code", "email")
    ):
        representatives.setdefault(rep.collectivite_id, []).append(rep)
    pairs = [reps for reps in representatives.values() if len(reps) == 2][:VOTERS]
    assert len(pairs) == VOTERS, len(pairs)
    rng = random.Random(SEED)
    # Each collectivité: a first vote, then a colleague's change; the two are placed
    # one thread apart so that they often run at the same moment.
    operations = []
    for first, second in pairs:
        operations.append((first, rng.choice(candidates)))
        operations.append((second, rng.choice(candidates)))

    def ours(operation):
        representative, candidate = operation
        ballot_cast(representative=representative, campaign=campaign, candidates=[candidate])

    ours_wall, ours_samples, errors = run_threads(ours, operations)
    assert not errors, errors[:3]
    ballots = Ballot.objects.filter(campaign=campaign).count()
    tally = sum(t.votes for t in selectors.tally_list(campaign=campaign))
    distinct = len({first.collectivite_id for first, _second in pairs})
    print(
        f"… {len(operations)} votes by {THREADS} threads: {ballots} ballots, tally {tally}, "
        f"{distinct} distinct collectivités",
        file=sys.stderr,
    )
    assert ballots == tally == distinct == VOTERS

    # The reference writes the same ballot rows in another campaign.
    from votes.models import Campaign

    reference_campaign, _ = Campaign.objects.get_or_create(
        slug=f"{CONCURRENT_SLUG}-sql",
        defaults={
            "title": "référence SQL",
            "opens_at": campaign.opens_at,
            "closes_at": campaign.closes_at,
        },
    )
    reference_campaign.ballots.all().delete()
    local = threading.local()

    def reference(operation):
        representative, _candidate = operation
        if not hasattr(local, "connection"):
            local.connection = psycopg.connect(url, autocommit=True)
        local.connection.execute(
            REFERENCE_UPSERT,
            (
                reference_campaign.pk,
                representative.collectivite_id,
                representative.pk,
                representative.full_name,
            ),
        )

    theirs_wall, theirs_samples, errors = run_threads(reference, operations)
    assert not errors, errors[:3]
    assert reference_campaign.ballots.count() == VOTERS
    return Result(
        name=(
            f"cast + change {VOTERS:,} collectivités' ballots, {THREADS} threads, "
            f"{len(operations):,} votes (PostgreSQL)"
        ),
        reference=f"raw INSERT … ON CONFLICT DO UPDATE, {THREADS} connections",
        ours_ms=ours_wall * 1000 / len(operations),
        reference_ms=theirs_wall * 1000 / len(operations),
        ours_p95_ms=percentile(ours_samples, 0.95),
        reference_p95_ms=percentile(theirs_samples, 0.95),
        ours_rps=len(operations) / ours_wall,
        reference_rps=len(operations) / theirs_wall,
    )


def results_rows(campaign) -> list[Result]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from votes import selectors

    participants = campaign.ballots.count()
    with CaptureQueriesContext(connection) as captured:
        selectors.tally_list_live(campaign=campaign, participants=participants)
    aggregates = [q for q in captured.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(aggregates) == 1, "the tally must be one aggregate query"
    with CaptureQueriesContext(connection) as captured:
        results = selectors.results_compute_live(campaign=campaign)
    print(
        f"… {results.participants} ballots: tally in 1 aggregate query, whole results in "
        f"{len(captured.captured_queries)} queries",
        file=sys.stderr,
    )
    assert results.participants == RESULT_BALLOTS

    def reference():
        with connection.cursor() as cursor:
            cursor.execute(REFERENCE_TALLY, [campaign.pk])
            return cursor.fetchall()

    assert sum(count for _pk, count in reference()) == sum(t.votes for t in results.tallies)
    client = Client()
    url = campaign.get_absolute_url()

    def page():
        response = client.get(url)
        assert response.status_code == 200
        return response

    samples = {"results": [], "page": [], "reference": []}
    operations = {
        "results": lambda: selectors.results_compute_live(campaign=campaign),
        "page": page,
        "reference": reference,
    }
    for operation in operations.values():
        operation()  # warm up
    for _ in range(REPEAT):
        for name, operation in operations.items():
            start = time.perf_counter()
            operation()
            samples[name].append((time.perf_counter() - start) * 1000)
    reference_name = "one hand-written GROUP BY for the tally"
    return [
        result_from_samples(
            f"live results of {RESULT_BALLOTS:,} ballots: tally + participation + breakdowns",
            reference_name,
            samples["results"],
            samples["reference"],
            ours_peak_kib=peak_kib(operations["results"]),
            reference_peak_kib=peak_kib(reference),
        ),
        result_from_samples(
            f"GET /votes/<campagne>/ with {RESULT_BALLOTS:,} ballots",
            reference_name,
            samples["page"],
            samples["reference"],
            ours_peak_kib=peak_kib(page),
            reference_peak_kib=peak_kib(reference),
        ),
    ]


def run() -> list[Result]:
    url = os.environ.get("BENCH_VOTES_DATABASE_URL") or DEFAULT_URL
    ensure_database(url)
    setup_site(url)
    concurrent, results = ensure_data()
    return [concurrent_votes(concurrent, url), *results_rows(results)]


if __name__ == "__main__":
    cli(run)
