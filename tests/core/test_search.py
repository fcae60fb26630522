import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def search(client, query, **params):
    response = client.get("/recherche/", {"q": query, **params})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def groups(soup):
    return {
        section.select_one("h2").contents[0].strip(): [
            a.get_text(strip=True) for a in section.select(".tec-search-results h3 a")
        ]
        for section in soup.select("main section")
    }


def test_results_are_grouped_by_type(client):
    found = groups(search(client, "emploi"))
    assert found["Thématiques d'inspiration"] == ["Retour à l'emploi"]
    assert "Collectif Repérages" in found["Projets et expériences territoriales"]
    assert "Être bénévole ou volontaire : un tremplin vers l'emploi ?" in found["Ressources"]


def test_plain_pages_are_found_too(client):
    soup = search(client, "cookies")
    assert "Gestion des cookies" in groups(soup)["Pages du site"]
    assert soup.select_one("#page-search-input")["value"] == "cookies"


def test_a_group_can_be_shown_whole(client):
    soup = search(client, "emploi", type="projets")
    assert soup.select_one("main h2").get_text(strip=True) == "Projets et expériences territoriales"
    assert len(soup.select(".tec-search-results li")) == 4


def test_resources_lead_to_the_library_search(client):
    from tests.resources.factories import ResourceFactory

    for n in range(6):
        ResourceFactory(title=f"Mobilité solidaire {n}")
    soup = search(client, "mobilité")
    more = soup.select_one("#groupe-ressources").find_parent("section").select_one("a.fr-link")
    assert more["href"] == "/ressources/?q=mobilit%C3%A9"


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


def test_site_search_queries_do_not_grow_with_results(client, django_assert_max_num_queries):
    from tests.resources.factories import ResourceFactory
    from tests.themes.factories import ProjectPageFactory
    from themes.models import ProjectIndexPage

    index = ProjectIndexPage.objects.get()
    ResourceFactory(title="Budget participatif 0")
    ProjectPageFactory(parent=index, title="Budget participatif lycéen 0")
    client.get("/recherche/", {"q": "budget"})
    with django_assert_max_num_queries(40) as captured:
        client.get("/recherche/", {"q": "budget"})
    baseline = len(captured.captured_queries)
    for n in range(1, 10):
        ResourceFactory(title=f"Budget participatif {n}")
        ProjectPageFactory(parent=index, title=f"Budget participatif lycéen {n}")
    with django_assert_max_num_queries(baseline):
        soup = search(client, "budget")
    links = [a["href"] for a in soup.select(".tec-search-results li a")]
    # A preview of five per group.
    assert len([href for href in links if href.startswith("/ressources/")]) == 5
    assert len([href for href in links if href.startswith("/projets/")]) == 5
