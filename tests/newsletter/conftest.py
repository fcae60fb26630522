import datetime

import pytest
from django.core import mail

from newsletter.models import NewsletterIssuePage, Subscriber
from newsletter.services import issue_assemble


@pytest.fixture
def issue(db):
    """A draft issue assembled from the demo content, for a month the demo leaves free."""
    return issue_assemble(month=datetime.date(2026, 12, 1)).issue


@pytest.fixture
def no_demo_subscribers(db):
    """The demo's subscribers out of the way, so counts are the test's own."""
    Subscriber.objects.all().delete()


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


def latest_issue() -> NewsletterIssuePage:
    return NewsletterIssuePage.objects.order_by("-month").first()
