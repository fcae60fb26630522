"""« Mot-clé » finds a tag by its name as people type it, accents and case ignored, on
/projets/ and /ressources/, and the autocomplete proposes the tags in use."""

import pytest
from bs4 import BeautifulSoup

from tests.resources.factories import ResourceFactory
from themes.filters import tag_matching

pytestmark = pytest.mark.django_db


def project_titles(client, **params):
    soup = BeautifulSoup(client.get("/projets/", params).content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select(".fr-card__title a")}


@pytest.mark.parametrize(
    "typed",
    ["mobilité inclusive", "mobilite inclusive", "Mobilité", "MOBILITE", "mobilite-inclusive"],
)
def test_a_tag_is_found_by_its_name_without_accents_or_case(typed):
    assert [tag.name for tag in tag_matching(text=typed)] == ["mobilité inclusive"]


def test_an_exact_tag_wins_over_the_tags_it_is_a_word_of():
    assert [tag.slug for tag in tag_matching(text="Emploi")] == ["emploi"]
    assert list(tag_matching(text="  ")) == []


def test_projects_by_tag_name(client):
    by_slug = project_titles(client, tag="emploi")
    assert by_slug and project_titles(client, tag="Emploi") == by_slug
    assert project_titles(client, tag="mobilite inclusive") == project_titles(
        client, tag="mobilité"
    )
    assert project_titles(client, tag="mobilité")


def test_library_by_tag_name_ticks_the_tag(client):
    ResourceFactory(title="Covoiturage solidaire", tags=["mobilité inclusive"])
    soup = BeautifulSoup(client.get("/ressources/", {"tag": "Mobilite"}).content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".fr-card__title a")] == [
        "Covoiturage solidaire"
    ]
    checked = soup.select_one("#facette-tag input[checked]")
    assert checked["value"] == "mobilite-inclusive"
    assert soup.select_one(f"label[for={checked['id']}]").get_text(" ", strip=True) == (
        "mobilité inclusive (1)"
    )


def test_the_autocomplete_proposes_tags_in_use_with_their_count(client):
    ResourceFactory(tags=["mobilité inclusive"])
    ResourceFactory(tags=["mobilité inclusive"], live=False)
    data = client.get("/ressources/mots-cles.json", {"q": "MOBILI"}).json()
    assert data["results"][0] == {
        "id": "mobilite-inclusive",
        "label": "mobilité inclusive",
        "detail": "1 ressource",
    }
    projects = client.get("/projets/mots-cles.json", {"q": "emplo"}).json()["results"]
    assert projects[0]["id"] == "emploi" and projects[0]["detail"].endswith("projets")
    assert client.get("/projets/mots-cles.json", {"q": "e"}).json() == {"results": []}
