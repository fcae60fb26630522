"""/recherche/ reads queries with the library's French analyser: plurals, queries
without words, quotes and « -mot », the suggestion."""

import pytest
from bs4 import BeautifulSoup

from tests.resources.factories import ResourceFactory
from tests.themes.factories import ProjectPageFactory
from themes.models import ProjectIndexPage

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def titles(soup) -> set[str]:
    return {a.get_text(strip=True) for a in soup.select(".tec-search-results h3 a")}


@pytest.mark.parametrize(("plural", "singular"), [("emplois", "emploi"), ("détenus", "détenu")])
def test_plural_and_singular_find_the_same(client, plural, singular):
    index = ProjectIndexPage.objects.get()
    ProjectPageFactory(parent=index, title=f"Un atelier sur les {plural} du territoire")
    ProjectPageFactory(parent=index, title=f"Un projet pour un {singular} du territoire")
    ResourceFactory(title=f"Guide : les {plural} du territoire")
    assert titles(search(client, plural, type="projets")) == titles(
        search(client, singular, type="projets")
    )
    assert titles(search(client, plural)) == titles(search(client, singular))
    assert len(titles(search(client, plural, type="projets"))) >= 2


@pytest.mark.parametrize("query", ["a", "%", "*", "😀", "les des"])
def test_a_query_without_words_finds_nothing_and_says_why(client, query):
    soup = search(client, query)
    assert "ne contient aucun mot à chercher" in soup.select_one(".tec-search-hint").get_text()
    assert not soup.select(".tec-search-results li")


def test_quotes_and_exclusion_reach_the_resources(client):
    ResourceFactory(title="Lancer un budget participatif zorglub")
    ResourceFactory(title="Le budget zorglub de la démarche participative")
    found = titles(search(client, '"budget participatif" zorglub', type="ressources"))
    assert found == {"Lancer un budget participatif zorglub"}
    found = titles(search(client, "zorglub -lancer", type="ressources"))
    assert found == {"Le budget zorglub de la démarche participative"}


def test_a_typo_gets_a_suggestion(client):
    ResourceFactory(title="La médiation numérique en bibliothèque")
    soup = search(client, "médiatoin")
    link = soup.select_one(".tec-search-suggestion a")
    assert link is not None and "mediation" in link.get_text()
    assert "La médiation numérique en bibliothèque" in titles(
        BeautifulSoup(client.get("/recherche/" + link["href"]).content, "html.parser")
    )
