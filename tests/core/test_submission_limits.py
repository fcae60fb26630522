"""The public forms' limit: only successful submissions count toward it, every POST
toward a much higher ceiling; the counters keep working while the cache is down."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from core.ratelimit import SubmissionLimit
from tests.redis_down import cache_on_dead_redis

pytestmark = pytest.mark.django_db

factory = RequestFactory()
LIMIT = SubmissionLimit("demo-form", per_ip="2/h", per_email="1/h")


@LIMIT
def view(request):
    """Succeeds when the form says ``ok``; counts the success like the real views."""
    if request.POST.get("form") != "ok":
        return HttpResponse("erreurs", status=200)
    email = request.POST.get("email", "")
    if LIMIT.refuses(request, email=email):
        return HttpResponse("adresse", status=429)
    LIMIT.count_success(request, email=email)
    return HttpResponse("envoyé", status=302)


def post(form="ok", email="", peer="203.0.113.7"):
    return view(factory.post("/", {"form": form, "email": email}, REMOTE_ADDR=peer)).status_code


def test_failed_submissions_do_not_count(settings):
    settings.RATE_LIMITS = {}
    assert [post(form="faux") for _ in range(15)] == [200] * 15
    assert [post(), post()] == [302, 302]
    assert post() == 429
    assert post(form="faux") == 200  # a form with errors is still answered with its errors


def test_a_flood_of_failed_submissions_is_stopped_by_the_ceiling(settings):
    settings.RATE_LIMITS = {"demo-form-flood": "5/h"}
    assert [post(form="faux") for _ in range(5)] == [200] * 5
    assert post(form="faux") == 429
    assert post() == 429  # the ceiling: even a valid form
    assert post(peer="198.51.100.9") == 302  # another client keeps its own allowance


def test_the_ceiling_is_ten_times_the_limit_by_default(settings):
    settings.RATE_LIMITS = {"demo-form": "1/h"}
    assert [post(form="faux") for _ in range(10)] == [200] * 10
    assert post(form="faux") == 429


def test_an_address_is_limited_whatever_the_client(settings):
    settings.RATE_LIMITS = {}
    assert post(email="anne@example.fr", peer="10.0.0.1") == 302
    assert post(email="ANNE@example.fr ", peer="10.0.0.2") == 429
    assert post(email="paul@example.fr", peer="10.0.0.3") == 302


def test_gets_are_never_counted(settings):
    request = factory.get("/", REMOTE_ADDR="203.0.113.7")
    settings.RATE_LIMITS = {"demo-form-flood": "1/h"}
    assert all(view(request).status_code == 200 for _ in range(5))


@pytest.fixture
def cache_down(settings):
    yield from cache_on_dead_redis(settings, "redis://127.0.0.1:18749/0")


def test_the_limit_fails_closed_while_the_cache_is_down(cache_down, settings):
    settings.RATE_LIMITS = {"demo-form-flood": "4/h"}
    assert [post(), post()] == [302, 302]
    assert post() == 429
    assert post(form="faux", peer="10.9.9.9") == 200
    assert [post(form="faux", peer="10.9.9.9") for _ in range(3)] == [200, 200, 200]
    assert post(form="faux", peer="10.9.9.9") == 429
