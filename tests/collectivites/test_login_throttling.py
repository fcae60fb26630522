"""Failed logins are limited per account and per client address."""

import pytest
from django.urls import reverse

from .factories import RepresentativeFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-solide-42"
BLOCKED = "Trop de tentatives de connexion ont échoué"


def attempt(client, email, password, address="203.0.113.7"):
    return client.post(
        reverse("account-login"),
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_from_one_address_block_the_account_there_only(client):
    representative = RepresentativeFactory()
    for _ in range(5):
        assert attempt(client, representative.email, "faux").status_code == 200
    response = attempt(client, representative.email, PASSWORD)
    assert response.status_code == 429
    assert BLOCKED in response.content.decode()
    assert response["Retry-After"] == "3600"
    assert "_auth_user_id" not in client.session
    # The owner, elsewhere, is not locked out; other accounts are not affected.
    assert attempt(client, representative.email, PASSWORD, "198.51.100.99").status_code == 302
    client.logout()
    other = RepresentativeFactory()
    assert attempt(client, other.email, PASSWORD).status_code == 302


def test_failures_spread_over_many_addresses_slow_the_account_down_briefly(client):
    representative = RepresentativeFactory()
    assert attempt(client, representative.email, PASSWORD, "192.0.2.50").status_code == 302
    client.logout()
    for index in range(10):
        attempt(client, representative.email, "faux", f"198.51.100.{index}")
    # From a new address: a short delay, said in minutes, not an hour's block.
    response = attempt(client, representative.email, PASSWORD, "198.51.100.99")
    assert response.status_code == 429
    assert "patientez 1 minute avant de réessayer" in response.content.decode()
    assert int(response["Retry-After"]) <= 60
    # From an address the owner has signed in from before: no delay.
    assert attempt(client, representative.email, PASSWORD, "192.0.2.50").status_code == 302


def test_a_successful_login_clears_the_account_failures(client):
    representative = RepresentativeFactory()
    for _ in range(4):
        attempt(client, representative.email, "faux")
    assert attempt(client, representative.email, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, representative.email, "faux").status_code == 200
    assert attempt(client, representative.email, PASSWORD).status_code == 302


def test_an_address_trying_many_accounts_is_blocked(client, settings):
    settings.RATE_LIMITS = {"login-failures:ip": "3/h"}
    for index in range(3):
        attempt(client, f"inconnu{index}@exemple.fr", "faux")
    representative = RepresentativeFactory()
    assert attempt(client, representative.email, PASSWORD).status_code == 429
    assert attempt(client, representative.email, PASSWORD, "192.0.2.1").status_code == 302


def test_login_posts_are_limited_per_address(client, settings):
    settings.RATE_LIMITS = {"account-login": "2/h"}
    for _ in range(2):
        attempt(client, "a@exemple.fr", "faux")
    assert attempt(client, "a@exemple.fr", "faux").status_code == 429
