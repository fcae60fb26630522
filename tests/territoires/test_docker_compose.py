"""The compose stack, checked without a Docker engine (CI runs `docker compose config` where one exists)."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_stack_has_the_five_services_each_with_a_health_check(compose):
    services = compose["services"]
    assert set(services) == {"web", "worker", "beat", "db", "redis"}
    for name, service in services.items():
        assert service["healthcheck"]["test"], name


def test_app_services_run_gunicorn_celery_worker_and_beat(compose):
    services = compose["services"]
    assert "gunicorn territoires.wsgi" in services["web"]["command"]
    assert services["worker"]["command"].startswith("celery -A territoires worker")
    assert services["beat"]["command"].startswith("celery -A territoires beat")
    for name in ("web", "worker", "beat"):
        assert services[name]["build"] == "."
        env = services[name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "territoires.settings.production"
        assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
        assert env["REDIS_URL"] == "redis://redis:6379/0"
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"


def test_data_lives_in_named_volumes(compose):
    assert "pgdata:/var/lib/postgresql/data" in compose["services"]["db"]["volumes"]
    assert {"pgdata", "media"} <= set(compose["volumes"])


def test_image_installs_from_the_hash_locked_requirements():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11" in dockerfile
    assert "--require-hashes -r requirements/production.lock" in dockerfile
