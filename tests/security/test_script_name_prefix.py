"""Attack: a client sets SCRIPT_NAME through a request header, against a real gunicorn.

gunicorn maps a ``SCRIPT_NAME`` header into the WSGI environ for a peer it trusts as
a proxy. ``GET /x/admin/pages/`` with ``SCRIPT_NAME: /x`` was then routed as
/admin/pages/ while the middlewares saw /x/admin/pages/ (not the admin): a password
alone opened the page explorer, without the second factor and the admin's headers.
The same trick stored one page in the page cache under another's address.
"""

import re

import pytest

from tests.security.gunicorn_server import gunicorn_server, needs_services

pytestmark = [needs_services, pytest.mark.django_db]

PASSWORD = "Un-mot-de-passe-bien-long-42"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# What only the page explorer shows (Wagtail's listing of the page tree).
EXPLORER = re.compile(r"Explorateur|data-controller=\"w-bulk\"|listing", re.IGNORECASE)
SPELLINGS = ["SCRIPT_NAME", "Script_Name", "script_name"]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from gunicorn_server(django_db_blocker, tmp_path_factory.mktemp("script-name"))


@pytest.fixture(scope="module")
def password_only_session(server) -> dict[str, str]:
    """The cookies of a staff member logged in with their password, no second factor."""
    server.create_user(username="redactrice", password=PASSWORD, superuser=True)
    cookies: dict[str, str] = {}
    login_page = server.request("GET", "/admin/login/", cookies=cookies)
    token = CSRF_INPUT.search(login_page.text).group(1)
    form = {"csrfmiddlewaretoken": token, "username": "redactrice", "password": PASSWORD}
    answer = server.request("POST", "/admin/login/", form=form, cookies=cookies)
    assert answer.status == 302, answer.text[:500]
    assert "sessionid" in cookies
    return cookies


def test_the_admin_asks_for_the_second_factor_after_a_password_alone(server, password_only_session):
    answer = server.request("GET", "/admin/pages/", cookies=dict(password_only_session))

    assert answer.status == 302
    assert answer.headers["Location"].startswith("/admin/2fa/")


@pytest.mark.parametrize("header", SPELLINGS)
def test_a_script_name_header_does_not_skip_the_second_factor(
    server, password_only_session, header
):
    answer = server.request(
        "GET", "/x/admin/pages/", headers={header: "/x"}, cookies=dict(password_only_session)
    )

    assert answer.status in {302, 404}, answer.status
    if answer.status == 302:
        assert answer.headers["Location"].startswith("/admin/2fa/")
    assert not EXPLORER.search(answer.text)
    # The answer is the site's, with its headers.
    assert "nonce-" in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Frame-Options"] == "DENY"


def test_a_path_info_header_does_not_reroute_the_request(server, password_only_session):
    answer = server.request(
        "GET",
        "/x/",
        headers={"PATH_INFO": "/admin/pages/", "SCRIPT_NAME": ""},
        cookies=dict(password_only_session),
    )

    assert answer.status in {302, 404}
    assert not EXPLORER.search(answer.text)


def heading(text: str) -> str:
    return re.search(r"<title>(.*?)</title>", text, re.S).group(1).strip()


def test_a_script_name_header_does_not_poison_the_page_cache(server):
    home = server.request("GET", "/")
    # The library's address, with SCRIPT_NAME claiming it all: Django would route
    # « / » (the home page) and, on the old code, cache it under /ressources/.
    server.request("GET", "/ressources/", headers={"SCRIPT_NAME": "/ressources"})
    server.request("GET", "/agenda/", headers={"SCRIPT_NAME": "/agenda"})

    library = server.request("GET", "/ressources/")
    agenda = server.request("GET", "/agenda/")

    assert library.status == agenda.status == 200
    assert heading(library.text) != heading(home.text)
    assert heading(agenda.text) != heading(home.text)
    # No link of the page was built on a prefix the client chose.
    assert 'href="/ressources/ressources/' not in library.text
    assert 'href="/agenda/agenda/' not in agenda.text
