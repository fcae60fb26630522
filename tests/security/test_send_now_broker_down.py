"""Attack (or outage): « Envoyer maintenant » while the queue's Redis is down. The
task used to run inside the web request instead, unpaced (« eager »), until the
server's timeout killed the worker: a 500 and a send left half-way. Now the editor
is told, in French, and nothing is sent nor marked as sent.

Production-like: Celery is not eager and its broker is a closed port."""

import datetime
import time
from html import unescape

import pytest
from celery import current_app
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from newsletter.models import Delivery, Dispatch, DispatchStatus, Subscriber
from newsletter.services import dispatch_schedule, issue_assemble
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

CLOSED_PORT = "redis://127.0.0.1:18799/0"  # nothing listens there


def _drop_broker_connections(app) -> None:
    # The app caches its pools per broker URL; the next publish builds them anew.
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_down():
    app = current_app
    conf = app.conf
    saved = conf.broker_url, conf.task_always_eager
    conf.task_always_eager = False
    conf.broker_url = CLOSED_PORT
    _drop_broker_connections(app)
    yield
    conf.broker_url, conf.task_always_eager = saved
    _drop_broker_connections(app)


@pytest.fixture
def moderator(client):
    user = get_user_model().objects.create_user(
        "moderatrice-nl", email="moderatrice@anct.gouv.fr", password="motdepasse-solide"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return client


@pytest.fixture
def issue(db):
    Subscriber.objects.all().delete()
    SubscriberFactory.create_batch(5)
    return issue_assemble(month=datetime.date(2026, 12, 1)).issue


def send_now(moderator, issue, capture):
    """« Envoyer maintenant », running what the request leaves for after its commit."""
    mail.outbox = []
    started = time.monotonic()
    with capture(execute=True):
        response = moderator.post(
            f"/admin/newsletter/{issue.pk}/", {"action": "send_now", "confirm": "yes"}
        )
    page = moderator.get(response["Location"])
    return page, time.monotonic() - started


def test_send_now_with_the_queue_down_sends_nothing_and_says_so(
    broker_down, moderator, issue, django_capture_on_commit_callbacks
):
    response, seconds = send_now(moderator, issue, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert not Delivery.objects.filter(issue=issue).exists()
    assert seconds < 15  # no sending inside the request
    assert "La file d'envoi (Redis) est injoignable" in unescape(response.content.decode())
    assert not Dispatch.objects.filter(issue=issue).exists()
    issue.refresh_from_db()
    assert not issue.live  # not even published as sent


def test_a_scheduled_send_keeps_its_date_when_send_now_fails(
    broker_down, moderator, issue, django_capture_on_commit_callbacks
):
    later = timezone.now() + datetime.timedelta(days=3)
    dispatch_schedule(issue=issue, at=later)

    response, _seconds = send_now(moderator, issue, django_capture_on_commit_callbacks)

    assert "injoignable" in unescape(response.content.decode())
    dispatch = Dispatch.objects.get(issue=issue)
    assert dispatch.status == DispatchStatus.SCHEDULED
    assert dispatch.scheduled_at == later
    assert mail.outbox == []
    assert not Delivery.objects.filter(issue=issue).exists()
