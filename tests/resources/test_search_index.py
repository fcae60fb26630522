"""The library's French full-text index on PostgreSQL: stemming, accents, and the GIN index.

SQLite has no tsvector: these tests are skipped there, and CI runs the suite on
PostgreSQL too.
"""

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.http import QueryDict

from bench.random_content import random_content_create
from core.fulltext import FTS_CONFIG
from resources import search, selectors
from resources.models import Resource
from tests.resources.factories import ResourceFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="tsvector, the french_unaccent configuration and the GIN index exist on "
        "PostgreSQL only (run with DATABASE_URL=postgres://…)",
    ),
]

GIN_INDEX = "resources_resource_search_vector_gin"


def lexemes(text: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector(%s, %s))", [FTS_CONFIG, text])
        return set(cursor.fetchone()[0])


def found(query: str) -> list[str]:
    results, _ranked = search.search(Resource.objects.published(), query)
    return list(results.values_list("title", flat=True))


def test_participation_and_participative_share_one_stem():
    assert lexemes("participation") == lexemes("participative") == {"particip"}
    assert lexemes("participatifs") == {"particip"}
    ResourceFactory(title="La participation en pratique")
    assert "La participation en pratique" in found("participative")


def test_a_plural_finds_the_singular_when_the_stemmer_drops_the_s():
    assert lexemes("conseils citoyens") == lexemes("conseil citoyen") == {"conseil", "citoyen"}
    ResourceFactory(title="Installer un conseil citoyen")
    assert "Installer un conseil citoyen" in found("conseils citoyens")


def test_emplois_and_emploi_find_each_other_though_the_stemmer_keeps_them_apart():
    # Snowball's French stemmer keeps an s after i, u or o: the folded words that
    # resources.search adds to the vector and to the query bridge the gap.
    assert lexemes("emplois") == {"emplois"} and lexemes("emploi") == {"emploi"}
    ResourceFactory(title="Retour à l'emploi")
    ResourceFactory(title="Les emplois de demain")
    assert "Retour à l'emploi" in found("emplois")
    assert "Les emplois de demain" in found("emploi")


def test_accents_and_case_are_ignored():
    assert lexemes("ELUS") == lexemes("Élus") == {"elus"}
    ResourceFactory(title="Le guide des Élus engagés")
    assert "Le guide des Élus engagés" in found("ELUS")
    assert "Le guide des Élus engagés" in found("élus")


def test_the_library_query_uses_the_gin_index():
    random_content_create(resources=300, seed=5, projects=0)
    _filterset, queryset, ranked = selectors.resource_list_filtered(params=QueryDict("q=emploi"))
    queryset = selectors.resource_list_sorted(
        queryset=queryset, ranked=ranked, sort=selectors.SORT_RELEVANCE
    )
    with transaction.atomic(), connection.cursor() as cursor:
        # A few hundred rows fit in a page or two: only forbidding the sequential scan
        # shows whether the planner *can* use the index for this query.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert GIN_INDEX in plan, plan
