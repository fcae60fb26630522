"""The results are computed by a fixed number of grouped queries: the tally is one
aggregate query, whatever the number of ballots."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.collectivites.factories import RepresentativeFactory
from tests.votes.conftest import page_text
from votes import selectors
from votes.services import ballot_cast

pytestmark = pytest.mark.django_db


def cast_many(campaign, count):
    candidates = list(campaign.candidates.all())
    for index, rep in enumerate(RepresentativeFactory.create_batch(count)):
        ballot_cast(representative=rep, campaign=campaign, candidates=[candidates[index % 3]])


def test_the_tally_is_one_aggregate_query(campaign):
    cast_many(campaign, 6)
    with CaptureQueriesContext(connection) as few:
        selectors.tally_list_live(campaign=campaign, participants=6)
    cast_many(campaign, 30)
    with CaptureQueriesContext(connection) as many:
        tallies = selectors.tally_list_live(campaign=campaign, participants=36)
    # One grouped count of the choices, and one small query for the themes.
    aggregates = [q for q in many.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(aggregates) == 1 and "GROUP BY" in aggregates[0]["sql"].upper()
    assert len(many.captured_queries) == len(few.captured_queries) == 2
    assert sum(t.votes for t in tallies) == 36


def test_results_page_queries_do_not_grow_with_ballots(
    client, campaign, representative, django_assert_max_num_queries
):
    campaign.choices_public = True
    campaign.save()
    client.force_login(representative.user)
    cast_many(campaign, 2)
    client.get(f"/votes/{campaign.slug}/")
    with django_assert_max_num_queries(40) as captured:
        client.get(f"/votes/{campaign.slug}/")
    baseline = len(captured.captured_queries)
    cast_many(campaign, 25)
    with django_assert_max_num_queries(baseline):
        response = client.get(f"/votes/{campaign.slug}/")
    assert "27 collectivités ont voté" in page_text(response)


def test_home_and_index_queries_do_not_grow_with_ballots(
    client, campaign, django_assert_max_num_queries
):
    from django.core.cache import cache

    cast_many(campaign, 2)
    for url in ("/", "/votes/"):
        client.get(url)
        cache.clear()  # measured without the home page's cached vote section
        with django_assert_max_num_queries(80) as captured:
            client.get(url)
        baseline = len(captured.captured_queries)
        cast_many(campaign, 10)
        cache.clear()
        with django_assert_max_num_queries(baseline):
            client.get(url)
