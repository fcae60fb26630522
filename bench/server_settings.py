"""Settings of the gunicorn server started by bench_pages: the test settings, with
a URLconf that adds the bare reference view beside the site."""

from territoires.settings.test import *  # noqa: F403

ROOT_URLCONF = "bench.server_urls"
