"""Attack: filling the team's mailbox (and the sending quota) with error reports.

Django mails ADMINS every server error and every « suspicious operation »: 22 requests
with a forged Host header sent 22 e-mails, and a request that fails sent one mail each
time it was repeated.
"""

import logging

import pytest
from django.core import mail
from django.test import Client

from core import error_reports

pytestmark = pytest.mark.django_db

LIMIT = 3


@pytest.fixture(autouse=True)
def error_reports_on(settings):
    settings.DEBUG = False
    settings.ADMINS = [("Équipe technique", "tech@anct.example")]
    settings.ALLOWED_HOSTS = ["territoires-en-commun.example"]
    settings.ROOT_URLCONF = "tests.core.urls_failing"
    settings.ERROR_REPORT_MAIL_LIMIT = LIMIT
    settings.ERROR_REPORT_MAIL_TOTAL = 20


@pytest.fixture
def client():
    return Client(HTTP_HOST="territoires-en-commun.example", raise_request_exception=False)


@pytest.fixture
def disallowed_host_lines():
    """The records the DisallowedHost logger writes out (it does not propagate)."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("django.security.DisallowedHost")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def test_forged_host_headers_are_logged_not_mailed(client, disallowed_host_lines):
    for number in range(22):
        answer = client.get("/", HTTP_HOST=f"attaquant-{number}.example")
        assert answer.status_code == 400

    assert mail.outbox == []
    assert len(disallowed_host_lines) == 22
    assert all(record.levelno == logging.WARNING for record in disallowed_host_lines)
    assert all(record.exc_info is None for record in disallowed_host_lines)


def test_a_failing_page_asked_50_times_is_mailed_a_few_times(client):
    for number in range(50):
        # Each with its own address: the visitor chooses the text, not the error.
        assert client.get(f"/panne/?essai={number}").status_code == 500

    assert 1 <= len(mail.outbox) <= LIMIT
    assert all(message.to == ["tech@anct.example"] for message in mail.outbox)


def test_every_error_together_is_mailed_at_most_the_total(client, settings, monkeypatch):
    settings.ERROR_REPORT_MAIL_TOTAL = 5
    # As if each request failed somewhere else.
    signatures = iter(range(100))
    monkeypatch.setattr(error_reports, "error_signature", lambda record: str(next(signatures)))

    for _ in range(30):
        client.get("/panne/")

    assert len(mail.outbox) == 5


class DownCache:
    def add(self, *args, **kwargs):
        return False

    def incr(self, *args, **kwargs):
        raise ConnectionError("Redis down")


def test_with_the_cache_down_the_process_still_counts(client, monkeypatch):
    monkeypatch.setattr(error_reports, "cache", DownCache())
    monkeypatch.setattr(error_reports, "_local", error_reports._LocalCounters())

    for _ in range(50):
        client.get("/panne/")

    assert 1 <= len(mail.outbox) <= LIMIT


def test_when_counting_fails_no_mail_is_sent(client, monkeypatch):
    def broken(record):
        raise RuntimeError("cannot tell")

    monkeypatch.setattr(error_reports, "error_signature", broken)

    assert client.get("/panne/").status_code == 500
    assert mail.outbox == []
