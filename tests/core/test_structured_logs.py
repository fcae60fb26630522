import json
import logging

from celery import shared_task
from django.core import mail
from django.test import override_settings

from core.observability import JsonFormatter


def json_lines(caplog, logger):
    formatter = JsonFormatter()
    return [json.loads(formatter.format(r)) for r in caplog.records if r.name == logger]


def test_each_request_is_logged_once_with_its_status_and_duration(client, home, caplog):
    caplog.set_level(logging.INFO, logger="territoires.requests")
    client.get("/ressources/")
    client.get("/page-inexistante/")
    first, second = json_lines(caplog, "territoires.requests")
    assert (first["method"], first["path"], first["status"]) == ("GET", "/ressources/", 200)
    assert second["status"] == 404
    assert first["duration_ms"] > 0


@shared_task
def add(a, b):
    return a + b


def test_tasks_are_logged_with_their_id_and_state(caplog):
    caplog.set_level(logging.INFO, logger="territoires.tasks")
    result = add.delay(2, 3)
    started, done = json_lines(caplog, "territoires.tasks")
    assert started["task_id"] == done["task_id"] == result.id
    assert done["state"] == "SUCCESS"
    assert done["task"].endswith(".add")


@override_settings(ROOT_URLCONF="tests.core.urls_failing", ADMINS=[("Tech", "tech@anct.example")])
def test_server_errors_are_reported_by_email_when_configured(client, db):
    client.raise_request_exception = False
    assert client.get("/panne/").status_code == 500
    [report] = mail.outbox
    assert report.to == ["tech@anct.example"]
    assert "/panne/" in report.subject
