"""Clearing the cache deletes the site's own keys, never the rest of the Redis
database (the broker, another site, a developer's data, a parallel test run)."""

import uuid

import pytest
from django.conf import settings
from django.core.cache import caches

from core.cache import ResilientRedisCache

pytestmark = pytest.mark.skipif(
    not settings.REDIS_URL, reason="the cache is Redis only with REDIS_URL set"
)


@pytest.fixture
def raw_redis():
    client = caches["default"]._cache.get_client(write=True)
    foreign = f"not-ours-{uuid.uuid4().hex}"
    client.set(foreign, "kept")
    yield client, foreign
    client.delete(foreign)


def test_clear_deletes_only_keys_under_the_prefix(raw_redis):
    client, foreign = raw_redis
    cache = caches["default"]
    cache.set("ours", "gone")

    assert isinstance(cache, ResilientRedisCache)
    assert cache.clear() is True

    assert cache.get("ours") is None
    assert client.get(foreign) == b"kept"


def test_a_prefix_with_glob_characters_matches_itself_only():
    token = uuid.uuid4().hex
    starry = ResilientRedisCache(settings.REDIS_URL, {"KEY_PREFIX": f"star*{token}"})
    neighbour = ResilientRedisCache(settings.REDIS_URL, {"KEY_PREFIX": f"starry{token}"})
    starry.set("key", 1)
    neighbour.set("key", 2)

    starry.clear()

    assert starry.get("key") is None
    assert neighbour.get("key") == 2
    neighbour.clear()
