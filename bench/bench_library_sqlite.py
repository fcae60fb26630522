"""The full library page on the embedded default (SQLite) with 10,000 resources vs
hand-written SQL.

The same four cases as bench.bench_library (a frequent word, a rare word, two words,
no query with two facets ticked), each run REPEAT times. « Ours » is everything the
page's selectors query; the reference is what one would write by hand for the same
answers: the first 20 rows by ``bm25`` over the FTS5 table, the count, and each facet
counted with a GROUP BY (through the link tables for themes, audiences and tags).

The database (``var/bench/library-sqlite.sqlite3``) is built once: 10,000 resources by
bench.random_content, kept for the next runs and rebuilt when the indexing code
changes.

Run alone: ``.venv/bin/python -m bench.bench_library_sqlite``.
"""

import sys
import time

from bench.bench_library import (
    PER_PAGE,
    REPEAT,
    ROOT,
    django_with_demo,
    fingerprint,
    measure_library,
)
from bench.common import Result, cli

RESOURCES = 10_000
SEED = 2026
DATABASE = ROOT / "var" / "bench" / "library-sqlite.sqlite3"
FACET_SQL = {
    "kind": "SELECT kind, count(*) FROM m JOIN resources_resource r ON r.id = m.id GROUP BY 1",
    "publisher": "SELECT publisher_id, count(*) FROM m JOIN resources_resource r "
    "ON r.id = m.id GROUP BY 1",
    "year": "SELECT strftime('%Y', published_on), count(*) FROM m "
    "JOIN resources_resource r ON r.id = m.id GROUP BY 1",
    "theme": "SELECT themepage_id, count(*) FROM m JOIN resources_resource_themes t "
    "ON t.resource_id = m.id GROUP BY 1",
    "audience": "SELECT audience_id, count(*) FROM m JOIN resources_resource_audiences a "
    "ON a.resource_id = m.id GROUP BY 1",
    "tag": "SELECT tag_id, count(*) FROM m JOIN resources_taggedresource g "
    "ON g.content_object_id = m.id GROUP BY 1 ORDER BY 2 DESC LIMIT 15",
}


def setup_site() -> None:
    """Django on the benchmark's own SQLite file, built again when the indexing code changed."""
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    stamp = DATABASE.with_suffix(".fingerprint")
    expected = f"{fingerprint()} {RESOURCES}"
    if DATABASE.exists() and (not stamp.exists() or stamp.read_text() != expected):
        print("… indexing code changed: rebuilding the SQLite library", file=sys.stderr)
        DATABASE.unlink()
    django_with_demo(f"sqlite:///{DATABASE}")
    from bench.random_content import random_content_create
    from resources.models import Resource

    missing = RESOURCES - Resource.objects.count()
    if missing > 0:
        start = time.perf_counter()
        random_content_create(resources=missing, seed=SEED, projects=0)
        print(f"… {RESOURCES} resources in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    stamp.write_text(expected)


def cases() -> list[tuple[str, dict]]:
    from django.db import connection

    from core.analyser import parse_query
    from resources.models import SearchTerm

    rare = "zzz"
    with connection.cursor() as cursor:
        for (word,) in SearchTerm.objects.order_by("frequency", "word").values_list("word")[:2000]:
            if parse_query(word).is_empty:
                continue
            cursor.execute(
                "SELECT count(*) FROM resources_resource_fts WHERE resources_resource_fts MATCH %s",
                [parse_query(word).fts5()],
            )
            if 3 <= cursor.fetchone()[0] <= 200:
                rare = word
                break
        cursor.execute(
            "SELECT themepage_id FROM resources_resource_themes GROUP BY 1 "
            "ORDER BY count(*) DESC, 1 LIMIT 1"
        )
        row = cursor.fetchone()
    theme = {"theme": str(row[0])} if row else {}
    return [
        ("frequent word « élus »", {"q": "élus"}),
        (f"rare word « {rare} »", {"q": rare}),
        ("two words « budget participatif »", {"q": "budget participatif"}),
        ("no query, theme + audience ticked", {**theme, "audience": "elus"}),
    ]


def reference(params: dict):
    """By hand: the matches in a temporary table, the first page by bm25, the count and
    every facet's GROUP BY over them (each ticked facet with the other criteria only)."""
    from django.db import connection

    from core.analyser import parse_query
    from resources.models import Audience

    joins, where, args = [], ["r.live"], []
    if params.get("q"):
        joins.append("JOIN resources_resource_fts f ON f.rowid = r.id")
        where.append("resources_resource_fts MATCH %s")
        args.append(parse_query(params["q"]).fts5())
    criteria = {}
    if params.get("theme"):
        criteria["theme"] = (
            "r.id IN (SELECT resource_id FROM resources_resource_themes WHERE themepage_id = %s)",
            int(params["theme"]),
        )
    if params.get("audience"):
        criteria["audience"] = (
            "r.id IN (SELECT resource_id FROM resources_resource_audiences WHERE audience_id = %s)",
            Audience.objects.get(slug=params["audience"]).pk,
        )
    order = "r.published_on DESC, r.id DESC"
    if params.get("q"):
        order = "bm25(resources_resource_fts, 10.0, 4.0, 1.0), " + order
    with connection.cursor() as cursor:

        def matches(without: str | None = None):
            chosen = [(sql, arg) for name, (sql, arg) in criteria.items() if name != without]
            condition = " AND ".join(where + [sql for sql, _arg in chosen])
            cursor.execute("DROP TABLE IF EXISTS temp.m")
            cursor.execute(
                f"CREATE TEMP TABLE m AS SELECT r.id FROM resources_resource r {' '.join(joins)} "
                f"WHERE {condition}",
                args + [arg for _sql, arg in chosen],
            )
            return condition, args + [arg for _sql, arg in chosen]

        condition, all_args = matches()
        cursor.execute(
            f"SELECT r.id FROM resources_resource r {' '.join(joins)} WHERE {condition} "
            f"ORDER BY {order} LIMIT {PER_PAGE}",
            all_args,
        )
        rows = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT count(*) FROM m")
        count = cursor.fetchone()[0]
        for name, sql in FACET_SQL.items():
            if name not in criteria:
                cursor.execute(sql)
                cursor.fetchall()
        for name in criteria:
            matches(without=name)
            cursor.execute(FACET_SQL[name])
            cursor.fetchall()
    return rows, count


def measure(*, repeat: int = REPEAT) -> list[Result]:
    return measure_library(
        cases=cases(),
        reference=reference,
        reference_label="hand-written SQL: top 20 by bm25, count, a GROUP BY per facet",
        label="10k resources, SQLite",
        repeat=repeat,
    )


def run() -> list[Result]:
    setup_site()
    return measure()


if __name__ == "__main__":
    cli(run)
