"""The admin's Help menu leads to a French editor's guide written for this site, which
explains the monthly cycle; Wagtail's English guides are gone."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group

from tests.collectivites.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = UserFactory(username="redaction@anct.example")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def help_menu(response) -> list[dict]:
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.find(id="wagtail-sidebar-props").string)
    text = json.dumps(props, ensure_ascii=False)
    return text


def test_the_help_menu_points_to_the_french_guide(editor_client):
    menu = help_menu(editor_client.get("/admin/"))
    assert "Guide de l'éditeur" in menu
    assert "/admin/guide/" in menu
    assert "guide.wagtail.org" not in menu
    assert "Editor Guide" not in menu


def test_the_guide_explains_the_monthly_cycle(editor_client):
    response = editor_client.get("/admin/guide/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Guide de l'éditeur"
    headings = [h.get_text(" ", strip=True) for h in soup.select("main h2")]
    for step in ("thématique", "ressources", "projets", "modération", "votes", "lettre"):
        assert any(step in heading.lower() for heading in headings), step


def test_the_guide_is_for_signed_in_staff_only(client):
    response = client.get("/admin/guide/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
