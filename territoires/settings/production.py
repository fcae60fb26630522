"""Production: refuses to start without a real secret, host, public address and
Redis; HTTPS only."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CELERY_BROKER_URL,
    MIDDLEWARE,
    REDIS_URL,
    SECRET_KEY,
    STORAGES,
    env_bool,
)
from .redis import redis_same_database

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY must be set to a random value of 50+ characters.")
if not ALLOWED_HOSTS or ALLOWED_HOSTS == ["localhost", "127.0.0.1"]:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the public host(s).")
# Every link in pages, e-mails, feeds and the sitemap is built on it.
if not os.environ.get("SITE_URL"):
    raise ImproperlyConfigured("SITE_URL must be set to the public address (https://…).")
# Several web processes and hosts share the cache, page cache and rate limits only
# through Redis; a per-process memory cache would serve stale pages and count
# rate limits per process.
if not REDIS_URL:
    raise ImproperlyConfigured(
        "REDIS_URL must be set (e.g. redis://redis:6379/0): every web process and "
        "worker shares its cache, page cache and rate limits through Redis."
    )
if redis_same_database(CELERY_BROKER_URL, REDIS_URL):
    raise ImproperlyConfigured(
        "CELERY_BROKER_URL must use another Redis database than REDIS_URL (the cache); "
        "leave it unset to use the next database number."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# The health endpoint is probed over plain HTTP inside the container network.
SECURE_REDIRECT_EXEMPT = [r"^sante/$"]
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# gunicorn serves the collected static files itself, compressed and cache-busted.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
# Uploaded files keep base's choice (the object store when its buckets are set).
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
