"""Two workers racing on the same chunk on PostgreSQL: SKIP LOCKED claims make each
message go out once. Threads with their own database connections stand for workers."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, DeliveryStatus, Dispatch, DispatchStatus
from newsletter.services import dispatches

from .backends import RecordingBackend
from .factories import SubscriberFactory

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SKIP LOCKED races need PostgreSQL"
)

SUBSCRIBERS = 240


@pytest.fixture
def started_issue(transactional_db, settings):
    """A send started for 240 subscribers, all in one chunk (committed: threads see it)."""
    from wagtail.models import Locale, Page

    from newsletter.models import NewsletterArchivePage, NewsletterIssuePage, Subscriber

    settings.NEWSLETTER_CHUNK_SIZE = SUBSCRIBERS
    Subscriber.objects.all().delete()
    archive = NewsletterArchivePage.objects.first()
    if archive is None:  # a previous transactional test emptied the database
        Locale.objects.get_or_create(language_code="fr")
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Racine"))
        archive = root.add_child(instance=NewsletterArchivePage(title="Archives", slug="archives"))
    issue = archive.add_child(
        instance=NewsletterIssuePage(title="Course", slug="course", month=datetime.date(2031, 1, 1))
    )
    SubscriberFactory.create_batch(SUBSCRIBERS)
    Dispatch.objects.create(
        issue=issue,
        status=DispatchStatus.SENDING,
        started_at=timezone.now(),
        subject="Course",
        html="<p>__TEC_GREETING__</p>",
        text="__TEC_GREETING__",
    )
    dispatches._create_deliveries(issue)
    return issue


def test_two_workers_racing_on_one_chunk_send_each_message_once(started_issue):
    backend = RecordingBackend(pause=0.002)
    errors = []
    barrier = threading.Barrier(2)

    def worker():
        try:
            barrier.wait()
            services.dispatch_send_chunk(issue_id=started_issue.pk, chunk=0, connection=backend)
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert len(backend.sent) == SUBSCRIBERS
    assert len(set(backend.sent)) == SUBSCRIBERS
    assert Delivery.objects.filter(issue=started_issue, status=DeliveryStatus.SENT).count() == (
        SUBSCRIBERS
    )
    assert Dispatch.objects.get(issue=started_issue).status == DispatchStatus.SENT


def test_claims_skip_rows_locked_by_another_worker(started_issue):
    """While one worker holds its claim transaction open, the other takes other rows."""
    from django.db import transaction

    first_ids = []
    taken = threading.Event()
    release = threading.Event()

    def slow_claimer():
        try:
            with transaction.atomic():
                rows = list(
                    Delivery.objects.filter(issue=started_issue, status=DeliveryStatus.PENDING)
                    .select_for_update(skip_locked=True)
                    .order_by("pk")
                    .values_list("pk", flat=True)[:50]
                )
                first_ids.extend(rows)
                taken.set()
                release.wait(timeout=30)
        finally:
            connections.close_all()

    thread = threading.Thread(target=slow_claimer)
    thread.start()
    assert taken.wait(timeout=30)
    claimed = services.delivery_claim_batch(
        issue_id=started_issue.pk, chunk=0, claim="autre", since=timezone.now(), size=50
    )
    release.set()
    thread.join(timeout=30)
    assert len(claimed) == 50
    assert not {delivery.pk for delivery in claimed} & set(first_ids)
