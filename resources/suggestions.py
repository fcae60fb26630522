"""« Vouliez-vous dire … ? »: the query with each unknown word replaced by the nearest
word of the vocabulary (resources.SearchTerm: the words of the resources, filled on
every save, and of the published pages the site search covers; resources.vocabulary).

PostgreSQL finds the nearest words by trigram similarity (``pg_trgm``, GIN-indexed);
SQLite compares the words of about the same length with ``difflib``.
"""

import difflib

from django.db import connection
from django.db.models.functions import Length

from core.analyser import parse_query

from .models import SearchTerm

# Fewer results than this, and a suggestion is looked for.
SUGGEST_BELOW = 3
MAX_SUGGESTED_WORDS = 6
SQLITE_CUTOFF = 0.7
NEAREST_SQL = """
    SELECT word FROM resources_searchterm
    WHERE word %% %s AND word <> %s AND (%s OR in_library)
    ORDER BY similarity(word, %s) DESC, frequency DESC, word
    LIMIT 1
"""


def search_suggestion(*, query: str, found: int, library_only: bool = False) -> str | None:
    """A query close to ``query`` made of known words, when it found little; else None.
    ``library_only``: words of resources only (the library page's search)."""
    parsed = parse_query(query)
    if found >= SUGGEST_BELOW or parsed.is_empty or parsed.excluded:
        return None
    words = list(parsed.words)[:MAX_SUGGESTED_WORDS]
    known = set(_terms(library_only).filter(word__in=words).values_list("word", flat=True))
    changed = False
    suggested = []
    for word in words:
        nearest = None if word in known or word.isdigit() else _nearest(word, library_only)
        changed |= nearest is not None
        suggested.append(nearest or word)
    return " ".join(suggested) if changed else None


def _terms(library_only: bool):
    return SearchTerm.objects.filter(in_library=True) if library_only else SearchTerm.objects.all()


def _nearest(word: str, library_only: bool) -> str | None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(NEAREST_SQL, [word, word, not library_only, word])
            row = cursor.fetchone()
        return row[0] if row else None
    candidates = (
        _terms(library_only)
        .annotate(length=Length("word"))
        .filter(length__range=(len(word) - 2, len(word) + 2))
        .values_list("word", flat=True)
    )
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=SQLITE_CUTOFF)
    return matches[0] if matches else None
