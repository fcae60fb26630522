"""Sign-ups never confirmed are deleted after the configured delay."""

import datetime

import pytest
from django.utils import timezone

from newsletter.models import Subscriber
from newsletter.tasks import purge_unconfirmed_subscribers

from .factories import PendingSubscriberFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_unconfirmed_sign_ups_are_purged_after_the_delay(settings):
    settings.NEWSLETTER_UNCONFIRMED_PURGE_DAYS = 7
    old = PendingSubscriberFactory(created_at=timezone.now() - datetime.timedelta(days=8))
    recent = PendingSubscriberFactory(created_at=timezone.now() - datetime.timedelta(days=6))
    confirmed = SubscriberFactory(created_at=timezone.now() - datetime.timedelta(days=400))
    purge_unconfirmed_subscribers()
    remaining = set(Subscriber.objects.values_list("pk", flat=True))
    assert old.pk not in remaining
    assert {recent.pk, confirmed.pk} <= remaining
