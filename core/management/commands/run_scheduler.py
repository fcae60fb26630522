"""Run the periodic tasks of CELERY_BEAT_SCHEDULE in process (`make run`)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import timezone

from core.scheduler import DueTasks


class Command(BaseCommand):
    help = (
        "Exécute les tâches périodiques (CELERY_BEAT_SCHEDULE) à leur échéance, "
        "sans Celery beat : pour le site embarqué de `make run`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=30, help="secondes entre deux vérifications"
        )

    def handle(self, *args, interval: float, **options):
        due_tasks = DueTasks(settings.CELERY_BEAT_SCHEDULE, now=timezone.now())
        self.stdout.write(
            f"Tâches périodiques : {len(due_tasks.schedule)}, vérifiées toutes les {interval:g} s."
        )
        try:
            while True:
                time.sleep(interval)
                # A long-lived process: drop a connection the database has closed.
                close_old_connections()
                for name in due_tasks.run_due(now=timezone.now()):
                    self.stdout.write(f"Tâche périodique exécutée : {name}")
        except KeyboardInterrupt:
            return
