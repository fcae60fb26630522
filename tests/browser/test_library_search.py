"""The library's French search in a real browser, on the demo: a word finds its family,
a typo gets « Vouliez-vous dire » that runs in one click; on a desktop with the mouse,
on a phone with the keyboard only, the first result on the first screen; axe-core
clean in both DSFR themes on every page visited."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_library_filters import PHONE_HEIGHT, axe_clean_in_both_themes, phone

pytestmark = pytest.mark.browser
__all__ = ["phone"]  # the fixture, shared with the filters' journeys

DEMARCHE = "Comment mettre en place une démarche participative dans sa collectivité ?"


def test_a_word_finds_its_family_and_a_typo_gets_a_suggestion(demo_site, page):
    page.goto(demo_site.url + "/ressources/")
    search = page.get_by_role("searchbox", name="Rechercher une ressource")
    search.fill("participatif")
    page.get_by_role("button", name="Rechercher", exact=True).last.click()
    page.wait_for_url("**/ressources/?q=participatif*")
    expect(page.get_by_role("link", name=DEMARCHE)).to_be_visible()
    axe_clean_in_both_themes(page)

    page.goto(demo_site.url + "/ressources/?q=particpation")
    suggestion = page.get_by_role("link", name="« participation »")
    expect(suggestion).to_be_visible()
    suggestion.click()
    expect(page).to_have_url(re.compile(r"q=participation"))
    status = page.locator("[data-tec-status]")
    expect(status).to_contain_text("pour « participation »")
    assert int(status.inner_text().split()[0]) > 1
    axe_clean_in_both_themes(page)


def test_on_a_phone_the_keyboard_alone_searches_and_follows_the_suggestion(demo_site, phone):
    phone.goto(demo_site.url + "/ressources/")
    search = phone.get_by_role("searchbox", name="Rechercher une ressource")
    search.focus()
    phone.keyboard.type("concerter")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/ressources/?q=concerter*")
    first_result = phone.locator("#resultats .fr-card").first
    box = first_result.bounding_box()
    assert box is not None and box["y"] < PHONE_HEIGHT, box

    phone.goto(demo_site.url + "/ressources/?q=emplio")
    suggestion = phone.get_by_role("link", name="« emploi »")
    while not suggestion.evaluate("element => element === document.activeElement"):
        phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(re.compile(r"q=emploi"))
    box = phone.locator("#resultats .fr-card").first.bounding_box()
    assert box is not None and box["y"] < PHONE_HEIGHT, box
    axe_clean_in_both_themes(phone)
    assert phone.console_errors == []
