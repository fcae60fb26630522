import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Only parsed by these checks, never connected to.
REDIS_URL = "redis://redis.example:6379/0"
SITE_URL = "https://territoires-en-commun.example"


def manage(*args, **env):
    ignored = {
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "REDIS_URL",
        "CELERY_BROKER_URL",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "SITE_URL",
    }
    base = {k: v for k, v in os.environ.items() if k not in ignored}
    production = {"DJANGO_SETTINGS_MODULE": "territoires.settings.production", "SITE_URL": SITE_URL}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **production, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checks_pass_with_a_real_secret_and_host():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="territoires-en-commun.example",
        REDIS_URL=REDIS_URL,
        LEGAL_HOST_NAME="Hébergeur SAS",
        LEGAL_HOST_ADDRESS="1 rue de l'Exemple, 75001 Paris",
    )
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret():
    result = manage("check", ALLOWED_HOSTS="territoires-en-commun.example", REDIS_URL=REDIS_URL)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_public_host():
    result = manage("check", SECRET_KEY=secrets.token_urlsafe(64), REDIS_URL=REDIS_URL)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name the public host" in result.stderr


def test_production_refuses_to_start_without_redis():
    result = manage(
        "check",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="territoires-en-commun.example",
    )
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_production_refuses_a_broker_in_the_cache_database():
    result = manage(
        "check",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="territoires-en-commun.example",
        REDIS_URL=REDIS_URL,
        CELERY_BROKER_URL="redis://redis.example:6379",
    )
    assert result.returncode != 0
    assert "CELERY_BROKER_URL must use another Redis database" in result.stderr


def test_production_derives_the_broker_from_the_cache():
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.CELERY_BROKER_URL)",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="territoires-en-commun.example",
        REDIS_URL=REDIS_URL,
        LEGAL_HOST_NAME="Hébergeur SAS",
        LEGAL_HOST_ADDRESS="1 rue de l'Exemple, 75001 Paris",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "redis://redis.example:6379/1"


def test_production_refuses_to_start_without_its_public_address():
    result = manage(
        "check",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="territoires-en-commun.example",
        REDIS_URL=REDIS_URL,
        SITE_URL="",
    )
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr
