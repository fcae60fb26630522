"""Relevance of the library search, measured on a checked-in set of French queries.

``tests/resources/data/relevance_corpus.csv`` describes resources (key, title,
summary, tags); ``relevance_queries.csv`` gives, for each query, the keys of the
resources that must come first. The figure is the mean recall@5: the share of the
expected resources found among the first five results, averaged over the queries.
tests/resources/test_search_relevance.py builds the corpus with factories (plus
distractors that mention the words in passing) and asserts the figure at a floor.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "resources" / "data"
CUTOFF = 5


@dataclass(frozen=True)
class RelevanceCase:
    query: str
    expected: tuple[str, ...]


def relevance_corpus() -> list[dict]:
    with (DATA / "relevance_corpus.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def relevance_cases() -> list[RelevanceCase]:
    with (DATA / "relevance_queries.csv").open(encoding="utf-8") as handle:
        return [
            RelevanceCase(row["query"], tuple(row["expected"].split(";")))
            for row in csv.DictReader(handle)
        ]


def recall_at(expected: tuple[str, ...], ranked: list[str], cutoff: int = CUTOFF) -> float:
    return len(set(expected) & set(ranked[:cutoff])) / len(expected)


def mean_recall(cases: list[RelevanceCase], search) -> tuple[float, list[tuple[str, float]]]:
    """``search(query)`` returns the keys found, best first; the mean and the misses."""
    scores = [(case.query, recall_at(case.expected, search(case.query))) for case in cases]
    misses = [(query, score) for query, score in scores if score < 1]
    return sum(score for _query, score in scores) / len(scores), misses
