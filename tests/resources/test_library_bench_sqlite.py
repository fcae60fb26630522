"""A small run of bench.bench_library_sqlite on SQLite: the page's selectors and the
hand-written SQL give the same first page and total in every case."""

import pytest
from django.conf import settings

from bench import bench_library_sqlite
from bench.random_content import random_content_create

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
        reason="SQLite only (the embedded default)",
    ),
]


def test_the_benchmark_runs_and_both_sides_agree():
    random_content_create(resources=150, seed=4, projects=0)
    results = bench_library_sqlite.measure(repeat=2)
    assert len(results) == 5
    assert all(result.ours_p95_ms > 0 and result.reference_p95_ms > 0 for result in results)
