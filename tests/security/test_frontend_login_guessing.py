"""Attack: guessing a staff password without limit through Wagtail's front-end login for
private pages (``/_util/login/``), which skipped the login policy: ten wrong passwords
in a row, then the right one, opened a session."""

import pytest
from wagtail.models import PageViewRestriction

from tests.two_factor import PASSWORD, make_editor

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.66"


def guess(client, url, username, password):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ATTACKER)


def test_ten_wrong_passwords_then_the_right_one_open_no_session_on_util_login(client):
    editor = make_editor()
    for attempt in range(10):
        guess(client, "/_util/login/", editor.username, f"faux-{attempt}")
    guess(client, "/_util/login/", editor.username, PASSWORD)
    assert "_auth_user_id" not in client.session


def test_private_pages_send_visitors_to_the_door_under_the_login_policy(client, home):
    editor = make_editor()
    page = home.get_children().live().first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    door = client.get(page.url)["Location"]
    assert door.startswith("/compte/connexion/?next=")

    for attempt in range(10):
        guess(client, door, editor.username, f"faux-{attempt}")
    refused = guess(client, door, editor.username, PASSWORD)
    assert refused.status_code == 429
    assert "Trop de tentatives de connexion ont échoué" in refused.content.decode()
    assert "_auth_user_id" not in client.session
    # /_util/login/ itself leads there, query string kept.
    assert client.get("/_util/login/?next=/x/")["Location"] == "/compte/connexion/?next=/x/"
