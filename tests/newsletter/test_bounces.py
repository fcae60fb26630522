"""A permanent refusal stops the sending to that address; a temporary one is retried."""

import smtplib

import pytest
from celery.exceptions import Retry
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, DeliveryStatus, Subscriber, SubscriberStatus
from newsletter.tasks import RETRY_DELAYS, send_chunk

from .backends import RecordingBackend, smtp_server
from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(issue, no_demo_subscribers):
    SubscriberFactory(email="ok@exemple.fr")
    SubscriberFactory(email="inconnu@exemple.fr")
    SubscriberFactory(email="plein@exemple.fr")
    services.dispatch_schedule(issue=issue, at=timezone.now())
    services.dispatch_start(issue_id=issue.pk)
    return issue


def test_a_real_smtp_server_refusing_an_address(started, settings):
    refuse = {
        "inconnu@exemple.fr": "550 5.1.1 Utilisateur inconnu",
        "plein@exemple.fr": "452 4.2.2 Boîte pleine, réessayez plus tard",
    }
    with smtp_server(settings, refuse=refuse) as sink:
        outcome = services.dispatch_send_chunk(issue_id=started.pk, chunk=0)
    assert [recipients for recipients, _data in sink.received] == [["ok@exemple.fr"]]
    assert (outcome.sent, outcome.bounced, outcome.deferred) == (1, 1, 1)
    raw = sink.received[0][1].decode()
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    assert "Content-Type: text/plain" in raw and "Content-Type: text/html" in raw

    gone = Subscriber.objects.get(email="inconnu@exemple.fr")
    assert gone.status == SubscriberStatus.BOUNCED
    assert gone.bounce_reason.startswith("550") and gone.bounced_at is not None
    assert not Subscriber.objects.receiving().filter(pk=gone.pk).exists()
    full = Delivery.objects.get(issue=started, subscriber__email="plein@exemple.fr")
    assert full.status == DeliveryStatus.PENDING and full.error.startswith("452")

    # The next run (the chunk's retry) sends to the full mailbox, once it has room.
    with smtp_server(settings) as sink:
        services.dispatch_send_chunk(issue_id=started.pk, chunk=0)
    assert [recipients for recipients, _data in sink.received] == [["plein@exemple.fr"]]
    assert Delivery.objects.get(pk=full.pk).status == DeliveryStatus.SENT


def test_a_bounced_address_gets_no_later_issue(started, settings):
    Subscriber.objects.filter(email="inconnu@exemple.fr").update(status=SubscriberStatus.BOUNCED)
    backend = RecordingBackend()
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=backend)
    assert "inconnu@exemple.fr" not in backend.sent


def test_editors_see_bounced_addresses_in_the_admin(started, admin_client):
    backend = RecordingBackend(
        refuse={
            "inconnu@exemple.fr": smtplib.SMTPRecipientsRefused(
                {"inconnu@exemple.fr": (550, b"5.1.1 Unknown")}
            )
        }
    )
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=backend)
    listing = admin_client.get("/admin/snippets/newsletter/subscriber/", {"status": "bounced"})
    html = listing.content.decode()
    assert "inconnu@exemple.fr" in html and "ok@exemple.fr" not in html
    assert "Adresse en erreur" in html
    progress = admin_client.get(f"/admin/newsletter/{started.pk}/progression/").json()
    assert progress["bounced"] == 1


def test_a_lost_connection_is_retried_with_back_off(started, monkeypatch):
    backend = RecordingBackend(
        refuse={"inconnu@exemple.fr": smtplib.SMTPServerDisconnected("connexion perdue")}
    )
    with pytest.raises(services.TransientFailure):
        services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=backend)
    # Nothing is lost: what was not sent is pending again, for the retry.
    statuses = dict(
        Delivery.objects.filter(issue=started).values_list("subscriber__email", "status")
    )
    assert statuses["ok@exemple.fr"] == DeliveryStatus.SENT
    assert statuses["inconnu@exemple.fr"] == DeliveryStatus.PENDING
    assert statuses["plein@exemple.fr"] == DeliveryStatus.PENDING

    countdowns = []

    def fake_retry(**kwargs):
        countdowns.append(kwargs["countdown"])
        return Retry()

    def failing(**kwargs):
        raise services.TransientFailure("SMTP injoignable")

    monkeypatch.setattr(services, "dispatch_send_chunk", failing)
    monkeypatch.setattr(send_chunk, "retry", fake_retry)
    send_chunk.push_request(is_eager=False, retries=2)
    try:
        with pytest.raises(Retry):
            send_chunk.run(started.pk, 0)
    finally:
        send_chunk.pop_request()
    assert countdowns == [RETRY_DELAYS[2]]
