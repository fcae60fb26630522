import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def search(client, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_search_finds_published_pages(client):
    soup = search(client, "cookies")
    titles = [a.get_text(strip=True) for a in soup.select(".tec-search-results h2 a")]
    assert "Gestion des cookies" in titles
    assert soup.select_one("#page-search-input")["value"] == "cookies"


def test_search_without_results_says_so(client):
    soup = search(client, "zzzxqw")
    assert "Aucun résultat pour « zzzxqw »" in soup.select_one("main").get_text()


def test_empty_search_invites_to_type(client):
    soup = search(client, "")
    assert "Saisissez un ou plusieurs mots" in soup.select_one("main").get_text()


@pytest.mark.parametrize(
    "query", ['"', "'", "OR", "AND NOT", "-", "*", "(", '"accès', "é" * 2000, "x&y|z!:*" * 300]
)
def test_odd_queries_never_break_the_page(client, query):
    soup = search(client, query)
    assert len(soup.select_one("#page-search-input")["value"]) <= 200
