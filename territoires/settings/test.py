"""Fast, synchronous settings for the test suite.

With DATABASE_URL and REDIS_URL set, the same suite runs against PostgreSQL
and Redis (the cache then lives in Redis, under its own key prefix).
"""

import os

from .base import *  # noqa: F403
from .base import CACHES, REDIS_URL, STORAGES, VAR_DIR
from .storage import file_storages

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"
# The demo's statement is the same on every run: the browser checks' own report
# (var/rgaa/) does not reach it.
RGAA_REPORT_DIR = VAR_DIR / "test-rgaa"
# Tests never write to a bucket the environment may name; tests/storage/ points the
# storages at an object store of their own.
STORAGES = {**STORAGES, **file_storages({})}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests change data and look again at once; the page-cache tests turn it on.
PAGE_CACHE_SECONDS = 0
# Admin tests log in with force_login; the two-factor tests turn this back on.
ADMIN_REQUIRE_2FA = False
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = f"tec-test-{os.getpid()}"
