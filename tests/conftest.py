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
