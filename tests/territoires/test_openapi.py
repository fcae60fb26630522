"""/api/openapi.json describes the API as it behaves; /api/ explains it in French."""

import pytest
from bs4 import BeautifulSoup
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate

from core.geography import REGIONS
from resources.filters import ResourceFilterSet
from resources.models import ResourceKind
from tests.resources.factories import ResourceFactory
from themes.filters import ProjectFilterSet

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def parameters(document, path):
    found = {}
    for parameter in document["paths"][path]["get"]["parameters"]:
        if "$ref" in parameter:
            parameter = document["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[1]]
        found[parameter["name"]] = parameter
    return found


def assert_matches(document, schema_name, instance):
    """The answer validates against the documented schema (which refuses unknown fields)."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    OAS31Validator(schema).validate(instance)


def test_document_is_valid_openapi_3_1(document):
    validate(document)
    assert document["openapi"] == "3.1.0"
    assert document["servers"] == [{"url": "http://testserver"}]
    assert set(document["paths"]) == {
        "/api/ressources/",
        "/api/ressources/{slug}/",
        "/api/projets/",
        "/api/projets/{slug}/",
        "/api/evenements/",
        "/api/evenements/{slug}/",
    }


def test_parameters_are_those_of_the_filters(document):
    resources = parameters(document, "/api/ressources/")
    assert set(resources) == {"q", "tri", "page", "page_size", *ResourceFilterSet.base_filters}
    assert resources["kind"]["schema"]["items"]["enum"] == list(ResourceKind.values)
    assert resources["kind"]["explode"] is True
    assert resources["year"]["schema"] == {"type": "integer", "minimum": 1, "maximum": 9999}
    assert resources["page_size"]["schema"]["maximum"] == 100
    projects = parameters(document, "/api/projets/")
    assert set(projects) == {"page", "page_size", *ProjectFilterSet.base_filters}
    assert set(projects["region"]["schema"]["enum"]) == set(REGIONS)
    assert "`11` (Île-de-France)" in projects["region"]["description"]


def test_answers_match_the_documented_schemas(client, document):
    ResourceFactory(slug="documentee", tags=["test"], publisher=None)
    assert_matches(document, "ResourceList", client.get("/api/ressources/?page_size=100").json())
    assert_matches(document, "Resource", client.get("/api/ressources/documentee/").json())
    assert_matches(document, "ProjectList", client.get("/api/projets/").json())
    assert_matches(document, "Project", client.get("/api/projets/collectif-reperages/").json())
    assert_matches(document, "Errors", client.get("/api/ressources/?year=abc").json())
    assert_matches(document, "NotFound", client.get("/api/projets/inconnu/").json())


def test_documentation_page_lists_endpoints_and_parameters(client, document):
    response = client.get("/api/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("h1").get_text(strip=True) == "API de Territoires en Commun"
    assert soup.select_one(".fr-breadcrumb").get_text(" ", strip=True).endswith("API")
    text = soup.select_one("main").get_text(" ", strip=True)
    for path in document["paths"]:
        assert f"GET {path}" in text
    for path in ("/api/ressources/", "/api/projets/"):
        for name in parameters(document, path):
            assert soup.find("code", string=name), name
    assert soup.find("a", href="/api/openapi.json")
    assert '"page_url": "http://testserver/ressources/' in text


def test_documentation_examples_work(client):
    soup = BeautifulSoup(client.get("/api/").content, "html.parser")
    examples = [a["href"] for a in soup.select("main a[href^='/api/']") if "?" in a["href"]]
    assert len(examples) >= 3
    for href in examples:
        response = client.get(href)
        assert response.status_code == 200, href
        # Each example shows something on the demo content.
        assert response.json()["count"] > 0, href


def test_documentation_page_reads_well(client):
    soup = BeautifulSoup(client.get("/api/").content, "html.parser")
    main = soup.select_one("main")
    # The descriptions' Markdown code spans are shown as code, not as backticks.
    assert "`" not in main.get_text()
    assert main.find("code", string="tags[].slug")
    # Tables wrap their long descriptions instead of widening the page.
    assert all("fr-table--multiline" in table["class"] for table in main.select(".fr-table"))


def test_every_page_links_to_the_api_from_its_footer(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.select_one("footer").find("a", href="/api/")


def test_unknown_api_address_answers_in_json(client):
    response = client.get("/api/inconnu/")
    assert response.status_code == 404
    assert response.json() == {
        "erreur": "Cette adresse ne correspond à aucun point d'accès de l'API."
    }
