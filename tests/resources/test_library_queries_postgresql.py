"""On PostgreSQL the library page costs the same number of queries whatever the number of
resources, results and facet values: on a process that has its index, and on one that
must read the library again after a change."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.random_content import random_content_create
from resources import library_index

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="PostgreSQL only (run with DATABASE_URL=postgres://…)",
    ),
]
PAGE = {"q": "participation citoyenne", "audience": "elus", "tri": "pertinence"}


def queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/ressources/", PAGE)
    assert response.status_code == 200
    return len(captured.captured_queries)


def cold_and_warm(client) -> tuple[int, int]:
    library_index.forget()
    return queries(client), queries(client)


def test_the_page_costs_the_same_queries_at_any_size(client):
    random_content_create(resources=30, seed=5, projects=0)
    queries(client)  # the site's own caches (site root, settings) filled once
    small = cold_and_warm(client)
    random_content_create(resources=300, seed=6, projects=0)
    large = cold_and_warm(client)
    assert large == small
    # Reading the library again: its snapshot and each of the two words' matches.
    assert small[0] == small[1] + 3
