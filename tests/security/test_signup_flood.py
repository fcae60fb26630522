"""Attack: flooding the representative sign-up form. A person correcting the form is
never refused; junk posts are stopped by the ceiling; accounts created by one client
are limited."""

import pytest

from collectivites.models import Representative
from tests.collectivites.test_signup_form import post, signup_data_for_lyon

pytestmark = pytest.mark.django_db


def test_corrections_are_not_counted_but_sign_ups_are(client, settings):
    settings.RATE_LIMITS = {"account-signup": "1/h"}
    wrong = {**signup_data_for_lyon(), "password_confirmation": "autre chose"}
    assert [post(client, wrong).status_code for _ in range(8)] == [200] * 8
    assert post(client, signup_data_for_lyon()).status_code == 302
    assert Representative.objects.filter(email="anne.martin@mairie-exemple.fr").exists()
    other = {**signup_data_for_lyon(), "email": "paul@mairie-exemple.fr"}
    assert post(client, other).status_code == 429
    assert not Representative.objects.filter(email="paul@mairie-exemple.fr").exists()


def test_a_flood_of_junk_is_stopped(client, settings):
    settings.RATE_LIMITS = {"account-signup": "1/h"}  # ceiling: 10 posts an hour
    assert [post(client, {}).status_code for _ in range(12)] == [200] * 10 + [429] * 2
