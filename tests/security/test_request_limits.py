"""Attack: requests too large to be worth reading, refused before the application.

The proxy caps bodies (deploy/Caddyfile, checked in tests/territoires); gunicorn caps
the request line and the number of header fields (deploy/gunicorn.conf.py). Against a
real gunicorn.
"""

import http.client

import pytest

from tests.security.gunicorn_server import HOST, gunicorn_server, needs_services

pytestmark = [needs_services, pytest.mark.django_db]


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory):
    yield from gunicorn_server(django_db_blocker, tmp_path_factory.mktemp("limits"))


def raw_status(server, path: str, headers: dict[str, str]) -> int:
    connection = http.client.HTTPConnection(HOST, server.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", HOST)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def test_a_request_line_over_4_kb_is_refused(server):
    assert raw_status(server, "/recherche/?q=" + "a" * 5000, {}) == 414


def test_a_request_with_too_many_header_fields_is_refused(server):
    headers = {f"X-Champ-{number}": "1" for number in range(80)}

    assert raw_status(server, "/", headers) == 431  # Request Header Fields Too Large


def test_an_ordinary_request_still_passes(server):
    headers = {f"X-Champ-{number}": "1" for number in range(20)}

    assert raw_status(server, "/sante/", headers) == 200
