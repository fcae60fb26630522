"""Measured on real queries (tests/collectivites/data/official_name_queries.csv): the
collectivité an agent means comes first for at least 95 % of them."""

import csv
from pathlib import Path

import pytest

from collectivites.selectors import collectivite_search

pytestmark = pytest.mark.django_db

QUERIES = Path(__file__).parent / "data" / "official_name_queries.csv"
TARGET = 0.95


def test_at_least_95_percent_of_real_queries_find_their_collectivite_first():
    rows = list(csv.DictReader(QUERIES.open(encoding="utf-8")))
    assert len(rows) >= 60
    misses = []
    for row in rows:
        found = collectivite_search(query=row["query"], limit=1)
        first = (found[0].name, found[0].kind) if found else None
        if first != (row["expected"], row["kind"]):
            misses.append(f"{row['query']!r}: {first} instead of {row['expected']!r}")
    score = 1 - len(misses) / len(rows)
    print(f"\n{len(rows) - len(misses)}/{len(rows)} found first ({score:.0%})")
    assert score >= TARGET, "\n".join(misses)
