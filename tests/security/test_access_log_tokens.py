"""Attack: reading the logs to open someone's signed links.

The secret of a link sent by e-mail (newsletter preferences, account confirmation,
password reset, contribution follow-up…) travels in its path, sometimes in its query
string, and a page opened from such a link repeats it in the Referer of the requests
it makes. gunicorn's access log wrote the request line as received and the application
the full path: whoever reads the logs could open the links. Against a real gunicorn.
"""

import re
import time

import pytest

from tests.security.gunicorn_server import gunicorn_server, needs_services

pytestmark = [needs_services, pytest.mark.django_db]

SECRET = "Zk9SECRETtoken42"
LINKS = [
    f"/newsletter/preferences/{SECRET}a/",
    f"/newsletter/preferences/{SECRET}b/mes-donnees.json",
    f"/newsletter/confirmer/{SECRET}c/",
    f"/newsletter/desinscription/{SECRET}d/",
    f"/compte/confirmation/{SECRET}e/",
    f"/compte/mot-de-passe/nouveau/MQ/{SECRET}f/",
    f"/admin/password_reset/confirm/MQ/{SECRET}g/",
    f"/contribuer/confirmer/{SECRET}h/",
    f"/contribuer/suivi/{SECRET}i/",
    f"/contribuer/envoyee/{SECRET}j/",
    f"/besoin/envoyee/{SECRET}k/",
]


@pytest.fixture(scope="module")
def log(django_db_setup, django_db_blocker, tmp_path_factory):
    """The server's log once every link was opened (and a page asked with a secret in
    its query string and referrer)."""
    server_run = gunicorn_server(django_db_blocker, tmp_path_factory.mktemp("access-log"))
    server = next(server_run)
    try:
        for link in LINKS:
            server.request("GET", link)
        server.request(
            "GET",
            f"/ressources/?jeton={SECRET}q",
            headers={"Referer": f"http://127.0.0.1/newsletter/preferences/{SECRET}r/"},
        )
        server.request("GET", "/fin-du-test/")
        deadline = time.monotonic() + 10
        while "/fin-du-test/" not in server.log_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        yield server.log_text()
    finally:
        server_run.close()


def test_no_log_line_holds_a_links_secret(log):
    leaked = [line for line in log.splitlines() if SECRET in line]

    assert not leaked, "\n".join(leaked)


@pytest.mark.parametrize("link", LINKS)
def test_each_link_is_logged_with_its_secret_masked(log, link):
    # The user's id of a password reset link (« MQ ») is masked with its token.
    masked = re.sub(f"(MQ/)?{SECRET}.", lambda m: "[masqué]/" * bool(m.group(1)) + "[masqué]", link)
    lines = [line for line in log.splitlines() if masked in line]

    # gunicorn's access line and the application's request line (and Django's own
    # warning for a 4xx), each with the link masked.
    assert len(lines) >= 2, log[-3000:]
    assert any(line.startswith("127.0.0.1 ") for line in lines)
    assert any("territoires.requests" in line for line in lines)


def test_query_strings_and_referrers_are_left_out(log):
    [access] = [line for line in log.splitlines() if '"GET /ressources/ ' in line]

    assert "jeton" not in log and "?" not in access
