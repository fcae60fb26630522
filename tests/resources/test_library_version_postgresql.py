"""The library's version, on PostgreSQL: the cases of test_library_version."""

import pytest
from django.conf import settings

from tests.resources.test_library_version import *  # noqa: F403 — the same cases, collected here

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="PostgreSQL only (run with DATABASE_URL=postgres://…)",
    ),
]
