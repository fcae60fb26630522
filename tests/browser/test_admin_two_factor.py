"""An editor enrols the second factor through the e-mailed link, on one 2FA page shown
once (the icon sprite loads as icons, not as a second copy of the page), keeps the
recovery codes, and signs in again with one of them."""

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations
from tests.two_factor import PASSWORD, current_code, make_editor

pytestmark = pytest.mark.browser


def sign_in(page, url, editor):
    page.goto(f"{url}/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/2fa/.*"))


def expect_one_two_factor_page(page):
    page.wait_for_load_state("networkidle")
    expect(page.get_by_role("heading", name="Double authentification")).to_have_count(1)
    expect(page.locator("input[name=code]")).to_have_count(1)


def test_enrolment_by_the_emailed_link_then_a_login_with_a_recovery_code(demo_site, page, settings):
    settings.ADMIN_REQUIRE_2FA = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    editor = make_editor()

    sign_in(page, demo_site.url, editor)
    expect(page.locator("svg[role=img] title", has_text="QR code")).to_have_count(0)
    page.get_by_role("button", name="Recevoir le lien d'activation par e-mail").click()
    expect(page.get_by_role("status")).to_contain_text("Un lien d'activation vient d'être envoyé")

    link = re.search(r"https?://\S+(/admin/2fa/activer/\S+/)", mail.outbox[-1].body)[1]
    page.goto(demo_site.url + link)
    expect_one_two_factor_page(page)
    expect(page.get_by_text("saisissez cette clé")).to_be_visible()
    assert accessibility_violations(page) == []
    device = TOTPDevice.objects.get(user=editor)
    page.fill("input[name=code]", current_code(device))
    page.get_by_role("button", name="Activer la double authentification").click()

    expect(page.get_by_text("ils ne seront plus jamais affichés")).to_be_visible()
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert accessibility_violations(page) == []
    page.get_by_role("link", name="J'ai noté mes codes, continuer vers l'administration").click()
    page.wait_for_url(f"{demo_site.url}/admin/")

    page.context.clear_cookies()
    sign_in(page, demo_site.url, editor)
    expect_one_two_factor_page(page)
    page.fill("input[name=code]", codes[0])
    page.get_by_role("button", name="Valider").click()
    expect(page.get_by_text("Il vous reste 9 codes de secours.")).to_be_visible()
    page.get_by_role("link", name="Continuer vers l'administration").click()
    page.wait_for_url(f"{demo_site.url}/admin/")
    assert page.console_errors == []
