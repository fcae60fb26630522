"""An attacker's query cannot make the library page cost more than a bounded number of
reads: however many words, phrases or exclusions it holds, at most MAX_QUERY_TERMS terms
are read from the full-text index, each once per version of the library, and the
per-process cache of what terms match stays within its budget (the last term read is
kept even alone over it)."""

from itertools import pairwise

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.analyser import MAX_QUERY_TERMS
from resources import library_index
from resources.suggestions import MAX_SUGGESTED_WORDS
from tests.resources.factories import ResourceFactory

WORDS = [f"mot{n}" for n in range(60)]


def reads(client, query: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/ressources/", {"q": query})
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_a_query_of_many_terms_reads_at_most_the_allowed_terms(db, client):
    ResourceFactory(title="Guide mot1 mot2")
    client.get("/ressources/", {"q": "guide"})  # the site's own caches, filled once
    one_term = reads(client, "guide")
    library_index.forget()
    cold_one_term = reads(client, "guide")
    library_index.forget()
    many = " ".join(WORDS[:30] + [f'"{a} {b}"' for a, b in pairwise(WORDS)])
    # Besides the terms, « Vouliez-vous dire » looks up at most MAX_SUGGESTED_WORDS words.
    bound = cold_one_term + MAX_QUERY_TERMS - 1 + MAX_SUGGESTED_WORDS
    assert reads(client, many) <= bound
    assert reads(client, "-" + " -".join(WORDS)) <= one_term


def test_the_term_cache_keeps_to_its_budget(db, client, monkeypatch):
    monkeypatch.setattr(library_index, "POSTINGS_BUDGET", 5)
    for n in range(12):
        ResourceFactory(title=f"Guide commun mot{n}")
    for word in ["guide", "commun", *WORDS[:12]]:
        client.get("/ressources/", {"q": word})
    snapshot = library_index.current_snapshot()
    # The oldest terms went first; the last ones read fill the budget exactly.
    assert list(snapshot.postings) == [(word,) for word in WORDS[7:12]]
    assert snapshot.postings_size[0] == 5
    # Words matching nothing take their place too, and no more.
    for word in WORDS[20:40]:
        client.get("/ressources/", {"q": word})
    assert list(snapshot.postings) == [(word,) for word in WORDS[35:40]]
    assert snapshot.postings_size[0] == 5
