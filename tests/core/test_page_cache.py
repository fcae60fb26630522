"""Anonymous pages come from the cache until the content changes."""

import re

import pytest
from django.core.cache import cache

from tests.collectivites.factories import UserFactory
from tests.resources.factories import ResourceFactory
from themes.models import ProjectPage


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()


def nonce_of(response) -> str:
    return re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)


def test_the_second_anonymous_visit_is_served_from_the_cache(
    client, home, django_assert_num_queries
):
    first = client.get("/projets/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/projets/")
    assert second["X-Cache"] == "HIT"
    assert second.status_code == 200


def test_a_cached_page_gets_a_fresh_nonce_matching_its_policy(client, home):
    client.get("/")
    hit = client.get("/")
    nonce = nonce_of(hit)
    assert f'nonce="{nonce}"' in hit.content.decode()
    assert nonce != nonce_of(client.get("/"))


def test_publishing_a_page_empties_the_cache(client, home):
    client.get("/projets/")
    project = ProjectPage.objects.live().first()
    project.title = "Un titre tout neuf"
    project.save_revision().publish()
    response = client.get("/projets/")
    assert response["X-Cache"] == "MISS"
    assert "Un titre tout neuf" in response.content.decode()


def test_saving_a_resource_empties_the_cache(client, home):
    client.get("/ressources/")
    ResourceFactory(title="Ressource publiée à l'instant")
    response = client.get("/ressources/")
    assert response["X-Cache"] == "MISS"
    assert "Ressource publiée à l&#x27;instant" in response.content.decode()


def test_signed_in_visitors_and_sessions_bypass_the_cache(client, home):
    client.get("/")
    client.force_login(UserFactory())
    assert "X-Cache" not in client.get("/")


def test_errors_and_admin_pages_are_never_stored(client, home):
    client.get("/page-inexistante/")
    assert "X-Cache" not in client.get("/page-inexistante/")
    client.get("/admin/login/")
    assert "X-Cache" not in client.get("/admin/login/")


def test_forms_of_a_cached_page_carry_the_visitors_own_token(home):
    from django.test import Client

    first_visitor, second_visitor = (
        Client(enforce_csrf_checks=True),
        Client(enforce_csrf_checks=True),
    )
    first_visitor.get("/newsletter/inscription/")
    response = second_visitor.get("/newsletter/inscription/")
    assert response["X-Cache"] == "HIT"
    assert "csrftoken" in second_visitor.cookies
    token = re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    ).group(1)
    sent = second_visitor.post(
        "/newsletter/inscription/",
        {"csrfmiddlewaretoken": token, "email": "anne@example.fr"},
    )
    assert sent.status_code == 302


def test_pages_reached_by_a_personal_link_are_never_stored(client, home):
    client.get("/newsletter/preferences/un-jeton/")
    assert "X-Cache" not in client.get("/newsletter/preferences/un-jeton/")


def test_a_newsletter_sign_up_does_not_empty_the_cache(client, home):
    from django.test import Client

    from newsletter.models import Subscriber

    client.get("/")
    Client().post("/newsletter/inscription/", {"email": "anne@example.fr"})
    assert Subscriber.objects.filter(email="anne@example.fr").exists()
    assert client.get("/")["X-Cache"] == "HIT"


def test_redis_coming_back_empties_the_cache(client, home):
    from core.cache import cache_recovered

    client.get("/")
    cache_recovered.send(sender=None)
    assert client.get("/")["X-Cache"] == "MISS"
