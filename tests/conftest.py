import pytest
from django.core.management import call_command
from wagtail.models import Site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo site, built once: pages, partners and settings as a visitor finds them."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts with none."""
    from django.conf import settings
    from django.core.cache import caches

    caches[settings.RATE_LIMIT_CACHE].clear()
