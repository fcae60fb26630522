import pytest
from bs4 import BeautifulSoup

from tests.themes.factories import ProjectPageFactory
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


def titles(client, **params):
    response = client.get("/projets/", params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select(".fr-card__title a")}, soup


def test_projects_filter_by_region(client):
    found, _ = titles(client, region="11")
    assert found == {"Collectif Repérages", "Handipacte Île-de-France"}


def test_projects_filter_by_theme_and_tag_combined(client):
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    found, _ = titles(client, theme=theme.pk, tag="formation")
    assert found == {"Collectif Repérages"}


def test_unknown_filter_values_are_ignored_with_a_message(client):
    found, soup = titles(client, region="zz", theme="abc")
    assert "n'a pas été reconnu" in soup.select_one(".fr-alert").get_text()
    assert len(found) == 8


def test_no_match_shows_the_empty_state_with_a_reset_link(client):
    found, soup = titles(client, tag="inexistant")
    assert found == set()
    assert soup.find("a", string="Effacer la recherche et les filtres")["href"] == "/projets/"


def test_project_page_shows_territory_and_external_link(client):
    soup = BeautifulSoup(client.get("/projets/collectif-reperages/").content, "html.parser")
    facts = soup.select_one(".tec-facts").get_text(" ", strip=True)
    assert "Val-de-Marne" in facts and "Île-de-France" in facts


def test_the_region_follows_the_departement(project_index):
    project = ProjectPageFactory(parent=project_index, departement="44")
    assert project.region == "52"


def test_project_index_paginates_with_constant_queries(
    client, project_index, django_assert_max_num_queries
):
    client.get("/projets/")
    with django_assert_max_num_queries(30) as captured:
        client.get("/projets/")
    baseline = len(captured.captured_queries)
    ProjectPageFactory.create_batch(15, parent=project_index)
    with django_assert_max_num_queries(baseline):
        response = client.get("/projets/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".fr-card")) == 12
    assert soup.select_one("nav.fr-pagination")
    second = BeautifulSoup(client.get("/projets/", {"page": 2}).content, "html.parser")
    assert len(second.select(".fr-card")) == 11


@pytest.mark.parametrize("theme", ["99999999999999999999999", "-1", "0"])
def test_out_of_range_theme_ids_are_refused_not_crashed_on(client, theme):
    found, soup = titles(client, theme=theme)
    assert "n'a pas été reconnu" in soup.select_one(".fr-alert").get_text()
    assert len(found) == 8
