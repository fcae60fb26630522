"""The JSON search behind the autocomplete: cheap, capped, never an error page."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = "/collectivites/recherche"


def test_the_url_name_is_the_one_the_widget_uses():
    assert reverse("collectivite-search") == URL


def test_answers_options_with_a_label_that_the_field_understands(client):
    response = client.get(URL, {"q": "saint etienne"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    first = response.json()["results"][0]
    assert first["label"] == "Saint-Étienne (42)"
    assert first["detail"] == "Commune · 42000 · code INSEE 42218"
    assert first["kind"] == "commune"
    assert isinstance(first["id"], int)
    assert "max-age" in response["Cache-Control"]


def test_types_restrict_the_options(client):
    results = client.get(URL, {"q": "lyon", "types": "epci"}).json()["results"]
    assert results and all(r["kind"] == "epci" for r in results)
    assert results[0]["detail"] == "Intercommunalité · SIREN 200046977"


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": ""},
        {"q": "\x00\x00"},
        {"q": "x" * 100_000},
        {"q": "%_%"},
        {"q": "🏛️ mairie"},
        {"q": "' OR 1=1 --"},
        {"q": "lyon", "types": "\x00,,commune," * 100},
        {"q": ["lyon", "paris"]},
        {"q": "saint", "limit": "-5"},
    ],
)
def test_junk_gets_an_answer_never_an_error(client, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert len(response.json()["results"]) <= 10


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_only_get_is_allowed(client, method):
    assert getattr(client, method)(URL, {"q": "lyon"}).status_code == 405


def test_costs_one_query(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert len(client.get(URL, {"q": "saint"}).json()["results"]) == 10
    with django_assert_max_num_queries(0):
        client.get(URL, {"q": "a"})
