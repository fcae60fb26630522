"""With Redis gone, the site keeps serving: no cache, tasks run in process, health says degraded."""

import pytest
from celery import shared_task
from django.core.cache import caches

from territoires.celery import app as celery_app

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    settings.CELERY_BROKER_URL = DEAD_REDIS
    previous = {k: celery_app.conf[k] for k in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=DEAD_REDIS, task_always_eager=False)
    forget_broker_connections()
    yield
    celery_app.conf.update(previous)
    forget_broker_connections()
    caches["default"].close()


def forget_broker_connections():
    # Celery keeps its connection and producer pools: drop them so the next
    # publication connects to the broker now configured.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


ran = []


@shared_task
def remember(value):
    ran.append(value)


@pytest.mark.parametrize(
    "url", ["/", "/ressources/?q=emploi", "/recherche/?q=projet", "/thematiques/"]
)
def test_public_pages_are_served_without_redis(client, home, redis_down, url):
    assert client.get(url).status_code == 200


def test_the_health_endpoint_says_degraded(client, home, redis_down):
    response = client.get("/sante/")
    assert response.status_code == 200
    report = response.json()
    assert report["status"] == "degraded"
    assert report["checks"]["cache"]["status"] == "error"
    assert report["checks"]["broker"]["status"] == "error"


def test_a_task_runs_in_process_when_the_broker_is_unreachable(redis_down):
    remember.delay("sent anyway")
    assert ran == ["sent anyway"]


def test_rate_limits_count_in_the_database_rather_than_let_everyone_through(
    client, home, redis_down
):
    from core.ratelimit import Rate, exceeded

    assert [exceeded("demo", "203.0.113.7", Rate.parse("1/h")) for _ in range(3)] == [
        False,
        True,
        True,
    ]
