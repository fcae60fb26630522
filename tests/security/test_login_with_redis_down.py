"""Attack: guess passwords while Redis is down (an outage, or one the attacker caused by
filling it): every login counter failed open, so guessing went unlimited."""

import pytest
from django.apps import apps

from tests.collectivites.factories import RepresentativeFactory
from tests.redis_down import cache_on_dead_redis
from tests.two_factor import PASSWORD, make_editor, sign_in

pytestmark = pytest.mark.django_db

CLOSED_PORT_REDIS = "redis://127.0.0.1:18599/0"
ATTACKER = "203.0.113.66"


@pytest.fixture(autouse=True)
def redis_down(settings):
    yield from cache_on_dead_redis(settings, CLOSED_PORT_REDIS)


def test_admin_login_failures_still_count(client, home):
    editor = make_editor()
    for attempt in range(5):
        sign_in(client, editor, address=ATTACKER, password=f"faux-{attempt}")
    response = sign_in(client, editor, address=ATTACKER)
    assert "Trop de tentatives de connexion ont échoué" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert apps.get_model("core", "RateCounter").objects.exists()  # counted in the database
    assert client.get("/").status_code == 200  # and pages are still served


def test_site_login_failures_still_count(client):
    representative = RepresentativeFactory()
    for attempt in range(5):
        client.post(
            "/compte/connexion/",
            {"username": representative.email, "password": f"faux-{attempt}"},
            REMOTE_ADDR=ATTACKER,
        )
    response = client.post(
        "/compte/connexion/",
        {"username": representative.email, "password": PASSWORD},
        REMOTE_ADDR=ATTACKER,
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
