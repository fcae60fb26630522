"""The embedded default: SQLite, eager Celery, e-mails as files, DEBUG on.

Nothing here is safe for the Internet; ``production`` is.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-territoires-en-commun"

# The SQLite database, uploaded media and e-mails all live under var/.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
