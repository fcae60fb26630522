import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations
from tests.core.test_navigation import MAIN_NAVIGATION

pytestmark = pytest.mark.browser


def test_visitor_opens_home_and_follows_the_main_navigation(demo_site, page):
    page.goto(demo_site.url + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Territoires en Commun"
    assert accessibility_violations(page) == []

    for title, url in MAIN_NAVIGATION:
        page.get_by_role("navigation", name="Menu principal").get_by_role(
            "link", name=title, exact=True
        ).click()
        page.wait_for_url(demo_site.url + url)
        assert page.get_by_role("heading", level=1).inner_text() == title
        current = page.locator("#navigation-principale [aria-current=page]")
        assert current.inner_text() == title
        assert accessibility_violations(page) == [], url
    assert page.console_errors == []


def test_footer_legal_pages_and_error_page_are_accessible(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Accessibilité : non conforme").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Déclaration d'accessibilité"
    assert accessibility_violations(page) == []

    page.goto(demo_site.url + "/page-disparue/")
    assert page.get_by_role("heading", level=1).inner_text() == "Page non trouvée"
    assert accessibility_violations(page) == []


def test_header_search_finds_a_page(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_role("searchbox", name="Rechercher sur le site").fill("cookies")
    page.get_by_role("searchbox", name="Rechercher sur le site").press("Enter")
    page.wait_for_url("**/recherche/?q=cookies")
    page.get_by_role("link", name="Gestion des cookies").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gestion des cookies"
    assert accessibility_violations(page) == []


def test_on_a_phone_the_header_search_opens_as_a_named_dialog(demo_site, page):
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_site.url + "/")
    page.locator("#bouton-recherche").click()
    dialog = page.get_by_role("dialog", name="Rechercher")
    expect(dialog).to_be_visible()
    assert accessibility_violations(page) == []
    dialog.get_by_role("searchbox", name="Rechercher sur le site").fill("cookies")
    dialog.get_by_role("searchbox", name="Rechercher sur le site").press("Enter")
    page.wait_for_url("**/recherche/?q=cookies")
    assert not [text for text in messages if "missing accessible name" in text]
