"""`make run` runs the periodic tasks itself: each due entry once per period."""

import datetime
import shutil
import subprocess
from pathlib import Path

import pytest
from celery import current_app
from django.conf import settings
from django.utils import timezone

from contributions.models import Contribution
from core.scheduler import DueTasks, run_celery_task
from tests.contributions.factories import ContributionFactory

START = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)


def seconds_later(seconds: float) -> datetime.datetime:
    return START + datetime.timedelta(seconds=seconds)


def test_an_entry_runs_once_per_period_and_never_twice_within_it():
    ran = []
    due_tasks = DueTasks(
        {"envoi": {"task": "newsletter.tasks.start_due_dispatches", "schedule": 60.0}},
        now=START,
        run=ran.append,
    )
    assert due_tasks.run_due(now=seconds_later(30)) == []
    assert due_tasks.run_due(now=seconds_later(60)) == ["envoi"]
    assert due_tasks.run_due(now=seconds_later(61)) == []
    assert due_tasks.run_due(now=seconds_later(119)) == []
    assert due_tasks.run_due(now=seconds_later(150)) == ["envoi"]
    assert ran == [{"task": "newsletter.tasks.start_due_dispatches", "schedule": 60.0}] * 2


def test_entries_keep_their_own_periods():
    ran = []
    due_tasks = DueTasks(
        {
            "minute": {"task": "a", "schedule": 60},
            "heure": {"task": "b", "schedule": datetime.timedelta(hours=1)},
        },
        now=START,
        run=lambda entry: ran.append(entry["task"]),
    )
    for minute in range(1, 61):
        due_tasks.run_due(now=seconds_later(minute * 60))
    assert ran.count("a") == 60
    assert ran.count("b") == 1


def test_every_scheduled_entry_names_a_registered_task():
    current_app.loader.import_default_modules()
    assert settings.CELERY_BEAT_SCHEDULE
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        assert entry["task"] in current_app.tasks, entry["task"]


@pytest.mark.django_db
def test_a_due_entry_runs_its_celery_task_in_process():
    stale = ContributionFactory(status=Contribution.Status.UNCONFIRMED)
    Contribution.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=31)
    )
    due_tasks = DueTasks(
        {"purge": settings.CELERY_BEAT_SCHEDULE["contributions-purge-unconfirmed"]},
        now=timezone.now() - datetime.timedelta(days=1),
    )
    assert due_tasks.run_due(now=timezone.now()) == ["purge"]
    assert not Contribution.objects.filter(pk=stale.pk).exists()


@pytest.mark.django_db
def test_a_failing_task_is_logged_and_the_scheduler_goes_on(caplog):
    run_celery_task({"task": "newsletter.tasks.assemble_issue", "args": ("pas-un-mois",)})
    assert "Scheduled task newsletter.tasks.assemble_issue failed" in caplog.text


@pytest.mark.parametrize("target", ["run", "dev"])
def test_make_run_starts_the_scheduler_beside_the_server(target):
    """`make run` (and `make dev`) start `manage.py run_scheduler` in the background,
    stopped with the server, before the server itself."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    root = Path(__file__).resolve().parents[2]
    dry_run = subprocess.run(  # our own Makefile, printed (-n), not run
        ["make", "-n", target],  # noqa: S607
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    [line] = [line for line in dry_run.splitlines() if "runserver" in line]
    assert "manage.py run_scheduler &" in line
    assert "trap 'kill $scheduler" in line
    assert line.index("run_scheduler") < line.index("runserver")


def test_the_schedule_starts_due_newsletter_sends_every_minute():
    entry = settings.CELERY_BEAT_SCHEDULE["newsletter-start-due-sends"]
    assert entry["task"] == "newsletter.tasks.start_due_dispatches"
    assert entry["schedule"] <= 60
