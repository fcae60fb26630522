from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, connections
from wagtail.models import Site

from tests.database_snapshot import snapshot_restore, snapshot_take

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
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = item.path.relative_to(TESTS).as_posix()
        if path.startswith(INTEGRATION) or path.endswith("_postgresql.py"):
            item.add_marker(pytest.mark.integration)


# What the test database holds once built (the migrations' data and the demo), kept
# before the first transactional test of a worker to be put back after it empties it.
SESSION_DATA: dict = {}
DB_FIXTURES = {"db", "transactional_db", "live_server", "demo_site"}
TRANSACTIONAL_FIXTURES = {"transactional_db", "live_server", "demo_site"}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, built once: pages, partners and settings as a visitor finds them."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    SESSION_DATA["blocker"] = django_db_blocker
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions():
    """A thread a test started may still hold a connection to the test database,
    which PostgreSQL then refuses to drop: end those sessions (of our own test
    database only) so that the run leaves nothing behind. Asked from the server's
    maintenance database: our own connection may be one of those a test ended."""
    if connection.vendor != "postgresql":
        return
    name = connection.settings_dict["NAME"]
    connections.close_all()
    with connection._nodb_cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A transactional test (a browser journey, a race) empties the database when it
    ends, and pytest-xdist may give the same worker other tests after it: those find
    the migrations' data (groups, the default site) and the demo again, committed
    once, as in a fresh run. This runs before any fixture opens the test's transaction."""
    if "tables" not in SESSION_DATA or not _uses_database(item):
        return
    with SESSION_DATA["blocker"].unblock():
        if not Site.objects.exists():
            snapshot_restore(connection, SESSION_DATA["tables"])
            ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _session_data_kept(request):
    """Before a worker's first transactional test, the database still holds what the
    session built: kept then (copying it costs a second, and most runs need it not)."""
    if "tables" in SESSION_DATA or not _is_transactional(request.node):
        return
    request.getfixturevalue("django_db_setup")
    with SESSION_DATA["blocker"].unblock():
        SESSION_DATA["tables"] = snapshot_take(connection)


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool(TRANSACTIONAL_FIXTURES & set(getattr(item, "fixturenames", ())))


def _uses_database(item):
    return item.get_closest_marker("django_db") or DB_FIXTURES & set(
        getattr(item, "fixturenames", ())
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
