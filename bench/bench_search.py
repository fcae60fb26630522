"""Library search on PostgreSQL with 50,000 resources vs hand-written SQL on the same
GIN-indexed tsvector.

Rows, over 20 realistic queries, each run several times (p50 and p95 of every run):

- GET /ressources/?q=… through Django's test client (search, six facet counts,
  first page, template) vs the SQL a developer would write by hand: the first 20
  ids and titles ranked by ``ts_rank``, plus the count, with the same tsquery
  (each word as typed or with its plural folded, as resources.search builds it);
- the library's selectors alone (filtered_resources, sorted_resources, first page
  and count) vs the same SQL, to separate the ORM query from the page around it.

The database is ``postgres://postgres@127.0.0.1:5432/tec_bench`` unless
BENCH_DATABASE_URL says otherwise; it is created, migrated and filled on the first
run (bench.random_content, fixed seed) and kept for the next ones, rebuilt when the
indexing code changes. Without a reachable PostgreSQL the benchmark says so and is
skipped.

Run alone: ``.venv/bin/python -m bench.bench_search`` (``make bench`` runs every benchmark).
"""

import hashlib
import logging
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench.common import Result, Skipped, cli, peak_kib, result_from_samples

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/tec_bench"
ROOT = Path(__file__).resolve().parent.parent
MARKER = "tec-bench"
FINGERPRINTED = [
    "bench/random_content.py",
    "resources/search.py",
    "core/fulltext.py",
]
RESOURCES = 50_000
SEED = 2026
REPEAT = 5
QUERIES = [
    "emploi",
    "emplois",
    "budget participatif",
    "budgets participatifs",
    "concertation habitants",
    "petite enfance",
    "conseils citoyens",
    "évaluation participation",
    "mobilité",
    "élus",
    "jeunesse",
    "démarche participative",
    "tiers-lieux",
    "transition écologique",
    "démocratie locale",
    "retour à l'emploi",
    "modes de garde",
    "coopération intercommunale",
    "inclusion numérique",
    "quartiers prioritaires",
]
REFERENCE_SQL = """
    SELECT id, title FROM resources_resource
    WHERE live AND search_vector @@ ({tsquery})
    ORDER BY ts_rank(search_vector, ({tsquery})) DESC, published_on DESC, id DESC
    LIMIT 20
"""
REFERENCE_COUNT_SQL = (
    "SELECT count(*) FROM resources_resource WHERE live AND search_vector @@ ({tsquery})"
)


def reference_tsquery(query: str) -> tuple[str, list[str]]:
    """The tsquery the site builds, as one would write it in SQL: every word, each
    either as typed or with its plural folded (« emplois » or « emploi »)."""
    from core.fulltext import fallback_stem, normalise, query_words

    parts, params = [], []
    for word in query_words(query):
        folded = fallback_stem(word)
        if folded != normalise(word):
            parts.append(
                "(plainto_tsquery('french_unaccent', %s) || plainto_tsquery('french_unaccent', %s))"
            )
            params += [word, folded]
        else:
            parts.append("plainto_tsquery('french_unaccent', %s)")
            params.append(word)
    return " && ".join(parts), params


def redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urlunsplit(parts)


def fingerprint() -> str:
    """Changes when the generated rows or their search columns would change."""
    digest = hashlib.sha256(f"{RESOURCES}:{SEED}".encode())
    for path in FINGERPRINTED:
        digest.update((ROOT / path).read_bytes())
    return f"{MARKER} {digest.hexdigest()[:16]}"


def ensure_database(url: str) -> None:
    """Create the benchmark database if the server is up and the database missing.

    A database this benchmark created carries its fingerprint as a comment: when the
    indexing code has changed since, it is dropped and built again. A database it
    did not create (no comment) is used as it is and never dropped.
    """
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
            reason = str(error).strip().splitlines()[0]
            raise Skipped(
                f"search benchmark skipped: PostgreSQL unreachable at {redacted(url)} ({reason})"
            ) from error
        exists = False
    if exists and (comment == expected or not (comment or "").startswith(MARKER)):
        return
    try:
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
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0]
        raise Skipped(
            f"search benchmark skipped: cannot create {name} on {redacted(url)} ({reason})"
        ) from error
    print(f"… created database {name}", file=sys.stderr)


