"""The production settings of the several-nodes stack, with two changes that do not
touch what it checks (cache, rate limits, broker):

- static files are served by WhiteNoise from the source tree: ``collectstatic``
  (hashing and compressing the DSFR and the admin) would take most of the test's time;
- tasks go to a queue of this run's own, so that no other run's workers take them.
"""

import os

from territoires.settings.production import *  # noqa: F403
from territoires.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
CELERY_TASK_DEFAULT_QUEUE = os.environ["STACK_QUEUE"]
