"""The full library page on PostgreSQL with 100,000 resources vs hand-written SQL.

Four cases, each run REPEAT times (p50 and p95): a frequent word (« élus »), a rare
word (the least frequent word of the vocabulary), two words (« budget participatif »)
and no query with two facets ticked (the most used theme and the « Élus » audience).
« Ours » is everything the page's selectors query (resources.selectors
.library_page_listing: search, every facet count, the first page, the total); the
reference is what one would write by hand for the same answers over the same
columns: the first 20 rows by ``ts_rank``, the count, and the facet counts in one
pass. Both run in the same process, one after the other, so the ratio holds on any
machine.

The database (``tec_bench_library``, or BENCH_LIBRARY_DATABASE_URL) is built once:
4,000 resources by bench.random_content, copied in SQL up to 100,000 (new slugs and
dates, 1,000 extra tags spread unevenly), then kept for the next runs and rebuilt
when the indexing code changes.

Run alone: ``.venv/bin/python -m bench.bench_library``.
"""

import hashlib
import logging
import os
import sys
import time
from pathlib import Path

from bench.common import Result, Skipped, cli, result_from_samples

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tec_bench_library"
ROOT = Path(__file__).resolve().parent.parent
MARKER = "tec-bench-library"
FINGERPRINTED = [
    "bench/random_content.py",
    "core/analyser.py",
    "resources/search.py",
    "resources/migrations/0006_search_analyser_vocabulary.py",
    "resources/migrations/0007_library_version.py",
]
RESOURCES = 100_000
GENERATED = 4_000
EXTRA_TAGS = 1_000
SEED = 2026
REPEAT = 30
PER_PAGE = 20


def fingerprint() -> str:
    digest = hashlib.sha256(f"{RESOURCES}:{GENERATED}:{SEED}".encode())
    for path in FINGERPRINTED:
        digest.update((ROOT / path).read_bytes())
    return f"{MARKER} {digest.hexdigest()[:16]}"


def ensure_database(url: str) -> None:
    """Create the database if missing; rebuild it if this benchmark made it for older code."""
    import psycopg
    from psycopg import sql
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = conninfo_to_dict(url).get("dbname")
    expected, comment, exists = fingerprint(), None, True
    try:
        with psycopg.connect(url, connect_timeout=5) as connection:
            comment = connection.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                "WHERE datname = current_database()"
            ).fetchone()[0]
    except psycopg.OperationalError as error:
        if f'database "{name}" does not exist' not in str(error):
            raise Skipped(f"library benchmark skipped: PostgreSQL unreachable ({error})") from error
        exists = False
    if exists and (comment == expected or not (comment or "").startswith(MARKER)):
        return
    with psycopg.connect(
        make_conninfo(url, dbname="postgres"), connect_timeout=5, autocommit=True
    ) as admin:
        if exists:
            print(f"… indexing code changed: rebuilding {name}", file=sys.stderr)
            admin.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        admin.execute(
            sql.SQL("COMMENT ON DATABASE {} IS {}").format(
                sql.Identifier(name), sql.Literal(expected)
            )
        )


