"""Failed logins are limited per account and per client address."""

import pytest
from django.urls import reverse

from .factories import RepresentativeFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mot-de-passe-solide-42"
BLOCKED = "Trop de tentatives de connexion ont échoué."


def attempt(client, email, password, address="203.0.113.7"):
    return client.post(
        reverse("account-login"),
        {"username": email, "password": password},
        REMOTE_ADDR=address,
    )


def test_an_account_is_blocked_after_five_failures_even_with_the_right_password(client):
    representative = RepresentativeFactory()
    for index in range(5):
        # From different addresses: the limit is the account's.
        assert (
            attempt(client, representative.email, "faux", f"198.51.100.{index}").status_code == 200
        )
    response = attempt(client, representative.email, PASSWORD, "198.51.100.99")
    assert response.status_code == 429
    assert BLOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Other accounts are not affected.
    other = RepresentativeFactory()
    assert attempt(client, other.email, PASSWORD).status_code == 302


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
