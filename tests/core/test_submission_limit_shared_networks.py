"""Many agents behind one address (a town hall, a State network): the networks named in
RATE_LIMIT_SHARED_NETWORKS get a higher ceiling, every other address the ordinary one."""

import pytest

pytestmark = pytest.mark.django_db
SIGNUP = "/newsletter/inscription/"


def sign_up(client, address, number):
    form = {"source": "page", "email": f"agent{number}@exemple.fr"}
    return client.post(SIGNUP, form, REMOTE_ADDR=address).status_code


def test_a_shared_network_signs_up_more_agents(client, settings):
    settings.RATE_LIMITS = {"newsletter-signup": "2/h"}  # five times 2 for the town hall
    settings.RATE_LIMIT_SHARED_NETWORKS = ["192.0.2.0/24"]
    town_hall = [sign_up(client, "192.0.2.10", number) for number in range(11)]
    assert town_hall == [302] * 10 + [429]
    elsewhere = [sign_up(client, "198.51.100.7", number) for number in range(20, 23)]
    assert elsewhere == [302, 302, 429]
