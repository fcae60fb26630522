"""What the environment variables switch, read through real settings imports."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICE_VARIABLES = {
    "DATABASE_URL",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "EMAIL_HOST",
    "VAR_DIR",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DEBUG",
}

PROBE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "eager": s.CELERY_TASK_ALWAYS_EAGER,
    "broker": s.CELERY_BROKER_URL,
    "cache": s.CACHES["default"]["BACKEND"],
    "email": s.EMAIL_BACKEND,
    "email_path": getattr(s, "EMAIL_FILE_PATH", None),
    "database": s.DATABASES["default"]["ENGINE"],
    "debug": s.DEBUG,
}))
"""


def run(args, **env):
    base = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    return subprocess.run(
        args,
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "territoires.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def settings_with(**env):
    return json.loads(run([sys.executable, "-c", PROBE], **env).stdout)


def test_embedded_default_needs_no_server(tmp_path):
    settings = settings_with(VAR_DIR=str(tmp_path))
    assert settings["database"] == "django.db.backends.sqlite3"
    assert settings["eager"] is True and settings["broker"] == "memory://"
    assert settings["cache"].endswith("LocMemCache")
    assert settings["email"].endswith("filebased.EmailBackend")
    assert settings["email_path"] == str(tmp_path / "mail")
    # `make run` shows the site as visitors see it; `make dev` sets DEBUG=1.
    assert settings["debug"] is False


def test_debug_is_turned_on_by_make_dev(tmp_path):
    assert settings_with(VAR_DIR=str(tmp_path), DEBUG="1")["debug"] is True


def test_redis_url_switches_cache_and_broker(tmp_path):
    settings = settings_with(VAR_DIR=str(tmp_path), REDIS_URL="redis://cache.example:6379/2")
    assert settings["eager"] is False
    assert settings["broker"] == "redis://cache.example:6379/3"  # a database of its own
    assert settings["cache"].endswith("RedisCache")


def test_an_explicit_broker_url_is_kept(tmp_path):
    settings = settings_with(
        VAR_DIR=str(tmp_path),
        REDIS_URL="redis://cache.example:6379/2",
        CELERY_BROKER_URL="redis://broker.example:6379/0",
    )
    assert settings["broker"] == "redis://broker.example:6379/0"


def test_email_host_switches_to_smtp(tmp_path):
    settings = settings_with(VAR_DIR=str(tmp_path), EMAIL_HOST="smtp.example")
    assert settings["email"].endswith("smtp.EmailBackend")


def test_an_email_sent_on_the_embedded_default_lands_in_var_mail(tmp_path):
    run([sys.executable, "manage.py", "sendtestemail", "elu@mairie.example"], VAR_DIR=str(tmp_path))
    [message] = list((tmp_path / "mail").iterdir())
    assert "To: elu@mairie.example" in message.read_text()
