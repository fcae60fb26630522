"""The admin's « Contenus » menu reaches themes, concepts, projects, resources and events
without the page tree; each entry lists its pages."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from tests.collectivites.factories import UserFactory
from themes.models import ConceptPage, ProjectPage, ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = UserFactory(username="redaction@anct.example")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def content_menu(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.find(id="wagtail-sidebar-props").string)
    found = {}

    def walk(node):
        if isinstance(node, dict):
            if node.get("label") and node.get("url"):
                found[node["label"]] = node["url"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return found


def test_contenus_lists_the_monthly_cycle_content(editor_client):
    response = editor_client.get("/admin/")
    assert "Contenus" in response.content.decode()
    items = content_menu(response)
    assert items["Thématiques"] == "/admin/thematiques/"
    assert items["Concepts"] == "/admin/concepts/"
    assert items["Projets"] == "/admin/projets/"
    assert items["Ressources"] == "/admin/snippets/resources/resource/"
    assert items["Événements"] == "/admin/evenements/"


@pytest.mark.parametrize(
    ("url", "model"),
    [
        ("/admin/thematiques/", ThemePage),
        ("/admin/concepts/", ConceptPage),
        ("/admin/projets/", ProjectPage),
    ],
)
def test_each_listing_shows_its_pages(editor_client, url, model):
    page = model.objects.first()
    assert page is not None
    response = editor_client.get(url)
    assert response.status_code == 200
    assert page.title in response.content.decode()
