import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_unknown_address_shows_the_custom_404(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("main h1").get_text(strip=True) == "Page non trouvée"
    assert soup.select_one("header.fr-header") and soup.select_one("footer.fr-footer")
    assert soup.select_one("main a[href='/']")


@override_settings(ROOT_URLCONF="tests.core.urls_failing")
def test_server_error_shows_the_custom_500_without_touching_the_database(
    client, django_assert_num_queries
):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get("/panne/")
    assert response.status_code == 500
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "fr"
    assert soup.select_one("main h1").get_text(strip=True) == "Erreur inattendue"
    assert soup.select_one("header.fr-header") and soup.select_one("footer.fr-footer")


@override_settings(ROOT_URLCONF="tests.core.urls_failing")
def test_a_database_outage_is_a_temporary_503_not_a_500(client, django_assert_num_queries):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get("/base-injoignable/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Service momentanément indisponible" in response.content.decode()
