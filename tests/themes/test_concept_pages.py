import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def test_concept_page_shows_its_sections_and_further_reading(client):
    response = client.get("/concepts/qualite-de-la-participation/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Le concept du mois · décembre 2021" in soup.select_one("main .fr-badge").get_text()
    headings = [h.get_text(strip=True) for h in soup.select("main .tec-prose h2")]
    assert "Les critères d'évaluation des Trophées de la participation" in headings
    assert len(soup.select("main .tec-prose ul li")) == 7
    further = soup.select_one("#aller-plus-loin").find_parent("section")
    links = further.select("a")
    assert links[0].contents[0].startswith("L'Indice de Qualité Démocratique")
    for link in links:  # external: safe and announced to screen readers
        assert link["target"] == "_blank" and "noopener" in link["rel"]
        assert "site externe" in link.select_one(".fr-sr-only").get_text()


def test_concept_index_lists_concepts_by_year(client):
    soup = BeautifulSoup(client.get("/concepts/").content, "html.parser")
    years = [h.get_text(strip=True) for h in soup.select("main h2")]
    assert years == ["2022", "2021"]
    assert soup.select_one("main").get_text().index("Le récit") < soup.select_one(
        "main"
    ).get_text().index("Qualité de la participation")
