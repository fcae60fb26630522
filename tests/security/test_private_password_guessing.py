"""Attack: guess the shared password of a private page (or collection) without limit,
through Wagtail's own form, which no limit covered."""

import pytest
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


def test_an_address_guessing_a_page_password_is_stopped(client, home):
    page = home.get_children().live().first()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="le-bon-mot"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    statuses = [
        client.post(url, {"password": f"essai-{n}", "return_url": page.url}).status_code
        for n in range(20)
    ]
    assert 429 not in statuses  # a person mistyping is not stopped
    answer = client.post(url, {"password": "le-bon-mot", "return_url": page.url})
    assert answer.status_code == 429
    assert "Trop de demandes" in answer.content.decode()
    passed = client.session.get(restriction.passed_view_restrictions_session_key, [])
    assert restriction.pk not in passed  # the page stays closed
