"""Full-text search in the resource library (see core.fulltext).

PostgreSQL: a weighted ``tsvector`` (title A, summary B, tags/publisher/themes C,
plural-folded words D) kept in ``search_vector``, GIN-indexed, queried with
``plainto_tsquery`` and ranked with ``ts_rank``. The Snowball stemmer leaves
some plurals alone (« emplois » stays « emplois »), so each query word is also
tried in its folded form, which the D part of the vector indexes. SQLite: every word must appear in the normalised text;
results are ordered by how many words the title holds, then by date — an
honest, explainable order rather than a pretend relevance.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, ExpressionWrapper, F, IntegerField, QuerySet, Value, When

from core.fulltext import FTS_CONFIG, fallback_stem, normalise, query_words
from core.fulltext import words as text_words

SEARCH_VECTOR = (
    SearchVector("title", weight="A", config=FTS_CONFIG)
    + SearchVector("summary", weight="B", config=FTS_CONFIG)
    + SearchVector("search_extra", weight="C", config=FTS_CONFIG)
    + SearchVector("search_text", weight="D", config=FTS_CONFIG)
)


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
    resource.search_title = normalise(resource.title)
    text = normalise("\n".join([resource.title, resource.summary, resource.search_extra]))
    folded = {fallback_stem(word) for word in text_words(text)} - set(text_words(text))
    resource.search_text = text + "\n" + " ".join(sorted(folded))


def refresh_search_vector(queryset: QuerySet) -> None:
    """Recompute the tsvector of these rows in SQL (one UPDATE, any number of rows)."""
    if uses_postgres():
        queryset.update(search_vector=SEARCH_VECTOR)


def search(queryset: QuerySet, query: str) -> tuple[QuerySet, bool]:
    """Filter ``queryset`` to the resources matching ``query``.

    Returns the queryset and whether it carries a relevance order (``rank``).
    """
    words = query_words(query)
    if not words:
        return queryset, False
    if uses_postgres():
        ts_query = None
        for word in words:
            term = SearchQuery(word, config=FTS_CONFIG, search_type="plain")
            folded = fallback_stem(word)
            if folded != normalise(word):
                term |= SearchQuery(folded, config=FTS_CONFIG, search_type="plain")
            ts_query = term if ts_query is None else ts_query & term
        ranked = queryset.filter(search_vector=ts_query).annotate(
            rank=SearchRank(F("search_vector"), ts_query)
        )
        return ranked, True
    stems = list(dict.fromkeys(fallback_stem(word) for word in words))
    for stem in stems:
        queryset = queryset.filter(search_text__contains=stem)
    title_hits = sum(
        (
            Case(When(search_title__contains=stem, then=Value(1)), default=Value(0))
            for stem in stems
        ),
        start=Value(0),
    )
    return queryset.annotate(rank=ExpressionWrapper(title_hits, output_field=IntegerField())), True
