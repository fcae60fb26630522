"""The Celery application; tasks are discovered in each app's ``tasks.py``."""

import logging
import os

from celery import Celery, Task
from kombu.exceptions import OperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "territoires.settings.dev")

logger = logging.getLogger(__name__)


class ResilientTask(Task):
    """A task that still runs when the broker cannot be reached.

    Visitors must not see an error because Redis is down: the task then runs
    here and now, in the process that asked for it, and the fact is logged.
    Tasks are idempotent (acks_late), so running one in place is always safe.

    A task declared with ``queue_only=True`` never runs in place: work that must
    be paced by the workers (the newsletter's sending) would otherwise run unpaced
    inside a web request. Its caller gets the broker's ``OperationalError``.
    """

    queue_only = False

    def apply_async(
        self,
        args=None,
        kwargs=None,
        task_id=None,
        producer=None,
        link=None,
        link_error=None,
        shadow=None,
        **options,
    ):
        try:
            return super().apply_async(
                args, kwargs, task_id, producer, link, link_error, shadow, **options
            )
        except OperationalError:
            if self.queue_only:
                raise
            logger.warning("Broker unreachable: task %s runs in process", self.name, exc_info=True)
            return self.apply(args, kwargs, task_id=task_id, link=link, link_error=link_error)


app = Celery("territoires", task_cls=ResilientTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
