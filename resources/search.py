"""Full-text search in the resource library, through the site's French analyser (core.analyser).

Every save fills ``index_title``, ``index_summary`` and ``index_extra`` (tags,
publisher, themes, audiences) with the analysed stems of the resource. Then:

- PostgreSQL: a weighted ``tsvector`` of them (title A, summary B, the rest C) built
  with ``french_unaccent`` in ``search_vector``, GIN-indexed, matched with the
  parsed query's ``to_tsquery`` and ranked by the sum of each term's ``ts_rank``
  (which resources.library_index reads term by term). The same refresh copies
  the resource's theme, audience and tag ids into arrays on its row (facets, see
  resources.facets).
- SQLite: an FTS5 table ``resources_resource_fts`` holding the same stems, kept in
  step by triggers on every insert, update and delete (migration 0006), matched with
  ``MATCH`` and ranked with ``bm25`` weighted the same way (a sum over the terms too).

Ties in relevance go to the most recent resource (resources.selectors).
"""

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from core.analyser import ParsedQuery, analysed, parse_query, ts_phrase
from core.fulltext import FTS_CONFIG, normalise

from .vocabulary import searchable_text, vocabulary_add

SEARCH_VECTOR = (
    SearchVector("index_title", weight="A", config=FTS_CONFIG)
    + SearchVector("index_summary", weight="B", config=FTS_CONFIG)
    + SearchVector("index_extra", weight="C", config=FTS_CONFIG)
)
FTS_TABLE = "resources_resource_fts"
# bm25 weights of the FTS5 columns (title, summary, extra), as A, B and C on PostgreSQL.
FTS_WEIGHTS = "10.0, 4.0, 1.0"
FACET_ARRAYS_SQL = """
    UPDATE resources_resource r SET
        theme_ids = ARRAY(SELECT themepage_id FROM resources_resource_themes t
                          WHERE t.resource_id = r.id ORDER BY 1),
        audience_ids = ARRAY(SELECT audience_id FROM resources_resource_audiences a
                             WHERE a.resource_id = r.id ORDER BY 1),
        tag_ids = ARRAY(SELECT tag_id FROM resources_taggedresource g
                        WHERE g.content_object_id = r.id ORDER BY 1)
    WHERE r.id IN ({ids})
"""


def uses_postgres() -> bool:
    return connection.vendor == "postgresql"


def set_search_fields(resource) -> None:
    """Copy into plain columns what the search reads, before the row is saved."""
    extra = [
        resource.get_kind_display(),
        resource.publisher.name if resource.publisher_id else "",
        *(tag.name for tag in resource.tags.all()),
        *(theme.title for theme in resource.themes.all()),
        *(audience.name for audience in resource.audiences.all()),
    ]
    resource.search_extra = " ".join(filter(None, extra))
    resource.index_title = analysed(resource.title)
    resource.index_summary = analysed(resource.summary)
    resource.index_extra = analysed(resource.search_extra)
    # Plain folded text: the contribution form's duplicate check and the vocabulary read it.
    resource.search_title = normalise(resource.title)
    resource.search_text = searchable_text(resource.title, resource.summary, resource.search_extra)


def refresh_search_vector(queryset: QuerySet) -> None:
    """After a save or a bulk insert: the tsvector and facet arrays of these rows (one
    UPDATE each, any number of rows) on PostgreSQL; SQLite's triggers did the rest."""
    refresh_vocabulary(queryset)
    if not uses_postgres():
        return
    queryset.update(search_vector=SEARCH_VECTOR)
    ids = queryset.order_by().values("pk").query
    sql, params = ids.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(FACET_ARRAYS_SQL.format(ids=sql), params)


def search(queryset: QuerySet, query: str) -> tuple[QuerySet, bool]:
    """Filter ``queryset`` to the resources matching ``query``.

    Returns the queryset and whether it carries a relevance order (``rank``). A query
    holding only stop words, symbols or exclusions matches nothing.
    """
    parsed = parse_query(query)
    if not parsed.words and not parsed.excluded:
        if (query or "").strip():
            return queryset.none(), False
        return queryset, False
    if parsed.is_empty:
        return queryset.none(), False
    if uses_postgres():
        # On the row itself: the GIN index answers, no self-join.
        matching = RawSQL(
            "resources_resource.search_vector @@ to_tsquery(%s, %s)",
            [FTS_CONFIG, parsed.tsquery()],
            output_field=BooleanField(),
        )
        return queryset.filter(matching).annotate(rank=rank(parsed)), True
    return queryset.filter(pk__in=matching_ids(parsed)).annotate(rank=rank(parsed)), True


def matching_ids(parsed: ParsedQuery) -> RawSQL:
    return RawSQL(  # noqa: S611 — the query is a parameter; the rest is constant
        f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
        [parsed.fts5()],
    )


def rank(parsed: ParsedQuery) -> RawSQL:
    if uses_postgres():
        # The sum of each term's rank, as the library page's index (resources.library_index).
        terms = [ts_phrase(term) for term in parsed.required]
        one_term = "ts_rank(resources_resource.search_vector, to_tsquery(%s, %s))"
        return RawSQL(  # noqa: S611 — every term is a parameter; the rest is constant
            " + ".join([one_term] * len(terms)),
            [value for term in terms for value in (FTS_CONFIG, term)],
            output_field=FloatField(),
        )
    # bm25 is lower for better matches: negated so that a higher rank is better everywhere.
    return RawSQL(  # noqa: S611 — the query is a parameter; the rest is constant
        f"(SELECT -bm25({FTS_TABLE}, {FTS_WEIGHTS}) FROM {FTS_TABLE} "  # noqa: S608
        f"WHERE {FTS_TABLE} MATCH %s AND rowid = resources_resource.id)",
        [parsed.fts5()],
        output_field=FloatField(),
    )


def refresh_vocabulary(queryset: QuerySet) -> None:
    """Add the words of these resources to the vocabulary the suggestions come from."""
    texts = queryset.order_by().values_list("search_text", flat=True).iterator(2000)
    vocabulary_add(texts=texts, in_library=True)
