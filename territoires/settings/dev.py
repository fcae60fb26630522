"""The embedded default (`make run`): SQLite, eager Celery, e-mails as files.

It serves the site as visitors see it: DEBUG off (the French 404 and 500 pages),
static files through WhiteNoise, media from var/media (territoires/urls.py).
`make dev` turns DEBUG on for development. Nothing here is safe for the Internet;
``production`` is.
"""

import os

from .base import *  # noqa: F403
from .base import MIDDLEWARE, env_bool, env_list

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-territoires-en-commun"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# With DEBUG off runserver serves no static file: WhiteNoise does, as in production.
# It reads them where they are (the finders), so no collectstatic is needed and an
# edited CSS file is served as soon as the server restarts.
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]
WHITENOISE_USE_FINDERS = True

# The SQLite database, uploaded media and e-mails all live under var/. WhiteNoise
# also looks in STATIC_ROOT (empty unless collectstatic ran; the finders win).
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
