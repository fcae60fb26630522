import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

MAIN_NAVIGATION = [
    ("Thématiques", "/thematiques/"),
    ("Projets", "/projets/"),
    ("Ressources", "/ressources/"),
    ("Agenda", "/agenda/"),
    ("Votes", "/votes/"),
    ("Newsletter", "/newsletter/"),
]


def nav_links(soup):
    return [(a.get_text(strip=True), a["href"]) for a in soup.select("nav#navigation-principale a")]


def test_main_navigation_lists_the_six_sections_in_order(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert nav_links(soup) == MAIN_NAVIGATION


@pytest.mark.parametrize(("title", "url"), MAIN_NAVIGATION)
def test_every_navigation_target_renders_in_the_dsfr_layout(client, title, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.select_one("header.fr-header") and soup.select_one("footer.fr-footer")
    assert soup.select_one("main h1").get_text(strip=True) == title
    current = soup.select_one("nav#navigation-principale a[aria-current=page]")
    assert current.get_text(strip=True) == title
    crumbs = [li.get_text(strip=True) for li in soup.select("nav.fr-breadcrumb li")]
    assert crumbs == ["Accueil", title]
    assert soup.title.get_text(strip=True) == f"{title} — Territoires en Commun"


def test_section_without_content_says_so(client):
    from events.models import EventPage

    for event in EventPage.objects.all():
        event.delete()
    soup = BeautifulSoup(client.get("/agenda/").content, "html.parser")
    assert "Aucun événement n'est annoncé pour le moment." in soup.select_one("main").get_text()


def test_sitemap_lists_the_sections(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    for _title, url in MAIN_NAVIGATION:
        assert url.encode() in response.content
