"""Control characters in an address are refused with a French 400 page (JSON under
/api/) before any view reads them; in a query string or a form they reach the filter or
the form, which refuses them beside the field and keeps what was typed; text keeps its
tabs and line breaks, files their bytes, and a poisoned cookie is ignored rather than
locking a visitor out."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def main_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").select_one("main").get_text(" ")


@pytest.mark.parametrize("path", ["/ressources/%00/", "/agenda/a%01b/", "/votes/%1b/"])
def test_an_address_with_a_control_character_gets_a_french_400(client, path):
    response = client.get(path)

    assert response.status_code == 400
    text = main_text(response)
    assert "Demande non valide" in text
    assert "L'adresse demandée contient des caractères de contrôle" in text


def test_the_api_answers_in_json(client):
    response = client.get("/api/ressources/%00/")

    assert response.status_code == 400
    assert "caractères de contrôle" in response.json()["erreur"]


@pytest.mark.parametrize("path", ["/recherche/?q=%00", "/agenda/?tag=%1b", "/ressources/?q=a%00"])
def test_a_query_with_a_control_character_gets_a_page_not_an_error(client, path):
    assert client.get(path).status_code in (200, 400)


def test_a_form_with_a_null_character_says_so_and_keeps_what_was_typed(client):
    response = client.post(
        "/compte/inscription/", {"full_name": "Anne Dupont", "collectivite": "\x00"}
    )

    assert response.status_code == 200
    assert "Anne Dupont" in response.content.decode()
    assert "fr-error-text" in response.content.decode()


def test_tabs_and_line_breaks_are_text(client):
    response = client.post("/besoin/", {"message": "Bonjour,\r\n\r\n\tNous voudrions…"})

    assert response.status_code == 200  # the form, with its own errors


def test_a_document_may_hold_any_byte(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = SimpleUploadedFile("guide.pdf", b"%PDF-1.4\n\x00\x01\x02binary\n%%EOF\n")
    response = client.post("/contribuer/ressource/", {"title": "Guide", "document": document})

    assert response.status_code == 200


@pytest.mark.parametrize("name", ["sessionid", "csrftoken", "messages"])
def test_a_cookie_with_a_null_character_is_ignored(client, name):
    client.cookies[name] = "\x00" * 32

    assert client.get("/").status_code == 200
    assert client.get("/compte/connexion/").status_code == 200
