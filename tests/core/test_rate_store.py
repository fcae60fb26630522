"""Rate limits and login counters keep counting in the database while the cache is down,
and pages are still served."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.auth_models import RateCounter
from core.rate_store import counter_clear, counter_hit, counter_read, counter_write
from core.ratelimit import Rate, exceeded
from tests.redis_down import cache_on_dead_redis

CLOSED_PORT_REDIS = "redis://127.0.0.1:18599/0"  # in this project's port range, closed

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache_down(settings):
    yield from cache_on_dead_redis(settings, CLOSED_PORT_REDIS)


def test_counts_go_to_the_database_while_the_cache_is_down(cache_down):
    assert [counter_hit(key="k", seconds=60) for _ in range(3)] == [1, 2, 3]
    assert counter_read(key="k") == 3
    assert RateCounter.objects.get(key="k").value == 3
    counter_write(key="until", value=42, seconds=60)
    assert counter_read(key="until") == 42
    counter_clear(key="k")
    assert counter_read(key="k") == 0


def test_form_limits_still_refuse_beyond_the_rate(cache_down):
    rate = Rate.parse("2/h")
    assert [exceeded("demo", "203.0.113.7", rate) for _ in range(3)] == [False, False, True]


def test_expired_counters_start_again_and_are_purged(cache_down):
    RateCounter.objects.create(key="old", value=9, expires_at=timezone.now() - timedelta(1))
    RateCounter.objects.create(key="gone", value=9, expires_at=timezone.now() - timedelta(1))
    assert counter_read(key="old") == 0
    assert counter_hit(key="old", seconds=60) == 1
    counter_hit(key="new", seconds=60)
    assert not RateCounter.objects.filter(key="gone").exists()


def test_with_the_cache_up_nothing_is_written_to_the_database():
    assert counter_hit(key="k", seconds=60) == 1
    assert counter_read(key="k") == 1
    assert not RateCounter.objects.exists()


def test_pages_and_login_forms_are_served_with_the_cache_down(client, home, cache_down):
    assert client.get("/").status_code == 200
    assert client.get("/compte/connexion/").status_code == 200
    assert client.get("/admin/login/").status_code == 200
