"""The library's filters on PostgreSQL (the API and the feeds), read from the facet ids
copied on each resource row (``theme_ids``, ``audience_ids``, ``tag_ids``, GIN-indexed,
kept by resources.search.refresh_search_vector): no join, no DISTINCT. The library
page counts its facets in memory (resources.library_index), with the same rules.
"""

import datetime

from django.core.exceptions import EmptyResultSet
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from taggit.models import Tag

from themes.filters import tag_matching


def facet_conditions(cleaned: dict) -> dict[str, tuple[str, list]]:
    """The SQL condition of each facet with a value chosen (validated by the filterset)."""
    conditions = {}
    if cleaned.get("kind"):
        conditions["kind"] = ("kind = ANY(%s)", [list(cleaned["kind"])])
    if cleaned.get("theme"):
        conditions["theme"] = ("theme_ids && %s::bigint[]", [[t.pk for t in cleaned["theme"]]])
    if cleaned.get("publisher"):
        conditions["publisher"] = (
            "publisher_id = ANY(%s)",
            [[p.pk for p in cleaned["publisher"]]],
        )
    if cleaned.get("audience"):
        ids = [a.pk for a in cleaned["audience"]]
        conditions["audience"] = ("audience_ids && %s::bigint[]", [ids])
    if cleaned.get("year"):
        year = int(cleaned["year"])
        conditions["year"] = (
            "published_on >= %s AND published_on < %s",
            [datetime.date(year, 1, 1), datetime.date(year + 1, 1, 1)],
        )
    if (cleaned.get("tag") or "").strip():
        conditions["tag"] = _tag_condition(cleaned["tag"].strip())
    return conditions


def _tag_condition(text: str) -> tuple[str, list]:
    """The tags the visitor means, by slug or name (themes.filters.tag_matching); a text
    that names no tag at all (« %ff », « ../ ») matches nothing."""
    try:
        tags, params = tag_matching(text=text).values("pk").query.sql_with_params()
    except EmptyResultSet:
        return "FALSE", []
    return f"tag_ids && ARRAY({tags})::bigint[]", list(params)


def filtered(queryset, conditions: dict[str, tuple[str, list]]):
    for sql, params in conditions.values():
        queryset = queryset.filter(RawSQL(sql, params, output_field=BooleanField()))  # noqa: S611
    return queryset


def tag_names(ids) -> dict[int, tuple[str, str]]:
    return {
        pk: (slug, name)
        for pk, slug, name in Tag.objects.filter(pk__in=ids).values_list("pk", "slug", "name")
    }
