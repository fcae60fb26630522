"""/api/ressources/: what a developer gets from the library, as JSON."""

import datetime

import pytest

from resources.models import Audience, Resource, ResourceKind
from tests.factories import PartnerFactory
from tests.resources.factories import ResourceFactory
from tests.themes.factories import ThemePageFactory
from themes.models import ThemeIndexPage, ThemePage

pytestmark = pytest.mark.django_db


def api(client, path="/api/ressources/", status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data):
    return [item["title"] for item in data["results"]]


def test_list_gives_every_published_resource_newest_first(client):
    data = api(client)
    assert data["count"] == Resource.objects.published().count() == 8
    assert data["next"] is None and data["previous"] is None
    dates = [item["published_on"] for item in data["results"]]
    assert dates == sorted(dates, reverse=True)


def test_a_resource_reads_as_documented(client):
    publisher = PartnerFactory(name="Décider ensemble bis", website="https://decider.example")
    theme = ThemePage.objects.live().get(slug="retour-a-l-emploi")
    ResourceFactory(
        title="Le guide du budget participatif",
        slug="guide-budget-participatif",
        kind=ResourceKind.GUIDE,
        summary="Pas à pas, avec les habitants.",
        url="https://guide.example/budget",
        publisher=publisher,
        published_on=datetime.date(2023, 5, 4),
        licence="Licence Ouverte 2.0",
        themes=[theme],
        audiences=list(Audience.objects.filter(slug__in=["elus", "habitants"])),
        tags=["budget participatif", "collégiens"],
    )
    item = api(client, q="budget participatif collégiens")["results"][0]
    assert item == {
        "id": item["id"],
        "slug": "guide-budget-participatif",
        "title": "Le guide du budget participatif",
        "kind": {"code": "guide", "label": "Guide"},
        "summary": "Pas à pas, avec les habitants.",
        "url": "https://guide.example/budget",
        "document_url": None,
        "publisher": {
            "id": publisher.pk,
            "name": "Décider ensemble bis",
            "full_name": publisher.full_name,
            "website": "https://decider.example",
        },
        "themes": [
            {
                "id": theme.pk,
                "slug": "retour-a-l-emploi",
                "title": theme.title,
                "url": "http://testserver/thematiques/retour-a-l-emploi/",
            }
        ],
        "tags": [
            {"slug": "budget-participatif", "name": "budget participatif"},
            {"slug": "collegiens", "name": "collégiens"},
        ],
        "audiences": [
            {"slug": "elus", "name": "Élus"},
            {"slug": "habitants", "name": "Habitants"},
        ],
        "language": {"code": "fr", "label": "Français"},
        "published_on": "2023-05-04",
        "licence": "Licence Ouverte 2.0",
        "page_url": "http://testserver/ressources/guide-budget-participatif/",
    }
    assert api(client, "/api/ressources/guide-budget-participatif/") == item


def test_drafts_are_never_exposed(client):
    ResourceFactory(title="Brouillon du budget participatif", slug="brouillon-budget", live=False)
    assert "Brouillon du budget participatif" not in titles(api(client, page_size=100))
    assert api(client, q="brouillon budget")["count"] == 0
    assert api(client, "/api/ressources/brouillon-budget/", status=404) == {
        "erreur": "Aucune ressource publiée ne porte cet identifiant."
    }


def test_unpublished_themes_are_left_out_of_a_resource(client):
    draft_theme = ThemePageFactory(parent=ThemeIndexPage.objects.get(), live=False)
    ResourceFactory(slug="avec-theme-brouillon", themes=[draft_theme])
    assert api(client, "/api/ressources/avec-theme-brouillon/")["themes"] == []


def test_search_and_kind_combine(client):
    ResourceFactory(title="Jeu de l'emploi local", kind=ResourceKind.GAME)
    ResourceFactory(title="Guide de l'emploi local", kind=ResourceKind.GUIDE)
    ResourceFactory(title="Jeu de la concertation", kind=ResourceKind.GAME)
    assert titles(api(client, q="emploi local", kind="jeu")) == ["Jeu de l'emploi local"]
    both = api(client, q="emploi local", kind=["jeu", "guide"])
    assert set(titles(both)) == {"Jeu de l'emploi local", "Guide de l'emploi local"}


def test_filters_are_the_library_filters(client):
    theme = ThemePage.objects.live().get(slug="petite-enfance")
    publisher = PartnerFactory()
    ResourceFactory(
        title="La ressource filtrée",
        themes=[theme],
        audiences=[Audience.objects.get(slug="agents")],
        tags=["crèches"],
        publisher=publisher,
        published_on=datetime.date(2019, 3, 1),
    )
    for params in (
        {"tag": "creches"},
        {"publisher": publisher.pk},
        {"year": "2019"},
        {"theme": theme.pk, "audience": "agents", "year": "2019"},
    ):
        assert titles(api(client, **params)) == ["La ressource filtrée"], params
    assert api(client, tag="creches", audience="elus")["count"] == 0


