import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_violations

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "theme index": "/thematiques/",
    "theme": "/thematiques/retour-a-l-emploi/",
    "concept index": "/concepts/",
    "concept": "/concepts/qualite-de-la-participation/",
    "project index": "/projets/?region=11",
    "project": "/projets/collectif-reperages/",
    "library": "/ressources/?q=participation",
    "resource": "/ressources/evaluer-les-demarches-de-participation-citoyenne/",
    "site search": "/recherche/?q=emploi",
    "API documentation": "/api/",
}


def test_every_editorial_page_type_passes_axe(demo_site, page):
    for name, url in PAGE_TYPES.items():
        page.goto(demo_site.url + url)
        expect(page.get_by_role("heading", level=1)).to_have_count(1)
        assert accessibility_violations(page) == [], name
    assert page.console_errors == []


def test_visitor_searches_then_filters_the_library(demo_site, page):
    page.goto(demo_site.url + "/ressources/")
    page.get_by_role("searchbox", name="Rechercher une ressource").fill("participation")
    page.get_by_role("button", name="Rechercher", exact=True).last.click()
    page.wait_for_url("**/ressources/?q=participation*")
    status = page.get_by_role("status").first
    before = int(status.inner_text().split()[0])
    page.get_by_role("group", name="Type").locator("label", has_text="Jeu").click()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**kind=jeu*")
    assert page.get_by_role("status").first.inner_text().startswith("1 ressource")
    assert before > 1
    page.get_by_role("link", name="Un jeu pour convaincre les non-convaincus").click()
    assert "Un jeu pour convaincre" in page.get_by_role("heading", level=1).inner_text()
    assert accessibility_violations(page) == []


def test_visitor_goes_from_home_to_the_theme_of_the_month(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Découvrez la thématique").click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("Mettre en place une démarche participative")
    page.get_by_role("link", name="Je souhaite préciser mon besoin").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Préciser mon besoin"