def setup_site(url: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "territoires.settings.test"
    os.environ["DATABASE_URL"] = url
    os.environ.pop("REDIS_URL", None)

    import django
    from django.core.management import call_command

    django.setup()
    logging.disable(logging.INFO)
    from django.db import connection

    from bench.random_content import random_content_create
    from resources.models import Resource, ResourceIndexPage

    call_command("migrate", verbosity=0)
    if not ResourceIndexPage.objects.exists():
        with open(os.devnull, "w") as devnull:
            call_command("load_demo_content", stdout=devnull)
    missing = RESOURCES - Resource.objects.count()
    if missing > 0:
        print(f"… generating {missing} resources (once for this database)", file=sys.stderr)
        start = time.perf_counter()
        random_content_create(resources=missing, seed=SEED, projects=0)
        print(f"… generated in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE resources_resource")


def run() -> list[Result]:
    url = os.environ.get("BENCH_DATABASE_URL") or DEFAULT_URL
    ensure_database(url)
    setup_site(url)

    from django.core.paginator import Paginator
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client

    from resources import selectors as library

    client = Client()

    def page(query):
        response = client.get("/ressources/", {"q": query})
        assert response.status_code == 200, query
        return response

    def selectors(query):
        params = QueryDict(mutable=True)
        params["q"] = query
        _filterset, queryset, ranked = library.resource_list_filtered(params=params)
        ordered = library.resource_list_sorted(
            queryset=queryset, ranked=ranked, sort=library.SORT_RELEVANCE
        )
        first = Paginator(ordered, library.PER_PAGE).page(1)
        return [(r.pk, r.title) for r in first], first.paginator.count

    def reference(query):
        tsquery, params = reference_tsquery(query)
        with connection.cursor() as cursor:
            cursor.execute(REFERENCE_SQL.format(tsquery=tsquery), params * 2)
            rows = cursor.fetchall()
            cursor.execute(REFERENCE_COUNT_SQL.format(tsquery=tsquery), params)
            return rows, cursor.fetchone()[0]

    for query in QUERIES:  # warm up, and check that both sides find the same resources
        ours_rows, ours_count = selectors(query)
        their_rows, their_count = reference(query)
        assert ours_count == their_count, (query, ours_count, their_count)
        assert {pk for pk, _title in ours_rows} == {pk for pk, _title in their_rows}, query
        page(query)

    samples = {"page": [], "selectors": [], "reference": []}
    operations = {"page": page, "selectors": selectors, "reference": reference}
    for _ in range(REPEAT):
        for query in QUERIES:
            for name, operation in operations.items():
                start = time.perf_counter()
                operation(query)
                samples[name].append((time.perf_counter() - start) * 1000)

    label = f"{len(QUERIES)} queries × {REPEAT}, {RESOURCES // 1000}k resources, PostgreSQL"
    reference_name = "hand-written SQL: top 20 by ts_rank + count"
    return [
        result_from_samples(
            f"GET /ressources/?q=… ({label})",
            reference_name,
            samples["page"],
            samples["reference"],
            ours_peak_kib=peak_kib(lambda: page("emploi")),
            reference_peak_kib=peak_kib(lambda: reference("emploi")),
        ),
        result_from_samples(
            f"library selectors: first page + count ({label})",
            reference_name,
            samples["selectors"],
            samples["reference"],
            ours_peak_kib=peak_kib(lambda: selectors("emploi")),
            reference_peak_kib=peak_kib(lambda: reference("emploi")),
        ),
    ]


if __name__ == "__main__":
    cli(run)
