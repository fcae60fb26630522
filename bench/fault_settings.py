"""The production settings, with a killed worker's task handed out again within seconds.

With the Redis broker, a task taken by a worker that dies before acknowledging it
(``task_acks_late``) is handed out again once ``visibility_timeout`` has passed
since it was taken: three hours in production (CELERY_VISIBILITY_TIMEOUT). The
worker-killed test cannot wait that long, so the timeout is BENCH_VISIBILITY_TIMEOUT seconds (default 15) here, and
workers look for such tasks every 2 seconds instead of every 100.
"""

import os

from territoires.settings.production import *  # noqa: F403
from territoires.settings.production import CELERY_BROKER_TRANSPORT_OPTIONS

CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "visibility_timeout": int(os.environ.get("BENCH_VISIBILITY_TIMEOUT") or 15),
    "unacked_restore_interval": 2,
    "unacked_restore_throttle": 1,
}
