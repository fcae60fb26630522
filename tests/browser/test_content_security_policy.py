"""The strict Content-Security-Policy breaks nothing, in the public site or the admin."""

import pytest
from django.contrib.auth import get_user_model

from themes.models import ThemePage

pytestmark = pytest.mark.browser

PASSWORD = "mot-de-passe-solide-42"


@pytest.fixture
def signed_in_editor(demo_site, page):
    get_user_model().objects.create_superuser("chef", "chef@anct.example", PASSWORD)
    page.goto(f"{demo_site.url}/admin/login/")
    page.fill("#id_username", "chef")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{demo_site.url}/admin/")
    return page


def test_public_pages_run_their_scripts_under_the_policy(demo_site, page):
    page.goto(f"{demo_site.url}/")
    # The DSFR script ran: it marks the document once its components are started.
    page.wait_for_function("document.documentElement.hasAttribute('data-fr-js')")
    page.goto(f"{demo_site.url}/ressources/?q=emploi")
    assert page.console_errors == []


def test_the_admin_editors_work_under_the_policy(signed_in_editor, demo_site):
    page = signed_in_editor
    theme = ThemePage.objects.live().first()
    page.goto(f"{demo_site.url}/admin/pages/{theme.pk}/edit/")
    page.wait_for_selector("[data-controller~='w-unsaved'], form#page-edit-form")
    # The resource form has a date field, whose picker Wagtail starts with an inline script.
    page.goto(f"{demo_site.url}/admin/snippets/resources/resource/add/")
    page.wait_for_selector("#id_published_on")
    page.click("#id_published_on")
    page.wait_for_selector(".xdsoft_datetimepicker", state="visible")
    assert not [e for e in page.console_errors if "Content Security Policy" in e]
