import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from core.models import HomePage, Partner, SiteSettings

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.values_list("id", "path", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "partners": list(Partner.objects.values_list("id", "name")),
        "settings": list(SiteSettings.objects.values()),
        "sites": list(Site.objects.values()),
    }


def test_loading_the_demo_twice_changes_nothing():
    before = snapshot()  # the session fixture has already loaded it once
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before


def test_demo_site_root_is_the_home_page():
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.site_name == "Territoires en Commun"
    assert not Page.objects.filter(title__startswith="Welcome").exists()


def test_demo_keeps_an_editor_change():
    partner = Partner.objects.get(name="ICPC")
    partner.full_name = "Institut de la concertation"
    partner.save()
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    partner.refresh_from_db()
    assert partner.full_name == "Institut de la concertation"
