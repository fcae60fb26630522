import pytest
from bs4 import BeautifulSoup

from core.models import AccessibilityStatementPage, AccessibilityStatus

pytestmark = pytest.mark.django_db

LEGAL_PAGES = {
    "Accessibilité : non conforme": "/accessibilite/",
    "Mentions légales": "/mentions-legales/",
    "Données personnelles": "/donnees-personnelles/",
    "Gestion des cookies": "/gestion-des-cookies/",
}


def footer(client, url="/"):
    return BeautifulSoup(client.get(url).content, "html.parser").select_one("footer.fr-footer")


def test_footer_has_the_four_mandatory_links(client):
    links = {
        a.get_text(strip=True): a["href"] for a in footer(client).select(".fr-footer__bottom-link")
    }
    assert links == LEGAL_PAGES


@pytest.mark.parametrize("url", LEGAL_PAGES.values())
def test_legal_pages_are_published_content_pages(client, url):
    response = client.get(url)
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").select_one("main")
    assert main.select_one(".fr-text--lead").get_text(strip=True)
    assert "Dernière mise à jour" in main.get_text()


def test_accessibility_status_follows_the_statement(client):
    statement = AccessibilityStatementPage.objects.get()
    statement.status = AccessibilityStatus.PARTIAL
    statement.compliance_rate = 62
    statement.save_revision().publish()
    labels = [a.get_text(strip=True) for a in footer(client).select(".fr-footer__bottom-link")]
    assert "Accessibilité : partiellement conforme" in labels


def test_footer_states_the_creative_commons_licence(client):
    licence = footer(client).select_one(".fr-footer__bottom-copy a[rel~=license]")
    assert licence.get_text(strip=True) == "Creative Commons BY-SA 4.0"
    assert licence["href"].startswith("https://creativecommons.org/licenses/by-sa/4.0")


def test_footer_lists_the_partners(client):
    names = [li.get_text(strip=True) for li in footer(client).select(".fr-footer__partners li")]
    assert names == ["ANCT", "Banque des Territoires", "Décider ensemble", "ICPC"]
