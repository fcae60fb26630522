"""Attack: flooding the newsletter sign-up (each success e-mails a typed address). A
person correcting the form is never refused; junk is stopped by the ceiling; successful
sign-ups are limited per client and per address."""

import pytest

from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db
SIGNUP = "/newsletter/inscription/"


def post(client, **data):
    return client.post(SIGNUP, {"source": "page", **data}, REMOTE_ADDR="203.0.113.9")


def test_corrections_are_not_counted(client, settings):
    settings.RATE_LIMITS = {"newsletter-signup": "1/h"}  # ceiling: 10 posts an hour
    assert [post(client, email="pas-une-adresse").status_code for _ in range(9)] == [400] * 9
    assert post(client, email="lea@exemple.fr").status_code == 302
    assert Subscriber.objects.filter(email="lea@exemple.fr").exists()
    assert post(client, email="marc@exemple.fr").status_code == 429
    assert not Subscriber.objects.filter(email="marc@exemple.fr").exists()


def test_a_flood_of_junk_is_stopped(client, settings):
    settings.RATE_LIMITS = {"newsletter-signup": "1/h"}
    assert [post(client, email="x").status_code for _ in range(12)] == [400] * 10 + [429] * 2


def test_one_address_gets_few_confirmation_mails_from_many_clients(client, settings):
    settings.RATE_LIMITS = {"newsletter-signup-email": "2/h"}
    codes = [
        client.post(
            SIGNUP, {"source": "page", "email": "cible@exemple.fr"}, REMOTE_ADDR=f"198.51.100.{n}"
        ).status_code
        for n in range(1, 5)
    ]
    assert codes == [302, 302, 429, 429]
