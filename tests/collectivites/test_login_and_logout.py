"""Logging in by e-mail, logging out by POST, and who may act for a collectivité."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from collectivites.decorators import representative_required
from collectivites.models import Representative
from collectivites.selectors import representative_of_request

from .factories import RepresentativeFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-solide-42"


def login(client, email, password=PASSWORD, **extra):
    return client.post(reverse("account-login"), {"username": email, "password": password, **extra})


def test_the_urls_are_in_french_under_compte():
    assert reverse("account-signup") == "/compte/inscription/"
    assert reverse("account-login") == "/compte/connexion/"
    assert reverse("account-logout") == "/compte/deconnexion/"
    assert reverse("account-home") == "/compte/"
    assert reverse("account-password-reset") == "/compte/mot-de-passe/oubli/"


def test_a_representative_logs_in_with_the_email_in_any_case(client):
    representative = RepresentativeFactory()
    response = login(client, "  " + representative.email.upper())
    assert response.status_code == 302
    assert response.url == reverse("account-home")
    page = client.get(response.url).content.decode()
    assert "Mon compte" in page
    assert representative.collectivite.label in page


def test_login_goes_back_to_the_page_asked_for_but_not_elsewhere(client):
    representative = RepresentativeFactory()
    assert login(client, representative.email, next="/votes/").url == "/votes/"
    client.logout()
    assert login(client, representative.email, next="https://ailleurs.example/").url == "/compte/"


def test_a_wrong_password_gets_a_french_message_next_to_the_form(client):
    representative = RepresentativeFactory()
    response = login(client, representative.email, "mauvais")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect." in page
    assert "Le formulaire contient 1 erreur" in page
    assert f'value="{representative.email}"' in page
    assert "_auth_user_id" not in client.session


def test_a_suspended_representative_cannot_log_in_and_is_told_why(client):
    representative = RepresentativeFactory(status=Representative.Status.SUSPENDED)
    representative.user.is_active = False
    representative.user.save()
    page = login(client, representative.email).content.decode()
    assert "Ce compte a été suspendu" in page
    assert "_auth_user_id" not in client.session
    # Without the right password, nothing tells the account apart from an unknown one.
    assert (
        "Adresse e-mail ou mot de passe incorrect."
        in login(client, representative.email, "mauvais").content.decode()
    )


def test_logout_is_a_post_only(client):
    representative = RepresentativeFactory()
    client.force_login(representative.user)
    assert client.get(reverse("account-logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("account-logout"), follow=True)
    assert "_auth_user_id" not in client.session
    assert "Vous êtes déconnecté." in response.content.decode()


def test_the_account_page_needs_a_login(client):
    response = client.get(reverse("account-home"))
    assert response.status_code == 302
    assert response.url == "/compte/connexion/?next=/compte/"


def test_the_header_links_to_login_or_to_the_account(client, home):
    assert 'href="/compte/connexion/">Se connecter' in client.get("/").content.decode()
    client.force_login(RepresentativeFactory().user)
    assert 'href="/compte/">Mon compte' in client.get("/").content.decode()


# --- representative_required --------------------------------------------------------------


@representative_required
def act_for_my_collectivite(request):
    return HttpResponse(f"ok {request.representative.collectivite.code}")


def call(user):
    request = RequestFactory().get("/votes/voter/")
    request.user = user
    request.session = {}
    return act_for_my_collectivite(request)


def test_representative_required_lets_an_active_representative_through():
    representative = RepresentativeFactory()
    response = call(representative.user)
    assert response.content.decode() == f"ok {representative.collectivite.code}"


def test_representative_required_sends_visitors_to_the_login_page():
    from django.contrib.auth.models import AnonymousUser

    response = call(AnonymousUser())
    assert response.status_code == 302
    assert response.url == "/compte/connexion/?next=/votes/voter/"


@pytest.mark.parametrize(
    "status, confirmed, message",
    [
        ("unconfirmed", False, "Confirmez votre adresse e-mail"),
        ("pending", True, "Votre compte attend d'être validé"),
        ("suspended", True, "Votre compte est suspendu"),
    ],
)
def test_representative_required_explains_what_is_missing(status, confirmed, message):
    representative = RepresentativeFactory(status=status)
    if not confirmed:
        representative.email_confirmed_at = None
        representative.save()
    response = call(representative.user)
    assert response.status_code == 403
    assert message in response.content.decode()


def test_a_user_without_representative_account_is_told_how_to_get_one(django_user_model):
    staff = django_user_model.objects.create_user("editrice@anct.gouv.fr", is_staff=True)
    response = call(staff)
    assert response.status_code == 403
    assert "Créer un compte de représentant" in response.content.decode()


def test_current_representative_is_read_once_per_request(django_assert_num_queries):
    representative = RepresentativeFactory()
    request = RequestFactory().get("/")
    request.user = representative.user
    with django_assert_num_queries(1):
        assert representative_of_request(request=request) == representative
        assert (
            representative_of_request(request=request).collectivite == representative.collectivite
        )