def replicate(*, target: int, extra_tags: int = EXTRA_TAGS) -> None:
    """Copy the resources in SQL up to ``target`` rows: new slugs and dates, the facet
    arrays and link tables kept in step, and ``extra_tags`` tags spread unevenly."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(id) FROM resources_resource")
        existing, last = cursor.fetchone()
        if existing >= target:
            return
        cursor.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'resources_resource' "
            "AND column_name <> 'id' ORDER BY ordinal_position"
        )
        columns = [row[0] for row in cursor.fetchall()]
        copied = {
            "slug": "r.slug || '-c' || g",
            "published_on": "r.published_on - ((g * 97 + r.id) %% 2000)::int",
        }
        select = ", ".join(copied.get(c, f"r.{c}") for c in columns)
        rounds = target // existing + 1
        cursor.execute(
            f"INSERT INTO resources_resource ({', '.join(columns)}) "
            f"SELECT {select} FROM resources_resource r, generate_series(1, %s) g "
            "WHERE r.id <= %s ORDER BY g, r.id LIMIT %s",
            [rounds, last, target - existing],
        )
        cursor.execute(
            "INSERT INTO taggit_tag (name, slug) SELECT 'Mot-clé ' || n, 'mot-cle-' || n "
            "FROM generate_series(1, %s) n ON CONFLICT DO NOTHING",
            [extra_tags],
        )
        cursor.execute(
            "SELECT array_agg(id ORDER BY id) FROM taggit_tag WHERE slug LIKE 'mot-cle-%%'"
        )
        tags = cursor.fetchone()[0]
        cursor.execute("SELECT setseed(0.15)")
        # A few tags are used a lot, most rarely: the power skews the draw.
        cursor.execute(
            "UPDATE resources_resource SET tag_ids = tag_ids || "
            "(%s::bigint[])[1 + floor(%s * power(random(), 3))::int] WHERE id > %s",
            [tags, len(tags) - 1, last],
        )
        for sql in [
            "INSERT INTO resources_resource_themes (resource_id, themepage_id) "
            "SELECT id, unnest(theme_ids) FROM resources_resource WHERE id > %s",
            "INSERT INTO resources_resource_audiences (resource_id, audience_id) "
            "SELECT id, unnest(audience_ids) FROM resources_resource WHERE id > %s",
            "INSERT INTO resources_taggedresource (content_object_id, tag_id) "
            "SELECT id, unnest(tag_ids) FROM resources_resource WHERE id > %s",
        ]:
            cursor.execute(sql, [last])


def django_with_demo(url: str) -> None:
    """Django on ``url`` (test settings, no Redis), migrated, with the demo content."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "territoires.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)

    import django
    from django.core.management import call_command

    django.setup()
    logging.disable(logging.INFO)
    from resources.models import ResourceIndexPage

    call_command("migrate", verbosity=0)
    if not ResourceIndexPage.objects.exists():
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)


def setup_site(url: str) -> None:
    django_with_demo(url)
    from django.db import connection, transaction

    from bench.random_content import random_content_create
    from resources.models import Resource

    if Resource.objects.count() >= RESOURCES:
        return
    start = time.perf_counter()
    missing = GENERATED - Resource.objects.count()
    if missing > 0:
        random_content_create(resources=missing, seed=SEED, projects=0)
    with transaction.atomic():
        replicate(target=RESOURCES)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"… {RESOURCES} resources in {time.perf_counter() - start:.0f} s", file=sys.stderr)


def cases() -> list[tuple[str, dict]]:
    """The four cases, read from the database: its rarest word, its most used theme."""
    from django.db import connection

    from core.analyser import parse_query
    from resources.models import SearchTerm

    rare = None
    with connection.cursor() as cursor:
        # The least frequent word of the vocabulary found in 20 to 500 resources.
        for word in SearchTerm.objects.order_by("frequency", "word").values_list("word")[:200]:
            cursor.execute(
                "SELECT count(*) FROM resources_resource "
                "WHERE search_vector @@ to_tsquery('french_unaccent', %s)",
                [parse_query(word[0]).tsquery() or "zzz"],
            )
            if 20 <= cursor.fetchone()[0] <= 500:
                rare = SearchTerm(word=word[0])
                break
        cursor.execute(
            "SELECT t, count(*) FROM resources_resource, unnest(theme_ids) t "
            "GROUP BY t ORDER BY 2 DESC, 1 LIMIT 1"
        )
        row = cursor.fetchone()
    theme = {"theme": str(row[0])} if row else {}
    return [
        ("frequent word « élus »", {"q": "élus"}),
        (f"rare word « {rare.word if rare else 'zzz'} »", {"q": rare.word if rare else "zzz"}),
        ("two words « budget participatif »", {"q": "budget participatif"}),
        ("no query, theme + audience ticked", {**theme, "audience": "elus"}),
    ]


def ours(params: dict):
    """The library page's selectors, every lazy result forced."""
    from django.test import RequestFactory

    from resources.selectors import library_page_listing

    listing = library_page_listing(request=RequestFactory().get("/ressources/", params))
    return [r.pk for r in listing["items"]], listing["items"].paginator.count


