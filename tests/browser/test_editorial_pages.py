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


# Searching then filtering the library: tests/browser/test_library_filters.py.


def test_visitor_goes_from_home_to_the_theme_of_the_month(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Découvrez la thématique").click()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading.startswith("Mettre en place une démarche participative")
    page.get_by_role("link", name="Je souhaite préciser mon besoin").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Préciser mon besoin"
