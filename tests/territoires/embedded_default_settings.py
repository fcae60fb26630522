"""The embedded default of `make run` (territoires.settings.dev), plus a failing URL."""

from territoires.settings.dev import *  # noqa: F403

ROOT_URLCONF = "tests.core.urls_failing"
