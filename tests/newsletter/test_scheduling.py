"""Scheduled sending: the beat task starts due issues, once; a scheduled send can be
cancelled or moved, not a send already started."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from newsletter import services
from newsletter.models import Dispatch, DispatchStatus
from newsletter.selectors import dispatch_list_due
from newsletter.tasks import start_due_dispatches

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscribers(no_demo_subscribers):
    return SubscriberFactory.create_batch(3)


def test_the_beat_task_starts_a_due_issue_once(issue, subscribers, outbox):
    at = timezone.now() + datetime.timedelta(hours=2)
    services.dispatch_schedule(issue=issue, at=at)
    start_due_dispatches()
    assert outbox == [] and not type(issue).objects.get(pk=issue.pk).live
    assert dispatch_list_due(now=at) == [issue.pk]

    Dispatch.objects.filter(issue=issue).update(scheduled_at=timezone.now())
    start_due_dispatches()
    start_due_dispatches()
    assert len(mail.outbox) == 3
    dispatch = Dispatch.objects.get(issue=issue)
    assert dispatch.status == DispatchStatus.SENT and dispatch.started_at is not None
    issue.refresh_from_db()
    assert issue.live  # published in the archive as it is sent


def test_a_scheduled_send_can_be_cancelled(issue, subscribers, outbox):
    services.dispatch_schedule(issue=issue, at=timezone.now() + datetime.timedelta(minutes=1))
    services.dispatch_cancel(issue=issue)
    Dispatch.objects.filter(issue=issue).update(scheduled_at=timezone.now())
    start_due_dispatches()
    assert outbox == []
    assert Dispatch.objects.get(issue=issue).status == DispatchStatus.CANCELLED
    with pytest.raises(services.SendRefused):
        services.dispatch_cancel(issue=issue)


def test_a_cancelled_send_can_be_scheduled_again(issue, subscribers, outbox):
    services.dispatch_schedule(issue=issue, at=timezone.now() + datetime.timedelta(days=1))
    services.dispatch_cancel(issue=issue)
    later = timezone.now() + datetime.timedelta(days=2)
    dispatch = services.dispatch_schedule(issue=issue, at=later)
    assert dispatch.status == DispatchStatus.SCHEDULED and dispatch.scheduled_at == later


def test_a_started_send_cannot_be_cancelled_nor_rescheduled(issue, subscribers):
    services.dispatch_schedule(issue=issue, at=timezone.now())
    services.dispatch_start(issue_id=issue.pk)
    with pytest.raises(services.SendRefused, match="en cours"):
        services.dispatch_schedule(issue=issue, at=timezone.now())
    with pytest.raises(services.SendRefused):
        services.dispatch_cancel(issue=issue)


def test_the_latest_revision_is_what_goes_out(issue, subscribers, outbox):
    draft = issue.get_latest_revision_as_object()
    draft.title = "Titre corrigé avant l'envoi"
    draft.save_revision()
    services.dispatch_schedule(issue=issue, at=timezone.now())
    start_due_dispatches()
    assert {message.subject for message in outbox} == {"Titre corrigé avant l'envoi"}
