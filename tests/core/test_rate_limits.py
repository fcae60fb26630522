from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from core.ratelimit import Rate, exceeded, limit_posts

factory = RequestFactory()


@limit_posts("demo", "2/h")
def view(request):
    return HttpResponse("ok")


def post(peer="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": peer}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return view(factory.post("/", **extra))


def test_posts_beyond_the_rate_get_a_french_429_page(db):
    assert [post().status_code for _ in range(2)] == [200, 200]
    refused = post()
    assert refused.status_code == 429
    assert "Trop de demandes" in refused.content.decode()
    assert refused["Retry-After"]


def test_another_address_keeps_its_own_allowance(db):
    post(), post(), post()
    assert post(peer="198.51.100.9").status_code == 200


def test_gets_are_not_counted():
    request = factory.get("/", REMOTE_ADDR="203.0.113.7")
    assert all(view(request).status_code == 200 for _ in range(5))


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_a_forged_forwarded_header_does_not_reset_the_count(db):
    for forged in ["1.1.1.1", "2.2.2.2"]:
        post(peer="10.0.0.2", forwarded=f"{forged}, 203.0.113.7")
    assert post(peer="10.0.0.2", forwarded="3.3.3.3, 203.0.113.7").status_code == 429


@override_settings(RATE_LIMITS={"demo": "1/h"})
def test_settings_override_a_scope_rate(db):
    assert post().status_code == 200
    assert post().status_code == 429


def test_identities_are_counted_case_insensitively():
    rate = Rate.parse("1/m")
    assert not exceeded("mail", "Anne@Example.fr", rate)
    assert exceeded("mail", "anne@example.fr ", rate)
