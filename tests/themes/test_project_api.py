"""/api/projets/: the published projects and expériences territoriales, as JSON."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.themes.factories import ProjectPageFactory, ThemePageFactory
from themes.models import ProjectPage, ThemeIndexPage, ThemePage

pytestmark = pytest.mark.django_db


def api(client, path="/api/projets/", status=200, **params):
    response = client.get(path, params)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data):
    return {item["title"] for item in data["results"]}


def test_list_gives_the_published_projects_newest_first(client, project_index):
    ProjectPageFactory(
        parent=project_index, title="Le tout dernier projet", first_published_at=timezone.now()
    )
    data = api(client)
    assert data["count"] == ProjectPage.objects.live().count() == 9
    assert data["results"][0]["title"] == "Le tout dernier projet"
    published = [item["first_published_at"] for item in data["results"]]
    assert published == sorted(published, reverse=True)


def test_a_project_reads_as_documented(client):
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    project = ProjectPage.objects.get(slug="collectif-reperages")
    data = api(client, "/api/projets/collectif-reperages/")
    assert data == {
        "id": project.pk,
        "slug": "collectif-reperages",
        "title": "Collectif Repérages",
        "summary": project.intro,
        "territory": project.territory,
        "departement": {"code": "94", "label": "Val-de-Marne"},
        "region": {"code": "11", "label": "Île-de-France"},
        "themes": [
            {
                "id": theme.pk,
                "slug": "retour-a-l-emploi",
                "title": theme.title,
                "url": "http://testserver/thematiques/retour-a-l-emploi/",
            }
        ],
        "tags": [
            {"slug": "audiovisuel", "name": "audiovisuel"},
            {"slug": "emploi", "name": "emploi"},
            {"slug": "formation", "name": "formation"},
        ],
        "external_url": project.external_url or None,
        "page_url": "http://testserver/projets/collectif-reperages/",
        "first_published_at": project.first_published_at.isoformat(),
    }
    assert data in api(client, region="11")["results"]


def test_filters_are_the_project_index_filters(client):
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    assert titles(api(client, region="11")) == {"Collectif Repérages", "Handipacte Île-de-France"}
    assert titles(api(client, theme=theme.pk, tag="formation")) == {"Collectif Repérages"}
    assert api(client, tag="inexistant") == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_unpublished_and_private_projects_are_never_exposed(client, project_index):
    ProjectPageFactory(
        parent=project_index, title="Projet en brouillon", slug="brouillon", live=False
    )
    private = ProjectPageFactory(parent=project_index, title="Projet réservé", slug="reserve")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    listed = titles(api(client, page_size=100))
    assert "Projet en brouillon" not in listed and "Projet réservé" not in listed
    for slug in ("brouillon", "reserve", "n-existe-pas"):
        assert api(client, f"/api/projets/{slug}/", status=404) == {
            "erreur": "Aucun projet publié ne porte cet identifiant."
        }


def test_unpublished_themes_are_left_out_of_a_project(client, project_index):
    draft_theme = ThemePageFactory(parent=ThemeIndexPage.objects.get(), live=False)
    project = ProjectPageFactory(parent=project_index, slug="avec-theme-brouillon")
    project.themes.set([draft_theme])
    project.save()
    assert api(client, "/api/projets/avec-theme-brouillon/")["themes"] == []


@pytest.mark.parametrize(
    "params, message",
    [
        ({"region": "zz"}, "Sélectionnez un choix valide. zz n’en fait pas partie."),
        (
            {"theme": "abc"},
            "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles.",
        ),
        (
            {"theme": "99999999999999999999999"},
            "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles.",
        ),
        (
            {"theme": str(2**40)},
            "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles.",
        ),
        ({"tag": "emploi\x00"}, "Le caractère nul n’est pas autorisé."),
        ({"page_size": "1000"}, "Assurez-vous que cette valeur est inférieure ou égale à 100."),
        ({"page": "abc"}, "Saisissez un nombre entier."),
    ],
)
def test_invalid_values_are_refused_in_french(client, params, message):
    [name] = params
    assert api(client, status=400, **params) == {"erreurs": {name: [message]}}


def test_pages_of_projects(client):
    first = api(client, page_size=2)
    assert first["count"] == 8 and len(first["results"]) == 2
    assert first["next"] == "http://testserver/api/projets/?page_size=2&page=2"
    last = api(client, page_size=2, page=4)
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/projets/?page_size=2&page=3"


def test_queries_do_not_grow_with_the_number_of_projects(
    client, project_index, django_assert_max_num_queries
):
    themes = list(ThemePage.objects.live()[:2])
    for tag, count in (("lot-de-deux", 2), ("lot-de-vingt-cinq", 25)):
        for n in range(count):
            project = ProjectPageFactory(
                parent=project_index,
                departement="35",
                first_published_at=timezone.now() - datetime.timedelta(days=n),
            )
            project.themes.set(themes)
            project.tags.add(tag, "lot")
            project.save()
    with django_assert_max_num_queries(8) as two:
        assert api(client, tag="lot-de-deux", page_size=100)["count"] == 2
    with django_assert_max_num_queries(len(two.captured_queries)):
        data = api(client, tag="lot-de-vingt-cinq", page_size=100)
    assert data["count"] == 25
    assert all(len(item["themes"]) == 2 for item in data["results"])
    assert data["results"][0]["region"] == {"code": "53", "label": "Bretagne"}
