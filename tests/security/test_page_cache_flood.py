"""Attack: filling the cache's Redis with query strings no page reads.

The page cache keyed each entry on the full address, so ``?a=1``, ``?a=2``… each
stored a copy of the page, until Redis (which had no memory limit) filled up.
"""

from unittest import mock

import pytest
from django.core.cache import cache

from core import page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


@pytest.fixture
def stored_keys():
    """The page-cache entries written while the test runs."""
    keys: set[str] = set()
    real_set = cache.set

    def spy(key, *args, **kwargs):
        if key.startswith("pagecache:"):
            keys.add(key)
        return real_set(key, *args, **kwargs)

    with mock.patch.object(page_cache.cache, "set", side_effect=spy):
        yield keys


def test_200_requests_with_junk_parameters_add_at_most_one_entry(client, home, stored_keys):
    for number in range(200):
        answer = client.get(f"/recherche/?a={number}&utm_{number}=x")
        assert answer.status_code == 200

    assert len(stored_keys) <= 1


def test_known_parameters_in_any_order_share_one_entry(client, home, stored_keys):
    first = client.get("/ressources/?kind=guide&tri=recent")
    second = client.get("/ressources/?tri=recent&kind=guide")

    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "HIT"
    assert len(stored_keys) == 1


def test_a_junk_parameter_is_neither_served_from_nor_stored_in_the_cache(client, home):
    client.get("/ressources/")
    answer = client.get("/ressources/?a=1")

    assert answer.status_code == 200
    assert "X-Cache" not in answer
    assert client.get("/ressources/")["X-Cache"] == "HIT"
