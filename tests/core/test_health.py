import pytest
from django.db import OperationalError, connection
from django.test import override_settings

pytestmark = pytest.mark.django_db

UNREACHABLE_REDIS = "redis://127.0.0.1:1/0"


def test_health_reports_each_dependency(client, settings):
    response = client.get("/sante/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    report = response.json()
    assert report["status"] == "ok"
    assert report["checks"]["database"] == {"status": "ok", "engine": connection.vendor}
    assert report["checks"]["cache"]["status"] == "ok"
    expected_mode = "eager" if settings.CELERY_BROKER_URL == "memory://" else "queue"
    assert report["checks"]["broker"] == {"status": "ok", "mode": expected_mode}


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": UNREACHABLE_REDIS,
        }
    },
    CELERY_BROKER_URL=UNREACHABLE_REDIS,
)
def test_health_is_degraded_when_redis_is_down(client):
    report = client.get("/sante/").json()
    assert report["status"] == "degraded"
    assert report["checks"]["cache"]["status"] == "error"
    assert report["checks"]["broker"]["status"] == "error"
    assert report["checks"]["database"]["status"] == "ok"


def test_health_fails_when_the_database_is_down(client, monkeypatch):
    def refuse():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/sante/")
    assert response.status_code == 503
    assert response.json()["checks"]["database"]["status"] == "error"
