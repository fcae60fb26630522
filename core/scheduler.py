"""Periodic tasks without a beat process, for the embedded default (`make run`).

Production runs ``celery beat``; on the embedded default Celery is eager and no beat
runs, so ``manage.py run_scheduler`` (started by `make run`) keeps this schedule: it
runs each ``CELERY_BEAT_SCHEDULE`` entry in process, once per period.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from celery import current_app

logger = logging.getLogger(__name__)


def run_celery_task(entry: dict) -> None:
    """Run the entry's task here and now, as a worker would (errors are logged)."""
    if entry["task"] not in current_app.tasks:
        # Tasks are registered when their modules are imported, as a worker does once.
        current_app.loader.import_default_modules()
    result = current_app.tasks[entry["task"]].apply(
        args=entry.get("args", ()), kwargs=entry.get("kwargs", {}), throw=False
    )
    if result.failed():
        logger.error("Scheduled task %s failed:\n%s", entry["task"], result.traceback)


class DueTasks:
    """The entries of a beat schedule and when each last ran.

    Like celery beat with a new schedule file, an entry first runs one period after
    the start, then once per period: a tick within the period runs nothing.
    """

    def __init__(
        self,
        schedule: dict,
        *,
        now: datetime,
        run: Callable[[dict], None] = run_celery_task,
    ):
        self.schedule = schedule
        self.run = run
        self.last_run = dict.fromkeys(schedule, now)

    def run_due(self, *, now: datetime) -> list[str]:
        """Run every entry whose period has passed; return their names."""
        ran = []
        for name, entry in self.schedule.items():
            if self._is_due(entry["schedule"], last_run=self.last_run[name], now=now):
                self.last_run[name] = now
                self.run(entry)
                ran.append(name)
        return ran

    @staticmethod
    def _is_due(schedule, *, last_run: datetime, now: datetime) -> bool:
        if isinstance(schedule, int | float):
            return now - last_run >= timedelta(seconds=schedule)
        if isinstance(schedule, timedelta):
            return now - last_run >= schedule
        # A Celery schedule (crontab, solar) answers with its own clock.
        return schedule.is_due(last_run).is_due
