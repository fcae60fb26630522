"""The library's and the project index's filters in a real browser: on a desktop a
facet applies as soon as it is chosen; on a phone the results come first and
« Filtrer » opens the facets; keyboard only; axe-core clean in both DSFR themes."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations
from tests.browser.rgaa import set_dark_theme

pytestmark = pytest.mark.browser

PHONE_HEIGHT = 800


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": PHONE_HEIGHT})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


def axe_clean_in_both_themes(page) -> None:
    assert accessibility_violations(page) == [], "clair"
    set_dark_theme(page)
    assert accessibility_violations(page) == [], "sombre"


def test_a_facet_applies_as_soon_as_it_is_chosen(demo_site, page):
    page.goto(demo_site.url + "/ressources/")
    page.get_by_role("searchbox", name="Rechercher une ressource").fill("participation")
    page.get_by_role("button", name="Rechercher", exact=True).last.click()
    page.wait_for_url("**/ressources/?q=participation*")
    status = page.locator("[data-tec-status]")
    assert int(status.inner_text().split()[0]) > 1

    # No click on « Appliquer les filtres »: the choice is enough.
    page.get_by_role("group", name="Type").locator("label", has_text="Jeu").click()
    expect(status).to_have_text("1 ressource pour « participation »")
    expect(page).to_have_url(re.compile(r"\?q=participation&kind=jeu$"))
    expect(
        page.get_by_role("group", name="Type").get_by_role("checkbox", name="Jeu")
    ).to_be_checked()
    expect(status).to_have_attribute("role", "status")

    # The active filter is a tag that removes itself, in place too.
    page.get_by_role("link", name="Retirer le filtre Type : Jeu").click()
    expect(page).to_have_url(re.compile(r"\?q=participation$"))
    expect(status).not_to_have_text("1 ressource pour « participation »")

    # The shared address gives the same page, without JavaScript's help.
    page.goto(demo_site.url + "/ressources/?q=participation&kind=jeu")
    expect(status).to_have_text("1 ressource pour « participation »")
    page.get_by_role("link", name="Un jeu pour convaincre les non-convaincus").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Un jeu pour convaincre")
    assert page.console_errors == []


def test_on_a_phone_results_come_first_and_filters_work_with_the_keyboard(demo_site, phone):
    phone.goto(demo_site.url + "/ressources/")
    first_result = phone.locator("#resultats .fr-card").first
    box = first_result.bounding_box()
    assert box is not None and box["y"] < PHONE_HEIGHT, box
    kinds = phone.get_by_role("group", name="Type")
    expect(kinds).to_be_hidden()

    toggle = phone.get_by_role("button", name="Filtrer")
    toggle.focus()
    phone.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(kinds).to_be_visible()

    # Keyboard only: Tab into the facets, Space ticks a box, the results follow.
    game = kinds.get_by_role("checkbox", name=re.compile(r"^Jeu"))
    while not game.evaluate("element => element === document.activeElement"):
        phone.keyboard.press("Tab")
    phone.keyboard.press("Space")
    expect(phone.locator("[data-tec-status]")).to_have_text("1 ressource")
    expect(phone).to_have_url(re.compile(r"kind=jeu"))
    # The focus stays on the box just ticked.
    expect(kinds.get_by_role("checkbox", name=re.compile(r"^Jeu"))).to_be_focused()
    expect(phone.get_by_role("link", name="Retirer le filtre Type : Jeu")).to_be_visible()
    axe_clean_in_both_themes(phone)
    assert phone.console_errors == []


def test_projects_by_region_and_by_a_tag_typed_without_its_accent(demo_site, phone):
    phone.goto(demo_site.url + "/projets/")
    phone.get_by_role("button", name="Filtrer").click()
    regions = phone.get_by_role("group", name="Région")
    # Only régions with projects, each with its count, in French order.
    expect(
        regions.get_by_role("radio", name=re.compile(r"^Île-de-France \(\d+\)$"))
    ).to_be_visible()

    combobox = phone.get_by_role("combobox", name=re.compile("^Mot-clé"))
    combobox.press_sequentially("mobilite", delay=10)
    expect(phone.get_by_role("option").first).to_contain_text("mobilité inclusive")
    combobox.press("ArrowDown")
    combobox.press("Enter")
    expect(phone).to_have_url(re.compile(r"tag=mobilit"))
    expect(phone.locator("[data-tec-status]")).to_have_text("1 projet")
    expect(phone.get_by_role("link", name=re.compile("^Retirer le filtre Mot-clé"))).to_be_visible()
    axe_clean_in_both_themes(phone)
    assert phone.console_errors == []
