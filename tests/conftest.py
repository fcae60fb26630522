from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Site

TESTS = Path(__file__).parent
# What these tests prove lives in PostgreSQL, Redis, the object store or a real
# server: CI runs them once, in its integration stage on those services, and every
# other test once on the embedded default. `make test` runs them all here.
INTEGRATION = (
    "browser/",
    "integration/",
    "security/",
    "storage/",
    "core/test_cache_clear.py",
    "core/test_page_cache.py",
    "core/test_rate_limits.py",
    "newsletter/test_concurrent_sending.py",
    "resources/test_search_index.py",
    "votes/test_concurrency_postgresql.py",
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.relative_to(TESTS).as_posix().startswith(INTEGRATION):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, built once: pages, partners and settings as a visitor finds them."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions():
    """A thread a test started may still hold a connection to the test database,
    which PostgreSQL then refuses to drop: end those sessions (of our own test
    database only) so that the run leaves nothing behind."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(scope="session", autouse=True)
def _no_cache_keys_left_behind():
    """On Redis, the run's keys (under its own prefix) go when it ends."""
    yield
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts with none."""
    from django.conf import settings
    from django.core.cache import caches

    caches[settings.RATE_LIMIT_CACHE].clear()
