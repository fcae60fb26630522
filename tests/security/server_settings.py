"""The production settings, for a gunicorn started by tests/security/gunicorn_server.py.

One change that touches no security decision: static files are served by WhiteNoise
from the source tree (``collectstatic``, hashing the DSFR and the admin, would take
most of a test's time).
"""

from territoires.settings.production import *  # noqa: F403
from territoires.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
