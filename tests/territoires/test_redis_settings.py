"""The Celery broker lives in the Redis database after the cache's, unless told otherwise."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from territoires.settings.redis import (
    celery_broker_default,
    redis_next_database_url,
    redis_same_database,
)


@pytest.mark.parametrize(
    ("cache", "broker"),
    [
        ("redis://redis:6379/0", "redis://redis:6379/1"),
        ("redis://redis:6379/9", "redis://redis:6379/10"),
        ("redis://redis:6379", "redis://redis:6379/1"),
        ("rediss://:secret@cache.example:6380/2", "rediss://:secret@cache.example:6380/3"),
        ("redis://redis:6379/4?socket_timeout=2", "redis://redis:6379/5?socket_timeout=2"),
        ("unix:///run/redis.sock?db=3", "unix:///run/redis.sock?db=4"),
    ],
)
def test_the_broker_takes_the_next_database(cache, broker):
    assert redis_next_database_url(cache) == broker


def test_without_redis_tasks_run_in_the_request():
    assert celery_broker_default("") == "memory://"
    assert celery_broker_default("redis://redis:6379/0") == "redis://redis:6379/1"


def test_a_redis_url_without_a_database_number_is_refused():
    with pytest.raises(ImproperlyConfigured, match="database number"):
        redis_next_database_url("redis://redis:6379/cache")


def test_the_same_database_is_recognised_however_it_is_written():
    assert redis_same_database("redis://redis:6379/0", "redis://redis:6379")
    assert redis_same_database("redis://redis/1", "redis://redis:6379/1")
    assert not redis_same_database("redis://redis:6379/0", "redis://redis:6379/1")
    assert not redis_same_database("redis://redis:6379/0", "redis://other:6379/0")
    assert not redis_same_database("amqp://rabbit:5672//", "redis://redis:6379/0")
