"""Attack (reconnaissance): the answers named their server, « Server: gunicorn », which
tells an attacker which server's flaws to try. Against a real gunicorn."""

import http.client

import pytest

from tests.security.gunicorn_server import HOST, gunicorn_server, needs_services

pytestmark = [needs_services, pytest.mark.django_db]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from gunicorn_server(django_db_blocker, tmp_path_factory.mktemp("server-header"))


@pytest.mark.parametrize(
    "path", ["/", "/sante/", "/page-qui-n-existe-pas/", "/static/css/territoires.css"]
)
def test_no_answer_names_its_server(server, path):
    answer = server.request("GET", path)

    assert answer.status in {200, 404}
    assert "gunicorn" not in str(answer.headers).lower()
    assert answer.headers.get("Server") is None


def test_a_request_gunicorn_itself_refuses_names_no_server(server):
    connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
    try:
        connection.putrequest("GET", "/")
        connection.putheader("Host", HOST)
        connection.putheader("Content-Length", "abc")  # not a length: refused by gunicorn
        connection.endheaders()
        answer = connection.getresponse()
        headers, body = str(answer.headers).lower(), answer.read().lower()
    finally:
        connection.close()

    assert answer.status == 400
    assert "gunicorn" not in headers and b"gunicorn" not in body
