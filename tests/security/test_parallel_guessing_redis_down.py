"""Attack: with Redis down, send many wrong passwords at once so that the database
counters, read then written, lose hits and let more guesses through than the limit.

Each thread has its own connection and all start together behind a barrier; SQLite
serialises writers, so the race needs PostgreSQL (skipped elsewhere)."""

import threading

import pytest
from django.db import connection, connections
from django.test import RequestFactory

from core import login_throttle
from core.auth_models import RateCounter
from tests.redis_down import cache_on_dead_redis

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers (IMMEDIATE transactions): races need PostgreSQL",
    ),
]
THREADS = 12
ACCOUNT = "redaction@anct.example"


@pytest.fixture(autouse=True)
def redis_down(settings):
    yield from cache_on_dead_redis(settings, "redis://127.0.0.1:18599/0")


def test_simultaneous_failures_are_all_counted():
    barrier = threading.Barrier(THREADS)
    errors = []

    def guess():
        try:
            barrier.wait()
            request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.66")
            login_throttle.login_failed(request, username=ACCOUNT)
        except Exception as error:  # reported below, with the thread's failure
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=guess) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    counts = RateCounter.objects.exclude(key__startswith="login:delay:").values_list(
        "value", flat=True
    )
    assert sorted(counts) == [THREADS] * 3  # per address, per account and address, per account
    refusal = login_throttle.login_refusal(
        RequestFactory().post("/", REMOTE_ADDR="203.0.113.66"), username=ACCOUNT
    )
    assert refusal is not None  # 12 failures from one address: well over its 5
    # From elsewhere too: the account's 12 failures passed its 10, so it waits.
    assert login_throttle.login_refusal(
        RequestFactory().post("/", REMOTE_ADDR="198.51.100.1"), username=ACCOUNT
    )
