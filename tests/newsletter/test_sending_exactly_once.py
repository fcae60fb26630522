"""Each subscriber gets an issue once: chunks, one connection per chunk, re-runs that
send nothing more, and a worker killed mid-chunk whose recipients are sent later."""

import datetime
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, DeliveryStatus, Dispatch, DispatchStatus
from newsletter.services import delivery as delivery_service
from newsletter.tasks import start_dispatch

from .backends import ConnectionCountingBackend, RecordingBackend, WorkerKilled
from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(issue, no_demo_subscribers, settings):
    """Ten subscribers, the issue started (log created) but no chunk sent yet."""
    settings.NEWSLETTER_CHUNK_SIZE = 10
    SubscriberFactory.create_batch(10)
    services.dispatch_schedule(issue=issue, at=timezone.now())
    services.dispatch_start(issue_id=issue.pk)
    return issue


def test_chunks_each_use_one_connection(issue, no_demo_subscribers, settings):
    settings.NEWSLETTER_CHUNK_SIZE = 3
    settings.EMAIL_BACKEND = "tests.newsletter.backends.ConnectionCountingBackend"
    ConnectionCountingBackend.instances = []
    subscribers = SubscriberFactory.create_batch(7)
    services.dispatch_schedule(issue=issue, at=timezone.now())
    start_dispatch(issue.pk)
    connections = ConnectionCountingBackend.instances
    assert len(connections) == 3
    assert [len(c.sent) for c in connections] == [3, 3, 1]
    assert all(c.opened == 1 and c.closed == 1 for c in connections)
    sent = sorted(address for c in connections for address in c.sent)
    assert sent == sorted(s.email for s in subscribers)
    dispatch = Dispatch.objects.get(issue=issue)
    assert dispatch.status == DispatchStatus.SENT and dispatch.total == 7
    assert dispatch.chunk_count == 3 and dispatch.finished_at is not None
    assert Delivery.objects.filter(issue=issue, status=DeliveryStatus.SENT).count() == 7


def test_running_the_send_again_sends_nothing_more(started):
    first = RecordingBackend()
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=first)
    assert len(first.sent) == 10
    again = RecordingBackend()
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=again)
    assert services.dispatch_start(issue_id=started.pk) is None
    with pytest.raises(services.SendRefused):
        services.dispatch_schedule(issue=started, at=timezone.now())
    call_command("send_newsletter", "2026-12", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert again.sent == []
    assert Delivery.objects.filter(issue=started).count() == 10


def test_a_worker_killed_mid_chunk_is_completed_later_without_duplicates(started):
    dying = RecordingBackend(crash_at=4)
    with pytest.raises(WorkerKilled):
        services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=dying)
    assert len(dying.sent) == 3
    assert Delivery.objects.filter(issue=started, status=DeliveryStatus.CLAIMED).count() == 7

    # Another run right away leaves the dead worker's claims alone (it may be alive)…
    early = RecordingBackend()
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=early)
    assert early.sent == []
    assert services.dispatch_recover_stalled(now=timezone.now()) == []

    # …the periodic recovery releases them once stalled, and the chunk is sent again.
    later = timezone.now() + datetime.timedelta(minutes=16)
    assert services.dispatch_recover_stalled(now=later) == [(started.pk, 0)]
    rescue = RecordingBackend()
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=rescue)
    everyone = dying.sent + rescue.sent
    assert len(everyone) == 10 and len(set(everyone)) == 10
    assert Dispatch.objects.get(issue=started).status == DispatchStatus.SENT


def test_only_the_message_in_flight_at_the_crash_can_go_twice(started, monkeypatch):
    backend = RecordingBackend()
    real_mark_sent = delivery_service.delivery_mark_sent
    calls = []

    def die_on_fourth(delivery):
        calls.append(delivery.pk)
        if len(calls) == 4:  # the SMTP server accepted it, the worker dies before noting it
            raise WorkerKilled
        real_mark_sent(delivery=delivery)

    monkeypatch.setattr(delivery_service, "delivery_mark_sent", die_on_fourth)
    with pytest.raises(WorkerKilled):
        services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=backend)
    monkeypatch.setattr(delivery_service, "delivery_mark_sent", real_mark_sent)
    assert len(backend.sent) == 4
    mail.outbox = []
    call_command("send_newsletter", "2026-12", "--reprendre", stdout=open("/dev/null", "w"))  # noqa: SIM115
    resent = [message.to[0] for message in mail.outbox]
    assert len(resent) == 7
    assert set(backend.sent) & set(resent) == {backend.sent[3]}  # the one in flight, only
    assert Delivery.objects.filter(issue=started, status=DeliveryStatus.SENT).count() == 10


def test_the_command_resumes_after_a_crash(started):
    backend = RecordingBackend(crash_at=2)
    with pytest.raises(WorkerKilled):
        services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=backend)
    call_command("send_newsletter", "2026-12", "--reprendre", stdout=open("/dev/null", "w"))  # noqa: SIM115
    statuses = set(Delivery.objects.filter(issue=started).values_list("status", flat=True))
    assert statuses == {DeliveryStatus.SENT}


def test_the_rate_is_kept(started):
    start = time.monotonic()
    services.dispatch_send_chunk(
        issue_id=started.pk, chunk=0, rate=50, connection=RecordingBackend()
    )
    # Ten messages at fifty per second: nine gaps of 20 ms (the first goes at once).
    assert time.monotonic() - start >= 0.18


def test_the_pacer_spaces_messages_evenly():
    now = [100.0]
    pauses = []

    def sleep(seconds):
        pauses.append(seconds)
        now[0] += seconds

    pacer = services.Pacer(4, sleep=sleep, clock=lambda: now[0])
    for _ in range(5):
        pacer.wait()
    assert pauses == [pytest.approx(0.25)] * 4


def test_someone_who_unsubscribes_meanwhile_is_skipped(started):
    delivery = Delivery.objects.filter(issue=started).order_by("pk").last()
    delivery.subscriber.status = "unsubscribed"
    delivery.subscriber.save()
    backend = RecordingBackend()
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=backend)
    assert delivery.subscriber.email not in backend.sent and len(backend.sent) == 9
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SKIPPED


def test_a_deleted_subscriber_keeps_an_anonymous_log_row(started):
    delivery = Delivery.objects.filter(issue=started).first()
    delivery.subscriber.delete()
    services.dispatch_send_chunk(issue_id=started.pk, chunk=0, connection=RecordingBackend())
    delivery.refresh_from_db()
    assert delivery.subscriber is None and delivery.status == DeliveryStatus.SKIPPED
