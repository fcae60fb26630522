"""Scheduling works wherever the site runs: `make run`'s scheduler starts a due send,
and a scheduled send the scheduler has not started is shown overdue, with the reason."""

import datetime
import itertools
from html import unescape
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.management.commands import run_scheduler
from newsletter import services
from newsletter.models import Dispatch, DispatchStatus

from .admin_form import login_verified
from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    login_verified(client, username="moderation@anct.gouv.fr", group="Moderators")
    return client


def text_of(response) -> str:
    return unescape(" ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split()))


def scheduled_minutes_ago(issue, minutes: int) -> Dispatch:
    services.dispatch_schedule(issue=issue, at=timezone.now() + datetime.timedelta(hours=1))
    at = timezone.now() - datetime.timedelta(minutes=minutes)
    Dispatch.objects.filter(issue=issue).update(scheduled_at=at)
    return Dispatch.objects.get(issue=issue)


def test_an_overdue_send_is_shown_overdue_with_the_reason(moderator, issue):
    dispatch = scheduled_minutes_ago(issue, 30)
    when = timezone.localtime(dispatch.scheduled_at).strftime("%d/%m/%Y à %H:%M")

    send = text_of(moderator.get(f"/admin/newsletter/{issue.pk}/"))
    assert (
        f"En retard : le planificateur n'a pas démarré l'envoi prévu le {when}. Vérifiez que "
        "le planificateur tourne : Celery beat en production"
    ) in send
    assert "Envoi programmé" not in send

    listing = text_of(moderator.get("/admin/newsletter/"))
    row = listing[listing.index(issue.title) :]
    assert row.startswith(f"{issue.title} {issue.month_label} En retard le planificateur")
    assert "vérifiez que le planificateur (beat) tourne" in row

    progress = moderator.get(f"/admin/newsletter/{issue.pk}/progression/").json()
    assert progress["status_label"] == "En retard"


def test_a_send_just_due_is_still_scheduled(moderator, issue):
    scheduled_minutes_ago(issue, 1)  # beat looks every minute: not late yet
    send = text_of(moderator.get(f"/admin/newsletter/{issue.pk}/"))
    assert "Envoi programmé" in send and "En retard" not in send


def test_the_scheduler_of_make_run_starts_a_due_send(monkeypatch, issue, no_demo_subscribers):
    SubscriberFactory.create_batch(2)
    scheduled_minutes_ago(issue, 30)
    mail.outbox = []
    start = timezone.now()
    ticks = itertools.count(1)
    # A fake clock: each pause of the loop is one minute; the third one stops it (Ctrl-C).
    now = {"value": start}

    def sleep(seconds):
        tick = next(ticks)
        if tick > 2:
            raise KeyboardInterrupt
        now["value"] = start + datetime.timedelta(minutes=tick)

    monkeypatch.setattr(run_scheduler.time, "sleep", sleep)
    monkeypatch.setattr(run_scheduler.timezone, "now", lambda: now["value"])
    # The test's transaction must stay open (the real loop drops stale connections).
    monkeypatch.setattr(run_scheduler, "close_old_connections", lambda: None)
    monkeypatch.setattr(
        settings,
        "CELERY_BEAT_SCHEDULE",
        {"newsletter-start-due-sends": settings.CELERY_BEAT_SCHEDULE["newsletter-start-due-sends"]},
    )
    out = StringIO()
    call_command("run_scheduler", interval=60, stdout=out)
    assert "Tâche périodique exécutée : newsletter-start-due-sends" in out.getvalue()
    assert Dispatch.objects.get(issue=issue).status == DispatchStatus.SENT
    assert len(mail.outbox) == 2
