"""Attack: forging log entries with CR/LF (and other control characters) in what a
visitor sends.

The path is decoded before it is logged (``%0d%0a`` becomes a real line break), and
Django quotes it in its own messages (« Not Found: /… »): a request could write a line
of its choosing into the logs, for instance a fake successful admin login.
"""

import io
import json
import logging
import sys
import time
from urllib.parse import quote

import pytest
from django.test import Client

from core.observability import JsonFormatter, SafeFormatter
from tests.security.gunicorn_server import gunicorn_server, needs_services

FORGED = "2026-01-01 12:00:00,000 INFO territoires.requests POST /admin/login/ 302 1.0ms FORGED"
ENCODED = "%0d%0a" + FORGED.replace(" ", "%20") + "%0a%e2%80%a8%c2%85" + FORGED.replace(" ", "%20")
# Characters that end a line for some reader, or make it display other than it is.
BREAKS = ["\r", "\n", "\x85", "\u2028", "\u2029", "\x1b", "\u202e"]


@pytest.fixture(scope="module")
def server_log(django_db_setup, django_db_blocker, tmp_path_factory):
    server_run = gunicorn_server(django_db_blocker, tmp_path_factory.mktemp("log-injection"))
    server = next(server_run)
    try:
        server.request("GET", f"/forge/{ENCODED}/")
        server.request("GET", f"/newsletter/preferences/{ENCODED}/")
        server.request("GET", "/forge-ua/", headers={"User-Agent": "navigateur\x1b[2J\x85FORGED"})
        server.request("GET", "/fin-du-test/")
        deadline = time.monotonic() + 10
        while "/fin-du-test/" not in server.log_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        yield server.log_text()
    finally:
        server_run.close()


@needs_services
@pytest.mark.django_db
def test_no_request_starts_a_line_of_its_own_in_the_servers_log(server_log):
    lines = server_log.splitlines()
    assert any("/forge/" in line for line in lines), server_log[-2000:]

    # FORGED only ever on the line of the request that carried it.
    requests = ("/forge/", "/forge-ua/", "/newsletter/preferences/")
    forged = [
        line
        for line in lines
        if line.startswith(FORGED[:10])
        or ("FORGED" in line and not any(path in line for path in requests))
    ]

    assert not forged, "\n".join(forged)
    for line in lines:
        assert not any(character in line for character in BREAKS[2:]), repr(line)


def _log_through(formatter: logging.Formatter, logger_name: str, emit) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter)
    logger = logging.getLogger(logger_name)
    logger.addHandler(handler)
    try:
        emit()
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def _requests_with_breaks():
    client = Client()
    for character in BREAKS:
        # Percent-encoded, as on the wire: Django decodes it into the path.
        client.get(f"/page/{quote(character + FORGED)}/")


@pytest.mark.django_db
@pytest.mark.parametrize("logger_name", ["territoires.requests", "django.request"])
def test_the_plain_format_writes_one_line_per_entry(logger_name):
    formatter = SafeFormatter("%(levelname)s %(name)s %(message)s")
    written = _log_through(formatter, logger_name, _requests_with_breaks)

    lines = written.split("\n")[:-1]
    assert len(lines) == len(BREAKS), written
    assert all(line.startswith(("INFO ", "WARNING ")) for line in lines)
    assert not any(c in written.replace("\n", "") for c in BREAKS)


@pytest.mark.django_db
def test_the_json_format_writes_one_parsable_line_per_entry():
    written = _log_through(JsonFormatter(), "territoires.requests", _requests_with_breaks)

    lines = written.split("\n")[:-1]
    assert len(lines) == len(BREAKS)
    for line in lines:
        entry = json.loads(line)
        assert entry["path"].startswith("/page/\\")  # the character, as an escape
        assert not any(c in line for c in BREAKS)


def test_a_traceback_quoting_input_cannot_pass_for_an_entry():
    record = logging.LogRecord("territoires", logging.ERROR, __file__, 1, "échec", None, None)
    try:
        raise ValueError(f"valeur refusée\n{FORGED}")
    except ValueError:
        record.exc_info = sys.exc_info()

    written = SafeFormatter("%(asctime)s %(levelname)s %(name)s %(message)s").format(record)

    first, *rest = written.split("\n")
    assert "échec" in first
    assert rest and all(line.startswith("    ") for line in rest)
