"""Probes of the services the site depends on, for the health endpoint."""

import secrets

from celery import current_app as celery_app
from django.conf import settings
from django.core.cache import cache
from django.db import connection


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error means "down"
        return {"status": "error", "engine": connection.vendor, "error": type(error).__name__}
    return {"status": "ok", "engine": connection.vendor}


def check_cache() -> dict:
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    token = secrets.token_hex(8)
    try:
        cache.set("health-check", token, timeout=10)
        ok = cache.get("health-check") == token
    except Exception as error:  # Redis down or unreachable
        return {"status": "error", "backend": backend, "error": type(error).__name__}
    return {"status": "ok" if ok else "error", "backend": backend}


def check_broker() -> dict:
    if settings.CELERY_BROKER_URL == "memory://":
        return {"status": "ok", "mode": "eager"}
    try:
        with celery_app.connection_for_write(url=settings.CELERY_BROKER_URL) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, timeout=3)
    except Exception as error:  # kombu wraps every transport failure
        return {"status": "error", "mode": "queue", "error": type(error).__name__}
    return {"status": "ok", "mode": "queue"}


def health_report() -> tuple[dict, int]:
    """Overall status: "ok", "degraded" when an auxiliary service is down, or
    "error" (HTTP 503) when the database is, since no page can be served then."""
    checks = {"database": check_database(), "cache": check_cache(), "broker": check_broker()}
    if checks["database"]["status"] != "ok":
        return {"status": "error", "checks": checks}, 503
    failing = [name for name, check in checks.items() if check["status"] != "ok"]
    return {"status": "degraded" if failing else "ok", "checks": checks}, 200