def test_sort_by_newest_overrides_relevance(client):
    ResourceFactory(title="Sociocratie", summary="Rien.", published_on=datetime.date(2020, 1, 1))
    ResourceFactory(
        title="Autre titre", summary="Sur la sociocratie.", published_on=datetime.date(2024, 1, 1)
    )
    assert titles(api(client, q="sociocratie", tri="pertinence")) == ["Sociocratie", "Autre titre"]
    assert titles(api(client, q="sociocratie", tri="recent")) == ["Autre titre", "Sociocratie"]


def test_pages_link_to_each_other_with_the_filters_kept(client):
    for _ in range(3):
        ResourceFactory(tags=["paginee"])
    first = api(client, tag="paginee", page_size=2)
    assert first["count"] == 3
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/ressources/?tag=paginee&page_size=2&page=2"
    second = client.get(first["next"]).json()
    assert second["previous"] == "http://testserver/api/ressources/?tag=paginee&page_size=2"
    assert second["next"] is None
    ids = [item["id"] for item in first["results"] + second["results"]]
    assert len(set(ids)) == 3
    assert api(client, tag="paginee", page=3, status=404) == {"erreur": "Cette page n'existe pas."}


def test_page_size_is_at_most_100(client):
    assert api(client, page_size=101, status=400) == {
        "erreurs": {"page_size": ["Assurez-vous que cette valeur est inférieure ou égale à 100."]}
    }


def test_a_year_that_is_not_a_number_is_refused_in_french(client):
    assert api(client, year="abc", status=400) == {
        "erreurs": {"year": ["Saisissez un nombre entier."]}
    }


def test_every_refused_parameter_is_named(client):
    data = api(client, year="abc", kind="zz", tri="ancien", page="x", status=400)
    assert set(data["erreurs"]) == {"year", "kind", "tri", "page"}
    assert data["erreurs"]["kind"] == ["Sélectionnez un choix valide. zz n’en fait pas partie."]


@pytest.mark.parametrize(
    "params",
    [
        {"year": "99999"},
        {"year": "0"},
        {"year": "-2021"},
        {"year": "NaN"},
        {"year": "sNaN"},
        {"year": "1e999999"},
        {"publisher": "99999999999999999999999"},
        {"theme": "-99999999999999999999999"},
        {"theme": "abc"},
        {"theme": "²"},
        {"theme": "9" * 5000},
        {"year": "9" * 5000},
        {"page": "9" * 5000},
        {"audience": "elus\x00"},
        {"audience": "nobody"},
        {"tag": "emploi\x00"},
        {"kind": "\x00"},
        {"tri": "\x00"},
        {"page_size": "-1"},
    ],
)
def test_invalid_values_are_refused_never_a_server_error(client, params):
    assert list(api(client, status=400, **params)["erreurs"]) == list(params)


def test_a_page_past_the_end_is_a_json_404(client):
    assert api(client, page="99999999999999999999999999999", status=404) == {
        "erreur": "Cette page n'existe pas."
    }


@pytest.mark.parametrize(
    "query", ["é" * 2000, "x&y|z!:*" * 250, "\x00" * 2000, '"' * 2000, "OR AND NOT -( * " * 150]
)
def test_junk_queries_never_break_the_api(client, query):
    data = api(client, q=query)
    assert data["count"] >= 0


def test_unknown_slug_is_a_json_404(client):
    assert api(client, "/api/ressources/n'existe pas/", status=404) == {
        "erreur": "Aucune ressource publiée ne porte cet identifiant."
    }


def test_the_api_is_readable_from_any_site_and_only_readable(client):
    response = client.get("/api/ressources/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post("/api/ressources/").status_code == 405


def test_queries_do_not_grow_with_the_number_of_resources(client, django_assert_max_num_queries):
    themes = list(ThemePage.objects.live()[:2])
    audiences = list(Audience.objects.all()[:2])
    for tag, count in (("lot-de-deux", 2), ("lot-de-vingt-cinq", 25)):
        for _ in range(count):
            ResourceFactory(
                publisher=PartnerFactory(), themes=themes, audiences=audiences, tags=[tag, "lot"]
            )
    with django_assert_max_num_queries(8) as two:
        assert api(client, tag="lot-de-deux", page_size=100)["count"] == 2
    with django_assert_max_num_queries(len(two.captured_queries)):
        data = api(client, tag="lot-de-vingt-cinq", page_size=100)
    assert data["count"] == 25
    assert all(len(item["themes"]) == 2 and item["publisher"] for item in data["results"])


@pytest.mark.parametrize("name", ["theme", "publisher"])
def test_ids_beyond_a_32_bit_column_find_nothing(client, name):
    assert api(client, status=400, **{name: str(2**40)})["erreurs"][name]
