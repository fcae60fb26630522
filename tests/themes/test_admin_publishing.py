"""Editors create and publish through the Wagtail admin, as they do every month."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from resources.models import Resource
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_user("moderation", password="motdepasse-solide")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return client


def test_an_editor_publishes_a_theme_from_the_admin(editor_client, theme_index):
    data = nested_form_data(
        {
            "title": "Précarité alimentaire",
            "slug": "precarite-alimentaire",
            "intro": "Des ressources pour agir contre la précarité alimentaire.",
            "month": "2030-02-14",
            "image": "",
            "image_alt": "",
            "intro_resource": "",
            "body": streamfield(
                [("paragraph", rich_text("<p>Épiceries solidaires, jardins partagés…</p>"))]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = editor_client.post(f"/admin/pages/add/themes/themepage/{theme_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    theme = ThemePage.objects.get(slug="precarite-alimentaire")
    assert theme.live and theme.month.isoformat() == "2030-02-01"
    public = editor_client.get("/thematiques/precarite-alimentaire/")
    assert "Épiceries solidaires" in public.content.decode()
    assert "Précarité alimentaire" in editor_client.get("/thematiques/").content.decode()


def test_an_editor_publishes_a_resource_and_it_is_searchable(editor_client):
    theme = ThemePage.objects.get(slug="retour-a-l-emploi")
    data = {
        "title": "Mobiliser les habitants autour de l'emploi",
        "kind": "guide",
        "published_on": "2026-10-01",
        "summary": "Un guide pour associer les habitants aux projets d'insertion.",
        "url": "https://ressources.example/mobiliser",
        "document": "",
        "publisher": "",
        "themes": [theme.pk],
        "audiences": [],
        "tags": "insertion, habitants",
        "language": "fr",
        "licence": "CC BY 4.0",
        "slug": "",
        "action-publish": "publish",
    }
    response = editor_client.post("/admin/snippets/resources/resource/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    resource = Resource.objects.get(title="Mobiliser les habitants autour de l'emploi")
    assert resource.live and resource.slug == "mobiliser-les-habitants-autour-de-l-emploi"
    assert (
        resource.get_absolute_url()
        in editor_client.get("/ressources/?q=insertion").content.decode()
    )
    listing = editor_client.get("/admin/snippets/resources/resource/", {"kind": "guide"})
    assert "Mobiliser les habitants" in listing.content.decode()


def test_a_resource_without_link_or_document_is_refused_in_french(editor_client):
    data = {
        "title": "Sans lien",
        "kind": "guide",
        "published_on": "2026-10-01",
        "summary": "Résumé.",
        "url": "",
        "language": "fr",
        "tags": "",
        "action-publish": "publish",
    }
    response = editor_client.post("/admin/snippets/resources/resource/add/", data)
    assert response.status_code == 200
    assert "Indiquez un lien vers la ressource ou joignez un document." in response.content.decode()
    assert not Resource.objects.filter(title="Sans lien").exists()


def test_moderators_manage_the_library_audiences(editor_client):
    listing = editor_client.get("/admin/snippets/resources/audience/")
    assert listing.status_code == 200
    assert "Agents des collectivités" in listing.content.decode()
    menu = editor_client.get("/admin/").content.decode()
    assert '"bibliotheque"' in menu  # the sidebar is rendered from JSON


def test_editors_search_resources_in_the_admin(editor_client):
    listing = editor_client.get(
        "/admin/snippets/resources/resource/", {"q": "Conseils de Quartier"}
    )
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "La boîte à outils des Conseils de Quartier" in html
    assert "Un jeu pour convaincre" not in html


def test_editors_search_partners_in_the_admin(editor_client):
    listing = editor_client.get("/admin/snippets/core/partner/", {"q": "concertation"})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "ICPC" in html and "Banque des Territoires" not in html
