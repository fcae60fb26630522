"""A small run of bench.bench_library on PostgreSQL: the page's selectors and the
hand-written SQL give the same first page and total in every case, and the copy in
SQL keeps the facet arrays and link tables in step."""

import pytest
from django.conf import settings
from django.db import connection

from bench import bench_library
from bench.random_content import random_content_create
from resources.models import Resource

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="PostgreSQL only (run with DATABASE_URL=postgres://…)",
    ),
]


def test_the_benchmark_runs_and_both_sides_agree():
    random_content_create(resources=120, seed=3, projects=0)
    target = Resource.objects.count() + 240
    bench_library.replicate(target=target, extra_tags=20)
    assert Resource.objects.count() == target
    copy = Resource.objects.order_by("-pk").first()
    with connection.cursor() as cursor:
        cursor.execute("SELECT theme_ids, tag_ids FROM resources_resource WHERE id = %s", [copy.pk])
        theme_ids, tag_ids = cursor.fetchone()
    assert sorted(copy.themes.values_list("pk", flat=True)) == sorted(theme_ids)
    assert sorted(copy.tags.values_list("pk", flat=True)) == sorted(tag_ids)
    results = bench_library.measure(repeat=2, label="smoke")
    assert len(results) == 5
    assert all(result.ours_p95_ms > 0 and result.reference_p95_ms > 0 for result in results)
