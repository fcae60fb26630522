"""The library's filters and facet counts on PostgreSQL, read from the facet ids copied
on each resource row (``theme_ids``, ``audience_ids``, ``tag_ids``, GIN-indexed, kept
by resources.search.refresh_search_vector).

The results are filtered without any join, and every facet is counted in one query:
the matching rows are read once (the full-text match evaluated once), then grouped
per facet, each facet keeping the other facets' choices (« with the other filters
kept », as the page says). SQLite keeps the ORM's joins (resources.selectors).
"""

import datetime
from collections import Counter

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from taggit.models import Tag

from core.fulltext import FTS_CONFIG

# Facets counted through an array of ids, and those read from a column of the row.
ARRAY_FACETS = {"theme": "theme_ids", "audience": "audience_ids", "tag": "tag_ids"}
COLUMN_SQL = {
    "kind": "kind",
    "publisher": "publisher_id",
    "year": "EXTRACT(YEAR FROM published_on)::int",
}
TOP_TAGS = 15


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
    if cleaned.get("tag"):
        conditions["tag"] = (
            "tag_ids && ARRAY(SELECT id FROM taggit_tag WHERE slug = %s)::bigint[]",
            [cleaned["tag"]],
        )
    return conditions


def filtered(queryset, conditions: dict[str, tuple[str, list]]):
    for sql, params in conditions.values():
        queryset = queryset.filter(RawSQL(sql, params, output_field=BooleanField()))  # noqa: S611
    return queryset


def facet_counts(*, tsquery: str | None, conditions: dict) -> dict[str, Counter]:
    """Counts per value of every facet, from one pass over the matching resources.

    ``tsquery`` is the parsed query (None: no text searched). Keys are as the page's
    labels expect them: kind as text, ids as integers.
    """
    names = list(conditions)
    flags = "".join(f", ({sql}) AS f_{name}" for name, (sql, _p) in conditions.items())
    params = [value for name in names for value in conditions[name][1]]
    where = ["live"]
    if tsquery is not None:
        where.append("search_vector @@ to_tsquery(%s, %s)")
        params += [FTS_CONFIG, tsquery]
    if len(names) > 1:
        # Only the rows some facet counts: those failing at most one of the choices
        # (the GIN indexes answer this OR of ANDs).
        needed = []
        for name in names:
            others = [conditions[other] for other in names if other != name]
            needed.append(" AND ".join(f"({sql})" for sql, _p in others))
            params += [value for _sql, values in others for value in values]
        where.append("(" + " OR ".join(needed) + ")")
    parts = []
    for name in ["kind", "publisher", "year", "theme", "audience", "tag"]:
        others = " AND ".join(f"f_{other}" for other in names if other != name) or "TRUE"
        if name in COLUMN_SQL:
            parts.append(
                f"SELECT '{name}', {name}::text, count(*) FROM m WHERE {others} GROUP BY 2"  # noqa: S608
            )
            continue
        limit = f" ORDER BY 3 DESC, 2 LIMIT {TOP_TAGS}" if name == "tag" else ""
        parts.append(
            # Fixed names and SQL of this module only: every value is a parameter.
            f"(SELECT '{name}', v::text, count(*) FROM m, unnest({ARRAY_FACETS[name]}) v "  # noqa: S608
            f"WHERE {others} GROUP BY 2{limit})"
        )
    sql = (
        "WITH m AS MATERIALIZED (SELECT kind, publisher_id AS publisher, "  # noqa: S608
        f"{COLUMN_SQL['year']} AS year, theme_ids, audience_ids, tag_ids{flags} "
        f"FROM resources_resource WHERE {' AND '.join(where)}) " + " UNION ALL ".join(parts)
    )
    counts: dict[str, Counter] = {name: Counter() for name in ARRAY_FACETS | COLUMN_SQL}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for name, value, count in cursor.fetchall():
            if value is not None:
                counts[name][value if name == "kind" else int(value)] = count
    return counts


def tag_names(ids) -> dict[int, tuple[str, str]]:
    return {
        pk: (slug, name)
        for pk, slug, name in Tag.objects.filter(pk__in=ids).values_list("pk", "slug", "name")
    }