def reference(params: dict):
    """By hand: first page by ts_rank, count, the facets from one pass, and a query per
    ticked facet (its values counted with the other criteria)."""
    from django.db import connection

    from core.analyser import parse_query, ts_phrase
    from resources.models import Audience

    where, args, facets = ["live"], [], []
    order = "published_on DESC, id DESC"
    terms = []
    if params.get("q"):
        parsed = parse_query(params["q"])
        where.append("search_vector @@ to_tsquery('french_unaccent', %s)")
        args.append(parsed.tsquery())
        # Each term's ts_rank, summed (as resources.search.rank).
        terms = [ts_phrase(term) for term in parsed.required]
        rank = " + ".join(
            ["ts_rank(search_vector, to_tsquery('french_unaccent', %s))"] * len(terms)
        )
        order = f"{rank} DESC, {order}"
    if params.get("theme"):
        where.append("theme_ids && %s::bigint[]")
        args.append([int(params["theme"])])
        facets.append(("theme_ids", len(where) - 1))
    if params.get("audience"):
        where.append("audience_ids && %s::bigint[]")
        args.append([Audience.objects.get(slug=params["audience"]).pk])
        facets.append(("audience_ids", len(where) - 1))
    condition = " AND ".join(where)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, title FROM resources_resource WHERE {condition} "
            f"ORDER BY {order} LIMIT {PER_PAGE}",
            args + terms,
        )
        rows = cursor.fetchall()
        cursor.execute(f"SELECT count(*) FROM resources_resource WHERE {condition}", args)
        count = cursor.fetchone()[0]
        cursor.execute(
            f"WITH m AS MATERIALIZED (SELECT kind, publisher_id, published_on, theme_ids, "
            f"audience_ids, tag_ids FROM resources_resource WHERE {condition}) "
            "SELECT 'k', kind, count(*) FROM m GROUP BY 2 UNION ALL "
            "SELECT 'p', publisher_id::text, count(*) FROM m GROUP BY 2 UNION ALL "
            "SELECT 'y', extract(year FROM published_on)::text, count(*) FROM m GROUP BY 2 "
            "UNION ALL SELECT 't', v::text, count(*) FROM m, unnest(theme_ids) v GROUP BY 2 "
            "UNION ALL SELECT 'a', v::text, count(*) FROM m, unnest(audience_ids) v GROUP BY 2 "
            "UNION ALL (SELECT 'g', v::text, count(*) FROM m, unnest(tag_ids) v "
            "GROUP BY 2 ORDER BY 3 DESC LIMIT 15)",
            args,
        )
        cursor.fetchall()
        # A ticked facet counts its values with the other criteria only.
        for array, position in facets:
            others = [
                (w, a)
                for i, (w, a) in enumerate(zip(where, ["-", *args], strict=True))
                if i != position
            ]
            cursor.execute(
                f"SELECT v, count(*) FROM resources_resource, unnest({array}) v "
                f"WHERE {' AND '.join(w for w, _a in others)} GROUP BY 1",
                [a for _w, a in others[1:]],
            )
            cursor.fetchall()
    return [row[0] for row in rows], count


REFERENCE = "hand-written SQL: top 20 by ts_rank, count, facets in one pass"


def measure(*, repeat: int = REPEAT, label: str = "100k resources, PostgreSQL") -> list[Result]:
    return measure_library(
        cases=cases(), reference=reference, reference_label=REFERENCE, label=label, repeat=repeat
    )


def measure_library(
    *, cases, reference, reference_label: str, label: str, repeat: int
) -> list[Result]:
    """Time ours and the reference for every case, alternating them, then the frequent
    word on a process that must read the library again (after any change, each process
    rebuilds its index on its next listing)."""
    from resources import library_index

    results = []
    for name, params in cases:
        ours_rows, ours_count = ours(params)  # warm up, and check both answer the same
        their_rows, their_count = reference(params)
        assert ours_count == their_count, (name, ours_count, their_count)
        assert ours_rows == their_rows, name
        samples = _timed(params, reference, repeat=repeat)
        name = f"{name} ({ours_count} results; {label})"
        results.append(result_from_samples(f"library page: {name}", reference_label, *samples))
    samples = _timed(
        {"q": "élus"}, reference, repeat=max(2, repeat // 6), before=library_index.forget
    )
    name = f"library page: « élus », first request after a change ({label})"
    results.append(result_from_samples(name, reference_label, *samples))
    return results


def _timed(params: dict, reference, *, repeat: int, before=lambda: None):
    """Milliseconds of each run of ours and of the reference, alternating them."""
    samples = {"ours": [], "reference": []}
    for _ in range(repeat):
        before()
        for side, operation in (("ours", ours), ("reference", reference)):
            start = time.perf_counter()
            operation(params)
            samples[side].append((time.perf_counter() - start) * 1000)
    return samples["ours"], samples["reference"]


def run() -> list[Result]:
    url = os.environ.get("BENCH_LIBRARY_DATABASE_URL") or DEFAULT_URL
    ensure_database(url)
    setup_site(url)
    return measure()


if __name__ == "__main__":
    cli(run)
