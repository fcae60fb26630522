"""Attack: flooding the proposal forms from one address. Corrections must not be
punished (a partner sending the form back 30 times with errors is never refused),
but a robot posting junk is stopped by the ceiling, and stored proposals by the
submission limit, even while the cache is down."""

import pytest

from contributions.models import Contribution
from tests.contributions.helpers import resource_data
from tests.redis_down import cache_on_dead_redis

pytestmark = pytest.mark.django_db

FORM = "/contribuer/ressource/"


def test_a_partner_correcting_the_form_is_never_refused(client, settings):
    settings.RATE_LIMITS = {"contribution": "3/h"}
    for _ in range(25):
        assert client.post(FORM, resource_data(url="pas une adresse")).status_code == 200
    assert client.post(FORM, resource_data()).status_code == 302
    assert Contribution.objects.count() == 1


def test_sending_the_same_proposal_again_costs_nothing(client, settings):
    settings.RATE_LIMITS = {"contribution": "1/h"}
    for _ in range(3):
        assert client.post(FORM, resource_data()).status_code == 302
    assert Contribution.objects.count() == 1


def test_a_flood_of_junk_is_stopped_and_stores_nothing(client, settings):
    settings.RATE_LIMITS = {"contribution": "2/h"}  # ceiling: 20 posts an hour
    codes = [client.post(FORM, {"title": "x" * n}).status_code for n in range(30)]
    assert codes[:20] == [200] * 20
    assert set(codes[20:]) == {429}
    assert client.post(FORM, resource_data()).status_code == 429
    assert Contribution.objects.count() == 0


def test_stored_proposals_are_limited_per_client_and_per_address(client, settings):
    settings.RATE_LIMITS = {"contribution": "2/h", "contribution-email": "1/h"}
    assert client.post(FORM, resource_data(title="Un")).status_code == 302
    assert client.post(FORM, resource_data(title="Deux"), REMOTE_ADDR="10.0.0.2").status_code == 429
    assert client.post(FORM, resource_data(title="Trois", email="b@ex.fr")).status_code == 302
    assert client.post(FORM, resource_data(title="Quatre", email="c@ex.fr")).status_code == 429
    assert Contribution.objects.count() == 2


@pytest.fixture
def cache_down(settings):
    yield from cache_on_dead_redis(settings, "redis://127.0.0.1:18748/0")


def test_the_limits_hold_while_the_cache_is_down(client, settings, cache_down):
    settings.RATE_LIMITS = {"contribution": "1/h", "contribution-flood": "4/h"}
    assert client.post(FORM, resource_data()).status_code == 302
    assert client.post(FORM, resource_data(title="Autre", email="b@ex.fr")).status_code == 429
    assert [client.post(FORM, {}, REMOTE_ADDR="10.7.7.7").status_code for _ in range(5)] == [
        200,
        200,
        200,
        200,
        429,
    ]
